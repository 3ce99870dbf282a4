package logru_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru"
)

// TestSizeLimits: every size or count a program or a configuration file sets is either
// bounded (an absurd value is a *ConfigError naming the field and the limit, never a
// crash or memory allocated up front) or harmless at any value (a rotation size or a
// retention count that is never reached); the limits themselves are accepted and log.
func TestSizeLimits(t *testing.T) {
	for _, tt := range []struct {
		name  string
		h     logru.Handler // Sink is set to a file in a temporary directory
		field string        // "" when the handler is accepted
		limit string        // in the error's text
	}{
		{"Buffering 0", logru.Handler{Buffering: 0}, "", ""},
		{"Buffering 64 MiB", logru.Handler{Buffering: 64 << 20}, "", ""},
		{"Buffering over 64 MiB", logru.Handler{Buffering: 64<<20 + 1}, "Handler.Buffering", "64 MiB"},
		{"Buffering 1e9", logru.Handler{Buffering: 1e9}, "Handler.Buffering", "64 MiB"},
		{"Buffering MaxInt64", logru.Handler{Buffering: math.MaxInt64}, "Handler.Buffering", "64 MiB"},
		{"Buffering negative", logru.Handler{Buffering: -1}, "Handler.Buffering", "negative"},
		{"QueueSize MaxInt64", logru.Handler{Enqueue: true, QueueSize: math.MaxInt64}, "Handler.QueueSize", "10,000,000"},
		{"Rotation of MaxInt64 bytes", logru.Handler{Rotation: "9223372036854775807 B"}, "", ""},
		{"Rotation beyond int64", logru.Handler{Rotation: "1e30 GB"}, "Handler.Rotation", "too large"},
		{"Retention of MaxInt64 files", logru.Handler{Retention: "9223372036854775807"}, "", ""},
		{"Retention beyond int64", logru.Handler{Retention: "99999999999999999999"}, "Handler.Retention", "too large"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "app.log")
			l := logru.New()
			h := tt.h
			h.Sink, h.Format = path, "{message}"
			_, err := l.Add(h)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Add: %v", err)
				}
				l.Info("written")
				l.Info("written too")
				if err := l.Close(); err != nil {
					t.Fatal(err)
				}
				if b, _ := os.ReadFile(path); string(b) != "written\nwritten too\n" {
					t.Errorf("file holds %q", b)
				}
				return
			}
			l.Close()
			var ce *logru.ConfigError
			if !errors.As(err, &ce) || ce.Field != tt.field || !strings.Contains(err.Error(), tt.limit) {
				t.Errorf("err = %v; want a *ConfigError on %s saying %q", err, tt.field, tt.limit)
			}
		})
	}
}

// TestSizeLimitsInConfigFiles: a configuration file meets the same limits, the error
// naming the file's key.
func TestSizeLimitsInConfigFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []struct{ name, text, field, limit string }{
		{"buffering.yaml", "handlers: [{sink: app.log, buffering: 9223372036854775807}]\n", "handlers[0].buffering", "64 MiB"},
		{"buffering.json", `{"handlers": [{"sink": "app.log", "buffering": 1000000000}]}`, "handlers[0].buffering", "64 MiB"},
		{"queue.yaml", "handlers: [{sink: stderr, enqueue: true, queue_size: 9223372036854775807}]\n", "handlers[0].queue_size", "10,000,000"},
	} {
		path := filepath.Join(dir, f.name)
		writeFile(t, path, f.text)
		_, err := logru.LoadConfig(path)
		var ce *logru.ConfigError
		if !errors.As(err, &ce) || ce.Field != f.field || !strings.Contains(err.Error(), f.limit) {
			t.Errorf("%s: err = %v; want a *ConfigError on %s naming the limit %s", f.name, err, f.field, f.limit)
		}
	}
}

// TestDepthLimit: an absurd Options.Depth names no caller, instead of overflowing into
// logru's own frames (runtime.Callers).
func TestDepthLimit(t *testing.T) {
	for _, d := range []int{-1, 1_000_000, 1_000_001, math.MaxInt - 1, math.MaxInt} {
		t.Run(strconv.Itoa(d), func(t *testing.T) {
			l := logru.New()
			var b strings.Builder
			if _, err := l.Add(logru.Handler{Sink: &b, Format: "{name}|{function}|{message}"}); err != nil {
				t.Fatal(err)
			}
			l.Opt(logru.Options{Depth: d}).Info("x")
			l.Close()
			want := "|<unknown>|x\n"
			if d < 0 {
				want = "github.com/logru/logru_test|TestDepthLimit.func1|x\n"
			}
			if b.String() != want {
				t.Errorf("Depth %d: %q, want %q", d, b.String(), want)
			}
		})
	}
}
