package sinks

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

var t0 = time.Date(2026, 3, 20, 10, 0, 0, 0, time.UTC) // a Friday

func TestRotateSizeExactBoundary(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Rotation: "10 B"}, t0)
	s.write("abcd\n", "efgh\n") // exactly 10 bytes: no rotation
	wantFiles(t, s.dir, map[string]string{"app.log": "abcd\nefgh\n"})
	s.clk.Advance(time.Second)
	s.write("i\n") // would make 12: rotate first
	s.close()
	wantFiles(t, s.dir, map[string]string{
		"app." + stamp(t0) + ".log": "abcd\nefgh\n",
		"app.log":                   "i\n",
	})
	s.noErrors()
}

func TestRotateSizeCountsBytes(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Rotation: "8 B"}, t0)
	s.write("éé\n") // 5 bytes, 3 characters
	s.write("ab\n") // 8 bytes: no rotation
	s.write("é\n")  // would be 11: rotates
	s.close()
	wantFiles(t, s.dir, map[string]string{"app." + stamp(t0) + ".log": "éé\nab\n", "app.log": "é\n"})
}

func TestRotateRecordLargerThanLimit(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Rotation: "10 B"}, t0)
	big := strings.Repeat("x", 24) + "\n"
	s.write(big) // an empty file takes it whole: no rotation, no empty file
	wantFiles(t, s.dir, map[string]string{"app.log": big})
	t1 := t0.Add(time.Second)
	s.clk.Set(t1)
	s.write("a\n") // the file is over the limit: rotate once
	t2 := t1.Add(time.Second)
	s.clk.Set(t2)
	s.write(big) // a non-empty file: rotate, then the big line goes alone
	t3 := t2.Add(time.Second)
	s.clk.Set(t3)
	s.write("b\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{
		"app." + stamp(t0) + ".log": big,
		"app." + stamp(t1) + ".log": "a\n",
		"app." + stamp(t2) + ".log": big,
		"app.log":                   "b\n",
	})
	s.noErrors()
}

// rotations counts rotated files (every name but the active one).
func rotations(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, n := range names(t, dir) {
		if n != "app.log" {
			out = append(out, n)
		}
	}
	return out
}

func TestRotateDailyAcrossDST(t *testing.T) {
	t.Parallel()
	loc := paris(t)
	for _, tt := range []struct {
		name string
		day  time.Time // a day with a DST change in Paris
	}{
		{"spring forward", time.Date(2026, 3, 29, 0, 0, 0, 0, loc)},
		{"fall back", time.Date(2026, 10, 25, 0, 0, 0, 0, loc)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, spec := range []string{"daily", "00:00"} {
				start := tt.day.AddDate(0, 0, -1).Add(12 * time.Hour) // noon the day before
				s := open(t, "app.log", &FileOptions{Rotation: spec}, start)
				var wantRotated []string
				created := start
				// Hourly writes over three days: 23:00, 00:00, 01:00, 02:00 (which does
				// not exist in spring), 03:00 … each in real hours.
				now := start
				for range 72 {
					now = now.Add(time.Hour)
					s.clk.Set(now)
					if now.Hour() == 0 && now.Minute() == 0 {
						wantRotated = append(wantRotated, "app."+stamp(created)+".log")
						created = now
					}
					s.write(now.Format(time.RFC3339) + "\n")
				}
				s.close()
				got := rotations(t, s.dir)
				if strings.Join(got, " ") != strings.Join(wantRotated, " ") {
					t.Errorf("%s: rotated %v, want %v", spec, got, wantRotated)
				}
				// Each rotated file holds exactly the hours of one local day.
				for _, n := range got[1:] {
					day := files(t, s.dir)[n]
					if lines := strings.Count(day, "\n"); lines < 23 || lines > 25 {
						t.Errorf("%s: %s holds %d hours", spec, n, lines)
					}
					first := strings.SplitN(day, "\n", 2)[0]
					if !strings.Contains(first, "T00:00:00") {
						t.Errorf("%s: %s starts at %s, not at midnight", spec, n, first)
					}
				}
			}
		})
	}
}

