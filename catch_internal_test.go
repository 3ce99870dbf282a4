package logru

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// Catch with Reraise waits for the handlers to complete, but not for ever: a sink that
// hangs lets the panic go on after panicFlushWait, with a note to OnError.
func TestCatchReraiseFlushIsBounded(t *testing.T) {
	l := New()
	l.core.panicFlushWait = 20 * time.Millisecond
	release := make(chan struct{})
	var mu sync.Mutex
	var notes, lines []string
	if _, err := l.Add(Handler{Format: "{message}", Enqueue: true,
		OnError: func(err error) { mu.Lock(); notes = append(notes, err.Error()); mu.Unlock() },
		Sink: func(m Message) {
			<-release // the sink hangs until the test releases it
			mu.Lock()
			lines = append(lines, m.Record.Message)
			mu.Unlock()
		}}); err != nil {
		t.Fatal(err)
	}
	type boom struct{ n int }
	var got any
	func() {
		defer func() { got = recover() }()
		func() {
			defer l.Catch(CatchOptions{Reraise: true, Message: "caught"})
			panic(boom{7})
		}()
	}()
	if got != (boom{7}) {
		t.Fatalf("re-panicked with %#v, want the original value", got)
	}
	mu.Lock()
	if len(notes) != 1 || !strings.Contains(notes[0], "not complete after 20ms") || len(lines) != 0 {
		t.Errorf("notes %q, lines %q", notes, lines)
	}
	mu.Unlock()
	close(release)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || lines[0] != "caught" {
		t.Errorf("lines after Close: %q", lines)
	}
}
