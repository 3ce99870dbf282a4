//go:build linux

package logru_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/logru/logru"
)

// TestAddRefusesRotatingNonRegular: Add refuses Rotation, Retention or Compression on a
// path naming a FIFO or a device, with a ConfigError naming the field; the node stays.
// Without those options the node is written to as it is.
func TestAddRefusesRotatingNonRegular(t *testing.T) {
	for _, kind := range []string{"fifo", "chardev"} {
		for _, c := range []struct {
			h     logru.Handler
			field string
		}{
			{logru.Handler{Rotation: "10 B"}, "Handler.Rotation"},
			{logru.Handler{Retention: "2"}, "Handler.Retention"},
			{logru.Handler{Compression: "gz"}, "Handler.Compression"},
			{logru.Handler{Rotation: "1 day", Compression: "zst"}, "Handler.Rotation"},
		} {
			t.Run(kind+"/"+c.field, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "node")
				switch kind {
				case "fifo":
					if err := syscall.Mkfifo(path, 0o600); err != nil {
						t.Fatal(err)
					}
				case "chardev":
					if os.Geteuid() != 0 {
						t.Skip("mknod needs root")
					}
					if err := syscall.Mknod(path, syscall.S_IFCHR|0o600, 1<<8|3); err != nil {
						t.Fatal(err)
					}
				}
				before, _ := os.Lstat(path)
				l := logru.New()
				defer l.Close()
				h := c.h
				h.Sink = path
				_, err := l.Add(h)
				var ce *logru.ConfigError
				if !errors.As(err, &ce) || ce.Field != c.field {
					t.Fatalf("Add: %v, want a ConfigError on %s", err, c.field)
				}
				if msg := err.Error(); !strings.Contains(msg, "not a regular file") || strings.Count(msg, strconv.Quote(ce.Value)) != 1 {
					t.Errorf("error %q: want the reason, and the value once", msg)
				}
				after, err := os.Lstat(path)
				if err != nil || after.Mode() != before.Mode() {
					t.Errorf("the node changed: %v, %v", after, err)
				}
			})
		}
	}
	t.Run("device without rotation", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("mknod needs root")
		}
		path := filepath.Join(t.TempDir(), "null")
		if err := syscall.Mknod(path, syscall.S_IFCHR|0o600, 1<<8|3); err != nil {
			t.Fatal(err)
		}
		l := logru.New()
		if _, err := l.Add(logru.Handler{Sink: path}); err != nil {
			t.Fatal(err)
		}
		l.Info("into the device")
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("the device is gone: %v, %v", fi, err)
		}
	})
}
