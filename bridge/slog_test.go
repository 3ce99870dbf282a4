package bridge_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/slogtest"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/bridge"
	"github.com/logru/logru/logrutest"
)

// jsonLogger returns a logger whose records are serialized into the returned buffer.
func jsonLogger(t *testing.T, level string) (*logru.Logger, *bytes.Buffer) {
	t.Helper()
	l := logru.New()
	var buf bytes.Buffer
	if _, err := l.Add(logru.Handler{Sink: &buf, Serialize: true, Level: level}); err != nil {
		t.Fatal(err)
	}
	return l, &buf
}

// records parses serialized lines.
func records(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// TestSlogtest runs the standard library's conformance suite, reading the records back
// through logrutest: slog's time, level and msg are logru's time (absent when zero),
// level and message, and the attributes are the extra fields, groups as nested maps.
func TestSlogtest(t *testing.T) {
	var logs *logrutest.Logs
	slogtest.Run(t, func(t *testing.T) slog.Handler {
		var l *logru.Logger
		l, logs = logrutest.New(t)
		return bridge.NewSlogHandler(l)
	}, func(t *testing.T) map[string]any {
		es := logs.All()
		if len(es) != 1 {
			t.Fatalf("want one record, got %d: %+v", len(es), es)
		}
		e := es[0]
		m := map[string]any{slog.LevelKey: e.Level, slog.MessageKey: e.Message}
		if !e.Time.IsZero() {
			m[slog.TimeKey] = e.Time
		}
		for k, v := range e.Fields {
			m[k] = v
		}
		return m
	})
}

func TestSlogRecordFields(t *testing.T) {
	l, buf := jsonLogger(t, "TRACE")
	log := slog.New(bridge.NewSlogHandler(l))
	when := time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)
	var pcs [1]uintptr
	runtime.Callers(1, pcs[:])
	r := slog.NewRecord(when, slog.LevelWarn, "disk {full}\nINFO forged\x1b[2J", pcs[0])
	r.AddAttrs(slog.String("full", "no"), slog.Group("req", slog.Int("id", 7), slog.Group("user", slog.String("name", "ann"))))
	if err := log.Handler().Handle(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	got := records(t, buf)[0]
	want := map[string]any{
		"time":     "2026-03-26T14:30:00.000000+00:00",
		"level":    "WARNING",
		"level_no": 30.0,
		"message":  `disk {full}\nINFO forged\x1b[2J`,
		"function": "TestSlogRecordFields",
		"file":     "slog_test.go",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %#v, want %#v", k, got[k], v)
		}
	}
	extra, _ := json.Marshal(got["extra"])
	if string(extra) != `{"full":"no","req":{"id":7,"user":{"name":"ann"}}}` {
		t.Errorf("extra = %s", extra)
	}
}

func TestSlogCallerAndContext(t *testing.T) {
	l, logs := logrutest.New(t)
	type key struct{}
	log := slog.New(bridge.NewSlogHandler(l))
	ctx := logru.Contextualize(context.WithValue(context.Background(), key{}, "v"), "trace_id", "abc")
	_, _, line, _ := runtime.Caller(0)
	log.InfoContext(ctx, "hello") // line+1
	if logs.Len() != 1 {
		t.Fatalf("got %d records", logs.Len())
	}
	e := logs.All()[0]
	if e.Line != line+1 || e.Function != "TestSlogCallerAndContext" || e.Name != "github.com/logru/logru/bridge_test" {
		t.Errorf("caller = %s %s:%d, want this test at line %d", e.Name, e.Function, e.Line, line+1)
	}
	if e.Context == nil || e.Context.Value(key{}) != "v" {
		t.Error("the context given to slog did not reach Record.Context")
	}
	if v := e.Fields["trace_id"]; v != "abc" {
		t.Errorf("context fields: trace_id = %v", v)
	}
	// Activation uses slog's caller.
	l.Disable("github.com/logru/logru/bridge_test")
	log.Info("silenced")
	if logs.Len() != 1 {
		t.Error("Disable of the caller's package did not silence slog's record")
	}
}

func TestSlogEnabledFollowsLevelGate(t *testing.T) {
	l, buf := jsonLogger(t, "WARNING")
	h := bridge.NewSlogHandler(l)
	for _, tt := range []struct {
		lv   slog.Level
		want bool
	}{
		{slog.LevelDebug, false}, {slog.LevelInfo, false}, {2, false}, {3, false},
		{slog.LevelWarn, true}, {slog.LevelError, true}, {12, true},
	} {
		if got := h.Enabled(context.Background(), tt.lv); got != tt.want {
			t.Errorf("Enabled(%v) = %v, want %v", tt.lv, got, tt.want)
		}
	}
	slog.New(h).Info("dropped")
	if buf.Len() != 0 {
		t.Errorf("a record below the gate was written: %s", buf)
	}
}

