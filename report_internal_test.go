package logru

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// within fails the test if f does not return in time (a deadlock).
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: deadlock", what)
	}
}

// An OnError that logs into the logger whose handler fails: each error reaches OnError
// once, and the error of the record OnError logged goes to the stderr note instead of
// calling OnError again without end.
func TestOnErrorThatLogsEnds(t *testing.T) {
	for _, enqueue := range []bool{false, true} {
		var out bytes.Buffer
		l := New()
		l.core.errOut = &out
		var mu sync.Mutex
		calls := 0
		l.Add(Handler{Sink: failing{}, Enqueue: enqueue, OnError: func(err error) {
			mu.Lock()
			calls++
			mu.Unlock()
			l.Warning("sink error: {e}", "e", err.Error())
		}})
		within(t, "OnError logging", func() { l.Info("x"); l.Complete(); l.Close() })
		if calls != 1 || !strings.Contains(out.String(), "logru: handler 0 (logru.failing): nope") {
			t.Errorf("enqueue %v: OnError called %d times (want 1), notes %q", enqueue, calls, out.String())
		}
		if st := l.Stats()[0]; st.Errors != 2 {
			t.Errorf("enqueue %v: %d errors counted, want 2", enqueue, st.Errors)
		}
	}
}

// A file sink's rotation error is reported from inside its Write, under the handler's
// lock: an OnError that logs into the same handler must not deadlock, and its record is
// written.
func TestFileErrorOnErrorLogs(t *testing.T) {
	for _, enqueue := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "a.log")
		l := New()
		var notes []string
		l.Add(Handler{Sink: path, Format: "{message}", Enqueue: enqueue,
			RotateFunc: func(msg []byte, _ FileState) bool { return bytes.HasPrefix(msg, []byte("rotate")) },
			OnError: func(err error) {
				notes = append(notes, err.Error())
				l.Warning("noted")
			}})
		l.Info("first")
		l.Complete()
		os.Remove(path) // the rotation's rename fails
		within(t, "rotation error", func() { l.Info("rotate now"); l.Complete(); l.Close() })
		b, _ := os.ReadFile(path)
		if len(notes) != 1 || !strings.Contains(notes[0], "rotating") || string(b) != "rotate now\nnoted\n" {
			t.Errorf("enqueue %v: notes %q, file %q", enqueue, notes, b)
		}
	}
}

