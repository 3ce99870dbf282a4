package rotspec

import (
	"slices"
	"strconv"
	"testing"
	"time"
)

func TestParseRetention(t *testing.T) {
	for _, c := range []struct {
		spec string
		want Retention
	}{
		{"10", Retention{kind: keepCount, count: 10}},
		{"0", Retention{kind: keepCount, count: 0}},
		{"1", Retention{kind: keepCount, count: 1}},
		{" 7 ", Retention{kind: keepCount, count: 7}},
		{"007", Retention{kind: keepCount, count: 7}},
		{"1 hour", Retention{kind: maxAge, age: time.Hour}},
		{"1H", Retention{kind: maxAge, age: time.Hour}},
		{" 1 h ", Retention{kind: maxAge, age: time.Hour}},
		{"7 days", Retention{kind: maxAge, age: 7 * 24 * time.Hour}},
		{"1 week", Retention{kind: maxAge, age: 7 * 24 * time.Hour}},
		{"30 days", Retention{kind: maxAge, age: 30 * 24 * time.Hour}},
		{"1 month", Retention{kind: maxAge, age: 30 * 24 * time.Hour}},
		{"1 year", Retention{kind: maxAge, age: 365 * 24 * time.Hour}},
		{"1h 30min", Retention{kind: maxAge, age: 90 * time.Minute}},
		{"1 w, 2D", Retention{kind: maxAge, age: 9 * 24 * time.Hour}},
		{"1.5 d", Retention{kind: maxAge, age: 36 * time.Hour}},
		{"1 GB", Retention{kind: maxTotal, size: 1e9}},
		{"5 MB", Retention{kind: maxTotal, size: 5e6}}, // loguru: an error
		{"500 MiB", Retention{kind: maxTotal, size: 500 << 20}},
		{"1.5 KiB", Retention{kind: maxTotal, size: 1536}},
		{"10kb", Retention{kind: maxTotal, size: 10000}},
	} {
		r, err := ParseRetention(c.spec)
		if err != nil {
			t.Errorf("ParseRetention(%q): %v", c.spec, err)
			continue
		}
		c.want.spec = c.spec
		if *r != c.want {
			t.Errorf("ParseRetention(%q) = %+v, want %+v", c.spec, *r, c.want)
		}
		if r.String() != c.spec {
			t.Errorf("ParseRetention(%q).String() = %q", c.spec, r.String())
		}
	}
}

func TestParseRetentionErrors(t *testing.T) {
	const help = `expected a count of files ("10"), an age ("7 days") or a total size ("1 GB")`
	const cannot = "cannot parse; " + help
	const schedule = "a weekday, time of day or calendar word is a rotation schedule, not a retention; " + help
	for _, c := range []struct{ spec, want string }{
		{"", "empty spec; " + help},
		{"  ", "empty spec; " + help},
		// loguru's "Cannot parse retention from" cases (8.6 item 10).
		{"W5", schedule},
		{"monday at 14:00", schedule},
		{"sunday", schedule},
		{"nope", cannot},
		{"d", cannot},
		{"H", cannot},
		// loguru's "Invalid unit value while parsing duration" case.
		{"3 hours 2 dayz", `unknown unit "dayz"; …`},
		// Others.
		{"daily", schedule},
		{"13:00", schedule},
		{"12:99", schedule},
		{"w7", cannot},
		{"1.5", `a count of files must be a whole number; for an age or a size add a unit ("1.5 days", "1.5 MB")`},
		{"1e3", `a count of files must be a whole number; …`},
		{"-1", cannot},
		{"+1", cannot},
		{"99999999999999999999", "count of files is too large"},
		{"1 or 2", `conditions joined by "or" are not supported for retention; give one count, age or total size`},
		{"10 or 1 GB", `conditions joined by "or" are not supported …`},
		{"7 days OR 1 GB", `conditions joined by "or" are not supported …`},
		{"0.5 s", "an interval must be at least one second"},
		{"0 B", "size must be at least 1 byte …"},
		{"1 m", `unknown unit "m"; …`},
		{"1 GB 1 day", "a size is one number and one unit …"},
		{"forever", cannot},
	} {
		_, err := ParseRetention(c.spec)
		if err == nil {
			t.Errorf("ParseRetention(%q) succeeded", c.spec)
			continue
		}
		checkErr(t, "retention", c.spec, err, c.want)
	}
}

