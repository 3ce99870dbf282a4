package logru

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/logru/logru/internal/render"
	"github.com/logru/logru/internal/rotspec"
	"github.com/logru/logru/sinks"
)

// Message is what a func(logru.Message) sink or a [Sink] receives: the formatted line and
// the record it came from. Both are valid only during the call; copy what must be kept.
type Message struct {
	// Text is the formatted line, newline included (for a Raw record, exactly the message).
	Text []byte
	// Record is the record the line was formatted from.
	Record *Record
}

// Sink is a custom destination. Write is called with one complete line at a time, never
// concurrently for one handler. A Sink may also have Flush() error (called by Complete)
// and Close() error (called when its handler is removed and by Close); both are detected
// by type assertion.
type Sink interface {
	Write(m Message) error
}

// ColorMode says whether a handler colours its output.
type ColorMode int

const (
	// ColorAuto, the zero value, decides per sink. Only "stdout", "stderr" and *os.File
	// writers can be coloured automatically: NO_COLOR set to anything non-empty turns
	// colours off; else FORCE_COLOR set to anything non-empty turns them on (even when
	// the file is no terminal); else they are on when the file is a terminal and TERM
	// is not "dumb". Paths, other writers, functions and Sinks are never coloured
	// automatically.
	ColorAuto ColorMode = iota
	// ColorAlways colours the output, whatever the sink.
	ColorAlways
	// ColorNever leaves colours out.
	ColorNever
)

// String returns "auto", "always" or "never".
func (m ColorMode) String() string {
	switch m {
	case ColorAuto:
		return "auto"
	case ColorAlways:
		return "always"
	case ColorNever:
		return "never"
	}
	return "ColorMode(" + strconv.Itoa(int(m)) + ")"
}

