package sinks

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// TestConcurrentRotation has 8 goroutines write 2,000 numbered lines each through a
// tiny size rotation, for every compression format and none, then reads every file
// back: each line must be there exactly once, whole, and each goroutine's lines in
// order across the files.
func TestConcurrentRotation(t *testing.T) {
	t.Parallel()
	const writers = 8
	for _, format := range append([]string{""}, formats...) {
		name := format
		if name == "" {
			name = "none"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			lines := 2000
			if (raceEnabled || testing.Short()) && format != "" && format != "gz" {
				// Every format runs the same code in the sink: under the race
				// detector, or in short mode, the other formats write less.
				lines = 300
			}
			s := openFast(t, "app.log", &FileOptions{Rotation: "2 KB", Compression: format}, t0)
			var wg sync.WaitGroup
			for g := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range lines {
						pad := strings.Repeat("x", (g*7+i)%40)
						if _, err := fmt.Fprintf(s, "g=%d seq=%d %s end\n", g, i, pad); err != nil {
							t.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			s.close()
			s.noErrors()

			// Files in rotation order: app.<t0>.log, app.<t0>.2.log, … then app.log.
			type part struct {
				n    int
				name string
			}
			var parts []part
			for _, n := range names(t, s.dir) {
				if n == "app.log" {
					parts = append(parts, part{1 << 30, n})
					continue
				}
				o, ok := s.names.parse(n)
				if !ok || o.kind != kindTime || (format != "" && !strings.HasSuffix(n, "."+format)) {
					t.Fatalf("unexpected file %s", n)
				}
				parts = append(parts, part{o.n, n})
			}
			sort.Slice(parts, func(a, b int) bool { return parts[a].n < parts[b].n })
			if len(parts) < lines*writers*30/2000/2 {
				t.Errorf("only %d files: the rotation did not happen", len(parts))
			}
			next := make([]int, writers)
			for _, p := range parts {
				data := decompress(t, filepath.Join(s.dir, p.name))
				if len(data) > 2000 && bytes.Count(data, []byte("\n")) > 1 {
					t.Errorf("%s holds %d bytes, over the limit", p.name, len(data))
				}
				sc := bufio.NewScanner(bytes.NewReader(data))
				for sc.Scan() {
					var g, seq int
					var pad string
					line := sc.Text()
					if n, err := fmt.Sscanf(line, "g=%d seq=%d %s end", &g, &seq, &pad); (err != nil || n != 3) && !strings.HasSuffix(line, " end") {
						t.Fatalf("%s: torn line %q", p.name, line)
					}
					f := strings.Fields(line)
					g, _ = strconv.Atoi(strings.TrimPrefix(f[0], "g="))
					seq, _ = strconv.Atoi(strings.TrimPrefix(f[1], "seq="))
					if g < 0 || g >= writers || seq != next[g] {
						t.Fatalf("%s: line %q out of order (want seq %d)", p.name, line, next[g])
					}
					next[g]++
				}
			}
			for g, n := range next {
				if n != lines {
					t.Errorf("writer %d: %d lines found, want %d", g, n, lines)
				}
			}
		})
	}
}

// TestCloseLeavesNoGoroutine is not parallel: it counts the process's goroutines. It runs
// in a synctest bubble, whose Wait returns once every other goroutine of the bubble has
// exited or is blocked for good: a goroutine that has signalled its end but not yet
// returned is then gone, and one left blocked makes synctest.Test fail on its own.
func TestCloseLeavesNoGoroutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		base := settleGoroutines(runtime.NumGoroutine())
		for i := range 50 {
			clk := clock.NewFake(t0)
			f, err := newFile(filepath.Join(t.TempDir(), "app.log"), &FileOptions{
				Rotation: "1 h", Compression: "zst", Retention: "2", Buffering: 256, Watch: i%2 == 0,
			}, clk, noSyncFS{fsys.OS{}})
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				f.Write([]byte("line\n"))
				clk.Advance(time.Hour)
			}
			f.Write([]byte("last\n"))
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if !ended(f) {
				t.Fatal("a goroutine of the File is still running after Close")
			}
		}
		synctest.Wait()
		if n := settleGoroutines(base); n > base {
			buf := make([]byte, 1<<16)
			t.Errorf("%d goroutines before, %d after\n%s", base, n, buf[:runtime.Stack(buf, true)])
		}
	})
}

func TestCloseLeavesNoOpenFile(t *testing.T) {
	t.Parallel()
	s := openFast(t, "app.log", &FileOptions{Rotation: "10 B", Compression: "gz", Retention: "3", Buffering: 64}, t0)
	for i := range 60 {
		s.write(fmt.Sprintf("line %d\n", i))
	}
	s.close()
	if n := openFDs(s.dir); n != 0 {
		t.Errorf("%d files still open in %s after Close", n, s.dir)
	}
	if got := len(names(t, s.dir)); got != 4 {
		t.Errorf("%d files, want 3 rotated and the active one", got)
	}
}

func TestCloseTwiceAndWriteAfter(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Rotation: "1 h", Compression: "gz"}, t0)
	s.write("a\n")
	s.close()
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := s.Write([]byte("late\n")); !errors.Is(err, ErrClosed) {
		t.Errorf("Write after Close: %v", err)
	}
	if err := s.Sync(); err != nil {
		t.Errorf("Sync after Close: %v", err)
	}
	if err := s.Flush(); err != nil {
		t.Errorf("Flush after Close: %v", err)
	}
	wantFiles(t, s.dir, map[string]string{"app.log": "a\n"})
	if !ended(s.File) {
		t.Error("goroutines still running")
	}
}

func TestCloseWhileWriting(t *testing.T) {
	t.Parallel()
	s := openFast(t, "app.log", &FileOptions{Rotation: "1 KB", Compression: "gz", Buffering: 100}, t0)
	var written atomic.Int64
	var wg sync.WaitGroup
	start := make(chan struct{})
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := 0; ; i++ {
				_, err := fmt.Fprintf(s, "g%d %d\n", g, i)
				if errors.Is(err, ErrClosed) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				written.Add(1)
			}
		}()
	}
	close(start)
	for written.Load() < 2000 {
		runtime.Gosched()
	}
	var closers sync.WaitGroup
	for range 2 {
		closers.Add(1)
		go func() { defer closers.Done(); s.Close() }()
	}
	closers.Wait()
	wg.Wait()
	if !ended(s.File) {
		t.Error("goroutines still running after Close")
	}
	total := 0
	for _, n := range names(t, s.dir) {
		total += bytes.Count(decompress(t, filepath.Join(s.dir, n)), []byte("\n"))
	}
	if int64(total) != written.Load() {
		t.Errorf("%d lines in the files, %d writes succeeded", total, written.Load())
	}
	s.noErrors()
}

func TestDirectoryPath(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, p := range []string{dir, dir + "/", filepath.Join(dir, "sub") + "/"} {
		if f, err := NewFile(p, nil); err == nil {
			f.Close()
			t.Errorf("NewFile(%q) succeeded", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "sub")); !os.IsNotExist(err) {
		t.Errorf("a failed NewFile created %s", filepath.Join(dir, "sub"))
	}
}
