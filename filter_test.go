package logru_test

import (
	"testing"

	"github.com/logru/logru"
)

func TestHandlerLevel(t *testing.T) {
	for _, tt := range []struct {
		level string
		want  string
	}{
		{"", "DEBUG\nINFO\nWARNING\n"},
		{"INFO", "INFO\nWARNING\n"},
		{"25", "WARNING\n"},
		{"0", "TRACE\nDEBUG\nINFO\nWARNING\n"},
	} {
		l := logru.New()
		buf := &lineBuffer{}
		if _, err := l.Add(logru.Handler{Sink: buf, Format: "{level}", Level: tt.level}); err != nil {
			t.Fatal(err)
		}
		l.Trace("x")
		l.Debug("x")
		l.Info("x")
		l.Warning("x")
		if got := buf.String(); got != tt.want {
			t.Errorf("Level %q: got %q want %q", tt.level, got, tt.want)
		}
	}
}

func TestFilters(t *testing.T) {
	l := logru.New()
	var bufs [5]lineBuffer
	l.Add(logru.Handler{Sink: &bufs[0], Format: "{message}", Filter: "github.com/logru/logru_test"})
	l.Add(logru.Handler{Sink: &bufs[1], Format: "{message}", Filter: "github.com/logru/logru"})
	l.Add(logru.Handler{Sink: &bufs[2], Format: "{message}", FilterLevels: map[string]string{"": "ERROR", "github.com/logru": "INFO"}})
	l.Add(logru.Handler{Sink: &bufs[3], Format: "{message}", FilterLevels: map[string]string{"": "ERROR"}})
	l.Add(logru.Handler{Sink: &bufs[4], Format: "{message}", FilterFunc: func(r *logru.Record) bool { return r.Message != "skip" }})
	l.Info("a")
	l.Info("skip")
	for i, want := range []string{"a\nskip\n", "", "a\nskip\n", "", "a\n"} {
		if got := bufs[i].String(); got != want {
			t.Errorf("handler %d: got %q want %q", i, got, want)
		}
	}
}
