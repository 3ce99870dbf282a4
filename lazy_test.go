package logru_test

import (
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/logru/logru"
)

// greeting is a named func type: Lazy calls it too (through reflection).
type greeting func() string

type lazyPoint struct{ X, Y int }

// TestOptLazyAnyFunc: Options.Lazy calls every function of no arguments and exactly one
// result, whatever the result's type, in pairs, slog.Attr values and Fields, and only for
// records that are written; a function of another shape is a value; a panicking one gives
// a placeholder for its own value only.
func TestOptLazyAnyFunc(t *testing.T) {
	calls := 0
	count := func() string { calls++; return "called" }
	var nilFunc func() string
	for _, tt := range []struct {
		name string
		v    any
		want string
	}{
		{"func() any", func() any { return 1 }, "1"},
		{"func() string", func() string { return "text" }, "text"},
		{"func() int", func() int { return 42 }, "42"},
		{"func() bool", func() bool { return true }, "true"},
		{"func() float64", func() float64 { return 1.5 }, "1.5"},
		{"func() error", func() error { return errors.New("broken") }, "broken"},
		{"func() []byte", func() []byte { return []byte("raw") }, "raw"},
		{"func() uint8", func() uint8 { return 7 }, "7"},
		{"func() struct", func() lazyPoint { return lazyPoint{1, 2} }, "{X:1 Y:2}"},
		{"named func type", greeting(func() string { return "hello" }), "hello"},
		{"two results", func() (string, error) { return "no", nil }, "<func() (string, error)>"},
		{"an argument", func(int) string { return "no" }, "<func(int) string>"},
		{"panics", func() string { panic("boom") }, "<PANIC=lazy value: boom>"},
		{"panics with reflection", func() lazyPoint { panic("bang") }, "<PANIC=lazy value: bang>"},
		{"nil func", nilFunc, "<PANIC=lazy value: runtime error: invalid memory address or nil pointer dereference>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := logru.New()
			defer l.Close()
			buf := &lineBuffer{}
			l.Add(logru.Handler{Sink: buf, Format: "{message} {extra}", Level: "INFO"})
			lazy := l.Opt(logru.Options{Lazy: true})
			lazy.Info("pair {v}", "v", tt.v, "after", 1)
			lazy.Info("attr {v}", slog.Any("v", tt.v))
			lazy.LogAttrs(logru.LevelInfo, "LogAttrs {v}", slog.Any("v", tt.v))
			lazy.Info("fields {v}", logru.Fields{"v": tt.v})
			got := buf.Lines()
			if len(got) != 4 {
				t.Fatalf("%d lines, want 4: %q", len(got), got)
			}
			for i, prefix := range []string{"pair ", "attr ", "LogAttrs ", "fields "} {
				if !strings.HasPrefix(got[i], prefix+tt.want+" ") {
					t.Errorf("line %q, want the value %q", got[i], tt.want)
				}
			}
			if !strings.Contains(got[0], "after=1") {
				t.Errorf("the other values of the call are lost: %q", got[0])
			}
		})
	}
	l := logru.New()
	defer l.Close()
	l.Add(logru.Handler{Sink: &lineBuffer{}, Level: "INFO"})
	lazy := l.Opt(logru.Options{Lazy: true})
	lazy.Debug("not written {v}", "v", count, "g", greeting(count))
	if calls != 0 {
		t.Errorf("a record that is not written called its lazy values %d times", calls)
	}
	lazy.Info("written {v}", "v", count, "g", greeting(count))
	if calls != 2 {
		t.Errorf("lazy values called %d times, want 2", calls)
	}
}