func TestRotateWeekdayNotOnCreationDay(t *testing.T) {
	t.Parallel()
	loc := paris(t)
	tue := time.Date(2026, 3, 24, 10, 0, 0, 0, loc) // Tuesday 10:00
	s := open(t, "app.log", &FileOptions{Rotation: "monday at 12:00"}, tue)
	s.clk.Set(tue.Add(150 * time.Minute)) // Tuesday 12:30: not a Monday
	s.write("tuesday\n")
	mon := time.Date(2026, 3, 30, 11, 59, 0, 0, loc)
	s.clk.Set(mon)
	s.write("monday morning\n")
	s.clk.Set(mon.Add(time.Minute)) // Monday 12:00
	s.write("monday noon\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{
		"app." + stamp(tue) + ".log": "tuesday\nmonday morning\n",
		"app.log":                    "monday noon\n",
	})
}

func TestRotateIdleRotatesOnce(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Rotation: "hourly"}, t0)
	s.write("a\n")
	s.clk.Advance(30 * time.Hour) // 30 boundaries passed while idle
	s.write("b\n")
	s.write("c\n")
	s.clk.Advance(30 * time.Minute) // 16:30: the next boundary is 17:00
	s.write("d\n")
	s.clk.Advance(30 * time.Minute)
	s.write("e\n")
	s.close()
	if got := rotations(t, s.dir); len(got) != 2 {
		t.Errorf("rotated %v, want 2 files", got)
	}
	if got := files(t, s.dir)["app.log"]; got != "e\n" {
		t.Errorf("app.log holds %q", got)
	}
}

func TestRotateSizeOrTime(t *testing.T) {
	t.Parallel()
	s := open(t, "app.log", &FileOptions{Rotation: "12 B or 1 h"}, t0)
	s.write("12345678\n")
	t1 := t0.Add(time.Minute)
	s.clk.Set(t1)
	s.write("size\n")            // 9+5 > 12
	s.clk.Set(t0.Add(time.Hour)) // an hour after t0: the size rotation did not move the grid
	s.write("t\n")               // 5+2 <= 12: only the time rotates
	s.close()
	wantFiles(t, s.dir, map[string]string{
		"app." + stamp(t0) + ".log": "12345678\n",
		"app." + stamp(t1) + ".log": "size\n",
		"app.log":                   "t\n",
	})
}

func TestRotateFunc(t *testing.T) {
	t.Parallel()
	var seen []FileState
	s := open(t, "app.log", &FileOptions{RotateFunc: func(msg []byte, f FileState) bool {
		seen = append(seen, f)
		return strings.HasPrefix(string(msg), "ROTATE")
	}}, t0)
	s.write("a\n")
	s.clk.Advance(time.Minute)
	s.write("bb\n", "ROTATE c\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{
		"app." + stamp(t0) + ".log": "a\nbb\n",
		"app.log":                   "ROTATE c\n",
	})
	path := filepath.Join(s.dir, "app.log")
	want := []FileState{{path, 0, t0}, {path, 2, t0}, {path, 5, t0}}
	if len(seen) != len(want) {
		t.Fatalf("RotateFunc saw %v", seen)
	}
	for i := range want {
		if seen[i].Path != want[i].Path || seen[i].Size != want[i].Size || !seen[i].Created.Equal(want[i].Created) {
			t.Errorf("call %d: %+v, want %+v", i, seen[i], want[i])
		}
	}
}

