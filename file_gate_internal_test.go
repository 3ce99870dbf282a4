package logru

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru/sinks"
)

// neverRotate keeps a file handler on hd.mu (a RotateFunc is user code run while
// writing), for comparing the gated path with the locked one.
func neverRotate([]byte, sinks.FileState) bool { return false }

// A file logru opened writes exactly the same bytes through the gate as through the
// handler's lock, for every kind of format and record, buffered or not.
func TestFileGateOutputMatchesLocked(t *testing.T) {
	tests := []struct {
		name string
		h    Handler
	}{
		{"default format", Handler{Colorize: ColorNever}},
		{"colours", Handler{Colorize: ColorAlways}},
		{"text", Handler{Format: "{time} {level} {message} {extra}"}},
		{"json", Handler{Serialize: true}},
		{"json buffered", Handler{Serialize: true, Buffering: 256 << 10}},
		{"func", Handler{FormatFunc: func(r *Record) string { return r.Message + "|\n" }}},
		{"rotated by size", Handler{Format: "{message}", Rotation: "1 KB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			gated, locked := filepath.Join(dir, "gated", "out.log"), filepath.Join(dir, "locked", "out.log")
			l := New()
			for i, path := range []string{gated, locked} {
				h := tt.h
				h.Sink, h.Level = path, "TRACE"
				if i == 1 {
					h.RotateFunc = neverRotate
				}
				if _, err := l.Add(h); err != nil {
					t.Fatal(err)
				}
			}
			if hds := l.core.state.Load().handlers; !hds[0].lockFree || hds[1].lockFree {
				t.Fatal("want the first file gated and the second locked")
			}
			l = l.Bind("bound", "b\x1b[31m")
			for i := range 20 {
				l.Info("hello {who}", "who", "world\n", "n", i, "pad", strings.Repeat("p", 40))
				l.Warning("<red>markup</red> as data")
				l.Opt(Options{Raw: true}).Error("raw\n")
			}
			l.Exception("failed", errors.New("boom"))
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			got, want := dirText(t, filepath.Dir(gated)), dirText(t, filepath.Dir(locked))
			if got != want || got == "" {
				t.Errorf("gated file:\n%q\nlocked file:\n%q", got, want)
			}
		})
	}
}

// dirText returns the lines of every file in dir (rotated files first, by name), joined.
func dirText(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	// The rotated files (out.<time>.log, in time order) hold the older lines: the
	// active file comes last.
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "out.log":
			return 1
		case b == "out.log":
			return -1
		}
		return strings.Compare(a, b)
	})
	var sb strings.Builder
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		sb.Write(b)
	}
	return sb.String()
}

// dirSize is the total size of the files in dir.
func dirSize(t *testing.T, dir string) int64 {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for _, e := range ents {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		n += fi.Size()
	}
	return n
}

