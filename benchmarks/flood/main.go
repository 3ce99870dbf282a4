// Command flood times a whole program writing many log lines with five fields to a
// file, for one logging library at a time, then checks that every line reached the
// disk.
//
//	go run ./flood -lib logru -n 1000000
//	/usr/bin/time -v ./flood -lib logru-rotate -dir /some/dir -verify=false
//	./flood -lib logru-rotate -dir /some/dir -count-only
//	go run ./flood -lib logru -any -cpuprofile cpu.out   # then go tool pprof -top cpu.out
//
// Libraries: logru (its own file sink, JSON), logru-rotate (the same with -rotation and
// -compression), logru-text (the same file sink with the default format, no colours),
// logru-nocaller (the same file sink with a text format that shows the fields but no
// caller), zerolog, zap, phuslu, slog (JSON handler) and logrus. -any drives logru
// through its ...any pairs instead of LogAttrs.
//
// Every library writes through a buffer of -buffer bytes (256 KiB by default, the
// size of zap's BufferedWriteSyncer): logru's own Handler.Buffering, a bufio.Writer of
// the same size around the *os.File for the others, flushed before the file is
// closed. -buffer 0 makes every library write each line at once (one write per line).
//
// It prints one line, for example
//
//	lib=logru n=1000000 lines=1000000 wall=1.23s files=1 bytes=254000000
//
// where wall runs from the logger's creation to its Close (for logru, after rotation
// and compression are done) and bytes is the size on disk of the files written
// (compressed ones as compressed). It exits with status 1 when the lines counted
// differ from -n.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/logru/logru"
	plog "github.com/phuslu/log"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

const (
	baseName = "flood"
	fileName = baseName + ".log"
	message  = "request served"
)

// The values of the five fields are taken from these tables by the loop index, so that
// every line differs and nothing is constant-folded, without building strings per line.
var (
	methods  = [...]string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}
	paths    = [...]string{"/", "/login", "/api/v1/users", "/api/v1/users/42", "/api/v1/orders", "/static/app.js", "/static/style.css", "/health", "/metrics", "/api/v1/search"}
	statuses = [...]int{200, 201, 204, 301, 304, 400, 401, 404, 500, 503, 200}
)

func fields(i int) (method, path string, status int, dur time.Duration, size int64) {
	return methods[i%len(methods)], paths[i%len(paths)], statuses[i%len(statuses)],
		time.Duration(i%100_000) * time.Microsecond, int64(i % 1_000_003)
}

// A writer writes n lines to the file at path and closes everything it opened.
type writer func(path string, n int, opts options) error

type options struct {
	any         bool // logru: Info's ...any pairs instead of LogAttrs
	text        bool // logru: the default text format instead of JSON
	nocaller    bool // logru: a text format with the fields and without the caller
	rotation    string
	compression string
	buffer      int // bytes held before a write; 0: one write per line
}

var writers = map[string]writer{
	"logru":          writeLogru,
	"logru-rotate":   writeLogru,
	"logru-text":     writeLogru,
	"logru-nocaller": writeLogru,
	"zerolog":        writeZerolog,
	"zap":            writeZap,
	"phuslu":         writePhuslu,
	"slog":           writeSlog,
	"logrus":         writeLogrus,
}

func main() {
	lib := flag.String("lib", "", "library: "+strings.Join(libNames(), ", "))
	n := flag.Int("n", 1_000_000, "lines to write")
	dir := flag.String("dir", "", "directory for flood.log and its rotated files (default: a new temporary one, removed at exit)")
	keep := flag.Bool("keep", false, "keep the temporary directory")
	useAny := flag.Bool("any", false, "logru only: log through Info's ...any pairs instead of LogAttrs")
	rotation := flag.String("rotation", "100 MB", "logru-rotate: Handler.Rotation")
	compression := flag.String("compression", "gz", "logru-rotate: Handler.Compression (only gz and none can be counted)")
	verify := flag.Bool("verify", true, "count the lines written (after the time is taken)")
	countOnly := flag.Bool("count-only", false, "write nothing: count the lines of the flood files already in -dir and check them against -n")
	buffer := flag.Int("buffer", 256<<10, "bytes held before a write, for every library (logru: Handler.Buffering; others: a bufio.Writer); 0: one write per line")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the writing (logger creation to close) to this file")
	flag.Parse()

	o := options{any: *useAny, rotation: *rotation, compression: *compression, buffer: *buffer}
	if err := run(*lib, *n, *dir, *keep, *verify, *countOnly, *cpuProfile, o); err != nil {
		fmt.Fprintln(os.Stderr, "flood:", err)
		os.Exit(1)
	}
}

