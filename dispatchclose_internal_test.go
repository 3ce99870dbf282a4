package logru

import (
	"io"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// closingSink closes, removes or completes its own logger from inside Write when it sees
// the message "stop"; it counts the calls logru makes to its Flush and Close.
type closingSink struct {
	l        *Logger
	id       int
	op       string
	mu       sync.Mutex
	lines    []string
	flushes  int
	closes   int
	opResult error
}

func (s *closingSink) Write(m Message) error {
	s.mu.Lock()
	s.lines = append(s.lines, m.Record.Message)
	s.mu.Unlock()
	if m.Record.Message == "stop" {
		var err error
		switch s.op {
		case "Close":
			err = s.l.Close()
		case "Remove":
			err = s.l.Remove(s.id)
		case "RemoveAll":
			err = s.l.RemoveAll()
		case "Complete":
			s.l.Complete()
		}
		s.mu.Lock()
		s.opResult = err
		s.mu.Unlock()
	}
	return nil
}

func (s *closingSink) Flush() error { s.mu.Lock(); s.flushes++; s.mu.Unlock(); return nil }

func (s *closingSink) Close() error { s.mu.Lock(); s.closes++; s.mu.Unlock(); return nil }

// A sink that closes its logger, removes its handler or completes the logger from inside
// its own Write does not deadlock: the close is done as the write returns, once, and
// records after it are dropped and counted.
func TestCloseFromInsideSink(t *testing.T) {
	for _, enqueue := range []bool{false, true} {
		for _, op := range []string{"Close", "Remove", "RemoveAll", "Complete"} {
			t.Run(op+"/enqueue="+strconv.FormatBool(enqueue), func(t *testing.T) {
				l := New()
				l.core.reentryWait = time.Millisecond
				l.core.errOut = io.Discard // the note about the record after Close
				s := &closingSink{l: l, op: op}
				id, err := l.Add(Handler{Format: "{message}", Sink: s, Enqueue: enqueue})
				if err != nil {
					t.Fatal(err)
				}
				s.id = id
				done := make(chan struct{})
				go func() {
					defer close(done)
					l.Info("first")
					l.Info("stop")
					l.Complete()
					l.Info("after")
					l.Complete()
				}()
				select {
				case <-done:
				case <-time.After(10 * time.Second):
					t.Fatal("deadlock: the logging goroutine never returned")
				}
				if err := l.Close(); err != nil {
					t.Fatal(err)
				}
				s.mu.Lock()
				defer s.mu.Unlock()
				if s.opResult != nil {
					t.Errorf("%s from the sink returned %v", op, s.opResult)
				}
				want := []string{"first", "stop"}
				if op == "Complete" {
					want = append(want, "after")
				}
				if !slices.Equal(s.lines, want) {
					t.Errorf("lines %q, want %q", s.lines, want)
				}
				if s.closes != 1 {
					t.Errorf("Sink.Close called %d times, want 1", s.closes)
				}
				if op != "Complete" {
					var dropped uint64
					for _, st := range l.Stats() {
						dropped += st.Dropped
					}
					if op != "Remove" && op != "RemoveAll" && dropped != 1 {
						t.Errorf("dropped %d, want 1 (the record after Close)", dropped)
					}
				}
			})
		}
	}
}
