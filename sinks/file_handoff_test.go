package sinks

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
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

// TestHandoffCloseWaitsForStoppedFlusher: Handoff tells the old File's flusher to stop
// and waits for it outside the lock; a Close of the old File in that window returns only
// once that flusher has ended (Close returns with nothing running).
func TestHandoffCloseWaitsForStoppedFlusher(t *testing.T) {
	clk := clock.NewFake(t0)
	path := filepath.Join(t.TempDir(), "app.log")
	f, err := newFile(path, &FileOptions{Buffering: 1 << 10}, clk, fsys.OS{})
	if err != nil {
		t.Fatal(err)
	}
	inTick, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	f.mu.Lock()
	f.onTick = func() { once.Do(func() { close(inTick); <-release }) }
	f.mu.Unlock()
	clk.Advance(time.Second)
	<-inTick // the flusher is inside its tick, and stays there until release

	handed := make(chan *File, 1)
	go func() {
		g, err := f.Handoff(nil)
		if err != nil {
			t.Error(err)
		}
		handed <- g
	}()
	for { // until Handoff has taken the flusher away from f and let go of the lock
		f.mu.Lock()
		taken := f.tickStop == nil && f.heir != nil
		f.mu.Unlock()
		if taken {
			break
		}
		runtime.Gosched()
	}
	closed := make(chan error, 1)
	go func() { closed <- f.Close() }()
	select {
	case <-closed:
		t.Error("Close returned while the flusher Handoff stopped was still running")
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if err := <-closed; err != nil {
		t.Error(err)
	}
	if g := <-handed; g != nil {
		if err := g.Close(); err != nil {
			t.Error(err)
		}
	}
}
