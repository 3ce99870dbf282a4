package sinks

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// alwaysBehind makes f write every full buffer behind, whatever its size, and returns
// f.
func alwaysBehind(f *File) *File {
	f.mu.Lock()
	f.behindMin = 0
	f.mu.Unlock()
	return f
}

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

// TestWriteBehindSameBytes: a buffered File (whose full buffers are written behind)
// writes exactly the bytes an unbuffered File writes, whatever the sizes of the buffer
// and of the lines, with Flush and Sync between the lines or not.
func TestWriteBehindSameBytes(t *testing.T) {
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
		for _, behind := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/behind=%v", tt.name, behind), func(t *testing.T) {
				t.Parallel()
				sameBytes(t, tt.buffering, tt.lines, tt.flushAt, behind)
			})
		}
	}
}

// sameBytes writes lines to a plain File and to a buffered one (written behind or not),
// with Flush and Sync every flushAt lines, and compares the files.
func sameBytes(t *testing.T, buffering int, lines [][]byte, flushAt int, behind bool) {
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
	if behind {
		alwaysBehind(buffered)
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

// TestWriteBehindOverlaps: a Write that fills the buffer returns while the buffer is
// still being written (the write is held in flight here); Flush waits for that write,
// and the lines reach the file in order.
func TestWriteBehindOverlaps(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	fs := &fsys.Faulty{}
	s := openIn(t, t.TempDir(), "app.log", &FileOptions{Buffering: 16}, clock.NewFake(t0), fs)
	alwaysBehind(s.File)
	fs.Fail(fsys.Rule{Op: fsys.OpWrite, Times: 1, Delay: release, Err: nil})
	s.write("aaaaaaa\n", "bbbbbbb\n")
	wrote := make(chan error, 1)
	go func() {
		_, err := s.Write([]byte("ccccccc\n")) // the buffer is full: a+b are written behind
		wrote <- err
	}()
	select {
	case err := <-wrote:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute): // a guard against a hang, not a measurement
		close(release)
		t.Fatal("Write waited for the buffer's write")
	}
	if b, _ := os.ReadFile(filepath.Join(s.dir, "app.log")); len(b) != 0 {
		t.Errorf("the file holds %q while its first write is held", b)
	}
	s.write("ddd\n") // held too: nothing waits while the buffer has room
	close(release)
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(s.dir, "app.log")); string(b) != "aaaaaaa\nbbbbbbb\nccccccc\nddd\n" {
		t.Errorf("after Flush the file holds %q", b)
	}
	s.close()
	s.noErrors()
}

// TestWriteBehindFails: lines a write behind could not write are reported to OnError
// with their count, as a synchronous flush reports them; a line it left incomplete is
// ended before the next; the File writes on, and Close returns no error of theirs.
func TestWriteBehindFails(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		err  error
		want string // what the file holds at the end
		lost string // the count OnError names
	}{
		{"ENOSPC", syscall.ENOSPC, "ccccccc\nddddddd\neeeeeee\n", "16 buffered bytes lost"},
		{"EIO", syscall.EIO, "ccccccc\nddddddd\neeeeeee\n", "16 buffered bytes lost"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := open(t, "app.log", &FileOptions{Buffering: 16}, t0)
			alwaysBehind(s.File)
			s.write("aaaaaaa\n", "bbbbbbb\n")
			s.fs.Fail(fsys.Rule{Op: fsys.OpWrite, Times: 1, Err: tt.err})
			s.write("ccccccc\n", "ddddddd\n") // a+b written behind, and lost
			s.write("eeeeeee\n")              // c+d written behind
			s.close()
			wantFiles(t, s.dir, map[string]string{"app.log": tt.want})
			errs := s.errs.all()
			if len(errs) != 1 || !errors.Is(errs[0], tt.err) || !strings.Contains(errs[0].Error(), tt.lost) {
				t.Errorf("OnError got %v, want one %v naming %q", errs, tt.err, tt.lost)
			}
		})
	}
}

