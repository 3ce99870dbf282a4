package sinks

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// floodLines makes n lines of lengths that vary from 1 to max bytes (newline included),
// each one distinct.
func floodLines(n, max int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		l := fmt.Appendf(nil, "%d:", i)
		for len(l) < 1+(i*37)%max-1 {
			l = append(l, 'a'+byte(i%26))
		}
		out[i] = append(l, '\n')
	}
	return out
}

// TestFileBufferSameBytes: a buffered File writes exactly the bytes an unbuffered File
// writes, whatever the sizes of the buffer
// and of the lines, with Flush and Sync between the lines or not.
func TestFileBufferSameBytes(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name      string
		buffering int
		lines     [][]byte
		flushAt   int // Flush (and Sync at twice) every flushAt lines; 0: never
	}{
		{"tiny buffer", 8, floodLines(300, 20), 0},
		{"lines around the buffer size", 64, floodLines(500, 130), 0},
		{"64 KiB, long lines", 64 << 10, floodLines(5000, 300), 0},
		{"lines longer than the buffer", 16, floodLines(200, 100), 0},
		{"flushes between", 100, floodLines(1000, 60), 7},
		{"one line at a time", 1, floodLines(100, 10), 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sameBytes(t, tt.buffering, tt.lines, tt.flushAt)
		})
	}
}

// sameBytes writes lines to a plain File and to a buffered one, with Flush and Sync
// every flushAt lines, and compares the files.
func sameBytes(t *testing.T, buffering int, lines [][]byte, flushAt int) {
	dir := t.TempDir()
	plain, err := NewFile(filepath.Join(dir, "plain.log"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var errs errorLog
	buffered, err := NewFile(filepath.Join(dir, "buffered.log"), &FileOptions{Buffering: buffering, OnError: errs.add})
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range lines {
		for _, f := range []*File{plain, buffered} {
			if n, err := f.Write(l); err != nil || n != len(l) {
				t.Fatalf("Write(%q) = %d, %v", l, n, err)
			}
		}
		if flushAt > 0 && i%flushAt == 0 {
			sync := buffered.Flush
			if i%(2*flushAt) == 0 {
				sync = buffered.Sync
			}
			if err := sync(); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, f := range []*File{plain, buffered} {
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := os.ReadFile(filepath.Join(dir, "plain.log"))
	got, _ := os.ReadFile(filepath.Join(dir, "buffered.log"))
	if !bytes.Equal(got, want) {
		t.Errorf("the buffered file holds %d bytes, the plain one %d; they differ", len(got), len(want))
	}
	if e := errs.all(); len(e) > 0 {
		t.Errorf("OnError got %v", e)
	}
}

// TestFileBufferDeletedFile: held lines flushed into a file deleted while open are
// reported lost; the line held after them is kept, and reaches the file the path opens
// anew, at the next write or at Close (which used to drop it).
func TestFileBufferDeletedFile(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		rest []string // written after the file was deleted
		want string   // what the path holds at the end
	}{
		// The write of c flushes a+b into the deleted file and finds it deleted: c is
		// held, and Close opens the path for it.
		{"close next", []string{"ccccccc\n"}, "ccccccc\n"},
		// The same, then the write of d opens the path anew.
		{"write next", []string{"ccccccc\n", "ddddddd\n", "eeeeeee\n"}, "ccccccc\nddddddd\neeeeeee\n"},
		// The same, and more.
		{"write more", []string{"ccccccc\n", "ddddddd\n", "eeeeeee\n", "fff\n"}, "ccccccc\nddddddd\neeeeeee\nfff\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "app.log")
			var errs errorLog
			f, err := NewFile(path, &FileOptions{Buffering: 16, OnError: errs.add})
			if err != nil {
				t.Fatal(err)
			}
			write := func(lines ...string) {
				t.Helper()
				for _, l := range lines {
					if _, err := f.Write([]byte(l)); err != nil {
						t.Fatalf("Write(%q): %v", l, err)
					}
				}
			}
			write("aaaaaaa\n", "bbbbbbb\n")
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			write(tt.rest...)
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if b, _ := os.ReadFile(path); string(b) != tt.want {
				t.Errorf("the file holds %q, want %q", b, tt.want)
			}
			e := errs.all()
			if len(e) != 1 || !strings.Contains(e[0].Error(), "deleted") || !strings.Contains(e[0].Error(), "16 buffered bytes lost") {
				t.Errorf("OnError got %v", e)
			}
		})
	}
}

// TestFileBufferConcurrent (run with -race): writers, Flush, Sync and size rotations
// at once with a small buffer; every line reaches exactly one file, whole, and the
// lines of each writer keep their order.
func TestFileBufferConcurrent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var errs errorLog
	f, err := NewFile(filepath.Join(dir, "app.log"), &FileOptions{Buffering: 100, Rotation: "4 KB", OnError: errs.add})
	if err != nil {
		t.Fatal(err)
	}
	const writers, perWriter = 4, 400
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				line := fmt.Appendf(nil, "w%d %04d %s\n", w, i, strings.Repeat("x", (i*13)%90))
				if _, err := f.Write(line); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	stop := make(chan struct{})
	syncer := make(chan struct{})
	go func() {
		defer close(syncer)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if i%2 == 0 {
				f.Flush()
			} else {
				f.Sync()
			}
		}
	}()
	wg.Wait()
	close(stop)
	<-syncer
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if e := errs.all(); len(e) > 0 {
		t.Errorf("OnError got %v", e)
	}
	next := make([]int, writers)
	ents, _ := os.ReadDir(dir)
	var total int
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.Name())
	}
	// Rotated files hold older lines than the active one; among them the counter
	// suffix (.2, .3, …) orders files rotated within one stamp.
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(rotationOrder(a), rotationOrder(b)) })
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > 0 && b[len(b)-1] != '\n' {
			t.Errorf("%s does not end with a whole line", name)
		}
		for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			var w, i int
			if _, err := fmt.Sscanf(l, "w%d %d", &w, &i); err != nil || w < 0 || w >= writers {
				t.Fatalf("%s: a broken line %q", name, l)
			}
			if i != next[w] {
				t.Fatalf("%s: writer %d's line %d, want %d", name, w, i, next[w])
			}
			next[w]++
			total++
		}
	}
	if total != writers*perWriter {
		t.Errorf("%d lines, want %d", total, writers*perWriter)
	}
}

