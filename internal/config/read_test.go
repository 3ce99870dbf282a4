package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadBoundedGivesUp: a read that does not end is given up after the timeout, with
// an error naming it.
func TestReadBoundedGivesUp(t *testing.T) {
	release, exited := make(chan struct{}), make(chan struct{})
	_, err := readBounded(func() ([]byte, error) {
		defer close(exited)
		<-release
		return nil, nil
	}, time.Millisecond)
	close(release)
	<-exited
	if err == nil || !strings.Contains(err.Error(), "longer than 1ms") {
		t.Errorf("err = %v", err)
	}
	data, err := readBounded(func() ([]byte, error) { return []byte("ok"), nil }, time.Hour)
	if string(data) != "ok" || err != nil {
		t.Errorf("a quick read: %q, %v", data, err)
	}
}

// TestReadFile: a regular file is read whole; a missing one is an *fs.PathError naming
// it; one over MaxSize is refused naming the limit, and so is one exactly one byte over.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Repeat("x", size)), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct {
		name    string
		path    string
		size    int    // bytes read, when no error
		wantErr string // part of the error; "" for none
	}{
		{"small", write("a.yaml", 10), 10, ""},
		{"empty", write("b.yaml", 0), 0, ""},
		{"at the limit", write("c.yaml", MaxSize), MaxSize, ""},
		{"over the limit", write("d.yaml", MaxSize+1), 0, "larger than the limit of 4 MiB"},
		{"missing", filepath.Join(dir, "missing.yaml"), 0, "no such file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := ReadFile(tt.path)
			if tt.wantErr == "" {
				if err != nil || len(data) != tt.size {
					t.Errorf("ReadFile = %d bytes, %v; want %d bytes", len(data), err, tt.size)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ReadFile = %v, want an error with %q", err, tt.wantErr)
			}
		})
	}
	var pe *fs.PathError
	if _, err := ReadFile(filepath.Join(dir, "missing.yaml")); !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v (%T), want an *fs.PathError for fs.ErrNotExist", err, err)
	}
}
