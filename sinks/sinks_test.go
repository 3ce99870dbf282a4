package sinks

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestColorEnabled(t *testing.T) {
	for _, tt := range []struct {
		name     string
		terminal bool
		env      map[string]string
		want     bool
	}{
		{"terminal", true, nil, true},
		{"not a terminal", false, nil, false},
		{"NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, false},
		{"empty NO_COLOR", true, map[string]string{"NO_COLOR": ""}, true},
		{"FORCE_COLOR", false, map[string]string{"FORCE_COLOR": "1"}, true},
		{"NO_COLOR wins", false, map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, false},
		{"dumb terminal", true, map[string]string{"TERM": "dumb"}, false},
		{"FORCE_COLOR on a dumb terminal", true, map[string]string{"TERM": "dumb", "FORCE_COLOR": "1"}, true},
	} {
		got := colorEnabled(tt.terminal, func(k string) string { return tt.env[k] })
		if got != tt.want {
			t.Errorf("%s: got %v want %v", tt.name, got, tt.want)
		}
	}
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b", "app.log")
	f, err := NewFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("one\n")); err != nil {
		t.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := f.Write([]byte("late\n")); !errors.Is(err, ErrClosed) {
		t.Errorf("Write after Close: %v", err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("stat: %v %v", fi.Mode(), err)
	}
	di, _ := os.Stat(filepath.Dir(path))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v, want 0700", di.Mode().Perm())
	}
	// Reopening appends.
	g, _ := NewFile(path, &FileOptions{Mode: 0o644})
	g.Write([]byte("two\n"))
	g.Close()
	if b, _ := os.ReadFile(path); string(b) != "one\ntwo\n" {
		t.Errorf("file holds %q", b)
	}
}

func TestFileBuffering(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.log")
	f, err := NewFile(path, &FileOptions{Buffering: 1024})
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("held\n"))
	if b, _ := os.ReadFile(path); len(b) != 0 {
		t.Errorf("buffered line reached the file early: %q", b)
	}
	if err := f.Flush(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "held\n" {
		t.Errorf("after Flush the file holds %q", b)
	}
	f.Write([]byte("closed\n"))
	f.Close()
	if b, _ := os.ReadFile(path); string(b) != "held\nclosed\n" {
		t.Errorf("after Close the file holds %q", b)
	}
}

func TestFileDelay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d", "late.log")
	f, err := NewFile(path, &FileOptions{Delay: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("Delay created the file: %v", err)
	}
	f.Close() // never written: never created
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("Close created the file: %v", err)
	}
}

func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		path string
		opts *FileOptions
	}{
		{"", nil},
		{dir, nil},
		{filepath.Join(dir, "x.log"), &FileOptions{Mode: os.ModeDir | 0o600}},
		{filepath.Join(dir, "x.log"), &FileOptions{Buffering: -1}},
	} {
		if _, err := NewFile(tt.path, tt.opts); err == nil {
			t.Errorf("NewFile(%q, %+v) succeeded", tt.path, tt.opts)
		}
	}
}

func TestFileConcurrentLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.log")
	f, _ := NewFile(path, &FileOptions{Buffering: 64})
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				f.Write([]byte("0123456789abcdef\n"))
			}
		}()
	}
	wg.Wait()
	f.Close()
	b, _ := os.ReadFile(path)
	if len(b) != 400*17 {
		t.Fatalf("file has %d bytes, want %d", len(b), 400*17)
	}
	for i := 0; i < len(b); i += 17 {
		if string(b[i:i+17]) != "0123456789abcdef\n" {
			t.Fatalf("interleaved line at %d: %q", i, b[i:i+17])
		}
	}
}

func TestConsole(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	c := NewConsole(w)
	if c.ColorCapable() && os.Getenv("FORCE_COLOR") == "" {
		t.Error("a pipe is colour-capable")
	}
	c.Write([]byte("hi\n"))
	if err := c.Sync(); err != nil {
		t.Errorf("Sync on a pipe must not fail: %v", err)
	}
	c.Close()
	if _, err := c.Write([]byte("x")); !errors.Is(err, ErrClosed) {
		t.Errorf("Write after Close: %v", err)
	}
	w.Close()
	buf := make([]byte, 16)
	n, _ := r.Read(buf)
	if string(buf[:n]) != "hi\n" {
		t.Errorf("read %q", buf[:n])
	}
}