// MarshalText encodes the mode as "auto", "always" or "never".
func (m ColorMode) MarshalText() ([]byte, error) {
	if m < ColorAuto || m > ColorNever {
		return nil, fmt.Errorf("logru: invalid ColorMode %d", int(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText decodes "auto" (or ""), "always" or "never".
func (m *ColorMode) UnmarshalText(b []byte) error {
	switch string(b) {
	case "", "auto":
		*m = ColorAuto
	case "always":
		*m = ColorAlways
	case "never":
		*m = ColorNever
	default:
		return fmt.Errorf("logru: invalid colorize %q: want auto, always or never", b)
	}
	return nil
}

// Handler describes one destination of records: where they go (Sink), which records
// (Level, Filter…) and how they look (Format, Colorize, Serialize). Give it to
// [Logger.Add]. The zero value of every field is its default.
type Handler struct {
	// Sink is where lines go: an io.Writer; "stdout" or "stderr"; any other string, a file
	// path (appended to, created 0600 with its directories); a func(logru.Message); a
	// logru.Sink; a sinks.RecordWriter (sinks.Syslog, sinks.Journal), which receives the
	// line with the record's level, time, caller and extra fields; or a slog.Handler, which receives each record as a slog.Record (see
	// [SlogLevel] for its level) instead of a line. Required. A sink that writes back
	// into the same logger (a [Forwarder]) is refused. A configuration file (LoadConfig)
	// gives a string only.
	//
	// A file path belongs to one handler in one process: Add refuses a second handler
	// (of any Logger of the process) on a path already open, also spelled otherwise or
	// through a symbolic link. [Logger.Configure] that keeps a file handler on the same
	// path hands the open file from the old handler to the new one: no second open, and
	// the old handler renames, compresses or deletes nothing. A record written to a file
	// deleted while open (by another program) is counted as an error and reported, and
	// the path is opened anew.
	Sink any `json:"sink" yaml:"sink"`
	// Level is the minimum level, by name in any case ("INFO", "info") or number ("35").
	// "" means DEBUG.
	Level string `json:"level,omitempty" yaml:"level,omitempty"`
	// Format is the format template (see package format); "" means the default format,
	// [LoguruFormat] followed by <dim>{fields}</dim> (the fields the message did not
	// show). A newline and {exception} are appended to it.
	Format string `json:"format,omitempty" yaml:"format,omitempty"`
	// FormatFunc, when set, makes each line instead of Format: its result is written as is
	// (no markup, no newline added).
	FormatFunc func(*Record) string `json:"-" yaml:"-"`
	// Filter keeps only records from this Go package path and the packages below it, as
	// Logger.Disable matches them. "" keeps everything.
	Filter string `json:"filter,omitempty" yaml:"filter,omitempty"`
	// FilterLevels maps package paths to minimum levels (names or numbers); the longest
	// matching path decides and "" is the default for every package. Packages no key
	// covers pass.
	FilterLevels map[string]string `json:"filter_levels,omitempty" yaml:"filter_levels,omitempty"`
	// FilterFunc keeps the records for which it returns true; it runs after Filter and
	// FilterLevels.
	FilterFunc func(*Record) bool `json:"-" yaml:"-"`
	// Colorize says whether markup becomes colours; see ColorMode. A configuration file
	// writes auto, always or never (true and false mean always and never).
	Colorize ColorMode `json:"colorize,omitempty" yaml:"colorize,omitempty"`
	// Serialize writes each record as one JSON object per line instead of Format.
	Serialize bool `json:"serialize,omitempty" yaml:"serialize,omitempty"`
	// Backtrace shows the whole goroutine stack of exceptions, not only the frames between
	// the panic and the Catch.
	Backtrace bool `json:"backtrace,omitempty" yaml:"backtrace,omitempty"`
	// Diagnose adds each cause's concrete type and detailed form to exceptions.
	Diagnose bool `json:"diagnose,omitempty" yaml:"diagnose,omitempty"`
	// Enqueue hands records to one background goroutine with a bounded queue, so a slow
	// sink does not slow the caller. The caller still formats the record, so the values
	// written are those of the call. Complete waits for the queue; Close drains it.
	Enqueue bool `json:"enqueue,omitempty" yaml:"enqueue,omitempty"`
	// QueueSize bounds the queue of an Enqueue handler; 0 means 10,000; at most
	// 10,000,000 (larger is a *ConfigError). The queue's memory grows with what waits in
	// it, not with the bound.
	QueueSize int `json:"queue_size,omitempty" yaml:"queue_size,omitempty"`
	// Overflow says what a full queue does: "block" (default), "drop_newest", "drop_oldest".
	Overflow string `json:"overflow,omitempty" yaml:"overflow,omitempty"`
	// OnError receives the handler's write errors and notes, one call each; nil means a
	// rate-limited note on stderr.
	OnError func(error) `json:"-" yaml:"-"`

	// Rotation, for file sinks, says when the file is closed, renamed and replaced by a
	// new one: a size ("500 MB", "1 GiB"), an interval ("1 week", "12 hours"), a word
	// ("hourly", "daily", "weekly", "monthly", "yearly"), a time of day ("00:00",
	// "1:30 PM"), a weekday ("monday", "w0", "monday at 12:00"), or several joined by
	// " or " ("500 MB or 00:00"). A bare number is rejected. "" never rotates. An
	// interval keeps the grid that starts at the file's creation, as loguru does: "2 h"
	// on a file created at 12:00 rotates at the first write after 14:00, 16:00, …, and
	// neither a late write nor a size rotation moves those boundaries; intervals of a
	// day or more follow the local wall clock across daylight-saving changes. See the
	// sinks package for restarts.
	// Rotation, Retention and Compression only touch regular files: on a path that
	// names a device, a FIFO, a socket or a symbolic link, Add refuses them (such a path
	// is written to as it is, without them).
	Rotation string `json:"rotation,omitempty" yaml:"rotation,omitempty"`
	// Retention, for file sinks, says which rotated files to keep: a count ("10"), an age
	// ("7 days") or a total size ("1 GB"). It runs after each rotation, and at Close when
	// there is no rotation, and only touches files this sink produced. "" keeps all.
	Retention string `json:"retention,omitempty" yaml:"retention,omitempty"`
	// Compression, for file sinks, compresses rotated files on a background worker:
	// "gz", "bz2", "xz", "zst", "zip", "tar", "tar.gz", "tar.bz2", "tar.xz" (also by
	// their usual names: "gzip", "bzip2", "zstd", "tgz", "tbz2", "txz"). gz and zst
	// compress well over 100 MB/s; bz2 and xz manage about 10 MB/s, too slow for a sink
	// that writes several MB/s for long.
	Compression string `json:"compression,omitempty" yaml:"compression,omitempty"`
	// Delay, for file sinks, creates the file at the first record instead of at Add.
	Delay bool `json:"delay,omitempty" yaml:"delay,omitempty"`
	// Watch, for file sinks, reopens the file when another program moved or deleted it
	// (checked at most once a second).
	Watch bool `json:"watch,omitempty" yaml:"watch,omitempty"`
	// Mode, for file sinks, is the permission of a created file; 0 means 0600.
	// Directories logru creates get the matching search permission (0700). A
	// configuration file writes it in octal, as a string: "0640".
	Mode os.FileMode `json:"mode,omitempty" yaml:"mode,omitempty"`
	// Buffering, for file sinks, holds this many bytes before writing; 0 writes each
	// record at once; at most 64 MiB (larger is a *ConfigError). Complete, Close and a
	// once-a-second timer flush the buffer, whose memory grows with what it holds.
	Buffering int `json:"buffering,omitempty" yaml:"buffering,omitempty"`
	// Naming, for file sinks, is how rotated files are named: "" or "time"
	// (app.2026-03-26_14-30-00_123456.log, the old file's opening time), "index"
	// (app.1.log for the newest, older ones shifted up), or a file name with {time}
	// fields formed with the old file's opening time ("app-{time:YYYY-MM-DD}.log", then
	// app-2026-03-26.2.log on a collision). Retention and compression understand all.
	Naming string `json:"naming,omitempty" yaml:"naming,omitempty"`
	// RotateFunc, for file sinks, is asked before each record whether to rotate first,
	// in addition to Rotation.
	RotateFunc func(msg []byte, f FileState) bool `json:"-" yaml:"-"`
	// RetainFunc, for file sinks, receives the sink's rotated files (oldest first)
	// instead of Retention doing its work.
	RetainFunc func(rotated []string) error `json:"-" yaml:"-"`
	// CompressFunc, for file sinks, compresses one rotated file (on the background
	// worker) instead of Compression.
	CompressFunc func(path string) error `json:"-" yaml:"-"`
	// Shared, for file sinks, lets any number of processes (and handlers) append to and
	// rotate one path without losing, tearing or duplicating a line: each record is
	// written under an advisory lock (flock) on the file, the rotation is decided under
	// it from the file's real size, a process that finds the file rotated under it
	// reopens the path, and the process that rotates a file compresses it. Every writer
	// of the path must set it. It needs flock (Linux and other Unix systems) and a
	// fixed path; it does not take Buffering, Naming "index", or Compression without
	// Rotation. false (the default): the path belongs to this handler alone.
	Shared bool `json:"shared,omitempty" yaml:"shared,omitempty"`
}

// FileState describes the file a file sink is writing, for a RotateFunc. See
// [sinks.FileState].
type FileState = sinks.FileState

// HandlerStats counts what one handler did. See [Logger.Stats].
type HandlerStats struct {
	ID      int    // the id Add returned
	Level   string // the handler's level name
	Sink    string // "stderr", "stdout", a file path, or the sink's Go type
	Records uint64 // records written (for a syslog or journal sink: handed to it)
	Dropped uint64 // records dropped (queue overflow, after Close, a syslog or journal sink's buffer)
	Errors  uint64 // failed writes
}

// ConfigError reports an invalid configuration value: which field, what value, and why.
type ConfigError struct {
	Field string // "Handler.Level", "handlers[1].level", …
	Value string // the value as given
	Err   error  // why the value is refused; Unwrap returns it
}

// Error returns `logru: <Field> "<Value>": <reason>`.
func (e *ConfigError) Error() string { return "logru: " + e.reason() }

// reason is the message without its "logru: " prefix, for messages that say more around
// it (a configuration file's name and line, an environment variable).
func (e *ConfigError) reason() string {
	return e.Field + " " + strconv.Quote(e.Value) + ": " + e.Err.Error()
}

// Unwrap returns the underlying reason, for errors.Is and errors.As.
func (e *ConfigError) Unwrap() error { return e.Err }

func configErr(field string, value any, msg string) *ConfigError {
	return &ConfigError{Field: field, Value: fmt.Sprint(value), Err: errors.New(msg)}
}

// handler is one added Handler, compiled.
type handler struct {
	id int
	// reentryWait and lockWaits: see emit. lockWaits counts the bounded waits begun.
	reentryWait time.Duration
	lockWaits   atomic.Int64
	sinkName    string
	level       atomic.Int64
	filter      string
	hasFilter   bool
	flevels     []prefixLevel // longest prefix first
	ffunc       func(*Record) bool
	tmpl        *render.Template
	raw         *render.Template // {message}, for Options.Raw
	json        *render.JSON
	fmtFunc     func(*Record) string
	color       bool
	needs       needs
	onError     func(error)

	mu       sync.Mutex // serializes writes, guards removed
	removed  bool
	userCode bool // the sink runs user code, which may log back into this handler
	w        io.Writer
	fn       func(Message)
	sink     Sink
	slogh    slog.Handler  // a slog.Handler sink: it receives records, not lines
	rw       *recordWriter // a sinks.RecordWriter sink (syslog, journal)
	viaLog   bool          // slogh is slog's default handler, which writes through package log
	closer   io.Closer     // closed at removal: sinks logru opened, and a Sink's Close
	flusher  func() error

	async   *queued     // set with Enqueue
	closing atomic.Bool // close has begun: what the queue drops from now on is for that reason
	// closeLater: a close called from inside this handler's sink is left to the holder
	// of mu (see close).
	closeLater atomic.Bool
	// reporting counts the OnError calls under way, so that enqueue walks the stack
	// (inOnError) only then.
	reporting atomic.Int32

	// file is hd.w when the sink is a file logru opened. While inSink is set, the
	// goroutine holding mu is inside the file's Write, Flush or Close, and the file's
	// errors wait in pending (see fileError).
	file     *sinks.File
	filePath string      // the absolute path of file, as given
	prevFile *sinks.File // set by Configure before open: the file to take over
	prevHd   *handler    // the handler prevFile belongs to
	// handedOff says this handler's file went to a new handler by Configure's hand-off
	// (guarded by mu): closing the handler then closes its File (which touches nothing
	// and passes later writes on) and leaves the handler writable.
	handedOff bool
	core      *loggerCore // for sinkDone
	inSink    atomic.Bool
	pendMu    sync.Mutex
	pending   []error
	nPending  atomic.Int32 // len(pending), read without pendMu by sinkDone

	records atomic.Uint64
	dropped atomic.Uint64
	errors  atomic.Uint64
	notes   rateLimiter
}

type prefixLevel struct {
	prefix string
	level  int
}

// Add compiles h and starts sending records to it; it returns the handler's id, which
// Remove and SetLevel take. Every option is checked first: a bad value returns a
// *ConfigError naming the field and the value, and then nothing is added and no file is
// created.
//
// Add is safe for concurrent use, also while other goroutines log: a record is written
// to the handlers present when its call began.
func (l *Logger) Add(h Handler) (int, error) {
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, errors.New("logru: Add: the logger is closed")
	}
	st := c.state.Load()
	hd, err := compileHandler(c, h, st.levels)
	if err != nil {
		return 0, err
	}
	hd.id = c.nextID
	c.nextID++
	next := st.clone()
	next.handlers = append(next.handlers, hd)
	c.publish(next)
	return hd.id, nil
}

func compileHandler(c *loggerCore, h Handler, levels *levelTable) (*handler, error) {
	hd, err := buildHandler(h, levels)
	if err != nil {
		return nil, err
	}
	if err := hd.open(c, h); err != nil {
		return nil, err
	}
	return hd, nil
}

// buildHandler checks every option of h and compiles it, without opening anything: the
// sink is opened by open, once every handler of a configuration is known to be valid.
func buildHandler(h Handler, levels *levelTable) (*handler, error) {
	hd := &handler{onError: h.OnError, ffunc: h.FilterFunc, fmtFunc: h.FormatFunc, raw: render.MustParse("{message}")}
	lv, err := parseLevel(levels, h.Level)
	if err != nil {
		return nil, &ConfigError{Field: "Handler.Level", Value: h.Level, Err: err}
	}
	hd.level.Store(int64(lv))

	if h.Filter != "" {
		hd.filter, hd.hasFilter = h.Filter, true
	}
	for prefix, name := range h.FilterLevels {
		n, err := parseLevel(levels, name)
		if err != nil || name == "" {
			if err == nil {
				err = ErrNoLevel
			}
			return nil, &ConfigError{Field: "Handler.FilterLevels[" + strconv.Quote(prefix) + "]", Value: name, Err: err}
		}
		hd.flevels = append(hd.flevels, prefixLevel{prefix, n})
	}
	slices.SortFunc(hd.flevels, func(a, b prefixLevel) int { return len(b.prefix) - len(a.prefix) })

	switch h.Colorize {
	case ColorAuto, ColorAlways, ColorNever:
	default:
		return nil, configErr("Handler.Colorize", int(h.Colorize), "want ColorAuto, ColorAlways or ColorNever")
	}
	if err := checkUnsupported(h); err != nil {
		return nil, err
	}

	switch {
	case h.Serialize && (h.Format != "" || h.FormatFunc != nil):
		return nil, configErr("Handler.Format", h.Format, "Format and FormatFunc cannot be used with Serialize")
	case h.Format != "" && h.FormatFunc != nil:
		return nil, configErr("Handler.Format", h.Format, "Format and FormatFunc cannot both be set")
	case h.Serialize:
		hd.json = render.NewJSON(formatOptions(h))
		hd.needs.caller = true
	case h.FormatFunc != nil:
		hd.needs.caller = true
	default:
		src := h.Format
		if src == "" {
			src = render.DefaultFormat
		}
		t, err := render.Parse(src+"\n{exception}", formatOptions(h))
		if err != nil {
			return nil, &ConfigError{Field: "Handler.Format", Value: h.Format, Err: err}
		}
		hd.tmpl = t
		n := t.Needs()
		hd.needs = needs{caller: n.Caller, goroutine: n.Goroutine}
	}
	if hd.hasFilter || len(hd.flevels) > 0 || hd.ffunc != nil {
		hd.needs.caller = true
	}
	return hd, nil
}

// open opens the sink of a built handler (creating a file sink's file) and starts its
// queue. It comes last, so a file is created only once everything else is valid.
func (hd *handler) open(c *loggerCore, h Handler) error {
	hd.reentryWait, hd.core = c.reentryWait, c
	if err := hd.openSink(c, h); err != nil {
		return err
	}
	if h.Enqueue {
		if err := hd.startQueue(c, h); err != nil {
			if hd.closer != nil {
				hd.closer.Close()
			}
			return err
		}
	}
	return nil
}

// checkUnsupported rejects options for features this version does not have, and file
// options given for sinks that are not files.
func checkUnsupported(h Handler) error {
	if h.QueueSize < 0 {
		return configErr("Handler.QueueSize", h.QueueSize, "must not be negative")
	}
	if h.QueueSize > sinks.MaxQueueSize {
		return configErr("Handler.QueueSize", h.QueueSize, "over the limit of 10,000,000 records")
	}
	switch h.Overflow {
	case "", "block", "drop_newest", "drop_oldest":
	default:
		return configErr("Handler.Overflow", h.Overflow, "want block, drop_newest or drop_oldest")
	}
	path, isPath := h.Sink.(string)
	isPath = isPath && path != "stdout" && path != "stderr"
	fileOnly := []struct {
		name string
		set  bool
		val  any
	}{
		{"Rotation", h.Rotation != "", h.Rotation},
		{"Retention", h.Retention != "", h.Retention},
		{"Compression", h.Compression != "", h.Compression},
		{"Watch", h.Watch, h.Watch},
		{"Naming", h.Naming != "", h.Naming},
		{"RotateFunc", h.RotateFunc != nil, "func"},
		{"RetainFunc", h.RetainFunc != nil, "func"},
		{"CompressFunc", h.CompressFunc != nil, "func"},
		{"Delay", h.Delay, h.Delay},
		{"Mode", h.Mode != 0, h.Mode},
		{"Buffering", h.Buffering != 0, h.Buffering},
		{"Shared", h.Shared, h.Shared},
	}
	for _, o := range fileOnly {
		if o.set && !isPath {
			return configErr("Handler."+o.name, o.val, "only file sinks (a path) take this option")
		}
	}
	if h.Rotation != "" {
		if _, err := rotspec.ParseRotation(h.Rotation); err != nil {
			return &ConfigError{Field: "Handler.Rotation", Value: h.Rotation, Err: err}
		}
	}
	if h.Retention != "" {
		if _, err := rotspec.ParseRetention(h.Retention); err != nil {
			return &ConfigError{Field: "Handler.Retention", Value: h.Retention, Err: err}
		}
		if h.RetainFunc != nil {
			return configErr("Handler.Retention", h.Retention, "Retention and RetainFunc cannot both be set")
		}
	}
	if h.Compression != "" {
		if _, err := rotspec.ParseCompression(h.Compression); err != nil {
			return &ConfigError{Field: "Handler.Compression", Value: h.Compression, Err: err}
		}
		if h.CompressFunc != nil {
			return configErr("Handler.Compression", h.Compression, "Compression and CompressFunc cannot both be set")
		}
	}
	switch h.Naming {
	case "", "time", "index":
	default:
		if !strings.ContainsAny(h.Naming, "{}") { // a template is checked by sinks.NewFile
			return configErr("Handler.Naming", h.Naming, `want "time", "index" or a file name with a {time} field`)
		}
	}
	if h.Mode&^fs.ModePerm != 0 {
		return configErr("Handler.Mode", h.Mode, "only permission bits are allowed")
	}
	if h.Buffering < 0 {
		return configErr("Handler.Buffering", h.Buffering, "must not be negative")
	}
	if h.Buffering > sinks.MaxBuffering {
		return configErr("Handler.Buffering", h.Buffering, "over the limit of 64 MiB (67,108,864 bytes)")
	}
	return nil
}

func (hd *handler) openSink(c *loggerCore, h Handler) error {
	auto := h.Colorize == ColorAuto
	hd.color = h.Colorize == ColorAlways
	if err := c.checkLoop(h.Sink); err != nil {
		return err
	}
	switch s := h.Sink.(type) {
	case nil:
		return configErr("Handler.Sink", "nil", "a sink is required")
	case string:
		switch s {
		case "stdout", "stderr":
			f := os.Stdout
			if s == "stderr" {
				f = os.Stderr
			}
			con := sinks.NewConsole(f)
			hd.w, hd.sinkName = con, s
			hd.flusher = con.Sync
			hd.color = hd.color || auto && con.ColorCapable()
		case "":
			return configErr("Handler.Sink", s, "empty path")
		default:
			opts := &sinks.FileOptions{
				Mode: h.Mode, Delay: h.Delay, Buffering: h.Buffering, Watch: h.Watch, Naming: h.Naming,
				Rotation: h.Rotation, RotateFunc: h.RotateFunc,
				Retention: h.Retention, RetainFunc: h.RetainFunc,
				Compression: h.Compression, CompressFunc: h.CompressFunc, Shared: h.Shared,
				// Background errors (rotation, compression, retention, flushing) count as
				// the handler's errors and reach its OnError.
				OnError: func(err error) { c.fileError(hd, err) },
			}
			var f *sinks.File
			var err error
			if hd.prevFile != nil {
				// Configure keeps a file sink on this path: the open file passes from
				// the old handler's File to this one (see Configure).
				f, err = hd.prevFile.Handoff(opts)
				hd.prevFile = nil
			} else {
				f, err = sinks.NewFile(s, opts)
			}
			if err != nil {
				return fileConfigError(h, s, err)
			}
			hd.filePath, _ = filepath.Abs(s)
			hd.w, hd.file, hd.closer, hd.flusher, hd.sinkName = f, f, f, f.Flush, f.Path()
		}
	case sinks.RecordWriter:
		return hd.openRecordWriter(c, s)
	case Sink:
		hd.sink, hd.sinkName, hd.userCode = s, reflect.TypeOf(s).String(), true
		hd.needs.caller = true
		if c, ok := s.(io.Closer); ok {
			hd.closer = c
		}
		if f, ok := s.(interface{ Flush() error }); ok {
			hd.flusher = f.Flush
		}
	case func(Message):
		if s == nil {
			return configErr("Handler.Sink", "nil func", "a sink is required")
		}
		hd.fn, hd.sinkName, hd.userCode = s, "func", true
		hd.needs.caller = true
	case slog.Handler:
		return hd.openSlog(s, h)
	case io.Writer:
		if v := reflect.ValueOf(s); v.Kind() == reflect.Pointer && v.IsNil() {
			return configErr("Handler.Sink", reflect.TypeOf(s).String()+"(nil)", "a nil writer")
		}
		hd.w, hd.sinkName = s, reflect.TypeOf(s).String()
		_, isFile := s.(*os.File)
		hd.userCode = !isFile
		if f, ok := s.(*os.File); ok {
			hd.sinkName = f.Name()
			hd.color = hd.color || auto && sinks.ColorEnabled(f)
		}
		if f, ok := s.(interface{ Flush() error }); ok {
			hd.flusher = f.Flush
		}
	default:
		return configErr("Handler.Sink", reflect.TypeOf(s).String(), "want an io.Writer, a path, \"stdout\", \"stderr\", a func(logru.Message), a logru.Sink, a sinks.RecordWriter or a slog.Handler")
	}
	return nil
}

// Remove stops sending records to the handler id and closes the sink if logru opened it
// (a file) or it is a Sink with a Close method. An unknown id is an error and changes
// nothing. Records being written concurrently finish first.
func (l *Logger) Remove(id int) error {
	c := l.core
	c.mu.Lock()
	st := c.state.Load()
	i := slices.IndexFunc(st.handlers, func(h *handler) bool { return h.id == id })
	if i < 0 {
		c.mu.Unlock()
		return fmt.Errorf("logru: Remove: no handler with id %d", id)
	}
	hd := st.handlers[i]
	next := st.clone()
	next.handlers = slices.Delete(next.handlers, i, i+1)
	c.publish(next)
	c.mu.Unlock()
	return hd.close()
}

// RemoveAll removes every handler, as Remove does, and returns the errors of closing
// their sinks, joined.
func (l *Logger) RemoveAll() error {
	c := l.core
	c.mu.Lock()
	return c.detachAll()
}

// detachAll removes every handler, unlocks c.mu, then closes the removed handlers (after
// the unlock, so a slow sink never holds up Add or logging elsewhere).
func (c *loggerCore) detachAll() error {
	st := c.state.Load()
	next := st.clone()
	next.handlers = nil
	c.publish(next)
	c.mu.Unlock()
	var errs []error
	for _, hd := range st.handlers {
		errs = append(errs, hd.close())
	}
	return errors.Join(errs...)
}

// SetLevel changes the level of handler id while other goroutines log; level is a name
// or a number as in Handler.Level. The level gate follows at once: lowering a handler
// below every other one makes calls that were skipped log. An unknown id (never added,
// removed, or replaced by Configure) or level is an error and changes nothing.
//
// SetLevel is safe for concurrent use with logging and with every other method; a record
// whose call began before the change may still be judged by the old level.
func (l *Logger) SetLevel(id int, level string) error {
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.state.Load()
	i := slices.IndexFunc(st.handlers, func(h *handler) bool { return h.id == id })
	if i < 0 {
		return fmt.Errorf("logru: SetLevel: no handler with id %d", id)
	}
	n, err := parseLevel(st.levels, level)
	if err != nil {
		return &ConfigError{Field: "SetLevel level", Value: level, Err: err}
	}
	st.handlers[i].level.Store(int64(n))
	c.publish(st.clone()) // recomputes the level gate; publish never writes the live state
	return nil
}

// Stats returns one entry per handler, in the order they were added. The counters are
// read atomically, each on its own.
func (l *Logger) Stats() []HandlerStats {
	st := l.core.state.Load()
	out := make([]HandlerStats, 0, len(st.handlers))
	for _, h := range st.handlers {
		out = append(out, HandlerStats{
			ID:      h.id,
			Level:   levelName(st.levels, int(h.level.Load())),
			Sink:    h.sinkName,
			Records: h.records.Load(),
			Dropped: h.dropped.Load() + h.queueDropped() + h.sinkDropped(),
			Errors:  h.errors.Load(),
		})
	}
	return out
}

// sinkDropped is what a syslog or journal sink dropped.
func (hd *handler) sinkDropped() uint64 {
	if hd.rw == nil {
		return 0
	}
	return hd.rw.w.Dropped()
}

// queueDropped is what the handler's queue dropped.
func (hd *handler) queueDropped() uint64 {
	if hd.async == nil {
		return 0
	}
	return hd.async.q.Dropped()
}

// close detaches the handler's sink and closes it if logru owns it. Writes that were
// under way finish first; later ones are dropped and counted.
//
// Called from inside a sink's own write (a sink that closes its logger, or removes its
// handler), this goroutine may hold hd.mu itself: after a bounded wait the close is left
// to the holder of the lock, which does it as it lets go (sinkDone), and close returns
// at once instead of deadlocking.
//
// Called from inside a sink while this goroutine dispatches a record, the close waits
// until the record has reached every handler (see pendingCloses) and close returns nil.
func (hd *handler) close() error {
	if deferClose(hd) {
		return nil
	}
	return hd.closeNow()
}

// closeNow is close, at once.
func (hd *handler) closeNow() error {
	hd.closing.Store(true)
	if hd.async != nil {
		hd.async.q.Close() // writes what is queued, then stops the writer goroutine
	}
	if !hd.mu.TryLock() {
		if !inSinkCall() {
			hd.mu.Lock()
		} else if !hd.lockWithin(hd.reentryWait) {
			hd.closeLater.Store(true)
			if !hd.mu.TryLock() {
				return nil // the holder closes the handler as it lets go
			}
			if !hd.closeLater.CompareAndSwap(true, false) {
				hd.mu.Unlock()
				return nil // the holder has done it
			}
		}
	}
	return hd.closeLocked()
}

// closeLocked does close's work; hd.mu is held, and released.
func (hd *handler) closeLocked() error {
	if hd.removed {
		hd.mu.Unlock()
		return nil
	}
	if hd.handedOff {
		// The new configuration writes this file: the File closes without touching
		// it, and records still on their way to this handler pass through it to the
		// new handler's File, instead of being dropped.
		hd.handedOff = false
		closer := hd.closer
		hd.closer = nil
		hd.inSink.Store(true)
		err := closer.Close()
		hd.inSink.Store(false)
		hd.mu.Unlock()
		hd.sinkDone()
		return err
	}
	hd.removed = true
	hd.inSink.Store(true)
	var err error
	if hd.flusher != nil {
		err = hd.flusher()
	}
	if hd.closer != nil {
		if cerr := hd.closer.Close(); err == nil {
			err = cerr
		}
	}
	hd.inSink.Store(false)
	hd.mu.Unlock()
	hd.sinkDone()
	return err
}

// closeDeferred runs a close left to this goroutine, which has just released hd.mu.
func (hd *handler) closeDeferred() {
	if hd.closeLater.CompareAndSwap(true, false) {
		hd.mu.Lock()
		if err := hd.closeLocked(); err != nil && hd.core != nil {
			hd.core.report(hd, err)
		}
	}
}

// flush flushes the handler's sink, when it buffers.
func (hd *handler) flush() error {
	if hd.async != nil {
		hd.async.q.Flush()
	}
	if hd.flusher == nil {
		return nil
	}
	if !hd.mu.TryLock() {
		if !inSinkCall() {
			hd.mu.Lock()
		} else if !hd.lockWithin(hd.reentryWait) {
			return nil // a sink's own write holds the lock: the flush would never come
		}
	}
	if hd.removed {
		hd.mu.Unlock()
		return nil
	}
	hd.inSink.Store(true)
	err := hd.flusher()
	hd.inSink.Store(false)
	hd.mu.Unlock()
	hd.sinkDone()
	return err
}

// accepts applies the handler's level and filters to a record.
func (hd *handler) accepts(r *Record) bool {
	if int64(r.Level.No) < hd.level.Load() {
		return false
	}
	if hd.hasFilter && !underPrefix(r.Name, hd.filter) {
		return false
	}
	for _, fl := range hd.flevels {
		if underPrefix(r.Name, fl.prefix) {
			if r.Level.No < fl.level {
				return false
			}
			break
		}
	}
	return true
}

// fileConfigError turns an error of sinks.NewFile into a *ConfigError naming the
// Handler field it is about (the option its text starts with, else Sink), without
// repeating the field's value: "sinks: Rotation "10 B": reason" becomes
// `logru: Handler.Rotation "10 B": reason`.
func fileConfigError(h Handler, path string, err error) *ConfigError {
	msg := err.Error()
	options := []struct {
		name  string
		value string
	}{
		{"Naming", h.Naming}, {"Rotation", h.Rotation}, {"Retention", h.Retention},
		{"Compression", h.Compression}, {"RotateFunc", "func"}, {"RetainFunc", "func"},
		{"CompressFunc", "func"}, {"Mode", h.Mode.String()}, {"Buffering", strconv.Itoa(h.Buffering)},
		{"Shared", strconv.FormatBool(h.Shared)},
	}
	for _, o := range options {
		prefix := "sinks: " + o.name
		if rest, ok := strings.CutPrefix(msg, prefix+" "+strconv.Quote(o.value)+": "); ok {
			return &ConfigError{Field: "Handler." + o.name, Value: o.value, Err: reasonError{rest, err}}
		}
		if rest, ok := strings.CutPrefix(msg, prefix+": "); ok {
			return &ConfigError{Field: "Handler." + o.name, Value: o.value, Err: reasonError{rest, err}}
		}
		if strings.HasPrefix(msg, prefix+" ") {
			return &ConfigError{Field: "Handler." + o.name, Value: o.value, Err: reasonError{strings.TrimPrefix(msg, "sinks: "), err}}
		}
	}
	for _, p := range []string{"sinks: file path " + strconv.Quote(path) + ": ", "sinks: file path " + strconv.Quote(path) + " ", "sinks: "} {
		if rest, ok := strings.CutPrefix(msg, p); ok {
			return &ConfigError{Field: "Handler.Sink", Value: path, Err: reasonError{rest, err}}
		}
	}
	return &ConfigError{Field: "Handler.Sink", Value: path, Err: err}
}

// reasonError is an error's text without the field and value a ConfigError already
// shows; it unwraps to the whole error.
type reasonError struct {
	msg string
	err error
}

func (e reasonError) Error() string { return e.msg }
func (e reasonError) Unwrap() error { return e.err }
