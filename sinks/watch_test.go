package sinks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

func TestWatchDeleted(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Watch: true}, t0)
	s.write("a\n")
	path := filepath.Join(s.dir, "app.log")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	stats := s.fs.Calls(fsys.OpStat)
	// Within the second, Watch does not look at the path, but the write finds its file
	// deleted: an error, not a line counted as written.
	if _, err := s.Write([]byte("b\n")); err == nil || !strings.Contains(err.Error(), "deleted") {
		t.Errorf("Write to the deleted file: %v, want an error", err)
	}
	if got := s.fs.Calls(fsys.OpStat); got != stats {
		t.Errorf("Watch stat the path %d times within a second", got-stats)
	}
	s.clk.Advance(time.Second)
	s.write("c\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{"app.log": "c\n"})
}

func TestWatchReplaced(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Watch: true}, t0)
	s.write("a\n")
	path := filepath.Join(s.dir, "app.log")
	// logrotate's create mode: move the file away, create a new one.
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, path, "placeholder\n")
	s.clk.Advance(time.Second)
	s.write("b\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{"app.log.1": "a\n", "app.log": "placeholder\nb\n"})
}

func TestWatchParentRemoved(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := openIn(t, dir, "a/b/app.log", &FileOptions{Watch: true}, clock.NewFake(t0), &fsys.Faulty{})
	s.write("a\n")
	if err := os.RemoveAll(filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	s.clk.Advance(time.Second)
	s.write("b\n")
	s.close()
	wantFiles(t, filepath.Join(dir, "a", "b"), map[string]string{"app.log": "b\n"})
}

func TestWatchOff(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", nil, t0)
	s.write("a\n")
	os.Remove(filepath.Join(s.dir, "app.log"))
	s.clk.Advance(time.Second)
	if _, err := s.Write([]byte("b\n")); err == nil { // b went to the deleted file
		t.Error("a write to a deleted file succeeded")
	}
	s.close()
	wantFilesEq(t, s.dir)
	if got := s.fs.Calls(fsys.OpStat); got != 1 {
		t.Errorf("%d stats without Watch, want only NewFile's", got)
	}
}

func TestBufferingTicker(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Buffering: 1 << 10}, t0)
	flushed := make(chan struct{}, 1)
	s.File.mu.Lock()
	s.File.onTick = func() { flushed <- struct{}{} }
	s.File.mu.Unlock()
	s.write("held\n")
	if got := files(t, s.dir)["app.log"]; got != "" {
		t.Fatalf("the line reached the file before a flush: %q", got)
	}
	s.clk.Advance(999 * time.Millisecond)
	select {
	case <-flushed:
		t.Fatal("flushed before a second passed")
	default:
	}
	s.clk.Advance(time.Millisecond)
	<-flushed
	if got := files(t, s.dir)["app.log"]; got != "held\n" {
		t.Errorf("after a tick the file holds %q", got)
	}
	if s.clk.Tickers() != 1 {
		t.Errorf("%d tickers", s.clk.Tickers())
	}
	s.close()
	if s.clk.Tickers() != 0 {
		t.Error("Close left the ticker running")
	}
	s.noErrors()
}

func TestBufferingRotation(t *testing.T) {
	t.Parallel()
	// Held lines count toward the size, and go to the file they were written for.
	s := open(t, "app.log", &FileOptions{Buffering: 1 << 10, Rotation: "10 B"}, t0)
	s.write("12345\n", "678\n")
	s.clk.Advance(time.Second)
	s.write("abc\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{"app." + stamp(t0) + ".log": "12345\n678\n", "app.log": "abc\n"})
}

// umask learns the process's umask, without changing it, from the mode a new file gets.
func umask(t *testing.T) os.FileMode {
	p := filepath.Join(t.TempDir(), "probe")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY, 0o777)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return 0o777 &^ fi.Mode().Perm()
}

func TestModes(t *testing.T) {
	t.Parallel()
	old := umask(t)
	for _, tt := range []struct {
		mode, file, dir os.FileMode
	}{
		{0, 0o600, 0o700},
		{0o600, 0o600, 0o700},
		{0o640, 0o640, 0o750},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "logs", "app.log")
		f, err := NewFile(path, &FileOptions{Mode: tt.mode})
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		fi, _ := os.Stat(path)
		di, _ := os.Stat(filepath.Dir(path))
		if fi.Mode().Perm() != tt.file&^old || di.Mode().Perm() != tt.dir&^old {
			t.Errorf("Mode %v: file %v, directory %v; want %v, %v (umask %v)", tt.mode, fi.Mode().Perm(), di.Mode().Perm(), tt.file, tt.dir, old)
		}
	}
}

func TestDelay(t *testing.T) {
	t.Parallel()
	s := open(t, "logs/app.log", &FileOptions{Delay: true, Rotation: "1 h"}, t0)
	if _, err := os.Stat(filepath.Join(s.dir, "logs")); !os.IsNotExist(err) {
		t.Fatalf("Delay created the directory: %v", err)
	}
	s.clk.Advance(30 * time.Minute)
	s.write("a\n") // the file is created now: the hour counts from here
	s.clk.Advance(59 * time.Minute)
	s.write("b\n")
	s.close()
	wantFiles(t, filepath.Join(s.dir, "logs"), map[string]string{"app.log": "a\nb\n"})
}
