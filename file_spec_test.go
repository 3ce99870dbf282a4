package logru_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru"
)

// TestFileSpecAliases: the usual names of compression formats are accepted, and a spec
// error names logru's field and the value once, and no internal package.
func TestFileSpecAliases(t *testing.T) {
	for _, c := range []struct {
		h     logru.Handler
		field string // "" when accepted
	}{
		{logru.Handler{Compression: "gzip"}, ""},
		{logru.Handler{Compression: "zstd"}, ""},
		{logru.Handler{Compression: "bzip2"}, ""},
		{logru.Handler{Compression: "tgz"}, ""},
		{logru.Handler{Compression: "TBZ2"}, ""},
		{logru.Handler{Rotation: "annually"}, ""},
		{logru.Handler{Compression: "zstdd"}, "Handler.Compression"},
		{logru.Handler{Compression: "rar"}, "Handler.Compression"},
		{logru.Handler{Rotation: "100"}, "Handler.Rotation"},
		{logru.Handler{Rotation: "10 parsecs"}, "Handler.Rotation"},
		{logru.Handler{Retention: "nope"}, "Handler.Retention"},
	} {
		h := c.h
		h.Sink = filepath.Join(t.TempDir(), "app.log")
		l := logru.New()
		_, err := l.Add(h)
		l.Close()
		value := h.Compression + h.Rotation + h.Retention
		if c.field == "" {
			if err != nil {
				t.Errorf("%q: %v", value, err)
			}
			continue
		}
		var ce *logru.ConfigError
		if !errors.As(err, &ce) || ce.Field != c.field {
			t.Errorf("%q: %v, want a ConfigError on %s", value, err, c.field)
			continue
		}
		msg := err.Error()
		if want := "logru: " + c.field + " " + strconv.Quote(value) + ": "; !strings.HasPrefix(msg, want) {
			t.Errorf("error %q does not start with %q", msg, want)
		}
		if strings.Count(msg, strconv.Quote(value)) != 1 || strings.Contains(msg, "rotspec") {
			t.Errorf("error %q repeats the value or names an internal package", msg)
		}
	}
}

// TestFileOptionErrors: every file option the sinks package refuses comes back as a
// *ConfigError on the Handler field, with the value once and the reason without the
// sinks package's prefix, before any file is created; Configure refuses it before
// opening any handler.
func TestFileOptionErrors(t *testing.T) {
	nop := func(string) error { return nil }
	for _, c := range []struct {
		h            logru.Handler
		field, value string
		reason       string
	}{
		{logru.Handler{Mode: os.ModeSticky | 0o600}, "Handler.Mode", (os.ModeSticky | 0o600).String(), "only permission bits are allowed"},
		{logru.Handler{Buffering: -2}, "Handler.Buffering", "-2", "must not be negative"},
		{logru.Handler{Naming: "date"}, "Handler.Naming", "date", `want "time", "index" or a file name with a {time} field`},
		{logru.Handler{Naming: "app-{time:YYYY/MM}.log"}, "Handler.Naming", "app-{time:YYYY/MM}.log", "path separator"},
		{logru.Handler{Naming: "app-{size}.log"}, "Handler.Naming", "app-{size}.log", "unknown field {size}"},
		{logru.Handler{Retention: "3", RetainFunc: func([]string) error { return nil }}, "Handler.Retention", "3", "both Retention and RetainFunc are set: choose one"},
		{logru.Handler{Compression: "gz", CompressFunc: nop}, "Handler.Compression", "gz", "both Compression and CompressFunc are set: choose one"},
		{logru.Handler{Rotation: "10 parsecs"}, "Handler.Rotation", "10 parsecs", ""},
	} {
		dir := t.TempDir()
		h := c.h
		h.Sink = filepath.Join(dir, "app.log")
		l := logru.New()
		_, err := l.Add(h)
		cerr := l.Configure(logru.Config{Handlers: []logru.Handler{{Sink: filepath.Join(dir, "first.log")}, h}})
		l.Close()
		for i, err := range []error{err, cerr} {
			field := c.field // Configure names the handler by its index
			if i == 1 {
				field = "handlers[1]." + strings.ToLower(strings.TrimPrefix(field, "Handler."))
			}
			var ce *logru.ConfigError
			if !errors.As(err, &ce) || ce.Field != field || ce.Value != c.value {
				t.Errorf("%s %q: %v, want a ConfigError on %s", c.field, c.value, err, field)
				continue
			}
			if msg := ce.Err.Error(); !strings.Contains(msg, c.reason) || strings.HasPrefix(msg, "sinks:") {
				t.Errorf("%s %q: reason %q, want %q without the sinks package's prefix", c.field, c.value, msg, c.reason)
			}
		}
		if got, _ := filepath.Glob(filepath.Join(dir, "*")); len(got) != 0 {
			t.Errorf("%s %q: files created: %v", c.field, c.value, got)
		}
	}
}
