package sinks

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

var formats = []string{"gz", "bz2", "xz", "zst", "zip", "tar", "tar.gz", "tar.bz2", "tar.xz"}

// numbered returns n numbered lines.
func numbered(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "line %06d of the log\n", i)
	}
	return b.String()
}

func TestCompressionFormats(t *testing.T) {
	t.Parallel()
	content := numbered(20000) // about 400 kB
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			s := open(t, "app.log", &FileOptions{Rotation: "1 h", Compression: format}, t0)
			s.write(content)
			s.clk.Advance(time.Hour)
			s.write("after\n")
			s.close()
			name := "app." + stamp(t0) + ".log." + format
			wantNames := []string{name, "app.log"}
			if got := names(t, s.dir); strings.Join(got, " ") != strings.Join(wantNames, " ") {
				t.Fatalf("files %v, want %v", got, wantNames)
			}
			path := filepath.Join(s.dir, name)
			if got := string(decompress(t, path)); got != content {
				t.Errorf("%s decompresses to %d bytes, want %d", name, len(got), len(content))
			}
			systemCheck(t, path)
			s.noErrors()
		})
	}
}

func TestCompressionAtClose(t *testing.T) {
	t.Parallel()
	// Without a rotation, Close compresses the file (loguru's test_compression_at_remove_without_rotation);
	// a second run finds the archive's name taken and keeps both.
	dir := t.TempDir()
	fs := &createdFS{FS: fsys.OS{}}
	for i, want := range []string{"first\n", "second\n"} {
		s := openIn(t, dir, "app.log", &FileOptions{Compression: "tar.gz"}, clock.NewFake(t0), &fsys.Faulty{FS: fs})
		fs.set(filepath.Join(dir, "app.log"), t0)
		s.write(want)
		s.close()
		got := names(t, dir)
		if len(got) != i+1 || got[len(got)-1] != "app.log.tar.gz" {
			t.Fatalf("after run %d: %v", i+1, got)
		}
	}
	wantFiles := map[string]string{"app.log.tar.gz": "first\n", "app." + stamp(t0) + ".log.tar.gz": "second\n"}
	for name, want := range wantFiles {
		if got := string(decompress(t, filepath.Join(dir, name))); got != want {
			t.Errorf("%s holds %q, want %q", name, got, want)
		}
	}

	// With a rotation, Close leaves the active file as it is.
	s := open(t, "app.log", &FileOptions{Compression: "gz", Rotation: "100 MB"}, t0)
	s.write("kept\n")
	s.close()
	wantFilesEq(t, s.dir, "app.log")

	// Delay and no write: nothing to compress.
	s = open(t, "app.log", &FileOptions{Compression: "gz", Delay: true}, t0)
	s.close()
	wantFilesEq(t, s.dir)
}

func wantFilesEq(t *testing.T, dir string, want ...string) {
	t.Helper()
	if got := names(t, dir); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files %v, want %v", got, want)
	}
}

func TestCompressFunc(t *testing.T) {
	t.Parallel()
	var got []string
	s := open(t, "app.log", &FileOptions{Rotation: "1 h", CompressFunc: func(path string) error {
		got = append(got, path)
		if len(got) == 1 {
			return errTest
		}
		return os.Rename(path, path+".rar")
	}}, t0)
	s.write("a\n")
	s.clk.Advance(time.Hour)
	s.write("b\n")
	s.clk.Advance(time.Hour)
	s.write("c\n")
	s.close()
	first := filepath.Join(s.dir, "app."+stamp(t0)+".log")
	second := filepath.Join(s.dir, "app."+stamp(t0.Add(time.Hour))+".log")
	if len(got) != 2 || got[0] != first || got[1] != second {
		t.Errorf("CompressFunc got %v", got)
	}
	wantFilesEq(t, s.dir, filepath.Base(first), filepath.Base(second)+".rar", "app.log")
	if errs := s.errs.all(); len(errs) != 1 || !errors.Is(errs[0], errTest) {
		t.Errorf("OnError got %v", errs)
	}

	// At Close without rotation, an error is Close's.
	s = open(t, "app.log", &FileOptions{CompressFunc: func(string) error { return errTest }}, t0)
	s.write("a\n")
	if err := s.Close(); !errors.Is(err, errTest) {
		t.Errorf("Close: %v", err)
	}
	s.noErrors()
}

func TestCompressionPanicIsReported(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Rotation: "1 h", CompressFunc: func(string) error { panic("boom") }}, t0)
	s.write("a\n")
	s.clk.Advance(time.Hour)
	s.write("b\n")
	s.close()
	if errs := s.errs.all(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "boom") {
		t.Errorf("OnError got %v", errs)
	}
}