func TestRotateTimePath(t *testing.T) {
	t.Parallel()
	// A name that changes: each rotation opens a new name, nothing is renamed.
	s := open(t, "app_{time:YYYY-MM-DD}.log", &FileOptions{Rotation: "daily"}, t0)
	s.write("a\n")
	if got := filepath.Base(s.Path()); got != "app_2026-03-20.log" {
		t.Errorf("Path %s", got)
	}
	s.clk.Set(t0.Add(14 * time.Hour)) // midnight
	s.write("b\n")
	s.clk.Set(t0.Add(38 * time.Hour))
	s.write("c\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{
		"app_2026-03-20.log": "a\n",
		"app_2026-03-21.log": "b\n",
		"app_2026-03-22.log": "c\n",
	})

	// The default {time} format, and Delay: the name is formed at the first write.
	s = open(t, "app_{time}.log", &FileOptions{Delay: true}, t0)
	s.clk.Advance(1500 * time.Millisecond)
	s.write("x\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{"app_2026-03-20_10-00-01_500000.log": "x\n"})

	// A name that does not change falls back to renaming.
	s = open(t, "app_{time:YYYY}.log", &FileOptions{Rotation: "1 h"}, t0)
	s.write("a\n")
	s.clk.Advance(time.Hour)
	s.write("b\n")
	s.close()
	wantFiles(t, s.dir, map[string]string{
		"app_2026." + stamp(t0) + ".log": "a\n",
		"app_2026.log":                   "b\n",
	})
}

func TestRotateTimePathErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, p := range []string{
		"app_{date}.log", "app_{time.log", "app_}.log", "{time}/app.log", "app_{time:SSSSSSS}.log", "app_{}.log",
	} {
		if _, err := NewFile(filepath.Join(dir, p), nil); err == nil {
			t.Errorf("NewFile(%q) succeeded", p)
		}
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("failed NewFile calls created %v", got)
	}
	f, err := NewFile(filepath.Join(dir, "a{{b}}.log"), nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := names(t, dir); len(got) != 1 || got[0] != "a{b}.log" {
		t.Errorf("escaped braces gave %v", got)
	}
}

func TestNamingCollisions(t *testing.T) {
	t.Parallel()
	// The clock stands still: every rotation has the same time (loguru's
	// test_renaming_rotation_dest_exists).
	s := open(t, "rotate.log", &FileOptions{RotateFunc: func([]byte, FileState) bool { return true }}, t0)
	s.write("A\n", "B\n", "C\n")
	s.close()
	st := stamp(t0)
	wantFiles(t, s.dir, map[string]string{
		"rotate." + st + ".log":   "",
		"rotate." + st + ".2.log": "A\n",
		"rotate." + st + ".3.log": "B\n",
		"rotate.log":              "C\n",
	})
}

func TestNamingClockBackwards(t *testing.T) {
	t.Parallel()
	rotate := false
	s := open(t, "app.log", &FileOptions{
		Compression: "gz",
		RotateFunc:  func([]byte, FileState) bool { r := rotate; rotate = false; return r },
	}, t0)
	s.write("A\n")
	s.clk.Set(t0.Add(time.Hour))
	rotate = true
	s.write("B\n") // app.log (made at t0) becomes app.<t0>.log.gz
	s.clk.Set(t0)  // the clock is set back an hour
	rotate = true
	s.write("C\n") // the file made at t0+1h is rotated; a new one is made at t0
	s.waitIdle()   // app.<t0>.log is now app.<t0>.log.gz
	rotate = true
	s.write("D\n") // a second file made at t0: its name is taken by an archive
	s.close()
	st := stamp(t0)
	got := names(t, s.dir)
	want := []string{"app." + st + ".2.log.gz", "app." + st + ".log.gz", "app." + stamp(t0.Add(time.Hour)) + ".log.gz", "app.log"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("files %v, want %v", got, want)
	}
	for name, content := range map[string]string{want[0]: "C\n", want[1]: "A\n", want[2]: "B\n"} {
		if b := string(decompress(t, filepath.Join(s.dir, name))); b != content {
			t.Errorf("%s holds %q, want %q", name, b, content)
		}
	}
	s.noErrors()
}

func TestNamingIndex(t *testing.T) {
	t.Parallel()
	for _, comp := range []string{"", "gz"} {
		s := open(t, "app.log", &FileOptions{Naming: "index", Rotation: "1 h", Compression: comp}, t0)
		for i := range 4 {
			s.write(strings.Repeat("x", i+1) + "\n")
			s.clk.Advance(time.Hour)
		}
		s.write("now\n")
		s.close()
		ext := ""
		if comp != "" {
			ext = ".gz"
		}
		got := names(t, s.dir)
		want := []string{"app.1.log" + ext, "app.2.log" + ext, "app.3.log" + ext, "app.4.log" + ext, "app.log"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("%q: files %v, want %v", comp, got, want)
		}
		for i, name := range want[:4] {
			if b := string(decompress(t, filepath.Join(s.dir, name))); b != strings.Repeat("x", 4-i)+"\n" {
				t.Errorf("%s holds %q", name, b)
			}
		}
		s.noErrors()
	}
}

