package logrutest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/logru/logru"
)

// Options change what [New] captures. The zero Options is the default.
type Options struct {
	// Level is the minimum level captured, by name or number; "" means TRACE, so every
	// record is captured.
	Level string
	// Format is the template of each entry's Text and of the lines printed when the test
	// fails (see logru.Handler.Format); "" means logru's default format. Colours are
	// never written.
	Format string
}

// New returns a logger with one handler, which captures every record (at TRACE and
// above) as an [Entry], and the view of all the entries it captures. The logger is
// closed when the test ends; when the test has failed, every line it captured (the last
// 10,000 at most, TakeAll and Reset notwithstanding) is printed then through t.Log.
// An error from that Close (a sink added to the logger failed to close) fails the test
// through t.Errorf.
//
// At most one Options may be given. New fails the test when an Options field is not
// valid (a level that does not exist, a format that does not compile). The logger and
// the Logs are safe for concurrent use; they are not tied to t's goroutine.
func New(t testing.TB, opts ...Options) (*logru.Logger, *Logs) {
	t.Helper()
	var o Options
	switch len(opts) {
	case 0:
	case 1:
		o = opts[0]
	default:
		t.Fatalf("logrutest.New: %d Options given, want at most one", len(opts))
	}
	if o.Level == "" {
		o.Level = "TRACE"
	}
	s := &store{}
	l := logru.New()
	_, err := l.Add(logru.Handler{
		Sink:     func(m logru.Message) { s.add(newEntry(m)) },
		Level:    o.Level,
		Format:   o.Format,
		Colorize: logru.ColorNever,
	})
	if err != nil {
		t.Fatalf("logrutest.New: %v", err)
	}
	t.Cleanup(func() {
		t.Helper()
		if err := l.Close(); err != nil {
			t.Errorf("logrutest: closing the logger: %v", err)
		}
		if !t.Failed() {
			return
		}
		lines, dropped := s.report()
		if len(lines) == 0 {
			return
		}
		var b strings.Builder
		noun := "lines"
		if len(lines) == 1 {
			noun = "line"
		}
		fmt.Fprintf(&b, "logrutest: %d %s logged before the test failed", len(lines), noun)
		if dropped > 0 {
			fmt.Fprintf(&b, " (and %d earlier ones, left out)", dropped)
		}
		b.WriteString(":")
		for _, line := range lines {
			b.WriteString("\n")
			b.WriteString(line)
		}
		t.Log(b.String())
	})
	return l, &Logs{s: s}
}
