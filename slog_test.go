package logru_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru"
)

func TestSlogLevelMapping(t *testing.T) {
	for _, tt := range []struct {
		slog  slog.Level
		logru int
	}{
		{-8, logru.LevelTrace}, {slog.LevelDebug, logru.LevelDebug}, {slog.LevelInfo, logru.LevelInfo},
		{2, logru.LevelSuccess}, {slog.LevelWarn, logru.LevelWarning}, {slog.LevelError, logru.LevelError},
		{12, logru.LevelCritical}, {6, 35}, {1, 22}, {-6, 7}, {-12, 0}, {16, 60},
	} {
		if got := logru.LevelFromSlog(tt.slog); got != tt.logru {
			t.Errorf("LevelFromSlog(%d) = %d, want %d", tt.slog, got, tt.logru)
		}
		if got := logru.SlogLevel(tt.logru); got != tt.slog {
			t.Errorf("SlogLevel(%d) = %d, want %d", tt.logru, got, tt.slog)
		}
	}
	// Both directions keep order; slog -> logru -> slog is the identity down to -12.
	prev := -1
	for s := slog.Level(-20); s <= 40; s++ {
		n := logru.LevelFromSlog(s)
		if n < prev || n < 0 {
			t.Fatalf("LevelFromSlog is not monotonic at %d: %d after %d", s, n, prev)
		}
		prev = n
		if s >= -12 && logru.SlogLevel(n) != s {
			t.Errorf("SlogLevel(LevelFromSlog(%d)) = %d", s, logru.SlogLevel(n))
		}
	}
	prevS := slog.Level(-100)
	for n := -3; n <= 100; n++ {
		s := logru.SlogLevel(n)
		if s < prevS {
			t.Fatalf("SlogLevel is not monotonic at %d", n)
		}
		prevS = s
		if n > 0 && logru.LevelFromSlog(s) < n {
			t.Errorf("LevelFromSlog(SlogLevel(%d)) = %d, below %d", n, logru.LevelFromSlog(s), n)
		}
	}
	if got := logru.LevelFromSlog(slog.Level(1 << 62)); got <= logru.LevelCritical {
		t.Errorf("a huge slog level maps to %d", got)
	}
}

// capture is a slog.Handler that keeps the records it receives.
type capture struct {
	mu      sync.Mutex
	min     slog.Level
	records []slog.Record
	ctxs    []context.Context
}

func (c *capture) Enabled(_ context.Context, lv slog.Level) bool { return lv >= c.min }
func (c *capture) Handle(ctx context.Context, r slog.Record) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.records = append(c.records, r.Clone())
	c.ctxs = append(c.ctxs, ctx)
	return nil
}
func (c *capture) WithAttrs([]slog.Attr) slog.Handler { return c }
func (c *capture) WithGroup(string) slog.Handler      { return c }

func TestSlogHandlerSink(t *testing.T) {
	l := logru.New()
	c := &capture{min: slog.LevelInfo}
	if _, err := l.Add(logru.Handler{Sink: c, Level: "TRACE"}); err != nil {
		t.Fatal(err)
	}
	type key struct{}
	ctx := context.WithValue(context.Background(), key{}, "span")
	boom := errors.New("boom")
	_, _, line, _ := runtime.Caller(0)
	l.Ctx(ctx).Bind("user", "ann").Opt(logru.Options{Exception: boom}).Warning("disk {pct}% full", "pct", 91)
	l.Debug("below the slog handler's Enabled")
	l.Info("no context")
	if len(c.records) != 2 {
		t.Fatalf("got %d records, want 2", len(c.records))
	}
	r := c.records[0]
	if r.Level != slog.LevelWarn || r.Message != "disk 91% full" || time.Since(r.Time) > time.Minute {
		t.Errorf("record = %v %q %v", r.Level, r.Message, r.Time)
	}
	if f := r.Source(); f == nil || f.Line != line+1 || f.Function != "github.com/logru/logru_test.TestSlogHandlerSink" {
		t.Errorf("source = %+v, want this test's line %d", f, line+1)
	}
	attrs := map[string]slog.Value{}
	r.Attrs(func(a slog.Attr) bool { attrs[a.Key] = a.Value; return true })
	if attrs["user"].String() != "ann" || attrs["pct"].Int64() != 91 || attrs["error"].Any() != boom {
		t.Errorf("attrs = %v", attrs)
	}
	if c.ctxs[0].Value(key{}) != "span" {
		t.Error("the record's context did not reach the slog handler")
	}
	if c.ctxs[1] == nil {
		t.Error("a record without context reached Handle with a nil context")
	}
}

func TestSlogHandlerSinkRejects(t *testing.T) {
	for _, h := range []logru.Handler{
		{Sink: (*capture)(nil)},
		{Sink: &capture{}, Serialize: true},
		{Sink: &capture{}, FormatFunc: func(*logru.Record) string { return "" }},
	} {
		if _, err := logru.New().Add(h); err == nil {
			t.Errorf("Add(%+v) succeeded", h)
		}
	}
}

func TestLogEvent(t *testing.T) {
	l, buf := newTest(t, "{level} {function} {message} {extra}")
	var pcs [1]uintptr
	runtime.Callers(1, pcs[:])
	l.Bind("b", 1).LogEvent(&logru.Event{Level: 22, Message: "a {b}\nWARNING forged", PC: pcs[0]}, slog.Int("c", 2))
	l.LogEvent(nil)
	l.LogEvent(&logru.Event{Level: 1, Message: "below DEBUG"})
	expect(t, buf, `Level 22 TestLogEvent a {b}\nWARNING forged b=1 c=2`+"\n")
}

func TestLogEventKeepsTime(t *testing.T) {
	l := logru.New()
	var got []time.Time
	l.Add(logru.Handler{Sink: func(m logru.Message) { got = append(got, m.Record.Time) }})
	when := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	l.LogEvent(&logru.Event{Level: logru.LevelInfo, Time: when})
	l.LogEvent(&logru.Event{Level: logru.LevelInfo})
	if len(got) != 2 || !got[0].Equal(when) || !got[1].IsZero() {
		t.Errorf("times = %v", got)
	}
}

// Configure takes slog.Handler sinks as Add does, refusals included.
func TestConfigureSlogSink(t *testing.T) {
	var buf bytes.Buffer
	l := logru.New()
	if err := l.Configure(logru.Config{Handlers: []logru.Handler{{Sink: slog.NewJSONHandler(&buf, nil)}}}); err != nil {
		t.Fatal(err)
	}
	l.Info("hello", "k", 1)
	if got := buf.String(); !strings.Contains(got, `"msg":"hello"`) || !strings.Contains(got, `"k":1`) {
		t.Errorf("slog sink got %q", got)
	}
	err := l.Configure(logru.Config{Handlers: []logru.Handler{{Sink: slog.NewJSONHandler(&buf, nil), Format: "{message}"}}})
	var ce *logru.ConfigError
	if !errors.As(err, &ce) || !strings.Contains(ce.Field, "format") {
		t.Fatalf("Configure with Format on a slog sink: %v, want an error naming format", err)
	}
	buf.Reset()
	l.Info("still configured")
	if !strings.Contains(buf.String(), "still configured") {
		t.Errorf("the old configuration did not stay: %q", buf.String())
	}
}