func TestNamingIndexBlocked(t *testing.T) {
	t.Parallel()
	// Something foreign holds a name renumbering needs: nothing is overwritten, the
	// rotated file keeps its time-stamped name, and the error is reported.
	dir := t.TempDir()
	s := openIn(t, dir, "app.log", &FileOptions{Naming: "index", Rotation: "1 h"}, clock.NewFake(t0), &fsys.Faulty{})
	s.write("a\n")
	s.clk.Advance(time.Hour)
	s.write("b\n")
	s.waitIdle()
	mustSymlink(t, filepath.Join(dir, "elsewhere"), filepath.Join(dir, "app.2.log"))
	s.clk.Advance(time.Hour)
	s.write("c\n")
	s.close()
	wantFiles(t, dir, map[string]string{
		"app.1.log": "a\n",
		"app.2.log": "-> " + filepath.Join(dir, "elsewhere"),
		"app." + stamp(t0.Add(time.Hour)) + ".log": "b\n",
		"app.log": "c\n",
	})
	if errs := s.errs.all(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "renumbering") {
		t.Errorf("OnError got %v", errs)
	}
}

func TestRestart(t *testing.T) {
	t.Parallel()
	loc := paris(t)
	for _, tt := range []struct {
		name            string
		spec            string
		created, reopen time.Time
		rotates         bool
	}{
		// Written at 23:59, stopped, started again after midnight: the first write
		// rotates the file of yesterday.
		{"boundary passed while stopped", "00:00", time.Date(2026, 3, 24, 23, 59, 0, 0, loc), time.Date(2026, 3, 25, 0, 1, 0, 0, loc), true},
		// Created after today's boundary: no early rotation.
		{"created after the boundary", "00:00", time.Date(2026, 3, 25, 0, 5, 0, 0, loc), time.Date(2026, 3, 25, 0, 10, 0, 0, loc), false},
		// Created before a boundary still ahead: none yet.
		{"boundary ahead", "00:00", time.Date(2026, 3, 24, 23, 0, 0, 0, loc), time.Date(2026, 3, 24, 23, 30, 0, 0, loc), false},
		// Intervals count from the creation time, not from the restart.
		{"interval passed while stopped", "1 h", time.Date(2026, 3, 24, 9, 0, 0, 0, loc), time.Date(2026, 3, 24, 10, 0, 0, 0, loc), true},
		{"interval not yet passed", "1 h", time.Date(2026, 3, 24, 9, 0, 0, 0, loc), time.Date(2026, 3, 24, 9, 59, 59, 0, loc), false},
		{"weekday passed while stopped", "monday at 12:00", time.Date(2026, 3, 27, 9, 0, 0, 0, loc), time.Date(2026, 3, 30, 12, 0, 0, 0, loc), true},
		{"weekday ahead", "monday at 12:00", time.Date(2026, 3, 30, 12, 0, 0, 0, loc), time.Date(2026, 4, 6, 11, 0, 0, 0, loc), false},
		// A size limit counts the bytes already in the file ("before\n" is 7).
		{"size passed", "10 B", time.Date(2026, 3, 24, 9, 0, 0, 0, loc), time.Date(2026, 3, 24, 9, 1, 0, 0, loc), true},
		{"size not passed", "13 B", time.Date(2026, 3, 24, 9, 0, 0, 0, loc), time.Date(2026, 3, 24, 9, 1, 0, 0, loc), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "app.log")
			mustWrite(t, path, "before\n")
			cfs := &createdFS{FS: fsys.OS{}}
			cfs.set(path, tt.created.UTC()) // a birth time comes back in UTC or Local
			s := openIn(t, dir, "app.log", &FileOptions{Rotation: tt.spec}, clock.NewFake(tt.reopen), &fsys.Faulty{FS: cfs})
			s.write("after\n")
			s.close()
			want := map[string]string{"app.log": "before\nafter\n"}
			if tt.rotates {
				want = map[string]string{"app." + stamp(tt.created) + ".log": "before\n", "app.log": "after\n"}
			}
			wantFiles(t, dir, want)
		})
	}
}