func TestCompressionFailureKeepsFile(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Rotation: "1 h", Compression: "gz"}, t0)
	s.fs.Fail(fsys.Rule{Op: fsys.OpWrite, Path: ".tmp-", Times: 1, Err: syscall.ENOSPC})
	s.write("a\n")
	s.clk.Advance(time.Hour)
	s.write("b\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{"app." + stamp(t0) + ".log": "a\n", "app.log": "b\n"})
	if errs := s.errs.all(); len(errs) != 1 || !errors.Is(errs[0], syscall.ENOSPC) {
		t.Errorf("OnError got %v", errs)
	}
}

func TestCleanupAtStart(t *testing.T) {
	t.Parallel()
	// A crash left a half-made archive: the next NewFile removes it, and only it.
	dir := t.TempDir()
	rotated := "app." + stamp(t0) + ".log"
	mustWrite(t, filepath.Join(dir, rotated), "a\n")
	mustWrite(t, filepath.Join(dir, rotated+".gz.tmp-0123456789abcdef"), "half")
	mustWrite(t, filepath.Join(dir, "app.log.tmp-0123456789abcdef"), "not an archive's")
	s := openIn(t, dir, "app.log", &FileOptions{Compression: "gz", Rotation: "1 day"}, clock.NewFake(t0), &fsys.Faulty{})
	s.close()
	wantFilesEq(t, dir, rotated, "app.log", "app.log.tmp-0123456789abcdef")
}

func TestWritersNotBlockedByCompression(t *testing.T) {
	t.Parallel()
	hold := make(chan struct{})
	s := open(t, "app.log", &FileOptions{Rotation: "1 h", Compression: "gz"}, t0)
	s.fs.Fail(fsys.Rule{Op: fsys.OpWrite, Path: ".tmp-", Delay: hold})
	s.write(numbered(50000))
	s.clk.Advance(time.Hour)
	s.write("rotate\n")
	// Wait until the compression is under way: its temporary file exists, and its
	// first write to it will wait for hold.
	for i := 0; !hasTmp(t, s.dir); i++ {
		if i == 1e6 {
			t.Fatal("the compression did not start")
		}
		runtime.Gosched()
	}
	for i := range 1000 {
		s.write(fmt.Sprintf("while compressing %d\n", i))
	}
	if got := strings.Count(files(t, s.dir)["app.log"], "\n"); got != 1001 {
		t.Errorf("app.log holds %d lines", got)
	}
	if _, err := os.Stat(filepath.Join(s.dir, "app."+stamp(t0)+".log.gz")); err == nil {
		t.Error("the archive is there while its compression is held")
	}
	close(hold)
	s.close()
	wantFilesEq(t, s.dir, "app."+stamp(t0)+".log.gz", "app.log")
	s.noErrors()
}

// hasTmp reports whether dir holds a compression's temporary file.
func hasTmp(t *testing.T, dir string) bool {
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			return true
		}
	}
	return false
}

func TestCleanupSparesOtherSinks(t *testing.T) {
	t.Parallel()
	// Another sink in the same directory (app.err.log, or a template with no literal
	// prefix) may be compressing while this one starts: its temporary files are not
	// this sink's leftovers.
	const hex = "0123456789abcdef"
	for _, tt := range []struct {
		name         string
		mine, theirs []string
	}{
		{"app.log",
			[]string{"app." + stamp(t0) + ".log.gz", "app." + stamp(t0) + ".2.log.tar.xz", "app.log.zst"},
			[]string{"app.err." + stamp(t0) + ".log.gz", "app.err.log.gz", "app.log.1.gz", "other." + stamp(t0) + ".log.gz"}},
		{"{time:YYYY}.log",
			[]string{"2026.log.gz", "2025." + stamp(t0) + ".log.bz2"},
			[]string{"app." + stamp(t0) + ".log.gz", "app.log.gz", "20265.log.gz"}},
	} {
		dir := t.TempDir()
		for _, n := range slices.Concat(tt.mine, tt.theirs) {
			mustWrite(t, filepath.Join(dir, n+".tmp-"+hex), "half")
		}
		s := openIn(t, dir, tt.name, nil, clock.NewFake(t0), &fsys.Faulty{})
		s.close()
		left := files(t, dir)
		for _, n := range tt.mine {
			if _, ok := left[n+".tmp-"+hex]; ok {
				t.Errorf("%s: %s.tmp-… was kept", tt.name, n)
			}
		}
		for _, n := range tt.theirs {
			if _, ok := left[n+".tmp-"+hex]; !ok {
				t.Errorf("%s: %s.tmp-… was removed", tt.name, n)
			}
		}
		s.noErrors()
	}
}
