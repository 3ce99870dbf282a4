package sinks

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// The names loguru's retention tests use for a sink "test.log" (test_managed_files and
// test_not_managed_files), sorted by what logru does with them.
var (
	// Ours under both naming schemes: time-stamped rotated files (with the collision
	// counter and any archive extension) and the active name compressed at Close.
	ownNames = []string{
		"test.2019-11-12_03-22-07_018985.log",
		"test.2019-11-12_03-22-07_018985.log.tar.gz",
		"test.2019-11-12_03-22-07_018985.2.log",
		"test.2019-11-12_03-22-07_018985.3.log.zst",
		"test.log.gz",
		"test.log.tar.xz",
	}
	// Ours only under Naming "index".
	indexNames = []string{"test.1.log", "test.123.log", "test.2.log.gz", "test.7.log.tar.bz2"}
	// loguru manages these; logru deliberately leaves them alone: it never makes such
	// names, so they are another program's (logrotate's test.log.1) or a person's.
	formerlyManaged = []string{
		"test.log.1", "test.log.1.gz", "test.log.rar", "test.foo.log", "test.foo.log.bar", "test.log.log",
	}
	// Neither loguru nor logru touches these.
	neverManaged = []string{
		"test_.log", "_test.log", "tes.log", "te.st.log", "testlog", "test", "test.tar.gz", "test.logs",
		"test.foo", "tests.logs.zip", "foo.test.log",
		// Near misses of the grammar, and other decoys.
		"test.2019-11-12_03-22-07_01898.log", "test.2019-11-12_03-22-07_018985.1.log",
		"test.2019-11-12_03-22-07_018985.02.log", "test.2019-11-12_03-22-07_018985.log.gz.partial",
		"test.2019-11-12_03-22-07_018985.log.bak", "test.2019-11-12_03-22-07_018985", "test.0.log", "test.01.log",
		"test.-1.log", "test.log.bak", "test-notes.txt", "other.log",
	}
)

func TestRetentionOwnFilesOnly(t *testing.T) {
	t.Parallel()
	for _, naming := range []string{"time", "index"} {
		t.Run(naming, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			mine := slices.Clone(ownNames)
			theirs := slices.Concat(formerlyManaged, neverManaged)
			if naming == "index" {
				mine = append(mine, indexNames...)
			} else {
				theirs = append(theirs, indexNames...)
			}
			for _, n := range slices.Concat(mine, theirs) {
				mustWrite(t, filepath.Join(dir, n), n)
			}
			// A directory and symbolic links whose names look like rotated files.
			if err := os.Mkdir(filepath.Join(dir, "test.2021-01-01_00-00-00_000000.log"), 0o700); err != nil {
				t.Fatal(err)
			}
			outside := filepath.Join(t.TempDir(), "precious")
			mustWrite(t, outside, "precious")
			mustSymlink(t, outside, filepath.Join(dir, "test.2020-01-01_00-00-00_000000.log"))
			mustSymlink(t, outside, filepath.Join(dir, "test.4.log"))
			mustSymlink(t, outside, filepath.Join(dir, "test.log.d"))

			s := openIn(t, dir, "test.log", &FileOptions{Retention: "0", Naming: naming}, clock.NewFake(t0), &fsys.Faulty{})
			// The temporary file of a compression running now (made after NewFile,
			// which removes those of crashed runs).
			tmp := "test.2019-11-12_03-22-07_018985.log.gz.tmp-0123456789abcdef"
			mustWrite(t, filepath.Join(dir, tmp), "half")
			s.write("active\n")
			s.close()

			left := files(t, dir)
			for _, n := range mine {
				if _, ok := left[n]; ok {
					t.Errorf("%s was kept", n)
				}
			}
			for _, n := range theirs {
				if left[n] != n {
					t.Errorf("%s was touched", n)
				}
			}
			for _, n := range []string{"test.2021-01-01_00-00-00_000000.log", "test.2020-01-01_00-00-00_000000.log", "test.4.log", "test.log.d", tmp} {
				if _, ok := left[n]; !ok {
					t.Errorf("%s was removed", n)
				}
			}
			if left["test.log"] != "active\n" {
				t.Errorf("the active file holds %q", left["test.log"])
			}
			if b, _ := os.ReadFile(outside); string(b) != "precious" {
				t.Error("a symbolic link's target was touched")
			}
			s.noErrors()
		})
	}
}

func TestRetentionTemplateNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	mine := []string{"file2019.log", "file2020.log.gz", "file2019.2019-11-12_03-22-07_018985.log", "file2018.3.log"}
	theirs := []string{"fileXXXX.log", "file20199.log", "file.log", "file201.log", "file2019.log.1", "file2019.foo.log"}
	for _, n := range slices.Concat(mine, theirs) {
		mustWrite(t, filepath.Join(dir, n), n)
	}
	s := openIn(t, dir, "file{time:YYYY}.log", &FileOptions{Retention: "0", Naming: "index"}, clock.NewFake(t0), &fsys.Faulty{})
	s.write("active\n")
	s.close()
	left := files(t, dir)
	for _, n := range mine {
		if _, ok := left[n]; ok {
			t.Errorf("%s was kept", n)
		}
	}
	for _, n := range theirs {
		if left[n] != n {
			t.Errorf("%s was touched", n)
		}
	}
	if left["file2026.log"] != "active\n" {
		t.Errorf("the active file holds %q", left["file2026.log"])
	}
}

// rotatedAt makes a rotated file of test.log with the given stamp and modification
// time, size bytes long.
func rotatedAt(t *testing.T, dir string, st, mod time.Time, size int) string {
	t.Helper()
	name := "test." + stamp(st) + ".log"
	p := filepath.Join(dir, name)
	mustWrite(t, p, strings.Repeat("x", size))
	if err := os.Chtimes(p, mod, mod); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestRetentionCountAgeSize(t *testing.T) {
	t.Parallel()
	day := 24 * time.Hour
	for _, tt := range []struct {
		spec string
		keep []int // indexes of the files kept, oldest first
	}{
		{"2", []int{2, 3}},
		{"0", nil},
		{"10", []int{0, 1, 2, 3}},
		{"1 day", []int{3}},        // the newest is 12 h old
		{"3 days", []int{1, 2, 3}}, // 2.5 days, 1.5 days, 12 h
		{"1 KB", []int{2, 3}},      // 400 bytes each: two fit in 1000
		{"400 B", []int{3}},
		{"399 B", nil},
	} {
		t.Run(tt.spec, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			now := t0
			// Stamps run backwards against modification times (as after the clock was
			// set back): the order is the modification time's, not the name's.
			var all []string
			for i := range 4 {
				mod := now.Add(-time.Duration(3-i)*day - 12*time.Hour)
				all = append(all, rotatedAt(t, dir, t0.Add(-time.Duration(i)*time.Hour), mod, 400))
			}
			s := openIn(t, dir, "test.log", &FileOptions{Retention: tt.spec}, clock.NewFake(now), &fsys.Faulty{})
			s.close()
			want := []string{"test.log"}
			for _, i := range tt.keep {
				want = append(want, all[i])
			}
			slices.Sort(want)
			if got := names(t, dir); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("kept %v, want %v", got, want)
			}
		})
	}
}

func TestRetentionArchiveCountsOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := rotatedAt(t, dir, t0.Add(-3*time.Hour), t0.Add(-3*time.Hour), 10)
	// A compression that renamed its archive into place but could not remove the
	// source leaves both: one rotated file.
	both := rotatedAt(t, dir, t0.Add(-2*time.Hour), t0.Add(-2*time.Hour), 10)
	mustWrite(t, filepath.Join(dir, both+".gz"), "z")
	newest := rotatedAt(t, dir, t0.Add(-time.Hour), t0.Add(-time.Hour), 10)
	s := openIn(t, dir, "test.log", &FileOptions{Retention: "2"}, clock.NewFake(t0), &fsys.Faulty{})
	s.close()
	want := []string{both, both + ".gz", newest, "test.log"}
	slices.Sort(want)
	if got := names(t, dir); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("kept %v, want %v (deleted %s)", got, want, old)
	}
}

func TestRetentionAtRotation(t *testing.T) {
	t.Parallel()
	// loguru's test_retention_at_rotation: three old files, retention 1.
	dir := t.TempDir()
	real := time.Now() // rotated files get real modification times
	for i := range 3 {
		rotatedAt(t, dir, t0.Add(-time.Duration(i+1)*time.Hour), real.Add(-time.Duration(i+1)*time.Hour), 1)
	}
	s := openIn(t, dir, "test.log", &FileOptions{Retention: "1", Rotation: "1 h"}, clock.NewFake(t0), &fsys.Faulty{})
	s.write("a\n")
	s.clk.Advance(time.Hour)
	s.write("b\n")
	s.waitIdle()
	wantFiles(t, dir, map[string]string{"test." + stamp(t0) + ".log": "a\n", "test.log": "b\n"})

	// With a rotation, Close applies no retention.
	mustWrite(t, filepath.Join(dir, "test.1999-01-01_00-00-00_000000.log"), "")
	os.Chtimes(filepath.Join(dir, "test.1999-01-01_00-00-00_000000.log"), real.Add(-time.Hour), real.Add(-time.Hour))
	s.close()
	if got := names(t, dir); len(got) != 3 {
		t.Errorf("Close applied the retention: %v", got)
	}
	s.noErrors()
}