// TestRestartBirthTime restarts on the real filesystem: the creation time is the
// file's birth time (statx) where the filesystem records one, else its modification
// time; either way a file made now is not rotated by a daily rotation now, and one whose
// creation a day ago is recorded is.
func TestRestartBirthTime(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	mustWrite(t, path, "before\n")
	c, err := fsys.OS{}.Created(path)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(c); d < -time.Minute || d > time.Minute {
		t.Fatalf("Created = %v, not about now", c)
	}
	s := openIn(t, dir, "app.log", &FileOptions{Rotation: "1 day"}, clock.NewFake(c.Add(23*time.Hour)), &fsys.Faulty{})
	s.write("after\n")
	s.mu.Lock()
	created := s.created
	s.mu.Unlock()
	if !created.Equal(c) {
		t.Errorf("creation time %v, want %v", created, c)
	}
	s.clk.Set(c.Add(24 * time.Hour))
	s.write("next day\n")
	s.close()
	wantFiles(t, dir, map[string]string{"app." + stamp(c.Local()) + ".log": "before\nafter\n", "app.log": "next day\n"})
}

func TestRotateAtMissingOrRepeatedTime(t *testing.T) {
	t.Parallel()
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		spec string
		day  time.Time
	}{
		{"02:30", time.Date(2026, 3, 8, 0, 0, 0, 0, ny)},  // 02:30 does not exist that day
		{"01:30", time.Date(2026, 11, 1, 0, 0, 0, 0, ny)}, // 01:30 happens twice that day
	} {
		// Writes every ten minutes for three days around the change: one rotation a day.
		start := tt.day.AddDate(0, 0, -1)
		s := open(t, "app.log", &FileOptions{Rotation: tt.spec}, start)
		for now := start; now.Before(start.Add(72 * time.Hour)); now = now.Add(10 * time.Minute) {
			s.clk.Set(now)
			s.write(now.Format(time.RFC3339) + "\n")
		}
		s.close()
		if got := rotations(t, s.dir); len(got) != 3 {
			t.Errorf("%s around %s: rotated %v, want one file a day", tt.spec, tt.day.Format(time.DateOnly), got)
		}
	}
}

func TestNamingCustom(t *testing.T) {
	t.Parallel()
	// A template of the user's: rotated files take its rendering of their creation
	// time, .2 on a collision; compression adds its extension, and retention keeps
	// the newest two of them, leaving other names alone.
	dir := t.TempDir()
	foreign := []string{"old-notes.log", "old-2026-03-20.txt", "app.log.1", "old-2026-03-20.0.log"}
	for _, n := range foreign {
		mustWrite(t, filepath.Join(dir, n), n)
	}
	s := openIn(t, dir, "app.log", &FileOptions{
		Naming: "old-{time:YYYY-MM-DD}.log", Rotation: "6 h", Compression: "gz", Retention: "2",
	}, clock.NewFake(t0), &fsys.Faulty{})
	for i := range 4 { // files made at 10:00 and 16:00 on the 20th, 22:00 the 20th, 04:00 the 21st
		s.write(strings.Repeat("x", i+1) + "\n")
		s.clk.Advance(6 * time.Hour)
	}
	s.write("now\n")
	s.close()
	want := map[string]string{"app.log": "now\n"}
	for _, n := range foreign {
		want[n] = n
	}
	got := files(t, dir)
	for n, w := range want {
		if got[n] != w {
			t.Errorf("%s holds %q, want %q", n, got[n], w)
		}
	}
	archives := map[string]string{"old-2026-03-20.3.log.gz": "xxx\n", "old-2026-03-21.log.gz": "xxxx\n"}
	for n, w := range archives {
		if _, ok := got[n]; !ok {
			t.Errorf("missing %s (have %v)", n, names(t, dir))
		} else if b := string(decompress(t, filepath.Join(dir, n))); b != w {
			t.Errorf("%s holds %q, want %q", n, b, w)
		}
	}
	if len(got) != len(want)+len(archives) {
		t.Errorf("files %v", names(t, dir))
	}
	s.noErrors()
}

