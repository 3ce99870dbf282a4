//go:build linux

package sinks

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// makeNode makes a non-regular file at path: "fifo", "chardev" (a copy of /dev/null's
// device number; the test is skipped when not root), or "symlink" (to a regular file).
func makeNode(t *testing.T, kind, path string) {
	t.Helper()
	var err error
	switch kind {
	case "fifo":
		err = syscall.Mkfifo(path, 0o600)
	case "chardev":
		if os.Geteuid() != 0 {
			t.Skip("mknod needs root")
		}
		err = syscall.Mknod(path, syscall.S_IFCHR|0o600, 1<<8|3) // 1:3, /dev/null
	case "symlink":
		target := path + ".target"
		if err = os.WriteFile(target, []byte("kept\n"), 0o600); err == nil {
			err = os.Symlink(target, path)
		}
	default:
		t.Fatalf("unknown kind %q", kind)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// modeOf returns the type bits of what path names (without following a link).
func modeOf(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatalf("%s is gone: %v", path, err)
	}
	return fi.Mode().Type()
}

// TestFileRefusesNonRegularWhenTouching: a path naming a device, a FIFO or a symbolic link
// is refused, before anything is opened, when an option would rename, compress or delete
// it; the error names the option; the node is left as it was.
func TestFileRefusesNonRegularWhenTouching(t *testing.T) {
	for _, kind := range []string{"fifo", "chardev", "symlink"} {
		for _, c := range []struct {
			opts FileOptions
			want string
		}{
			{FileOptions{Rotation: "10 B"}, `sinks: Rotation "10 B": `},
			{FileOptions{Retention: "3"}, `sinks: Retention "3": `},
			{FileOptions{Compression: "gz"}, `sinks: Compression "gz": `},
			{FileOptions{RotateFunc: func([]byte, FileState) bool { return true }}, `sinks: RotateFunc: `},
			{FileOptions{CompressFunc: func(string) error { return nil }}, `sinks: CompressFunc: `},
			{FileOptions{RetainFunc: func([]string) error { return nil }}, `sinks: RetainFunc: `},
		} {
			t.Run(kind+"/"+strings.Fields(c.want)[1], func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "app.log")
				makeNode(t, kind, path)
				before := modeOf(t, path)
				opts := c.opts
				f, err := NewFile(path, &opts)
				if err == nil {
					f.Close()
					t.Fatal("NewFile accepted a non-regular path with a rotation option")
				}
				if !strings.HasPrefix(err.Error(), c.want) || !strings.Contains(err.Error(), "not a regular file") {
					t.Errorf("error %q, want prefix %q and the reason", err, c.want)
				}
				if got := modeOf(t, path); got != before {
					t.Errorf("the node changed from %v to %v", before, got)
				}
			})
		}
	}
}

// TestFileWritesNonRegularAsIs: without rotation, retention or compression, a device or a
// FIFO is written to as it is and left in place at Close.
func TestFileWritesNonRegularAsIs(t *testing.T) {
	t.Run("chardev", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "null")
		makeNode(t, "chardev", path)
		f, err := NewFile(path, &FileOptions{Buffering: 64})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte("line\n")); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		if got := modeOf(t, path); got&fs.ModeCharDevice == 0 {
			t.Errorf("%s is now %v, want the device", path, got)
		}
	})
	t.Run("fifo", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "pipe")
		makeNode(t, "fifo", path)
		r, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		f, err := NewFile(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte("through the pipe\n")); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 64)
		n, _ := r.Read(buf)
		if got := string(buf[:n]); got != "through the pipe\n" {
			t.Errorf("the reader got %q", got)
		}
		if got := modeOf(t, path); got&fs.ModeNamedPipe == 0 {
			t.Errorf("%s is now %v, want the FIFO", path, got)
		}
	})
	t.Run("fifo without reader", func(t *testing.T) {
		// The open fails at once instead of blocking until a reader comes.
		path := filepath.Join(t.TempDir(), "pipe")
		makeNode(t, "fifo", path)
		f, err := NewFile(path, nil)
		if err == nil {
			f.Close()
			t.Fatal("NewFile opened a FIFO nobody reads")
		}
		if !errors.Is(err, syscall.ENXIO) {
			t.Errorf("error %v, want ENXIO", err)
		}
	})
}

// TestFileNeverRotatesAReplacedPath: when the active path is replaced by a FIFO or a device
// while the sink writes, neither a rotation nor the compression at Close renames,
// compresses or deletes it.
func TestFileNeverRotatesAReplacedPath(t *testing.T) {
	for _, kind := range []string{"fifo", "chardev"} {
		for _, c := range []struct {
			name string
			opts FileOptions
		}{
			{"rotation", FileOptions{Rotation: "10 B", Compression: "gz"}},
			{"compression at close", FileOptions{Compression: "gz"}},
			{"watch and rotation", FileOptions{Rotation: "10 B", Watch: true}},
		} {
			t.Run(kind+"/"+c.name, func(t *testing.T) {
				clk := clock.NewFake(time.Date(2026, 3, 26, 12, 0, 0, 0, time.UTC))
				s := openIn(t, t.TempDir(), "app.log", &c.opts, clk, &fsys.Faulty{})
				s.write("first line\n")
				path := filepath.Join(s.dir, "app.log")
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
				makeNode(t, kind, path)
				before := modeOf(t, path)
				clk.Advance(2 * time.Second) // past Watch's interval
				_, werr := s.Write([]byte("second line, long enough to rotate\n"))
				cerr := s.Close()
				if got := modeOf(t, path); got != before {
					t.Errorf("%s changed from %v to %v", path, before, got)
				}
				if werr == nil && cerr == nil && len(s.errs.all()) == 0 {
					t.Error("nothing reported the path that is not a regular file")
				}
				ents, err := os.ReadDir(s.dir)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range ents {
					if strings.HasSuffix(e.Name(), ".gz") {
						t.Errorf("%s was made from something else than the sink's file", e.Name())
					}
				}
			})
		}
	}
}
