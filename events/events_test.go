package events_test

import (
	"encoding/json"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
	"github.com/logru/logru/events"
	"github.com/logru/logru/internal/leaktest"
)

func TestMain(m *testing.M) { leaktest.Main(m) }

// lines is a sink keeping each line.
type lines struct {
	mu sync.Mutex
	ls []string
}

func (b *lines) Write(p []byte) (int, error) {
	b.mu.Lock()
	b.ls = append(b.ls, string(p))
	b.mu.Unlock()
	return len(p), nil
}

func (b *lines) all() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.ls...)
}

// newLogger returns a logger writing text and JSON lines of every record.
func newLogger(t *testing.T) (l *logru.Logger, text, js *lines) {
	t.Helper()
	l, text, js = logru.New(), &lines{}, &lines{}
	if _, err := l.Add(logru.Handler{Sink: text, Level: "TRACE", Format: "{level} {message} | {extra} | {file}"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Add(logru.Handler{Sink: js, Level: "TRACE", Serialize: true}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, text, js
}

type jsonRecord struct {
	Level   string         `json:"level"`
	Message string         `json:"message"`
	Extra   map[string]any `json:"extra"`
	File    string         `json:"file"`
}

func decode(t *testing.T, line string) jsonRecord {
	t.Helper()
	var r jsonRecord
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
	return r
}

func TestEvents(t *testing.T) {
	tests := []struct {
		name  string
		log   func(l *logru.Logger)
		level string
		text  string // the text line, without the file
		extra map[string]any
	}{
		{"metric", func(l *logru.Logger) { events.Metric(l, "checkout.latency_ms", 12.5, "route", "/pay") },
			"INFO", "INFO metric checkout.latency_ms = 12.5 | event=metric metric=checkout.latency_ms value=12.5 route=/pay",
			map[string]any{"event": "metric", "metric": "checkout.latency_ms", "value": 12.5, "route": "/pay"}},
		{"NaN metric", func(l *logru.Logger) { events.Metric(l, "ratio", math.NaN()) },
			"INFO", `INFO metric ratio = NaN | event=metric metric=ratio value=NaN note="value is NaN, not a finite number (null in JSON)"`,
			map[string]any{"event": "metric", "metric": "ratio", "value": nil, "note": "value is NaN, not a finite number (null in JSON)"}},
		{"infinite metric", func(l *logru.Logger) { events.Metric(l, "x", math.Inf(-1)) },
			"INFO", `INFO metric x = -Inf | event=metric metric=x value=-Inf note="value is -Inf, not a finite number (null in JSON)"`,
			map[string]any{"value": nil}},
		{"unnamed metric", func(l *logru.Logger) { events.Metric(l, "", 1) },
			"INFO", `INFO metric  = 1 | event=metric metric="" value=1 note="the metric has no name"`, nil},
		{"audit", func(l *logru.Logger) { events.Audit(l, "delete", "order/7", "actor", "bob") },
			"INFO", "INFO audit delete order/7 | event=audit action=delete resource=order/7 actor=bob",
			map[string]any{"event": "audit", "action": "delete", "resource": "order/7", "actor": "bob"}},
		{"audit fields cannot be forged", func(l *logru.Logger) { events.Audit(l, "read", "file", "event", "metric", "action", "none") },
			"INFO", "INFO audit read file | event=audit action=read resource=file",
			map[string]any{"event": "audit", "action": "read"}},
		{"hostile audit data", func(l *logru.Logger) { events.Audit(l, "x\n{resource}", "r") },
			"INFO", `INFO audit x\n{resource} r | event=audit action="x\n{resource}" resource=r`, nil},
		{"security low", func(l *logru.Logger) { events.Security(l, "login_failed", events.Low, "ip", "10.0.0.1") },
			"INFO", "INFO security login_failed (low) | event=security security_event=login_failed severity=low ip=10.0.0.1",
			map[string]any{"event": "security", "security_event": "login_failed", "severity": "low"}},
		{"security medium", func(l *logru.Logger) { events.Security(l, "e", events.Medium) }, "WARNING", "", map[string]any{"severity": "medium"}},
		{"security high", func(l *logru.Logger) { events.Security(l, "e", events.High) }, "ERROR", "", map[string]any{"severity": "high"}},
		{"security critical", func(l *logru.Logger) { events.Security(l, "e", events.Critical) }, "CRITICAL", "", map[string]any{"severity": "critical"}},
		{"security out of range", func(l *logru.Logger) { events.Security(l, "e", 9) }, "CRITICAL", "",
			map[string]any{"severity": "Severity(9)", "note": "unknown severity 9"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, text, js := newLogger(t)
			tt.log(l)
			tl, jl := text.all(), js.all()
			if len(tl) != 1 || len(jl) != 1 {
				t.Fatalf("%d text and %d JSON lines", len(tl), len(jl))
			}
			line, file, _ := strings.Cut(strings.TrimSuffix(tl[0], "\n"), " | events_test.go")
			if file != "" || !strings.HasSuffix(tl[0], "events_test.go\n") {
				t.Errorf("the caller is not the test: %q", tl[0])
			}
			if tt.text != "" && line != tt.text {
				t.Errorf("text\n got %s\nwant %s", line, tt.text)
			}
			if strings.Count(tl[0], "\n") != 1 || strings.Count(jl[0], "\n") != 1 {
				t.Errorf("not one line: %q %q", tl[0], jl[0])
			}
			r := decode(t, jl[0])
			if r.Level != tt.level || r.File != "events_test.go" {
				t.Errorf("level %s file %s, want %s", r.Level, r.File, tt.level)
			}
			for k, want := range tt.extra {
				if got, ok := r.Extra[k]; !ok || got != want {
					t.Errorf("%s = %#v, want %#v", k, got, want)
				}
			}
		})
	}
}

// TestRouting: an audit file takes audit records only.
func TestRouting(t *testing.T) {
	l := logru.New()
	var audit lines
	if _, err := l.Add(logru.Handler{Sink: &audit, Format: "{message}", FilterFunc: func(r *logru.Record) bool {
		v, _ := r.Extra.Get("event")
		return v == "audit"
	}}); err != nil {
		t.Fatal(err)
	}
	events.Metric(l, "m", 1)
	events.Audit(l, "login", "account/1")
	events.Security(l, "s", events.High)
	l.Info("plain")
	l.Close()
	if got := strings.Join(audit.all(), ""); got != "audit login account/1\n" {
		t.Errorf("%q", got)
	}
}

// TestDisabled: a level no handler takes costs no record.
func TestDisabled(t *testing.T) {
	l := logru.New()
	var b lines
	if _, err := l.Add(logru.Handler{Sink: &b, Level: "ERROR"}); err != nil {
		t.Fatal(err)
	}
	events.Metric(l, "m", 1)
	events.Security(l, "s", events.Medium)
	events.Security(l, "s", events.High)
	l.Close()
	if n := len(b.all()); n != 1 {
		t.Errorf("%d records, want 1", n)
	}
}
