package sinks

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestHandoff: the new File writes the old one's open file and buffer; the old one's Writes
// pass on, also after its Close, which compresses nothing; closing the new File while the
// old is open hands the file back.
func TestHandoff(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	f, err := NewFile(path, &FileOptions{Compression: "gz", Buffering: 1 << 10})
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("held in f's buffer\n"))
	g, err := f.Handoff(&FileOptions{Compression: "zst"})
	if err != nil {
		t.Fatal(err)
	}
	g.Write([]byte("by g\n"))
	if err := g.Close(); err != nil { // f is open: the file goes back to f
		t.Fatal(err)
	}
	f.Write([]byte("by f again\n"))
	h, err := f.Handoff(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil { // h has the file: nothing compressed
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("through f after its Close\n")); err != nil {
		t.Fatal(err)
	}
	h.Write([]byte("by h\n"))
	if _, err := NewFile(path, nil); err == nil {
		t.Error("NewFile on a path h has open succeeded")
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	wantFiles(t, dir, map[string]string{"app.log": "held in f's buffer\nby g\nby f again\nthrough f after its Close\nby h\n"})
}

func ExampleFile_Handoff() {
	dir, _ := os.MkdirTemp("", "handoff")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "app.log")
	old, _ := NewFile(path, &FileOptions{Compression: "gz"})
	old.Write([]byte("one\n"))
	// New options for the same path: the open file passes on, and closing the old File
	// compresses nothing.
	next, _ := old.Handoff(&FileOptions{Compression: "zst"})
	old.Close()
	next.Write([]byte("two\n"))
	next.Close() // no rotation: compressed now, into app.log.zst
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, n := range names {
		fmt.Println(filepath.Base(n))
	}
	// Output:
	// app.log.zst
}
