package sinks

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// gridWrite is a line written at a time.
type gridWrite struct {
	at   time.Time
	line string
}

// gridCase is a File with a time rotation, written to at the given times.
type gridCase struct {
	name    string
	spec    string
	created time.Time // when the first file was created
	// restart: the file exists, created at created and holding "old"; the File is
	// opened at the first write's time. Else the File creates it at created.
	restart bool
	writes  []gridWrite
	want    [][]string // the lines of each file, oldest first, the active file last
}

// w is a gridWrite.
func w(at time.Time, line string) gridWrite { return gridWrite{at, line} }

// runGrid writes the case's lines and checks the files: each rotated file is named
// after its creation time, which is created for the first one and the time of the
// rotation that made it for the others.
func runGrid(t *testing.T, c gridCase) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	clk := clock.NewFake(c.created)
	fs := &fsys.Faulty{}
	if c.restart {
		mustWrite(t, path, "old\n")
		cfs := &createdFS{FS: fsys.OS{}}
		cfs.set(path, c.created.UTC()) // a birth time comes back in UTC or Local
		fs.FS = cfs
		clk.Set(c.writes[0].at)
	}
	s := openIn(t, dir, "app.log", &FileOptions{Rotation: c.spec}, clk, fs)
	var starts []time.Time // when each file after the first was created
	last := s.creation()
	for _, wr := range c.writes {
		s.clk.Set(wr.at)
		s.write(wr.line + "\n")
		if cr := s.creation(); !cr.Equal(last) {
			starts = append(starts, cr)
			last = cr
		}
	}
	s.close()
	s.noErrors()
	want := map[string]string{}
	for i, lines := range c.want {
		content := strings.Join(lines, "\n") + "\n"
		switch {
		case i == len(c.want)-1:
			want["app.log"] = content
		case i == 0:
			want["app."+stamp(c.created)+".log"] = content
		case i-1 < len(starts):
			want["app."+stamp(starts[i-1])+".log"] = content
		default:
			want["missing rotation "+strconv.Itoa(i)] = content
		}
	}
	wantFiles(t, dir, want)
}

// creation returns the active file's creation time.
func (s *sink) creation() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.created
}