// TestWriteBehindDeletedFile: lines written behind into a file deleted while open are
// reported lost; the lines held meanwhile are kept, and reach the file the path opens
// anew, at the next write or at Close.
func TestWriteBehindDeletedFile(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		rest []string // written after the file was deleted
		want string   // what the path holds at the end
	}{
		// a+b go behind into the deleted file; Close finds it deleted: c is kept.
		{"close next", []string{"ccccccc\n"}, "ccccccc\n"},
		// a+b go behind into the deleted file; the write of e finds it deleted: c+d+e
		// are kept, and the file closed.
		{"write next", []string{"ccccccc\n", "ddddddd\n", "eeeeeee\n"}, "ccccccc\nddddddd\neeeeeee\n"},
		// The same, and f opens the path anew.
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
			alwaysBehind(f)
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

// TestWriteBehindConcurrent (run with -race): writers, Flush, Sync and size rotations
// at once with a small buffer; every line reaches exactly one file, whole, and the
// lines of each writer keep their order.
func TestWriteBehindConcurrent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var errs errorLog
	f, err := NewFile(filepath.Join(dir, "app.log"), &FileOptions{Buffering: 100, Rotation: "4 KB", OnError: errs.add})
	if err != nil {
		t.Fatal(err)
	}
	alwaysBehind(f)
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

// rotationOrder is a sort key for a file of TestWriteBehindConcurrent's directory:
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

// panicFS opens files whose Write panics while armed is set.
type panicFS struct {
	fsys.FS
	armed *atomic.Bool
}

type panicFile struct {
	fsys.File
	armed *atomic.Bool
}

func (p panicFS) OpenFile(name string, flag int, perm os.FileMode) (fsys.File, error) {
	f, err := p.FS.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return panicFile{f, p.armed}, nil
}

func (p panicFile) Write(b []byte) (int, error) {
	if p.armed.Swap(false) {
		panic("disk on fire")
	}
	return p.File.Write(b)
}

// TestWriteBehindPanics: a file whose Write panics in a write behind loses that
// buffer's lines, reported to OnError, and does not end the program; the next line
// starts on a line of its own.
func TestWriteBehindPanics(t *testing.T) {
	t.Parallel()
	var armed atomic.Bool
	s := openIn(t, t.TempDir(), "app.log", &FileOptions{Buffering: 16}, clock.NewFake(t0), &fsys.Faulty{FS: panicFS{fsys.OS{}, &armed}})
	alwaysBehind(s.File)
	s.write("aaaaaaa\n", "bbbbbbb\n")
	armed.Store(true)
	s.write("ccccccc\n") // a+b written behind: the Write panics
	s.close()
	wantFiles(t, s.dir, map[string]string{"app.log": "\nccccccc\n"})
	errs := s.errs.all()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "disk on fire") || !strings.Contains(errs[0].Error(), "16 buffered bytes lost") {
		t.Errorf("OnError got %v", errs)
	}
}

// TestFileWriteDoesNotAllocate: a Write allocates nothing, buffered (the write behind's
// hand-off included, its buffers once made) or not.
func TestFileWriteDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	// Not parallel: AllocsPerRun counts the allocations of the whole process.
	for _, buffering := range []int{0, 150, 4096, 64 << 10, writeBehindMin} { // 150: every Write flushes
		f, err := NewFile(filepath.Join(t.TempDir(), "app.log"), &FileOptions{Buffering: buffering})
		if err != nil {
			t.Fatal(err)
		}
		if buffering < writeBehindMin {
			alwaysBehind(f)
		}
		for range 1000 { // both buffers made
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

// TestWriteBehindThreshold: a buffer of writeBehindMin bytes or more is written behind;
// a smaller one by the Write that fills it.
func TestWriteBehindThreshold(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		buffering int
		behind    bool
	}{
		{writeBehindMin - 1, false},
		{writeBehindMin, true},
		{4 * writeBehindMin, true},
	} {
		t.Run(fmt.Sprint(tt.buffering), func(t *testing.T) {
			t.Parallel()
			f, err := NewFile(filepath.Join(t.TempDir(), "app.log"), &FileOptions{Buffering: tt.buffering})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for range tt.buffering/len(line100) + 2 { // one flush
				f.Write(line100)
			}
			f.mu.Lock()
			behind := f.behind.busy || f.spare != nil
			f.mu.Unlock()
			if behind != tt.behind {
				t.Errorf("written behind: %v, want %v", behind, tt.behind)
			}
		})
	}
}
