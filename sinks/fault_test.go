package sinks

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EIO, syscall.EACCES, syscall.EDQUOT} {
		s := open(t, "app.log", nil, t0)
		s.fs.Fail(fsys.Rule{Op: fsys.OpWrite, Path: "app.log", Skip: 1, Times: 2, Err: errno})
		var errs []error
		for _, l := range []string{"1\n", "2\n", "3\n", "4\n"} {
			_, err := s.Write([]byte(l))
			errs = append(errs, err)
		}
		if errs[0] != nil || !errors.Is(errs[1], errno) || !errors.Is(errs[2], errno) || errs[3] != nil {
			t.Errorf("%v: Write errors %v", errno, errs)
		}
		s.close()
		wantFiles(t, s.dir, map[string]string{"app.log": "1\n4\n"})
		s.noErrors() // Write returned the errors: they are not reported twice
	}
}

// shortFS makes the first write to a file stop half-way, with ENOSPC.
type shortFS struct {
	fsys.FS
	short bool
}

type shortFile struct {
	fsys.File
	fs *shortFS
}

func (s *shortFS) OpenFile(name string, flag int, perm os.FileMode) (fsys.File, error) {
	f, err := s.FS.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &shortFile{f, s}, nil
}

func (f *shortFile) Write(p []byte) (int, error) {
	if f.fs.short {
		f.fs.short = false
		n, _ := f.File.Write(p[:len(p)/2])
		return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return f.File.Write(p)
}

func TestWriteTornLineIsEnded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fs := &shortFS{FS: fsys.OS{}}
	s := openIn(t, dir, "app.log", nil, clock.NewFake(t0), &fsys.Faulty{FS: fs})
	s.write("first\n")
	fs.short = true
	if _, err := s.Write([]byte("0123456789\n")); !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("short write: %v", err)
	}
	s.write("next\n")
	s.close()
	wantFiles(t, dir, map[string]string{"app.log": "first\n01234\nnext\n"})
}

func TestRotationRenameFails(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Rotation: "4 B"}, t0)
	s.fs.Fail(fsys.Rule{Op: fsys.OpRename, Times: 2, Err: syscall.EACCES})
	s.write("a\n", "b\n") // 4 bytes
	s.write("c\n")        // rotation fails: written to the current file
	s.write("d\n")        // within a second: not tried again
	if got := s.fs.Calls(fsys.OpRename); got != 1 {
		t.Errorf("%d renames, want 1", got)
	}
	wantFiles(t, s.dir, map[string]string{"app.log": "a\nb\nc\nd\n"})
	s.clk.Advance(time.Second)
	s.write("e\n") // fails again, once
	s.clk.Advance(time.Second)
	s.write("f\n") // works
	s.close()
	wantFiles(t, s.dir, map[string]string{"app." + stamp(t0) + ".log": "a\nb\nc\nd\ne\n", "app.log": "f\n"})
	errs := s.errs.all()
	if len(errs) != 2 {
		t.Fatalf("OnError got %v", errs)
	}
	for _, err := range errs {
		if !errors.Is(err, syscall.EACCES) || !strings.Contains(err.Error(), "writing on") {
			t.Errorf("OnError got %v", err)
		}
	}
}

func TestRotationOpenFails(t *testing.T) {
	t.Parallel()
	// The rename works but the new file cannot be made: that write fails (the logger
	// counts it), and the next one opens the file.
	s := open(t, "app.log", &FileOptions{Rotation: "1 h"}, t0)
	s.write("a\n")
	s.fs.Fail(fsys.Rule{Op: fsys.OpOpen, Path: "app.log", Times: 1, Err: syscall.EMFILE})
	s.clk.Advance(time.Hour)
	if _, err := s.Write([]byte("lost\n")); !errors.Is(err, syscall.EMFILE) {
		t.Errorf("Write: %v", err)
	}
	s.write("b\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{"app." + stamp(t0) + ".log": "a\n", "app.log": "b\n"})
	s.noErrors()
}

func TestSyncEIO(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", nil, t0)
	s.fs.Fail(fsys.Rule{Op: fsys.OpSync, Times: 1, Err: syscall.EIO})
	s.write("a\n")
	if err := s.Sync(); !errors.Is(err, syscall.EIO) {
		t.Errorf("Sync: %v", err)
	}
	if err := s.Sync(); err != nil {
		t.Errorf("second Sync: %v", err)
	}
	s.close()
	s.noErrors()
}

func TestOpenFailsThenRecovers(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Delay: true}, t0)
	s.fs.Fail(fsys.Rule{Op: fsys.OpOpen, Times: 1, Err: syscall.EACCES})
	if _, err := s.Write([]byte("lost\n")); !errors.Is(err, syscall.EACCES) {
		t.Errorf("Write: %v", err)
	}
	s.write("kept\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{"app.log": "kept\n"})
}