// TestRotateGrid: an interval rotation keeps the grid that starts at the file's
// creation time, as loguru does: boundaries at creation + k·interval, and after a
// rotation that came late the next boundary is the next one on the grid, not the
// rotation time plus the interval.
func TestRotateGrid(t *testing.T) {
	t.Parallel()
	loc := paris(t)
	d := func(mo time.Month, day, h, mi int) time.Time { return time.Date(2026, mo, day, h, mi, 0, 0, loc) }
	for _, c := range []gridCase{
		{
			// The example: created at 12:00, boundaries 14:00, 16:00, 18:00, …;
			// the rotation at 15:00 does not move them, so 16:24 starts a new file.
			name: "hours", spec: "2 h", created: d(6, 18, 12, 0),
			writes: []gridWrite{w(d(6, 18, 13, 0), "a"), w(d(6, 18, 15, 0), "b"), w(d(6, 18, 15, 54), "c"), w(d(6, 18, 16, 24), "d"), w(d(6, 19, 2, 24), "e"), w(d(6, 19, 3, 59), "f"), w(d(6, 19, 4, 0), "g")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}, {"e", "f"}, {"g"}},
		},
		{
			name: "12 hours", spec: "12 hours", created: d(3, 24, 8, 0),
			writes: []gridWrite{w(d(3, 24, 19, 59), "a"), w(d(3, 24, 20, 0), "b"), w(d(3, 25, 7, 59), "c"), w(d(3, 25, 8, 0), "d"), w(d(3, 27, 9, 0), "e"), w(d(3, 27, 19, 59), "f"), w(d(3, 27, 20, 0), "g")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}, {"e", "f"}, {"g"}},
		},
		{
			name: "1 day", spec: "1 day", created: d(3, 10, 10, 0),
			writes: []gridWrite{w(d(3, 11, 9, 0), "a"), w(d(3, 11, 10, 30), "b"), w(d(3, 12, 9, 59), "c"), w(d(3, 12, 10, 0), "d"), w(d(3, 16, 11, 0), "e"), w(d(3, 17, 9, 59), "f"), w(d(3, 17, 10, 0), "g")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}, {"e", "f"}, {"g"}},
		},
		{
			name: "1 week", spec: "1 week", created: d(2, 3, 10, 0),
			writes: []gridWrite{w(d(2, 10, 9, 0), "a"), w(d(2, 11, 11, 0), "b"), w(d(2, 17, 9, 59), "c"), w(d(2, 17, 10, 0), "d")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}},
		},
		{
			// 1.5 days from Monday 00:00: Tuesday 12:00, Thursday 00:00, Friday 12:00.
			name: "fractional days", spec: "1.5d", created: d(2, 2, 0, 0),
			writes: []gridWrite{w(d(2, 3, 11, 59), "a"), w(d(2, 3, 18, 0), "b"), w(d(2, 4, 23, 59), "c"), w(d(2, 5, 0, 0), "d"), w(d(2, 6, 11, 0), "e"), w(d(2, 6, 12, 0), "f")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d", "e"}, {"f"}},
		},
		{
			// 90 minutes from 12:00: 13:30, 15:00, 16:30.
			name: "fractional hours", spec: "1h 30 minutes", created: d(6, 18, 12, 0),
			writes: []gridWrite{w(d(6, 18, 13, 0), "a"), w(d(6, 18, 14, 0), "b"), w(d(6, 18, 14, 59), "c"), w(d(6, 18, 16, 0), "d"), w(d(6, 18, 16, 29), "e"), w(d(6, 18, 16, 30), "f")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d", "e"}, {"f"}},
		},
		{
			// loguru's test: 9 days from Sunday 12:00, messages after 192, 48, 24, 216
			// and 216 hours.
			name: "weeks and days", spec: "1 w, 2D", created: d(6, 14, 12, 0),
			writes: []gridWrite{w(d(6, 22, 12, 0), "a"), w(d(6, 24, 12, 0), "b"), w(d(6, 25, 12, 0), "c"), w(d(7, 4, 12, 0), "d"), w(d(7, 13, 12, 0), "e")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}, {"e"}},
		},
		{
			// Each condition keeps its own boundaries: 23:00 and 01:00 from the grid,
			// midnight from daily.
			name: "interval or daily", spec: "2 h or daily", created: d(3, 24, 21, 0),
			writes: []gridWrite{w(d(3, 24, 22, 0), "a"), w(d(3, 24, 23, 30), "b"), w(d(3, 25, 0, 10), "c"), w(d(3, 25, 0, 50), "d"), w(d(3, 25, 1, 0), "e")},
			want:   [][]string{{"a"}, {"b"}, {"c", "d"}, {"e"}},
		},
		{
			name: "size or interval", spec: "100 MB or 2 h", created: d(6, 18, 12, 0),
			writes: []gridWrite{w(d(6, 18, 13, 0), "a"), w(d(6, 18, 15, 0), "b"), w(d(6, 18, 15, 54), "c"), w(d(6, 18, 16, 24), "d")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			runGrid(t, c)
		})
	}
}

