package logru_test

import (
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
)

// lineBuffer is a concurrency-safe writer that keeps each Write as one line, so tests
// can check that every record arrived in one piece.
type lineBuffer struct {
	mu     sync.Mutex
	writes []string
}

func (b *lineBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.writes = append(b.writes, string(p))
	return len(p), nil
}

func (b *lineBuffer) Lines() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.writes...)
}

func (b *lineBuffer) String() string { return strings.Join(b.Lines(), "") }

// newTest returns a logger with one handler writing format to a buffer.
func newTest(t *testing.T, format string) (*logru.Logger, *lineBuffer) {
	t.Helper()
	l := logru.New()
	buf := &lineBuffer{}
	if _, err := l.Add(logru.Handler{Sink: buf, Format: format, Level: "TRACE"}); err != nil {
		t.Fatal(err)
	}
	return l, buf
}

func expect(t *testing.T, buf interface{ String() string }, want string) {
	t.Helper()
	if got := buf.String(); got != want {
		t.Errorf("output\n got %q\nwant %q", got, want)
	}
}

type secretToken string

func (secretToken) LogValue() slog.Value { return slog.StringValue("REDACTED") }

type customSink struct {
	lines           string
	flushed, closed int
}

func (s *customSink) Write(m logru.Message) error { s.lines += string(m.Text); return nil }

func (s *customSink) Flush() error { s.flushed++; return nil }

func (s *customSink) Close() error { s.closed++; return nil }