func TestSlogLevelNames(t *testing.T) {
	l, buf := jsonLogger(t, "0")
	if _, err := l.AddLevel(logru.Level{Name: "AUDIT", No: 35}); err != nil {
		t.Fatal(err)
	}
	log := slog.New(bridge.NewSlogHandler(l))
	for _, lv := range []slog.Level{-8, -4, 0, 1, 2, 4, 6, 8, 12} {
		log.Log(context.Background(), lv, "m")
	}
	var names []string
	for _, r := range records(t, buf) {
		names = append(names, r["level"].(string))
	}
	want := "TRACE DEBUG INFO Level 22 SUCCESS WARNING AUDIT ERROR CRITICAL"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("levels = %q, want %q", got, want)
	}
}

type token string

func (token) LogValue() slog.Value { return slog.StringValue("REDACTED") }

func TestSlogWithAttrsAndGroups(t *testing.T) {
	for _, tt := range []struct {
		name string
		log  func(*slog.Logger)
		want string
	}{
		{"bound", func(s *slog.Logger) { s.With("a", 1).Info("m", "b", 2) }, `{"a":1,"b":2}`},
		{"record wins", func(s *slog.Logger) { s.With("a", 1).Info("m", "a", 2) }, `{"a":2}`},
		{"group", func(s *slog.Logger) { s.WithGroup("g").Info("m", "b", 2) }, `{"g":{"b":2}}`},
		{"group attrs then record", func(s *slog.Logger) { s.With("a", 1).WithGroup("g").With("b", 2).WithGroup("h").Info("m", "c", 3) },
			`{"a":1,"g":{"b":2,"h":{"c":3}}}`},
		{"empty groups", func(s *slog.Logger) { s.WithGroup("g").WithGroup("h").Info("m") }, `{}`},
		{"group attrs only", func(s *slog.Logger) { s.WithGroup("g").With("b", 2).WithGroup("h").Info("m") }, `{"g":{"b":2}}`},
		{"LogValuer in groups", func(s *slog.Logger) {
			s.WithGroup("g").With("t", token("x")).Info("m", slog.Group("h", slog.Any("u", token("y"))))
		}, `{"g":{"h":{"u":"REDACTED"},"t":"REDACTED"}}`},
		{"inline and empty", func(s *slog.Logger) { s.Info("m", slog.Group("", slog.Int("i", 1)), slog.Attr{}, slog.Group("e")) }, `{"i":1}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, buf := jsonLogger(t, "")
			tt.log(slog.New(bridge.NewSlogHandler(l)))
			extra, _ := json.Marshal(records(t, buf)[0]["extra"])
			if string(extra) != tt.want {
				t.Errorf("extra = %s, want %s", extra, tt.want)
			}
		})
	}
}

func TestSlogWithDoesNotChangeParent(t *testing.T) {
	l, buf := jsonLogger(t, "")
	h := bridge.NewSlogHandler(l)
	g := h.WithGroup("g")
	_ = g.WithAttrs([]slog.Attr{slog.Int("a", 1)})
	_ = h.WithAttrs([]slog.Attr{slog.Int("b", 1)})
	slog.New(g).Info("m", "c", 3)
	extra, _ := json.Marshal(records(t, buf)[0]["extra"])
	if string(extra) != `{"g":{"c":3}}` {
		t.Errorf("extra = %s", extra)
	}
}

func TestSlogLoopRefused(t *testing.T) {
	l := logru.New()
	h := bridge.NewSlogHandler(l)
	for _, sink := range []any{
		h,
		h.WithAttrs([]slog.Attr{slog.Int("a", 1)}).WithGroup("g"),
		bridge.NewSlogHandler(l.Bind("child", true)),
	} {
		_, err := l.Add(logru.Handler{Sink: sink})
		var ce *logru.ConfigError
		if !errors.As(err, &ce) || ce.Field != "Handler.Sink" {
			t.Errorf("Add(%T) = %v, want a Handler.Sink ConfigError", sink, err)
		}
	}
	if n := len(l.Stats()); n != 0 {
		t.Errorf("%d looping handlers were added", n)
	}
	// Into another logger: no loop.
	if _, err := logru.New().Add(logru.Handler{Sink: h}); err != nil {
		t.Errorf("a handler into another logger was refused: %v", err)
	}
}

// TestSlogConcurrent logs through the bridge from many goroutines, with groups.
func TestSlogConcurrent(t *testing.T) {
	l, buf := jsonLogger(t, "")
	log := slog.New(bridge.NewSlogHandler(l)).WithGroup("g").With("w", 1)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				log.Info("m", "i", i, "j", j)
			}
		}()
	}
	wg.Wait()
	if n := len(records(t, buf)); n != 16*50 {
		t.Errorf("%d records, want %d", n, 16*50)
	}
}