// Many goroutines log into a gated file sink, rotated by size, while the handler is
// removed, the logger closed, or reconfigured (to another sink, or keeping the path:
// the hand-off): every line is whole and written once; every line counted is in the
// files and every line in the files counted; nothing reaches the files once Remove,
// Close or Configure returned (except, for the hand-off, through the new handler); and
// across the hand-off and the rotations no line is lost.
func TestFileGateStress(t *testing.T) {
	tests := []struct {
		name      string
		buffering int
		stop      func(l *Logger, id int, path string) error
		handOff   bool // the path stays: every record is written
	}{
		{"Remove", 0, func(l *Logger, id int, _ string) error { return l.Remove(id) }, false},
		{"Remove buffered", 4 << 10, func(l *Logger, id int, _ string) error { return l.Remove(id) }, false},
		{"Close", 0, func(l *Logger, _ int, _ string) error { return l.Close() }, false},
		{"Close buffered", 4 << 10, func(l *Logger, _ int, _ string) error { return l.Close() }, false},
		{"Configure elsewhere", 0, func(l *Logger, _ int, path string) error {
			other := filepath.Join(filepath.Dir(filepath.Dir(path)), "other.log")
			return l.Configure(Config{Handlers: []Handler{{Sink: other, Format: "{message}"}}})
		}, false},
		{"Configure keeping the path", 0, func(l *Logger, _ int, path string) error {
			return l.Configure(Config{Handlers: []Handler{{Sink: path, Format: "{message}", Rotation: "8 KB"}}})
		}, true},
		{"Configure keeping the path, buffered", 4 << 10, func(l *Logger, _ int, path string) error {
			return l.Configure(Config{Handlers: []Handler{{Sink: path, Format: "{message}", Rotation: "8 KB", Buffering: 4 << 10}}})
		}, true},
	}
	const goroutines, before, after = 4, 200, 200
	pad := strings.Repeat("x", 180) // long lines: a torn or interleaved write shows
	lineRE := regexp.MustCompile(`^g\d+ n\d+ ` + pad + `$`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "logs")
			path := filepath.Join(dir, "out.log")
			l := New()
			defer l.Close()
			id, err := l.Add(Handler{Sink: path, Format: "{message}", Rotation: "8 KB", Buffering: tt.buffering})
			if err != nil {
				t.Fatal(err)
			}
			hd := l.core.state.Load().handlers[0]
			if !hd.lockFree {
				t.Fatal("the file handler is not gated")
			}
			var wg sync.WaitGroup
			started := make(chan struct{}, goroutines)
			for g := range goroutines {
				wg.Add(1)
				go func() {
					defer wg.Done()
					n := 0
					for ; n < before; n++ {
						l.Info(fmt.Sprintf("g%d n%d %s", g, n, pad))
					}
					started <- struct{}{}
					for range after { // keep logging while the handler goes, and after
						l.Info(fmt.Sprintf("g%d n%d %s", g, n, pad))
						n++
					}
				}()
			}
			for range goroutines {
				<-started
			}
			if err := tt.stop(l, id, path); err != nil {
				t.Fatal(err)
			}
			var next *handler
			if tt.handOff {
				next = l.core.state.Load().handlers[0]
			}
			var sizeAtStop int64
			if !tt.handOff { // the new handler writes and rotates on
				sizeAtStop = dirSize(t, dir)
			}
			wg.Wait()
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			if !tt.handOff {
				if size := dirSize(t, dir); size != sizeAtStop {
					t.Errorf("%d bytes written after %s returned", size-sizeAtStop, tt.name)
				}
			}
			lines := strings.Split(strings.TrimSuffix(dirText(t, dir), "\n"), "\n")
			seen := map[string]bool{}
			for _, ln := range lines {
				if !lineRE.MatchString(ln) {
					t.Fatalf("torn line %q", ln)
				}
				if seen[ln] {
					t.Fatalf("line written twice: %q", ln)
				}
				seen[ln] = true
			}
			records, errs, dropped := hd.records.Load(), hd.errors.Load(), hd.dropped.Load()
			if next != nil {
				records, errs, dropped = records+next.records.Load(), errs+next.errors.Load(), dropped+next.dropped.Load()
			}
			if records != uint64(len(lines)) || errs != 0 {
				t.Errorf("counted %d records (%d errors), the files have %d lines", records, errs, len(lines))
			}
			if tt.handOff && (len(lines) != goroutines*(before+after) || dropped != 0) {
				t.Errorf("%d lines, %d dropped; want all %d lines across the hand-off", len(lines), dropped, goroutines*(before+after))
			}
			if strings.HasPrefix(tt.name, "Close") && records+dropped != goroutines*(before+after) {
				// Close keeps the handler listed: the records that reach it are dropped
				// and counted (Remove and Configure unlist it: later records never reach it).
				t.Errorf("%d written + %d dropped, want %d records", records, dropped, goroutines*(before+after))
			}
		})
	}
}

