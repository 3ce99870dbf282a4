package logru_test

import (
	"bytes"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/logru/logru"
)

func TestAddValidation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "never.log")
	for _, tt := range []struct {
		h     logru.Handler
		field string
	}{
		{logru.Handler{}, "Handler.Sink"},
		{logru.Handler{Sink: 42}, "Handler.Sink"},
		{logru.Handler{Sink: ""}, "Handler.Sink"},
		{logru.Handler{Sink: (*os.File)(nil)}, "Handler.Sink"},
		{logru.Handler{Sink: dir}, "Handler.Sink"},
		{logru.Handler{Sink: path, Level: "NOPE"}, "Handler.Level"},
		{logru.Handler{Sink: path, Level: "-3"}, "Handler.Level"},
		{logru.Handler{Sink: path, Format: "<red>x"}, "Handler.Format"},
		{logru.Handler{Sink: path, Format: "{nope}"}, "Handler.Format"},
		{logru.Handler{Sink: path, Serialize: true, Format: "{message}"}, "Handler.Format"},
		{logru.Handler{Sink: path, Format: "x", FormatFunc: func(*logru.Record) string { return "" }}, "Handler.Format"},
		{logru.Handler{Sink: path, FilterLevels: map[string]string{"a/b": "NOPE"}}, `Handler.FilterLevels["a/b"]`},
		{logru.Handler{Sink: path, Colorize: 7}, "Handler.Colorize"},
		{logru.Handler{Sink: path, Overflow: "sometimes"}, "Handler.Overflow"},
		{logru.Handler{Sink: path, QueueSize: -1}, "Handler.QueueSize"},
		{logru.Handler{Sink: path, Enqueue: true, QueueSize: -5}, "Handler.QueueSize"},
		{logru.Handler{Sink: path, Rotation: "100"}, "Handler.Rotation"},
		{logru.Handler{Sink: path, Rotation: "w7"}, "Handler.Rotation"},
		{logru.Handler{Sink: path, Retention: "sunday"}, "Handler.Retention"},
		{logru.Handler{Sink: path, Retention: "3", RetainFunc: func([]string) error { return nil }}, "Handler.Retention"},
		{logru.Handler{Sink: path, Compression: "rar"}, "Handler.Compression"},
		{logru.Handler{Sink: path, Compression: "gz", CompressFunc: func(string) error { return nil }}, "Handler.Compression"},
		{logru.Handler{Sink: path, Naming: "weird"}, "Handler.Naming"},
		{logru.Handler{Sink: path, Naming: "old-{date}.log"}, "Handler.Naming"},
		{logru.Handler{Sink: path, Naming: "old/{time}.log"}, "Handler.Naming"},
		{logru.Handler{Sink: &bytes.Buffer{}, Rotation: "1 MB"}, "Handler.Rotation"},
		{logru.Handler{Sink: "stderr", Watch: true}, "Handler.Watch"},
		{logru.Handler{Sink: path, Mode: os.ModeDir | 0o600}, "Handler.Mode"},
		{logru.Handler{Sink: path, Buffering: -1}, "Handler.Buffering"},
		{logru.Handler{Sink: "stdout", Delay: true}, "Handler.Delay"},
		{logru.Handler{Sink: &bytes.Buffer{}, Mode: 0o644}, "Handler.Mode"},
		{logru.Handler{Sink: slog.NewTextHandler(&bytes.Buffer{}, nil), Serialize: true}, "Handler.Serialize"},
		{logru.Handler{Sink: slog.NewTextHandler(&bytes.Buffer{}, nil), Format: "{message}"}, "Handler.Format"},
	} {
		l := logru.New()
		id, err := l.Add(tt.h)
		var ce *logru.ConfigError
		if err == nil || !errors.As(err, &ce) || ce.Field != tt.field {
			t.Errorf("Add(%+v) = %d, %v; want a ConfigError for %s", tt.h, id, err, tt.field)
		}
		if len(l.Stats()) != 0 {
			t.Errorf("a rejected handler was added: %+v", tt.h)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a rejected handler created its file: %v", err)
	}
}

func TestConfigErrorText(t *testing.T) {
	_, err := logru.New().Add(logru.Handler{Sink: "x.log", Level: "LOUD"})
	if err == nil || err.Error() != `logru: Handler.Level "LOUD": level does not exist` {
		t.Errorf("error text = %v", err)
	}
}
