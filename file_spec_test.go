package logru_test

import (
	"errors"
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
