package logru_test

import (
	"io"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
)

// closingSink is a Sink with a Close method that records its lines and whether it was
// closed.
type closingSink struct {
	mu     sync.Mutex
	lines  []string
	closed bool
}

func (s *closingSink) Write(m logru.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lines = append(s.lines, strings.TrimSuffix(string(m.Text), "\n"))
	return nil
}

func (s *closingSink) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

func (s *closingSink) state() ([]string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.lines), s.closed
}

// TestCloseInSinkDeliversRecord: a sink that closes its logger (or removes handlers, or
// reconfigures it, or completes it) while handling a record: that record still reaches
// every later handler before the close takes effect, nothing is counted dropped, and
// the close has taken effect once the log call returns.
func TestCloseInSinkDeliversRecord(t *testing.T) {
	for _, tt := range []struct {
		name   string
		act    func(l *logru.Logger, idB int)
		closes bool // B is closed once the call returns
	}{
		{"Close", func(l *logru.Logger, _ int) { l.Close() }, true},
		{"Remove", func(l *logru.Logger, idB int) { l.Remove(idB) }, true},
		{"RemoveAll", func(l *logru.Logger, _ int) { l.RemoveAll() }, true},
		{"Configure", func(l *logru.Logger, _ int) {
			l.Configure(logru.Config{Handlers: []logru.Handler{{Sink: io.Discard}}})
		}, true},
		{"Complete", func(l *logru.Logger, _ int) { l.Complete() }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := logru.New()
			defer l.Close()
			var idB int
			acted := 0
			l.Add(logru.Handler{Format: "{message}", Sink: func(m logru.Message) {
				if m.Record.Level.Name == "CRITICAL" {
					acted++
					tt.act(l, idB)
				}
			}})
			b := &closingSink{}
			idB, _ = l.Add(logru.Handler{Format: "{message}", Sink: b})
			c := &lineBuffer{}
			l.Add(logru.Handler{Format: "{message}", Sink: c})

			l.Info("before")
			l.Critical("stop")
			lines, closed := b.state()
			if want := []string{"before", "stop"}; !slices.Equal(lines, want) {
				t.Errorf("the later Sink got %q, want %q", lines, want)
			}
			if got := c.Lines(); !slices.Equal(got, []string{"before\n", "stop\n"}) {
				t.Errorf("the later writer got %q", got)
			}
			if closed != tt.closes {
				t.Errorf("the later Sink closed = %v once the call returned, want %v", closed, tt.closes)
			}
			for _, s := range l.Stats() {
				if s.Dropped != 0 {
					t.Errorf("handler %d (%s): Dropped %d", s.ID, s.Sink, s.Dropped)
				}
			}
			l.Info("after")
			lines, _ = b.state()
			if tt.closes == slices.Contains(lines, "after") {
				t.Errorf("after %s, the later Sink got %q", tt.name, lines)
			}
			if acted != 1 {
				t.Errorf("the sink acted %d times", acted)
			}
		})
	}
}

// TestCloseInNestedSinkDeliversRecord: when dispatches nest on one goroutine (a sink that logs),
// a close asked for by the inner record's sink waits for the outer record too; from a
// queue's writer goroutine, the close still happens.
func TestCloseInNestedSinkDeliversRecord(t *testing.T) {
	t.Run("same logger", func(t *testing.T) {
		l := logru.New()
		defer l.Close()
		l.Add(logru.Handler{Format: "{message}", Level: "INFO", Sink: func(m logru.Message) {
			if m.Record.Message == "outer" {
				l.Critical("inner") // refused for this handler (re-entrant), written by the others
			}
		}})
		l.Add(logru.Handler{Format: "{message}", Level: "CRITICAL", Sink: func(logru.Message) { l.Close() }})
		b := &closingSink{}
		l.Add(logru.Handler{Format: "{message}", Sink: b})
		l.Info("outer")
		lines, closed := b.state()
		if want := []string{"inner", "outer"}; !slices.Equal(lines, want) || !closed {
			t.Errorf("the later Sink got %q, closed %v; want %q, closed", lines, closed, want)
		}
	})
	t.Run("from a queue", func(t *testing.T) {
		l0, l1 := logru.New(), logru.New()
		defer l0.Close()
		defer l1.Close()
		l1.Add(logru.Handler{Format: "{message}", Sink: func(logru.Message) { l1.Close() }})
		b := &closingSink{}
		l1.Add(logru.Handler{Format: "{message}", Sink: b})
		l0.Add(logru.Handler{Format: "{message}", Enqueue: true, Sink: func(m logru.Message) { l1.Info(m.Record.Message) }})
		l0.Info("relayed")
		l0.Complete()
		lines, closed := b.state()
		if want := []string{"relayed"}; !slices.Equal(lines, want) || !closed {
			t.Errorf("the later Sink got %q, closed %v; want %q, closed", lines, closed, want)
		}
	})
}