func run(lib string, n int, dir string, keep, verify, countOnly bool, cpuProfile string, opts options) error {
	w, ok := writers[lib]
	if !ok {
		return fmt.Errorf("-lib %q: want one of %s", lib, strings.Join(libNames(), ", "))
	}
	if opts.any && !strings.HasPrefix(lib, "logru") {
		return fmt.Errorf("-any applies to logru only, not %s", lib)
	}
	if n < 0 {
		return fmt.Errorf("-n %d: want 0 or more", n)
	}
	if opts.buffer < 0 {
		return fmt.Errorf("-buffer %d: want 0 or more", opts.buffer)
	}
	label := lib
	if opts.any {
		label += "+any"
	}

	if countOnly {
		if dir == "" {
			return errors.New("-count-only needs -dir")
		}
		return report(label, n, dir, 0, true)
	}

	if dir == "" {
		tmp, err := os.MkdirTemp("", "flood-")
		if err != nil {
			return err
		}
		if keep {
			fmt.Fprintln(os.Stderr, "flood: keeping", tmp)
		} else {
			defer os.RemoveAll(tmp)
		}
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if old, err := floodFiles(dir); err != nil {
		return err
	} else if len(old) > 0 {
		return fmt.Errorf("%s already holds %s: use an empty directory", dir, old[0])
	}

	var prof *os.File
	if cpuProfile != "" {
		var err error
		if prof, err = os.Create(cpuProfile); err != nil {
			return err
		}
		defer prof.Close()
		if err := pprof.StartCPUProfile(prof); err != nil {
			return err
		}
	}
	start := time.Now()
	err := w(filepath.Join(dir, fileName), n, optsFor(lib, opts))
	wall := time.Since(start)
	if prof != nil {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	return report(label, n, dir, wall, verify)
}

// optsFor keeps rotation and compression for logru-rotate only, and sets text for
// logru-text and nocaller for logru-nocaller.
func optsFor(lib string, o options) options {
	if lib != "logru-rotate" {
		o.rotation, o.compression = "", ""
	}
	o.text = lib == "logru-text"
	o.nocaller = lib == "logru-nocaller"
	return o
}

func libNames() []string {
	names := make([]string, 0, len(writers))
	for k := range writers {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// report prints the summary line; it fails when verify is set and the count is off.
func report(label string, n int, dir string, wall time.Duration, verify bool) error {
	files, err := floodFiles(dir)
	if err != nil {
		return err
	}
	var size int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			return err
		}
		size += fi.Size()
	}
	line := fmt.Sprintf("lib=%s n=%d", label, n)
	var lines int64 = -1
	if verify {
		var raw int64
		lines, raw, err = countLines(files)
		if err != nil {
			return err
		}
		line += fmt.Sprintf(" lines=%d raw_bytes=%d", lines, raw)
	} else {
		line += " lines=unverified"
	}
	if wall > 0 {
		line += fmt.Sprintf(" wall=%.3fs", wall.Seconds())
	}
	line += fmt.Sprintf(" files=%d bytes=%d", len(files), size)
	fmt.Println(line)
	if verify && lines != int64(n) {
		return fmt.Errorf("%s: counted %d lines in %d files, want %d", label, lines, len(files), n)
	}
	return nil
}

// floodFiles lists flood.log and the rotated files made from it (flood.<stamp>.log,
// flood.<stamp>.log.gz, …), sorted.
func floodFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), baseName+".") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// countLines counts the newlines of files, decompressing .gz ones; raw is the number of
// uncompressed bytes.
func countLines(files []string) (lines, raw int64, err error) {
	buf := make([]byte, 256<<10)
	for _, name := range files {
		l, r, err := countFile(name, buf)
		if err != nil {
			return 0, 0, fmt.Errorf("%s: %w", name, err)
		}
		lines += l
		raw += r
	}
	return lines, raw, nil
}

func countFile(name string, buf []byte) (lines, raw int64, err error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	var r io.Reader = f
	switch {
	case strings.HasSuffix(name, ".gz"):
		zr, err := gzip.NewReader(bufio.NewReaderSize(f, 256<<10))
		if err != nil {
			return 0, 0, err
		}
		defer zr.Close()
		r = zr
	case strings.HasSuffix(name, ".log"):
	default:
		return 0, 0, errors.New("cannot count the lines of this kind of file (only .log and .gz)")
	}
	for {
		k, err := r.Read(buf)
		lines += int64(bytes.Count(buf[:k], []byte{'\n'}))
		raw += int64(k)
		if err == io.EOF {
			return lines, raw, nil
		}
		if err != nil {
			return lines, raw, err
		}
	}
}

