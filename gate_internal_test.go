package logru

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru/sinks"
)

// Which sinks write without the handler's lock: the ones that need none.
func TestLockFreeSinks(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tests := []struct {
		name string
		sink any
		want bool
	}{
		{"*os.File", f, true},
		{"io.Discard", io.Discard, true},
		{"stdout", "stdout", true},
		{"stderr", "stderr", true},
		{"a user's writer", &bytes.Buffer{}, false},
		{"a writer wrapping a file", struct{ io.Writer }{f}, false},
		{"a file path", filepath.Join(t.TempDir(), "x.log"), true},
		{"a file path with a RotateFunc", filepath.Join(t.TempDir(), "rotate.log"), false},
		{"a func", func(Message) {}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := New()
			defer l.Close()
			h := Handler{Sink: tt.sink, Level: "CRITICAL"}
			if strings.HasSuffix(tt.name, "RotateFunc") {
				h.RotateFunc = func([]byte, sinks.FileState) bool { return false }
			}
			if _, err := l.Add(h); err != nil {
				t.Fatal(err)
			}
			hd := l.core.state.Load().handlers[0]
			if hd.lockFree != tt.want || hd.lockFree && hd.userCode {
				t.Errorf("lockFree %v, userCode %v; want lockFree %v", hd.lockFree, hd.userCode, tt.want)
			}
		})
	}
}

// A lock-free handler writes exactly the bytes the locked path writes, for every kind of
// format and record.
func TestLockFreeOutputMatchesLocked(t *testing.T) {
	tests := []struct {
		name string
		h    Handler
	}{
		{"default format", Handler{Colorize: ColorNever}},
		{"colours", Handler{Colorize: ColorAlways}},
		{"text", Handler{Format: "{time} {level} {message} {extra}"}},
		{"json", Handler{Serialize: true}},
		{"func", Handler{FormatFunc: func(r *Record) string { return r.Message + "|\n" }}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.log")
			f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var plain bytes.Buffer
			l := New()
			for _, sink := range []any{f, &plain} {
				h := tt.h
				h.Sink, h.Level = sink, "TRACE"
				if _, err := l.Add(h); err != nil {
					t.Fatal(err)
				}
			}
			if hds := l.core.state.Load().handlers; !hds[0].lockFree || hds[1].lockFree {
				t.Fatal("want the file lock-free and the buffer locked")
			}
			l = l.Bind("bound", "b\x1b[31m")
			l.Info("hello {who}", "who", "world\n", "n", 3)
			l.Warning("<red>markup</red> as data")
			l.Opt(Options{Raw: true}).Error("raw\n")
			l.Exception("failed", errors.New("boom"))
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, plain.Bytes()) || len(got) == 0 {
				t.Errorf("lock-free file:\n%q\nlocked buffer:\n%q", got, plain.Bytes())
			}
		})
	}
}