// An error a gated file raises while writing (here: a rotation finds the file moved
// away, and opens the path anew) reaches OnError outside the gate, on the writing
// goroutine before its log call returns, so that OnError may log into the handler and
// remove it, as on the locked path.
func TestFileGateOnErrorMayRemove(t *testing.T) {
	for _, gated := range []bool{true, false} {
		t.Run(fmt.Sprintf("gated=%v", gated), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "app.log")
			l := New()
			defer l.Close()
			var id int
			var got []error
			h := Handler{Sink: path, Format: "{message}", Rotation: "20 B", OnError: func(err error) {
				got = append(got, err)
				l.Info("from OnError")
				if err := l.Remove(id); err != nil {
					t.Error(err)
				}
			}}
			if !gated {
				h.RotateFunc = neverRotate
			}
			id, err := l.Add(h)
			if err != nil {
				t.Fatal(err)
			}
			hd := l.core.state.Load().handlers[0]
			if hd.lockFree != gated {
				t.Fatalf("lockFree %v, want %v", hd.lockFree, gated)
			}
			l.Info("first record, long enough")
			if err := os.Rename(path, filepath.Join(dir, "moved.log")); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			go func() { defer close(done); l.Info("second") }() // rotation due: the file is gone
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the log call never returned: OnError deadlocked")
			}
			if len(got) != 1 || !strings.Contains(got[0].Error(), "no longer names") {
				t.Fatalf("OnError got %v, want the rotation's error", got)
			}
			for name, want := range map[string]string{"moved.log": "first record, long enough\n", "app.log": "second\nfrom OnError\n"} {
				if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != want {
					t.Errorf("%s holds %q (%v), want %q", name, b, err, want)
				}
			}
			if r, e := hd.records.Load(), hd.errors.Load(); r != 3 || e != 1 || len(l.Stats()) != 0 {
				t.Errorf("records %d, errors %d, %d handlers left; want 3, 1, 0", r, e, len(l.Stats()))
			}
		})
	}
}

// gatedNote holds a file's error while a write is inside the gate or the holder of
// hd.mu is inside the File, and reports it when the last of them leaves; with neither,
// at once.
func TestGatedNoteWaitsForTheGate(t *testing.T) {
	tests := []struct {
		name string
		hold func(hd *handler) (release func())
	}{
		{"idle", nil},
		{"a write in the gate", func(hd *handler) func() {
			s := hd.gate.enter(3)
			return s.leave
		}},
		{"inside the sink under hd.mu", func(hd *handler) func() {
			hd.inSink.Store(true)
			return func() { hd.inSink.Store(false) }
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []error
			l := New()
			defer l.Close()
			if _, err := l.Add(Handler{Sink: filepath.Join(t.TempDir(), "a.log"), Format: "{message}",
				OnError: func(err error) { got = append(got, err) }}); err != nil {
				t.Fatal(err)
			}
			hd := l.core.state.Load().handlers[0]
			boom := errors.New("boom")
			var release func()
			if tt.hold != nil {
				release = tt.hold(hd)
			}
			l.core.fileError(hd, true, boom)
			if tt.hold == nil {
				if len(got) != 1 || hd.nPending.Load() != 0 {
					t.Fatalf("idle: OnError got %v, %d pending; want boom at once", got, hd.nPending.Load())
				}
				return
			}
			if len(got) != 0 || hd.nPending.Load() != 1 {
				t.Fatalf("OnError got %v, %d pending, while held; want it pending", got, hd.nPending.Load())
			}
			release()
			l.Info("next") // leaves the gate, and reports what waits
			if len(got) != 1 || got[0] != boom || hd.nPending.Load() != 0 {
				t.Errorf("OnError got %v, %d pending; want boom once", got, hd.nPending.Load())
			}
			if st := l.Stats()[0]; st.Errors != 1 || st.Records != 1 {
				t.Errorf("Stats %+v, want 1 record and 1 error", st)
			}
		})
	}
}