// files builds FileInfos named p0, p1, ... with the given ages (before now, in hours)
// and sizes.
func files(now time.Time, ages []float64, sizes []int64) []FileInfo {
	fs := make([]FileInfo, len(ages))
	for i, a := range ages {
		fs[i] = FileInfo{Path: "p" + string(rune('0'+i)), ModTime: now.Add(-time.Duration(a * float64(time.Hour)))}
		if sizes != nil {
			fs[i].Size = sizes[i]
		}
	}
	return fs
}

func TestSelect(t *testing.T) {
	now := time.Date(2026, 3, 24, 12, 0, 0, 0, time.UTC)
	// p0 is 5 h old, p1 1 h, p2 3 h, p3 2 h, p4 4 h: newest first p1 p3 p2 p4 p0.
	five := files(now, []float64{5, 1, 3, 2, 4}, []int64{100, 10, 30, 20, 40})
	same := []FileInfo{ // equal ModTimes: the greater path counts as newer
		{Path: "b", ModTime: now}, {Path: "c", ModTime: now}, {Path: "a", ModTime: now},
	}
	for _, c := range []struct {
		name  string
		spec  string
		files []FileInfo
		now   time.Time
		want  []string
	}{
		{"count 0 deletes all, oldest first", "0", five, now, []string{"p0", "p4", "p2", "p3", "p1"}},
		{"count 1 keeps the newest", "1", five, now, []string{"p0", "p4", "p2", "p3"}},
		{"count 3", "3", five, now, []string{"p0", "p4"}},
		{"count equal to the files", "5", five, now, nil},
		{"count above the files", "10", five, now, nil},
		{"count with no files", "0", nil, now, nil},
		{"count with ties", "1", same, now, []string{"a", "b"}},
		{"count 0 with ties", "0", same, now, []string{"a", "b", "c"}},
		{"count 2 with ties", "2", same, now, []string{"a"}},
		{"age between files", "150 min", five, now, []string{"p0", "p4", "p2"}},
		{"age equal to a file's age deletes it", "3 h", five, now, []string{"p0", "p4", "p2"}},
		{"age one nanosecond older keeps it", "3 h", five, now.Add(-time.Nanosecond), []string{"p0", "p4"}},
		{"age older than all", "1 day", five, now, nil},
		{"age younger than all", "30 min", five, now, []string{"p0", "p4", "p2", "p3", "p1"}},
		{"age with future ModTimes", "1 h", files(now, []float64{-5, 2}, nil), now, []string{"p1"}},
		{"age with zero ModTime", "1 h", []FileInfo{{Path: "z"}, {Path: "n", ModTime: now}}, now, []string{"z"}},
		{"age with ties", "1 h", []FileInfo{{Path: "b", ModTime: now.Add(-time.Hour)}, {Path: "a", ModTime: now.Add(-time.Hour)}}, now, []string{"a", "b"}},
		// Sizes newest first: p1 10, p3 20, p2 30, p4 40, p0 100.
		{"size exactly the newest three", "60 B", five, now, []string{"p0", "p4"}},
		{"size one byte short", "59 B", five, now, []string{"p0", "p4", "p2"}},
		{"size holding all", "200 B", five, now, nil},
		{"size below the newest", "9 B", five, now, []string{"p0", "p4", "p2", "p3", "p1"}},
		{"size: a small old file after the limit is deleted too", "35 B",
			files(now, []float64{1, 2, 3}, []int64{10, 30, 1}), now, []string{"p2", "p1"}},
		{"size: negative sizes count as zero", "10 B",
			files(now, []float64{1, 2, 3}, []int64{-5, 10, 1}), now, []string{"p2"}},
		{"size: huge sizes do not overflow", "9223372036854775807 B",
			files(now, []float64{1, 2, 3}, []int64{1<<63 - 1, 1<<63 - 1, 1}), now, []string{"p2", "p1"}},
		{"size with ties", "1 B", []FileInfo{{Path: "a", ModTime: now, Size: 1}, {Path: "b", ModTime: now, Size: 1}}, now, []string{"a"}},
		// A path listed twice is one file, described by its newest entry.
		{"duplicates, count", "1", []FileInfo{{Path: "x", ModTime: now}, {Path: "y", ModTime: now.Add(-time.Hour)}, {Path: "x", ModTime: now.Add(-2 * time.Hour)}}, now, []string{"y"}},
		{"duplicates, count 0", "0", []FileInfo{{Path: "x", ModTime: now}, {Path: "x", ModTime: now}}, now, []string{"x"}},
		{"duplicates, age", "90 min", []FileInfo{{Path: "x", ModTime: now}, {Path: "x", ModTime: now.Add(-2 * time.Hour)}}, now, nil},
	} {
		r, err := ParseRetention(c.spec)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		before := slices.Clone(c.files)
		got := r.Select(c.files, c.now)
		if !slices.Equal(got, c.want) || (got == nil) != (c.want == nil) {
			t.Errorf("%s: %q.Select = %q, want %q", c.name, c.spec, got, c.want)
		}
		if !slices.Equal(before, c.files) {
			t.Errorf("%s: Select modified its argument", c.name)
		}
	}
}