// Many goroutines log to a lock-free file sink while the handler is removed or the
// logger closed: every line is whole, every line counted is in the file and every
// line in the file is counted, nothing reaches the file once Remove or Close returned,
// and (Close keeps the handler listed) every record is counted once, written or
// dropped.
func TestLockFreeStressRemoveClose(t *testing.T) {
	tests := []struct {
		name string
		stop func(l *Logger, id int) error
	}{
		{"Remove", func(l *Logger, id int) error { return l.Remove(id) }},
		{"RemoveAll", func(l *Logger, _ int) error { return l.RemoveAll() }},
		{"Close", func(l *Logger, _ int) error { return l.Close() }},
		{"Configure", func(l *Logger, _ int) error {
			return l.Configure(Config{Handlers: []Handler{{Sink: io.Discard}}})
		}},
	}
	const goroutines, before, after = 6, 300, 300
	pad := strings.Repeat("x", 180) // long lines: a torn or interleaved write shows
	lineRE := regexp.MustCompile(`^g\d+ n\d+ ` + pad + `$`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.log")
			f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			l := New()
			defer l.Close()
			id, err := l.Add(Handler{Sink: f, Format: "{message}"})
			if err != nil {
				t.Fatal(err)
			}
			hd := l.core.state.Load().handlers[0]
			if !hd.lockFree {
				t.Fatal("the file handler is not lock-free")
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
					// Keep logging while the handler goes, and after.
					for i := 0; i < after; i++ {
						l.Info(fmt.Sprintf("g%d n%d %s", g, n, pad))
						n++
					}
				}()
			}
			for range goroutines {
				<-started
			}
			if err := tt.stop(l, id); err != nil {
				t.Fatal(err)
			}
			fi, err := f.Stat()
			if err != nil {
				t.Fatal(err)
			}
			sizeAtStop := fi.Size()
			wg.Wait()

			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if int64(len(data)) != sizeAtStop {
				t.Errorf("%d bytes written after %s returned", int64(len(data))-sizeAtStop, tt.name)
			}
			lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
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
			if got := hd.records.Load(); got != uint64(len(lines)) || hd.errors.Load() != 0 {
				t.Errorf("counted %d records (%d errors), the file has %d lines", got, hd.errors.Load(), len(lines))
			}
			if tt.name == "Close" {
				st := l.Stats()[0]
				if total := st.Records + st.Dropped; total != goroutines*(before+after) || st.Records < goroutines*before {
					t.Errorf("Stats %+v: %d records counted, want %d", st, total, goroutines*(before+after))
				}
			}
		})
	}
}

// blockingWriter blocks each Write until release is closed, and says when one began.
type blockingWriter struct {
	began   chan struct{}
	release chan struct{}
	mu      sync.Mutex
	n       int
}

func (w *blockingWriter) Write(p []byte) (int, error) {
	w.began <- struct{}{}
	<-w.release
	w.mu.Lock()
	w.n++
	w.mu.Unlock()
	return len(p), nil
}

// Remove of a lock-free handler waits for the write under way, and nothing is written
// after it returns: the record logged later is dropped and counted.
func TestLockFreeRemoveWaitsForWrite(t *testing.T) {
	l := New()
	w := &blockingWriter{began: make(chan struct{}, 1), release: make(chan struct{})}
	if _, err := l.Add(Handler{Sink: w, Format: "{message}"}); err != nil {
		t.Fatal(err)
	}
	hd := l.core.state.Load().handlers[0]
	hd.lockFree = true // as if w needed no lock; no record is under way yet
	hd.gate.init(shardCount(), w)

	logged := make(chan struct{})
	go func() { l.Info("in flight"); close(logged) }()
	<-w.began
	removed := make(chan error)
	go func() { removed <- l.Close() }()
	for !hd.gate.closed.Load() {
		runtime.Gosched()
	}
	select {
	case err := <-removed:
		t.Fatalf("Close returned (%v) while a write was under way", err)
	default:
	}
	close(w.release)
	if err := <-removed; err != nil {
		t.Fatal(err)
	}
	<-logged
	l.Info("after Close") // must not reach w (it would block: began has room for one)
	w.mu.Lock()
	n := w.n
	w.mu.Unlock()
	if st := l.Stats()[0]; n != 1 || st.Records != 1 || st.Dropped != 1 {
		t.Errorf("%d writes, Stats %+v; want 1 record written and 1 dropped", n, st)
	}
}

// lockSoon takes a free lock, and gives up (bounded) on one held throughout.
func TestLockSoon(t *testing.T) {
	tests := []struct {
		name string
		held bool
	}{
		{"free", false},
		{"held", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hd := &handler{}
			if tt.held {
				hd.mu.Lock()
			}
			got := hd.lockSoon()
			if got == tt.held {
				t.Errorf("lockSoon = %v with the lock held %v", got, tt.held)
			}
			if hd.mu.TryLock() {
				t.Error("the lock is free after lockSoon")
			}
			hd.mu.Unlock()
		})
	}
}

