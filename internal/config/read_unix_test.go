//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadFileOnlyRegular: a named pipe with no writer, a device, a directory and a
// socket are refused at once, naming what they are (ReadFile would wait for a FIFO's
// writer otherwise, and the test would hang until its timeout).
func TestReadFileOnlyRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	null := filepath.Join(dir, "null.json")
	if err := os.Symlink(os.DevNull, null); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.yaml")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{fifo, "not a regular file (a named pipe)"},
		{null, "not a regular file (a character device)"},
		{dir, "not a regular file (a directory)"},
	} {
		if _, err := ReadFile(tt.path); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadFile(%s) = %v, want %q", tt.path, err, tt.want)
		}
	}
	// A socket cannot be opened as a file: the open fails, naming the path.
	if _, err := ReadFile(sock); err == nil || !strings.Contains(err.Error(), sock) {
		t.Errorf("ReadFile(socket) = %v, want an error naming it", err)
	}
}