// rotationOrder is a sort key for a file of TestFileBufferConcurrent's directory:
// rotated files app.<stamp>[.N].log by their creation stamp, then their counter N (none
// is 1), the active file app.log last.
func rotationOrder(name string) string {
	if name == "app.log" {
		return "~"
	}
	stamp, n := strings.TrimSuffix(strings.TrimPrefix(name, "app."), ".log"), 1
	if i := strings.IndexByte(stamp, '.'); i >= 0 {
		fmt.Sscanf(stamp[i+1:], "%d", &n)
		stamp = stamp[:i]
	}
	return fmt.Sprintf("%s.%09d", stamp, n)
}

// TestFileWriteDoesNotAllocate: a Write allocates nothing, buffered (once its buffer is
// made) or not, flushing or not.
func TestFileWriteDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	// Not parallel: AllocsPerRun counts the allocations of the whole process.
	for _, buffering := range []int{0, 150, 4096, 64 << 10} { // 150: every Write flushes
		f, err := NewFile(filepath.Join(t.TempDir(), "app.log"), &FileOptions{Buffering: buffering})
		if err != nil {
			t.Fatal(err)
		}
		for range 1000 { // the buffer made
			f.Write(line100)
		}
		allocs := testing.AllocsPerRun(5000, func() { f.Write(line100) })
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		if allocs != 0 {
			t.Errorf("Buffering %d: Write allocates %v times", buffering, allocs)
		}
	}
}