// Records of many goroutines into one user-code sink, contended: none is refused as
// re-entrant (the cheap retries and the stack check tell contention from re-entry),
// and every one is written once.
func TestContendedUserSinkWritesAll(t *testing.T) {
	l := New()
	var mu sync.Mutex
	n := 0
	if _, err := l.Add(Handler{Format: "{message}", Sink: func(Message) { mu.Lock(); n++; mu.Unlock() }}); err != nil {
		t.Fatal(err)
	}
	const goroutines, perG = 8, 400
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perG {
				l.Info("x")
			}
		}()
	}
	wg.Wait()
	if st := l.Stats()[0]; n != goroutines*perG || st.Records != uint64(n) || st.Dropped != 0 || st.Errors != 0 {
		t.Errorf("%d written, Stats %+v; want %d", n, st, goroutines*perG)
	}
}

// A lock-free handler's records never take its lock: with hd.mu held elsewhere, every
// record is still written.
func TestLockFreeWriteTakesNoLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.log")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sink := range []any{f, io.Discard} {
		l := New()
		if _, err := l.Add(Handler{Sink: sink, Format: "{message}"}); err != nil {
			t.Fatal(err)
		}
		hd := l.core.state.Load().handlers[0]
		hd.mu.Lock()
		done := make(chan struct{})
		go func() {
			defer close(done)
			for range 10 {
				l.Info("line")
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%T: a record waited for the handler's lock", sink)
		}
		hd.mu.Unlock()
		if st := l.Stats()[0]; st.Records != 10 {
			t.Errorf("%T: Stats %+v, want 10 records", sink, st)
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != strings.Repeat("line\n", 10) {
		t.Errorf("file holds %q", b)
	}
}

// A gate shard's count of records written moves to the handler's records counter when it
// reaches foldAt: exactly once, with nothing lost or counted twice, and a write that
// fails is counted as an error, not a record.
func TestGateFoldsWrittenCount(t *testing.T) {
	l := New()
	defer l.Close()
	w := &failingWriter{}
	var errs []error
	if _, err := l.Add(Handler{Sink: io.Discard, Format: "{message}", OnError: func(err error) { errs = append(errs, err) }}); err != nil {
		t.Fatal(err)
	}
	hd := l.core.state.Load().handlers[0]
	if !hd.lockFree || hd.records.gated != &hd.gate {
		t.Fatal("io.Discard's handler is not lock-free, or its records counter does not read its gate")
	}
	hd.gate.w = w // no record is under way yet
	shards := uint64(len(hd.gate.shards))
	for i := range hd.gate.shards {
		hd.gate.shards[i].n.Store((foldAt - 2) * oneWritten) // two records short of a fold
	}
	base := shards * (foldAt - 2)
	if got := hd.records.Load(); got != base {
		t.Fatalf("records %d before logging, want %d", got, base)
	}
	const n = 3
	for i := range n * shards {
		l.Info("x")
		if want := base + i + 1; hd.records.Load() != want {
			t.Fatalf("after %d records: %d counted, want %d", i+1, hd.records.Load(), want)
		}
	}
	if got, want := hd.gate.written()+hd.records.shardSum(), base+n*shards; got != want {
		t.Errorf("gate %d + counter %d = %d, want %d", hd.gate.written(), hd.records.shardSum(), got, want)
	}
	if hd.records.shardSum()%foldAt != 0 || hd.records.shardSum() == 0 {
		t.Errorf("the counter holds %d records, want a multiple of %d, at least one", hd.records.shardSum(), uint64(foldAt))
	}
	for i := range hd.gate.shards {
		if v := hd.gate.shards[i].n.Load(); v&underWay != 0 || v>>32 >= foldAt {
			t.Errorf("shard %d: %d under way, %d written", i, v&underWay, v>>32)
		}
	}
	w.fail = true
	l.Info("fails")
	if st := l.Stats()[0]; st.Records != base+n*shards || st.Errors != 1 || len(errs) != 1 || hd.gate.busy() {
		t.Errorf("Stats %+v, gate busy %v after a failed write; want %d records, 1 error", st, hd.gate.busy(), base+n*shards)
	}
}

// failingWriter discards its input, failing once fail is set.
type failingWriter struct{ fail bool }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.fail {
		return 0, errors.New("write failed")
	}
	return len(p), nil
}

// shardSum is what c holds apart from its gate's count.
func (c *shardedCounter) shardSum() uint64 {
	n := c.base.Load()
	for i := range c.shards {
		n += c.shards[i].n.Load()
	}
	return n
}