func TestRetentionKeepsActiveFile(t *testing.T) {
	t.Parallel()
	// loguru deletes the active file too when retention runs at remove (test_retention_time):
	// logru never does.
	dir := t.TempDir()
	old := rotatedAt(t, dir, t0.Add(-48*time.Hour), t0.Add(-48*time.Hour), 1)
	mustWrite(t, filepath.Join(dir, "test.log"), "old\n")
	os.Chtimes(filepath.Join(dir, "test.log"), t0.Add(-48*time.Hour), t0.Add(-48*time.Hour))
	s := openIn(t, dir, "test.log", &FileOptions{Retention: "1 h", Delay: true}, clock.NewFake(t0), &fsys.Faulty{})
	s.close() // never opened, still the sink's active file
	wantFiles(t, dir, map[string]string{"test.log": "old\n"})
	if _, err := os.Stat(filepath.Join(dir, old)); err == nil {
		t.Errorf("%s was kept", old)
	}
}

func TestRetainFunc(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real := time.Now() // rotated files get real modification times
	a := rotatedAt(t, dir, t0.Add(-3*time.Hour), real.Add(-3*time.Hour), 1)
	b := rotatedAt(t, dir, t0.Add(-2*time.Hour), real.Add(-2*time.Hour), 1)
	mustWrite(t, filepath.Join(dir, "test.log.1"), "not ours")
	var got [][]string
	calls := 0
	s := openIn(t, dir, "test.log", &FileOptions{
		Rotation: "1 h",
		RetainFunc: func(rotated []string) error {
			got = append(got, rotated)
			if calls++; calls == 1 {
				return errTest
			}
			return nil
		},
	}, clock.NewFake(t0), &fsys.Faulty{})
	s.write("a\n")
	s.clk.Advance(time.Hour)
	s.write("b\n")
	s.waitIdle()
	s.clk.Advance(time.Hour)
	s.write("c\n")
	s.close()
	c := "test." + stamp(t0) + ".log"
	d := "test." + stamp(t0.Add(time.Hour)) + ".log"
	want := [][]string{{a, b, c}, {a, b, c, d}}
	if len(got) != 2 {
		t.Fatalf("RetainFunc called with %v", got)
	}
	for i := range want {
		var bases []string
		for _, p := range got[i] {
			bases = append(bases, filepath.Base(p))
		}
		if strings.Join(bases, " ") != strings.Join(want[i], " ") {
			t.Errorf("call %d: %v, want %v", i, bases, want[i])
		}
	}
	if errs := s.errs.all(); len(errs) != 1 || !errors.Is(errs[0], errTest) {
		t.Errorf("OnError got %v", errs)
	}
}

func TestRetentionErrorAtRotation(t *testing.T) {
	t.Parallel()
	// Removing fails once: reported, and the next retention removes the file.
	s := open(t, "app.log", &FileOptions{Rotation: "1 h", Retention: "1"}, t0)
	s.fs.Fail(fsys.Rule{Op: fsys.OpRemove, Times: 1, Err: os.ErrPermission})
	for range 3 {
		s.write("x\n")
		s.clk.Advance(time.Hour)
		s.waitIdle()
	}
	s.write("x\n")
	s.close()
	if got := rotations(t, s.dir); len(got) != 1 || got[0] != "app."+stamp(t0.Add(2*time.Hour))+".log" {
		t.Errorf("rotated files %v", got)
	}
	if errs := s.errs.all(); len(errs) != 1 || !errors.Is(errs[0], os.ErrPermission) {
		t.Errorf("OnError got %v", errs)
	}
}

func TestRetentionWithCompression(t *testing.T) {
	t.Parallel()
	for _, naming := range []string{"time", "index"} {
		s := open(t, "app.log", &FileOptions{Rotation: "1 h", Compression: "gz", Retention: "3", Naming: naming}, t0)
		for i := range 10 {
			s.write(fmt.Sprintf("%d\n", i))
			s.clk.Advance(time.Hour)
		}
		s.write("active\n")
		s.close()
		got := names(t, s.dir)
		if len(got) != 4 {
			t.Fatalf("%s: files %v, want 3 archives and app.log", naming, got)
		}
		for _, n := range got[:3] {
			if !strings.HasSuffix(n, ".log.gz") {
				t.Errorf("%s: %s is not an archive", naming, n)
			}
			if b := string(decompress(t, filepath.Join(s.dir, n))); b < "7\n" {
				t.Errorf("%s: %s holds %q, an old file", naming, n, b)
			}
		}
		s.noErrors()
	}
}
