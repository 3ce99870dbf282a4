package logru_test

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"

	"github.com/logru/logru"
)

// logLines returns the lines of every file in dir, archives decompressed.
func logLines(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range ents {
		b, err := decodeArchive(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// decodeArchive reads a file, decompressing it by its extension.
func decodeArchive(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	var r io.Reader = bytes.NewReader(raw)
	isTar := strings.Contains(name, ".tar")
	switch {
	case strings.HasSuffix(name, ".zip"):
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil || len(zr.File) != 1 {
			return nil, fmt.Errorf("zip: %v", err)
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(rc)
	case strings.HasSuffix(name, ".gz"):
		if r, err = gzip.NewReader(r); err != nil {
			return nil, err
		}
	case strings.HasSuffix(name, ".bz2"):
		r = bzip2.NewReader(r)
	case strings.HasSuffix(name, ".xz"):
		if r, err = xz.NewReader(r); err != nil {
			return nil, err
		}
	case strings.HasSuffix(name, ".zst"):
		d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, err
		}
		defer d.Close()
		r = d
	}
	if isTar {
		tr := tar.NewReader(r)
		if _, err := tr.Next(); err != nil {
			return nil, err
		}
		r = tr
	}
	return io.ReadAll(r)
}

// TestConfigureHandsFileOver: Configure applied again with the same file handler, while
// another goroutine logs, loses no line and counts no error, with every compression
// format, rotation on and off, buffering on and off: the new handler takes the old one's open file, and the old
// one compresses, renames and deletes nothing.
func TestConfigureHandsFileOver(t *testing.T) {
	for k, comp := range []string{"", "gz", "bz2", "xz", "zst", "zip", "tar", "tar.gz", "tar.bz2", "tar.xz"} {
		for _, rot := range []string{"", "2 KB"} {
			buffering := 1024 * (k % 2) // and Buffering on half of the formats
			t.Run(fmt.Sprintf("%s/%q/buffering=%d", comp, rot, buffering), func(t *testing.T) {
				dir := t.TempDir()
				var mu sync.Mutex
				var errs []error
				cfg := logru.Config{Handlers: []logru.Handler{{
					Sink: filepath.Join(dir, "app.log"), Format: "{message}", Compression: comp, Rotation: rot, Buffering: buffering,
					OnError: func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() },
				}}}
				l := logru.New()
				if err := l.Configure(cfg); err != nil {
					t.Fatal(err)
				}
				const bg = 200
				done := make(chan struct{})
				go func() { // logs while the configuration is applied again and again
					defer close(done)
					for n := range bg {
						l.Info("bg {n} padded so that a few lines fill a rotation", "n", n)
					}
				}()
				const rounds, per = 4, 40
				for r := range rounds {
					for i := range per {
						l.Info("fg {n} padded so that a few lines fill a rotation", "n", r*per+i)
					}
					if err := l.Configure(cfg); err != nil {
						t.Fatal(err)
					}
				}
				<-done
				var records, errCount uint64
				for _, st := range l.Stats() {
					records, errCount = records+st.Records, errCount+st.Errors
				}
				if err := l.Close(); err != nil {
					t.Fatal(err)
				}
				if len(errs) != 0 || errCount != 0 {
					t.Fatalf("errors: %v (%d counted)", errs, errCount)
				}
				seen := map[string]int{}
				for _, line := range logLines(t, dir) {
					seen[line]++
				}
				want := func(kind string, n int) {
					for i := range n {
						line := kind + " " + strconv.Itoa(i) + " padded so that a few lines fill a rotation"
						if seen[line] != 1 {
							t.Errorf("%q written %d times", line, seen[line])
						}
						delete(seen, line)
					}
				}
				want("fg", rounds*per)
				want("bg", bg)
				if len(seen) != 0 {
					t.Errorf("unexpected lines: %v", seen)
				}
			})
		}
	}
}

// TestConfigureRollbackKeepsFile: a Configure that fails after taking a file over hands
// it back: the old handler goes on writing it.
func TestConfigureRollbackKeepsFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	l := logru.New()
	defer l.Close()
	good := logru.Handler{Sink: path, Format: "{message}", Compression: "gz"}
	if err := l.Configure(logru.Config{Handlers: []logru.Handler{good}}); err != nil {
		t.Fatal(err)
	}
	l.Info("before")
	blocker := filepath.Join(dir, "blocker")
	os.WriteFile(blocker, nil, 0o600)
	err := l.Configure(logru.Config{Handlers: []logru.Handler{good, {Sink: filepath.Join(blocker, "x.log")}}})
	if err == nil {
		t.Fatal("Configure with an impossible path succeeded")
	}
	l.Info("after")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(logLines(t, dir), ","); got != "before,after" {
		t.Errorf("lines %q", got)
	}
}

// TestAddRefusesOpenPath: a second handler of the process on a path already open is
// refused, naming the field and the path, also through another spelling of the path.
func TestAddRefusesOpenPath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	if err := os.Symlink(dir, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	l := logru.New()
	defer l.Close()
	if _, err := l.Add(logru.Handler{Sink: path}); err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{path, filepath.Join(dir, ".", "app.log"), filepath.Join(dir, "link", "app.log")} {
		for _, lg := range []*logru.Logger{l, logru.New()} {
			_, err := lg.Add(logru.Handler{Sink: other})
			var ce *logru.ConfigError
			if lg != l {
				lg.Close()
			}
			if !errors.As(err, &ce) || ce.Field != "Handler.Sink" || ce.Value != other || !strings.Contains(err.Error(), "already open") {
				t.Errorf("Add(%s): %v, want a ConfigError on Handler.Sink", other, err)
				continue
			}
			if strings.Count(err.Error(), strconv.Quote(other)) != 1 {
				t.Errorf("error %q repeats the path", err)
			}
		}
	}
}

// TestWriteToDeletedFileIsAnError: a record written to a file deleted under the sink is
// counted as an error and reported, not as written; the next record recreates the path.
func TestWriteToDeletedFileIsAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.log")
	l := logru.New()
	var mu sync.Mutex
	var errs []error
	if _, err := l.Add(logru.Handler{Sink: path, Format: "{message}", OnError: func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() }}); err != nil {
		t.Fatal(err)
	}
	l.Info("one")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	l.Info("lost")
	l.Info("three")
	st := l.Stats()[0]
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if st.Records != 2 || st.Errors != 1 {
		t.Errorf("stats %+v, want 2 records and 1 error", st)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "deleted") {
		t.Errorf("OnError got %v", errs)
	}
	if b, _ := os.ReadFile(path); string(b) != "three\n" {
		t.Errorf("file %q", b)
	}
}