func TestSelectZeroAndNil(t *testing.T) {
	fs := []FileInfo{{Path: "a"}}
	for _, r := range []*Retention{nil, {}} {
		if got := r.Select(fs, time.Now()); got != nil {
			t.Errorf("%#v.Select = %q, want nil", r, got)
		}
		if r.String() != "" {
			t.Errorf("%#v.String() = %q", r, r.String())
		}
	}
}

// TestSelectIgnoresMonotonic: ages compare wall clocks, whether or not now or the
// ModTimes carry a monotonic reading.
func TestSelectIgnoresMonotonic(t *testing.T) {
	now := time.Now()
	r, _ := ParseRetention("1 h")
	fs := []FileInfo{{Path: "old", ModTime: now.Add(-time.Hour).Round(0)}, {Path: "new", ModTime: now.Add(-time.Minute)}}
	if got := r.Select(fs, now); !slices.Equal(got, []string{"old"}) {
		t.Errorf("Select = %q", got)
	}
}

func TestSelectLarge(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var fs []FileInfo
	for i := range 1000 {
		fs = append(fs, FileInfo{Path: "f" + strconv.Itoa(i%700), ModTime: now.Add(-time.Duration(i%50) * time.Minute), Size: int64(i)})
	}
	for _, spec := range []string{"0", "10", "30 min", "1 MB"} {
		r, _ := ParseRetention(spec)
		got := r.Select(fs, now)
		checkSubset(t, spec, fs, got)
		rev := slices.Clone(fs)
		slices.Reverse(rev)
		if again := r.Select(rev, now); !slices.Equal(got, again) {
			t.Errorf("%q: Select depends on the order of files: %q then %q", spec, got, again)
		}
		if len(got) == 0 && spec != "1 MB" {
			t.Errorf("%q: nothing selected", spec)
		}
	}
}

// checkSubset checks that every selected path is in files, once.
func checkSubset(t *testing.T, spec string, fs []FileInfo, got []string) {
	t.Helper()
	in := map[string]bool{}
	for _, f := range fs {
		in[f.Path] = true
	}
	seen := map[string]bool{}
	for _, p := range got {
		if !in[p] {
			t.Fatalf("%q: selected %q, which is not in files", spec, p)
		}
		if seen[p] {
			t.Fatalf("%q: selected %q twice", spec, p)
		}
		seen[p] = true
	}
}