func TestMkdirAllFails(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fs := &fsys.Faulty{}
	fs.Fail(fsys.Rule{Op: fsys.OpMkdir, Times: 2, Err: syscall.EACCES})
	if _, err := newFile(filepath.Join(dir, "logs", "app.log"), nil, clock.NewFake(t0), fs); !errors.Is(err, syscall.EACCES) {
		t.Errorf("NewFile: %v", err)
	}
	s := openIn(t, dir, "logs/app.log", &FileOptions{Delay: true}, clock.NewFake(t0), fs)
	if _, err := s.Write([]byte("lost\n")); !errors.Is(err, syscall.EACCES) {
		t.Errorf("Write: %v", err)
	}
	s.write("kept\n")
	s.close()
	wantFiles(t, filepath.Join(dir, "logs"), map[string]string{"app.log": "kept\n"})
}

func TestBufferFlushFails(t *testing.T) {
	t.Parallel()
	// Lines held in the buffer that cannot be written are reported, with their count.
	s := open(t, "app.log", &FileOptions{Buffering: 8}, t0)
	s.write("abc\n")
	s.fs.Fail(fsys.Rule{Op: fsys.OpWrite, Times: 1, Err: syscall.ENOSPC})
	s.write("defg\n") // the buffer is full: its 4 bytes are flushed, and lost
	s.close()
	wantFiles(t, s.dir, map[string]string{"app.log": "defg\n"})
	errs := s.errs.all()
	if len(errs) != 1 || !errors.Is(errs[0], syscall.ENOSPC) || !strings.Contains(errs[0].Error(), "4 buffered bytes lost") {
		t.Errorf("OnError got %v", errs)
	}
}

// TestOptionErrors: a bad option is an *OptionError naming the option and its value,
// from Validate and from NewFile alike, and NewFile creates nothing.
func TestOptionErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	nop := func(string) error { return nil }
	for _, tt := range []struct {
		opts          FileOptions
		option, value string
		want          string
	}{
		{FileOptions{Rotation: "100"}, "Rotation", "100", `sinks: Rotation "100": `},
		{FileOptions{Rotation: "w7"}, "Rotation", "w7", `sinks: Rotation "w7": `},
		{FileOptions{Retention: "sunday"}, "Retention", "sunday", `sinks: Retention "sunday": `},
		{FileOptions{Compression: "rar"}, "Compression", "rar", `sinks: Compression "rar": `},
		{FileOptions{Compression: "gz", CompressFunc: nop}, "Compression", "gz", `sinks: Compression "gz": both Compression and CompressFunc are set: choose one`},
		{FileOptions{Retention: "1", RetainFunc: func([]string) error { return nil }}, "Retention", "1", `sinks: Retention "1": both Retention and RetainFunc are set: choose one`},
		{FileOptions{Naming: "count"}, "Naming", "count", `sinks: Naming "count"`},
		{FileOptions{Naming: "app-{time:YYYY/MM}.log"}, "Naming", "app-{time:YYYY/MM}.log", `sinks: Naming "app-{time:YYYY/MM}.log": `},
		{FileOptions{Mode: os.ModeDir | 0o600}, "Mode", (os.ModeDir | 0o600).String(), `sinks: Mode`},
		{FileOptions{Buffering: -1}, "Buffering", "-1", `sinks: Buffering "-1": must not be negative`},
	} {
		verr := tt.opts.Validate()
		_, err := NewFile(filepath.Join(dir, "app.log"), &tt.opts)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want %s…", tt.opts, err, tt.want)
		}
		for _, e := range []error{verr, err} {
			var oe *OptionError
			if !errors.As(e, &oe) || oe.Option != tt.option || oe.Value != tt.value || oe.Err == nil {
				t.Errorf("%+v: %v (%T), want an *OptionError on %s %q", tt.opts, e, e, tt.option, tt.value)
			}
		}
		if verr == nil || err == nil || verr.Error() != err.Error() {
			t.Errorf("%+v: Validate says %v, NewFile %v", tt.opts, verr, err)
		}
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("invalid options created %v", got)
	}
	var nilOpts *FileOptions
	for _, o := range []*FileOptions{nilOpts, {}, {Rotation: "10 MB", Retention: "3", Compression: "gz", Naming: "index", Mode: 0o640, Buffering: 4096}} {
		if err := o.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v, want nil", o, err)
		}
	}
}

func TestRotateFuncPanics(t *testing.T) {
	t.Parallel()
	calls := 0
	s := open(t, "app.log", &FileOptions{RotateFunc: func([]byte, FileState) bool {
		if calls++; calls == 2 {
			panic("boom")
		}
		return false
	}}, t0)
	s.write("a\n")
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Errorf("recovered %v", r)
			}
		}()
		s.Write([]byte("lost\n"))
	}()
	s.write("b\n") // the lock was released
	s.close()
	wantFiles(t, s.dir, map[string]string{"app.log": "a\nb\n"})
}

func TestTruncatedFromOutside(t *testing.T) {
	t.Parallel()
	// logrotate's copytruncate: with O_APPEND the next lines go to the start of the
	// truncated file, with no hole of NUL bytes before them.
	s := open(t, "app.log", nil, t0)
	s.write(numbered(1000))
	if err := os.Truncate(filepath.Join(s.dir, "app.log"), 0); err != nil {
		t.Fatal(err)
	}
	s.write("after\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{"app.log": "after\n"})
}