// noCallerFormat is logru-nocaller's format: loguru's default look with the fields and
// without the caller.
const noCallerFormat = "{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {message}{fields}"

// logru: its own file sink, JSON (or the default text format for logru-text, or
// noCallerFormat for logru-nocaller), through LogAttrs, or Info's ...any pairs with -any.
func writeLogru(path string, n int, o options) error {
	l := logru.New()
	h := logru.Handler{Sink: path, Level: "INFO", Serialize: true, Buffering: o.buffer,
		Rotation: o.rotation, Compression: o.compression}
	if o.text || o.nocaller {
		h.Serialize = false
		h.Colorize = logru.ColorNever
	}
	if o.nocaller {
		h.Format = noCallerFormat
	}
	if _, err := l.Add(h); err != nil {
		return err
	}
	if o.any {
		for i := range n {
			m, p, s, d, b := fields(i)
			l.Info(message, "method", m, "path", p, "status", s, "duration", d, "bytes", b)
		}
	} else {
		for i := range n {
			m, p, s, d, b := fields(i)
			l.LogAttrs(logru.LevelInfo, message, slog.String("method", m), slog.String("path", p),
				slog.Int("status", s), slog.Duration("duration", d), slog.Int64("bytes", b))
		}
	}
	return l.Close()
}

func writeZerolog(path string, n int, o options) error {
	f, err := create(path, o.buffer)
	if err != nil {
		return err
	}
	l := zerolog.New(f).Level(zerolog.InfoLevel).With().Timestamp().Logger()
	for i := range n {
		m, p, s, d, b := fields(i)
		l.Info().Str("method", m).Str("path", p).Int("status", s).Dur("duration", d).Int64("bytes", b).Msg(message)
	}
	return f.Close()
}

func writeZap(path string, n int, o options) error {
	f, err := create(path, o.buffer)
	if err != nil {
		return err
	}
	core := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(f), zapcore.InfoLevel)
	l := zap.New(core)
	for i := range n {
		m, p, s, d, b := fields(i)
		l.Info(message, zap.String("method", m), zap.String("path", p), zap.Int("status", s),
			zap.Duration("duration", d), zap.Int64("bytes", b))
	}
	if err := l.Sync(); err != nil {
		return err
	}
	return f.Close()
}

func writePhuslu(path string, n int, o options) error {
	f, err := create(path, o.buffer)
	if err != nil {
		return err
	}
	l := plog.Logger{Level: plog.InfoLevel, Writer: plog.IOWriter{Writer: f}}
	for i := range n {
		m, p, s, d, b := fields(i)
		l.Info().Str("method", m).Str("path", p).Int("status", s).Dur("duration", d).Int64("bytes", b).Msg(message)
	}
	return f.Close()
}

func writeSlog(path string, n int, o options) error {
	f, err := create(path, o.buffer)
	if err != nil {
		return err
	}
	l := slog.New(slog.NewJSONHandler(f, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx := context.Background()
	for i := range n {
		m, p, s, d, b := fields(i)
		l.LogAttrs(ctx, slog.LevelInfo, message, slog.String("method", m), slog.String("path", p),
			slog.Int("status", s), slog.Duration("duration", d), slog.Int64("bytes", b))
	}
	return f.Close()
}

func writeLogrus(path string, n int, o options) error {
	f, err := create(path, o.buffer)
	if err != nil {
		return err
	}
	l := logrus.New()
	l.SetOutput(f)
	l.SetLevel(logrus.InfoLevel)
	l.SetFormatter(&logrus.JSONFormatter{})
	for i := range n {
		m, p, s, d, b := fields(i)
		l.WithFields(logrus.Fields{"method": m, "path": p, "status": s, "duration": d, "bytes": b}).Info(message)
	}
	return f.Close()
}

// create opens the file the way logru's file sink does: appending, created if missing,
// and puts a bufio.Writer of size bytes in front of it unless size is 0.
func create(path string, size int) (*output, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	o := &output{Writer: f, f: f}
	if size > 0 {
		o.buf = bufio.NewWriterSize(f, size)
		o.Writer = o.buf
	}
	return o, nil
}

// output is the file the libraries other than logru write to: the *os.File itself, or a
// bufio.Writer in front of it. Close flushes the buffer, then closes the file.
type output struct {
	io.Writer
	f   *os.File
	buf *bufio.Writer
}

// Sync flushes the buffer and commits the file (zap's Sync).
func (o *output) Sync() error {
	if o.buf != nil {
		if err := o.buf.Flush(); err != nil {
			return err
		}
	}
	return o.f.Sync()
}

func (o *output) Close() error {
	var err error
	if o.buf != nil {
		err = o.buf.Flush()
	}
	return errors.Join(err, o.f.Close())
}
