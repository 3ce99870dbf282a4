package sinks

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// TestFileBufferingLimit: Buffering is bounded; the limit itself is accepted.
func TestFileBufferingLimit(t *testing.T) {
	for _, tt := range []struct {
		buffering int
		ok        bool
	}{
		{0, true}, {1, true}, {MaxBuffering, true},
		{MaxBuffering + 1, false}, {1e9, false}, {math.MaxInt64, false}, {-1, false},
	} {
		t.Run(strconv.Itoa(tt.buffering), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "b.log")
			f, err := NewFile(path, &FileOptions{Buffering: tt.buffering})
			if !tt.ok {
				if err == nil {
					f.Close()
					t.Fatalf("NewFile with Buffering %d succeeded", tt.buffering)
				}
				if tt.buffering > 0 && !strings.Contains(err.Error(), "64 MiB") {
					t.Errorf("error %q does not name the limit", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Write([]byte("line\n")); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if b, _ := os.ReadFile(path); string(b) != "line\n" {
				t.Errorf("file holds %q", b)
			}
		})
	}
}

// TestFileBufferGrows: the buffer is not allocated at its full size up front: it
// starts small and grows with the lines it holds, which reach the file intact.
func TestFileBufferGrows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.log")
	// A fake clock: the once-a-second flush must not empty the buffer midway.
	f, err := newFile(path, &FileOptions{Buffering: MaxBuffering}, clock.NewFake(t0), fsys.OS{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line := []byte(strings.Repeat("x", 99) + "\n")
	f.Write(line)
	f.mu.Lock()
	c := cap(f.buf)
	f.mu.Unlock()
	if c > initialBuffer {
		t.Errorf("after one line the buffer holds %d bytes; want at most %d", c, initialBuffer)
	}
	var want bytes.Buffer
	want.Write(line)
	for range 2 * initialBuffer / len(line) {
		f.Write(line)
		want.Write(line)
	}
	f.mu.Lock()
	held := len(f.buf)
	f.mu.Unlock()
	if held != want.Len() {
		t.Errorf("the buffer holds %d bytes; want %d (none written yet)", held, want.Len())
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, want.Bytes()) {
		t.Errorf("the file holds %d bytes; want %d", len(b), want.Len())
	}
}