// TestRotateGridSizeBetweenBoundaries: a size rotation between two time boundaries
// does not move the time grid.
func TestRotateGridSizeBetweenBoundaries(t *testing.T) {
	t.Parallel()
	loc := paris(t)
	d := func(day, h, mi int) time.Time { return time.Date(2026, 3, day, h, mi, 0, 0, loc) }
	big := strings.Repeat("x", 15) // 16 bytes with its newline
	for _, c := range []gridCase{
		{
			// Boundaries 14:00, 16:00; the size rotates at 13:00, the grid at 14:00 still.
			name: "hours", spec: "20 B or 2 h", created: d(24, 12, 0),
			writes: []gridWrite{w(d(24, 12, 30), big), w(d(24, 13, 0), big), w(d(24, 13, 59), "a"), w(d(24, 14, 0), "b"), w(d(24, 15, 59), "c"), w(d(24, 16, 0), "d")},
			want:   [][]string{{big}, {big, "a"}, {"b", "c"}, {"d"}},
		},
		{
			name: "several sizes", spec: "2 h or 20 B", created: d(24, 12, 0),
			writes: []gridWrite{w(d(24, 12, 10), big), w(d(24, 12, 20), big), w(d(24, 12, 30), big), w(d(24, 13, 59), "a"), w(d(24, 14, 0), "b")},
			want:   [][]string{{big}, {big}, {big, "a"}, {"b"}},
		},
		{
			name: "days", spec: "20 B or 1 day", created: d(24, 10, 0),
			writes: []gridWrite{w(d(24, 12, 0), big), w(d(25, 9, 0), big), w(d(25, 9, 59), "a"), w(d(25, 10, 0), "b")},
			want:   [][]string{{big}, {big, "a"}, {"b"}},
		},
		{
			name: "daily", spec: "20 B or daily", created: d(24, 10, 0),
			writes: []gridWrite{w(d(24, 12, 0), big), w(d(24, 20, 0), big), w(d(24, 23, 59), "a"), w(d(25, 0, 0), "b")},
			want:   [][]string{{big}, {big, "a"}, {"b"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			runGrid(t, c)
		})
	}
}

// TestRotateGridRestart: a File opened on an existing file keeps the grid of that
// file's creation time, across daylight-saving changes too.
func TestRotateGridRestart(t *testing.T) {
	t.Parallel()
	loc := paris(t)
	d := func(mo time.Month, day, h, mi int) time.Time { return time.Date(2026, mo, day, h, mi, 0, 0, loc) }
	for _, c := range []gridCase{
		{
			// Created at 12:00, restarted at 13:30: boundaries at 14:00 and 16:00.
			name: "boundary ahead", spec: "2 h", created: d(6, 18, 12, 0), restart: true,
			writes: []gridWrite{w(d(6, 18, 13, 30), "a"), w(d(6, 18, 14, 0), "b"), w(d(6, 18, 15, 59), "c"), w(d(6, 18, 16, 0), "d")},
			want:   [][]string{{"old", "a"}, {"b", "c"}, {"d"}},
		},
		{
			// Restarted at 17:10, after boundaries passed while stopped: the first write
			// rotates, and the next boundary is 18:00, not 19:10.
			name: "boundary passed while stopped", spec: "2 h", created: d(6, 18, 12, 0), restart: true,
			writes: []gridWrite{w(d(6, 18, 17, 10), "a"), w(d(6, 18, 17, 59), "b"), w(d(6, 18, 18, 0), "c")},
			want:   [][]string{{"old"}, {"a", "b"}, {"c"}},
		},
		{
			// As with loguru, a file made by a rotation (at 15:00, on the grid from 12:00)
			// starts the grid at its own creation: boundaries at 17:00, 19:00.
			name: "file made by a rotation", spec: "2 h", created: d(6, 18, 15, 0), restart: true,
			writes: []gridWrite{w(d(6, 18, 15, 30), "a"), w(d(6, 18, 16, 0), "b"), w(d(6, 18, 17, 0), "c")},
			want:   [][]string{{"old", "a", "b"}, {"c"}},
		},
		{
			name: "fractional", spec: "1.5d", created: d(2, 2, 0, 0), restart: true,
			writes: []gridWrite{w(d(2, 4, 9, 0), "a"), w(d(2, 4, 23, 59), "b"), w(d(2, 5, 0, 0), "c")},
			want:   [][]string{{"old"}, {"a", "b"}, {"c"}},
		},
		{
			// Created at 10:00 CET, restarted after the change to CEST: the boundary is
			// still at 10:00 on the wall clock.
			name: "across DST", spec: "1 day", created: d(3, 27, 10, 0), restart: true,
			writes: []gridWrite{w(d(3, 29, 9, 0), "a"), w(d(3, 29, 9, 59), "b"), w(d(3, 29, 10, 0), "c")},
			want:   [][]string{{"old"}, {"a", "b"}, {"c"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			runGrid(t, c)
		})
	}
}

// TestRotateGridDST: an interval of a day or more is counted on the wall clock, like
// daily; a shorter one in elapsed time.
func TestRotateGridDST(t *testing.T) {
	t.Parallel()
	loc := paris(t)
	d := func(mo time.Month, day, h, mi int) time.Time { return time.Date(2026, mo, day, h, mi, 0, 0, loc) }
	for _, c := range []gridCase{
		{
			// Sunday 2026-03-29 has 23 hours in Paris: the boundary is still midnight.
			name: "1 day, spring forward", spec: "1 day", created: d(3, 28, 0, 0),
			writes: []gridWrite{w(d(3, 28, 23, 59), "a"), w(d(3, 29, 0, 0), "b"), w(d(3, 29, 23, 59), "c"), w(d(3, 30, 0, 0), "d")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}},
		},
		{
			// Sunday 2026-10-25 has 25 hours: 23:30 is not yet the next day.
			name: "1 day, fall back", spec: "1 day", created: d(10, 24, 0, 0),
			writes: []gridWrite{w(d(10, 24, 23, 59), "a"), w(d(10, 25, 0, 0), "b"), w(d(10, 25, 23, 30), "c"), w(d(10, 26, 0, 0), "d")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}},
		},
		{
			// 1.5 days from Saturday 00:00: Sunday 12:00 CEST, Tuesday 00:00.
			name: "1.5d, spring forward", spec: "1.5d", created: d(3, 28, 0, 0),
			writes: []gridWrite{w(d(3, 29, 11, 59), "a"), w(d(3, 29, 12, 0), "b"), w(d(3, 30, 23, 59), "c"), w(d(3, 31, 0, 0), "d")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}},
		},
		{
			name: "1 week, fall back", spec: "1 week", created: d(10, 20, 9, 0),
			writes: []gridWrite{w(d(10, 27, 8, 59), "a"), w(d(10, 27, 9, 0), "b")},
			want:   [][]string{{"a"}, {"b"}},
		},
		{
			// Two real hours from 00:00 CET is 03:00 CEST, then 05:00 CEST.
			name: "2 h, spring forward", spec: "2 h", created: d(3, 29, 0, 0),
			writes: []gridWrite{w(d(3, 29, 1, 30), "a"), w(d(3, 29, 3, 0), "b"), w(d(3, 29, 4, 59), "c"), w(d(3, 29, 5, 0), "d")},
			want:   [][]string{{"a"}, {"b", "c"}, {"d"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			runGrid(t, c)
		})
	}
}