func TestNamingCustomParse(t *testing.T) {
	t.Parallel()
	loc := time.UTC
	_, custom, err := parseNaming("old-{time:YYYY-MM-DD}.log", loc)
	if err != nil {
		t.Fatal(err)
	}
	n := namer{base: "app.log", scheme: namingCustom, custom: custom}
	for name, want := range map[string]bool{
		"old-2026-03-20.log": true, "old-2026-03-20.2.log": true, "old-2026-03-20.12.log.tar.xz": true,
		"old-2026-03-20.1.log": false, "old-2026-03-20.02.log": false, "old-2026-03-20.log.1": false,
		"old-20260320.log": false, // too short for the format
		"old-notes.log":    false, "old-2026-03-20.x.log": false, "old-2026-03-20": false,
		"new-2026-03-20.log": false, "old-2026-03-20.2.3.log": false,
	} {
		if _, ok := n.parse(name); ok != want {
			t.Errorf("parse(%q) = %v, want %v", name, ok, want)
		}
	}
	if got := n.rotatedName("app", ".log", t0, 1); got != "old-2026-03-20.log" {
		t.Errorf("rotatedName = %q", got)
	}
	if got := n.rotatedName("app", ".log", t0, 3); got != "old-2026-03-20.3.log" {
		t.Errorf("rotatedName = %q", got)
	}
	// Every name the scheme gives is one parse recognises, whatever the template.
	paris := paris(t)
	for _, spec := range []string{"old-{time}.log", "{time:YYYY.MM.DD}.log", "old_{time:YYYY-MM-DD HH.mm}", "{time:X}.log.old", "a{{b}}{time:YYYY}.txt"} {
		_, custom, err := parseNaming(spec, paris)
		if err != nil {
			t.Fatalf("parseNaming(%q): %v", spec, err)
		}
		n := namer{base: "app.log", scheme: namingCustom, custom: custom}
		for _, at := range []time.Time{t0.In(paris), time.Date(2026, 10, 25, 2, 30, 0, 999, paris), time.Date(1999, 12, 31, 23, 59, 59, 0, paris)} {
			for _, k := range []int{1, 2, 3, 17, 100} {
				name := n.rotatedName("app", ".log", at, k)
				for _, ext := range []string{"", ".gz", ".tar.xz"} {
					if o, ok := n.parse(name + ext); !ok || o.kind != kindCustom || o.n != k {
						t.Errorf("%q: parse(%q) = %+v, %v", spec, name+ext, o, ok)
					}
				}
			}
		}
	}
	for _, bad := range []string{"old.log", "old-{time:YYYY/MM}.log", "old-{date}.log", "old-{time.log", "{time:%x}.log"} {
		if _, _, err := parseNaming(bad, loc); err == nil || !strings.Contains(err.Error(), "sinks: Naming "+strconv.Quote(bad)) {
			t.Errorf("parseNaming(%q): %v", bad, err)
		}
	}
}

func TestNamingTrailingDot(t *testing.T) {
	t.Parallel()
	// A name ending in a dot has the extension ".": counters go before it, and the
	// names parse back (strings.Cut once dropped that dot).
	for _, scheme := range []naming{namingTime, namingIndex} {
		n := namer{base: "app.", scheme: scheme}
		names := []string{timeName("app", ".", t0, 1), timeName("app", ".", t0, 2) + ".gz"}
		if scheme == namingIndex {
			names = append(names, indexName("app", ".", 3), indexName("app", ".", 3)+".tar.xz")
		}
		for _, name := range names {
			if o, ok := n.parse(name); !ok || o.base != "app." {
				t.Errorf("scheme %d: parse(%q) = %+v, %v", scheme, name, o, ok)
			}
		}
	}
}