// TestSharedHandler: handlers with Shared (of two Loggers of one process here) write one
// path together; Shared is refused on what is not a file, and where it cannot work.
func TestSharedHandler(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	h := logru.Handler{Sink: path, Format: "{message}", Shared: true, Rotation: "1 KB", Compression: "gz"}
	a, b := logru.New(), logru.New()
	for _, l := range []*logru.Logger{a, b} {
		if _, err := l.Add(h); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 100 {
		a.Info("a {i} with some padding to fill the rotations", "i", i)
		b.Info("b {i} with some padding to fill the rotations", "i", i)
	}
	for _, l := range []*logru.Logger{a, b} {
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(logLines(t, dir)); got != 200 {
		t.Errorf("%d lines, want 200", got)
	}
	for _, c := range []struct {
		h     logru.Handler
		field string
	}{
		{logru.Handler{Sink: io.Discard, Shared: true}, "Handler.Shared"},
		{logru.Handler{Sink: filepath.Join(dir, "b.log"), Shared: true, Buffering: 4096}, "Handler.Shared"},
		{logru.Handler{Sink: filepath.Join(dir, "c.log"), Shared: true, Compression: "zst"}, "Handler.Shared"},
	} {
		l := logru.New()
		_, err := l.Add(c.h)
		l.Close()
		var ce *logru.ConfigError
		if !errors.As(err, &ce) || ce.Field != c.field {
			t.Errorf("%+v: %v, want a ConfigError on %s", c.h, err, c.field)
		}
	}
}

// TestSharedInConfigFile: a configuration file sets Shared with the key shared.
func TestSharedInConfigFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logru.yaml")
	if err := os.WriteFile(path, []byte("handlers:\n  - sink: app.log\n    shared: true\n    rotation: 1 MB\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := logru.LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Handlers) != 1 || !cfg.Handlers[0].Shared {
		t.Errorf("handlers %+v, want one with Shared", cfg.Handlers)
	}
}