// A panicking RotateFunc behind a queue is contained like a failing write: the writer
// goroutine goes on and the handler is not left locked.
func TestEnqueueFilePanicContained(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.log")
	l := New()
	var notes []string
	l.Add(Handler{Sink: path, Format: "{message}", Enqueue: true,
		RotateFunc: func(msg []byte, _ FileState) bool {
			if bytes.Contains(msg, []byte("boom")) {
				panic("rotate exploded")
			}
			return false
		},
		OnError: func(err error) { notes = append(notes, err.Error()) }})
	l.Info("boom")
	l.Complete()
	l.Info("after")
	within(t, "close", func() { l.Close() })
	b, _ := os.ReadFile(path)
	if len(notes) != 1 || !strings.Contains(notes[0], "sink panicked: rotate exploded") || string(b) != "after\n" {
		t.Errorf("notes %q, file %q", notes, b)
	}
	if st := l.Stats()[0]; st.Errors != 1 || st.Records != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestDropNoteText(t *testing.T) {
	for n, want := range map[uint64]string{
		1:         "queue full: dropped 1 record",
		999:       "queue full: dropped 999 records",
		1234:      "queue full: dropped 1,234 records",
		1_000_000: "queue full: dropped 1,000,000 records",
		0:         "queue full: dropped 0 records",
		123_456:   "queue full: dropped 123,456 records",
		1<<64 - 1: "queue full: dropped 18,446,744,073,709,551,615 records",
	} {
		if got := dropNote(n).Error(); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

// A record logged after Close is dropped, counted, and announced as such (not as a
// full queue).
func TestDropNoteAfterClose(t *testing.T) {
	l := New()
	var notes []string
	if _, err := l.Add(Handler{Format: "{message}", Sink: io.Discard, Enqueue: true,
		OnError: func(err error) { notes = append(notes, err.Error()) }}); err != nil {
		t.Fatal(err)
	}
	l.Info("before")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l.Info("after")
	if len(notes) != 1 || notes[0] != "closed: dropped 1 record" {
		t.Errorf("notes %q", notes)
	}
	if st := l.Stats()[0]; st.Records != 1 || st.Dropped != 1 {
		t.Errorf("stats %+v", st)
	}
}

// Drops from a full queue stay "queue full" in the notes even when Close announces
// them; only records logged after Close are "closed".
func TestDropNotesFullThenClosed(t *testing.T) {
	l := New()
	gate, entered := make(chan struct{}), make(chan struct{}, 1)
	var notes []string
	if _, err := l.Add(Handler{Format: "{message}", Enqueue: true, QueueSize: 1, Overflow: "drop_newest",
		OnError: func(err error) { notes = append(notes, err.Error()) },
		Sink: func(Message) {
			select {
			case entered <- struct{}{}:
			default:
			}
			<-gate
		}}); err != nil {
		t.Fatal(err)
	}
	l.Info("taken by the writer")
	<-entered // the writer holds the first record; the queue (size 1) is empty
	for i := 0; i < 5; i++ {
		l.Info("queued or dropped") // one queued, four dropped
	}
	close(gate)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l.Info("after Close")
	l.Complete() // announces what the rate limit held back
	var full uint64
	for _, n := range notes[:len(notes)-1] {
		var k uint64
		if _, err := fmt.Sscanf(strings.TrimSuffix(strings.TrimSuffix(n, "s"), " record"), "queue full: dropped %d", &k); err != nil {
			t.Fatalf("note %q: %v", n, err)
		}
		full += k
	}
	if full != 4 || notes[len(notes)-1] != "closed: dropped 1 record" {
		t.Errorf("notes %q", notes)
	}
	if st := l.Stats()[0]; st.Records != 2 || st.Dropped != 5 {
		t.Errorf("stats %+v", st)
	}
}

func TestNoteRateLimit(t *testing.T) {
	var out bytes.Buffer
	l := New()
	l.core.errOut = &out
	l.Add(Handler{Sink: failing{}})
	for i := 0; i < 5; i++ {
		l.Info("x")
	}
	got := out.String()
	if strings.Count(got, "\n") != 1 || !strings.Contains(got, "logru: handler 0 (logru.failing): nope") {
		t.Errorf("notes: %q", got)
	}
	if st := l.Stats(); st[0].Errors != 5 {
		t.Errorf("errors counted: %d", st[0].Errors)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errNope }

var errNope = &noteErr{}

type noteErr struct{}

func (*noteErr) Error() string { return "nope" }

type panickyErr struct{}

func (panickyErr) Error() string { panic("Error blew up") }

type errSink struct{ err error }

func (s errSink) Write([]byte) (int, error) { return 0, s.err }

// The note written to stderr for a handler without OnError is one safe line: the error's
// text is escaped (it cannot forge a line or drive the terminal), and an Error method
// that panics does not reach the caller.
func TestNoteIsOneSafeLine(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{errors.New("bad\nlogru: forged\x1b[31m"), `logru: handler 0 (logru.errSink): bad\nlogru: forged\x1b[31m` + "\n"},
		{panickyErr{}, "logru: handler 0 (logru.errSink): <PANIC=Error method: Error blew up>\n"},
	} {
		var out bytes.Buffer
		l := New()
		l.core.errOut = &out
		l.Add(Handler{Sink: errSink{tt.err}})
		l.Info("x")
		if out.String() != tt.want {
			t.Errorf("note %q, want %q", out.String(), tt.want)
		}
	}
}

// An unknown level with no OnError to take it becomes one note on stderr: from a
// handler without OnError, and from a logger without handlers.
func TestUnknownLevelNote(t *testing.T) {
	for _, withHandler := range []bool{true, false} {
		var out, buf bytes.Buffer
		l := New()
		l.core.errOut = &out
		if withHandler {
			l.Add(Handler{Sink: &buf})
		}
		l.Log("AUDTI", "lost\n{x}", "x", 1)
		want := `logru: logger: Log: level "AUDTI" does not exist; record not logged: "lost\n{x}"` + "\n"
		if out.String() != want || buf.Len() != 0 {
			t.Errorf("handler %v: note %q, want %q; written %q", withHandler, out.String(), want, buf.String())
		}
	}
}