// mtimeFS is the real filesystem as a program sees it where files have no birth time:
// Created is the modification time.
type mtimeFS struct{ fsys.FS }

func (m mtimeFS) Created(name string) (time.Time, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return time.Time{}, err
	}
	return fi.ModTime(), nil
}

// recordingFS is mtimeFS with a CreationRecorder that keeps creation times in memory,
// as fsys.OS keeps them in an extended attribute.
type recordingFS struct {
	mtimeFS
	mu  sync.Mutex
	rec map[string]time.Time
}

func (r *recordingFS) SetCreated(name string, t time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.rec == nil {
		r.rec = map[string]time.Time{}
	}
	r.rec[name] = t
	return nil
}

func (r *recordingFS) Created(name string) (time.Time, error) {
	r.mu.Lock()
	t, ok := r.rec[name]
	r.mu.Unlock()
	if ok {
		return t, nil
	}
	return r.mtimeFS.Created(name)
}

// TestRotateGridRestartNoBirthTime: where the filesystem keeps no birth time, the File
// records each file's creation time (fsys.CreationRecorder), and a restart keeps the
// grid; where it cannot be recorded, the grid restarts from the modification time.
func TestRotateGridRestartNoBirthTime(t *testing.T) {
	t.Parallel()
	loc := paris(t)
	created := time.Date(2026, 3, 24, 12, 0, 0, 0, loc)
	lastWrite := time.Date(2026, 3, 24, 13, 50, 0, 0, loc)
	restart := time.Date(2026, 3, 24, 14, 30, 0, 0, loc)
	for _, tt := range []struct {
		name string
		fs   fsys.FS
		want map[string]string
	}{
		// Created at 12:00 (recorded): the 14:00 boundary passed while stopped.
		{"recorded", &recordingFS{mtimeFS: mtimeFS{fsys.OS{}}}, map[string]string{"app." + stamp(created) + ".log": "a\n", "app.log": "b\n"}},
		// Modified at 13:50: the next boundary is 15:50.
		{"modification time", mtimeFS{fsys.OS{}}, map[string]string{"app.log": "a\nb\n"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "app.log")
			opts := &FileOptions{Rotation: "2 h"}
			f, err := newFile(path, opts, clock.NewFake(created), tt.fs)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Write([]byte("a\n")); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(path, lastWrite, lastWrite); err != nil {
				t.Fatal(err)
			}
			f, err = newFile(path, opts, clock.NewFake(restart), tt.fs)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Write([]byte("b\n")); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			wantFiles(t, dir, tt.want)
		})
	}
}
