package timefmt

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func mustCompile(t testing.TB, spec string) *Format {
	t.Helper()
	f, err := Compile(spec)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestCacheGrain(t *testing.T) {
	for spec, want := range map[string]grain{
		"YYYY-MM-DD HH:mm:ss":     grainSecond,
		"YYYY-MM-DD HH:mm:ss.SSS": grainMilli,
		"S SS":                    grainMilli,
		"SSSS":                    grainFine,
		"X":                       grainSecond,
		"x":                       grainFine,
		"%Y-%m-%d %H:%M:%S":       grainSecond,
		"%H:%M:%S.%f":             grainFine,
		"%-f %%f":                 grainSecond, // %-f is glibc's: copied as it stands
		"literal only":            grainSecond,
	} {
		f := mustCompile(t, spec)
		if f.grain != want {
			t.Errorf("Compile(%q) grain = %d, want %d", spec, f.grain, want)
		}
		if (f.cache != nil) != want.cacheable() {
			t.Errorf("Compile(%q) cache = %v, want cacheable %v", spec, f.cache != nil, want.cacheable())
		}
	}
	// loguru's default changes every microsecond: it caches only its per-second parts.
	f := mustCompile(t, "")
	base := time.Date(2026, 3, 26, 14, 30, 0, 123_456_000, time.FixedZone("", 5400))
	for i, tm := range []time.Time{base, base.Add(time.Microsecond), base.Add(time.Second), base.UTC()} {
		if got, want := string(f.Append(nil, tm)), string(appendISO(nil, tm)); got != want {
			t.Errorf("Compile(\"\").Append #%d = %q, want %q", i, got, want)
		}
	}
}

// TestCacheKeys checks that a cached text is reused only for the same
// second or millisecond in the same location.
func TestCacheKeys(t *testing.T) {
	f := mustCompile(t, "YYYY-MM-DD HH:mm:ss.SSS Z zz")
	base := time.Date(2026, 3, 26, 14, 30, 0, 123_000_000, time.UTC)
	paris := time.FixedZone("CET", 3600)
	nameless := time.FixedZone("", 3600)
	steps := []struct {
		t    time.Time
		want string
	}{
		{base, "2026-03-26 14:30:00.123 +00:00 UTC"},
		{base.Add(999 * time.Microsecond), "2026-03-26 14:30:00.123 +00:00 UTC"},
		{base.Add(time.Millisecond), "2026-03-26 14:30:00.124 +00:00 UTC"},
		{base.In(paris), "2026-03-26 15:30:00.123 +01:00 CET"},
		{base.In(nameless), "2026-03-26 15:30:00.123 +01:00 UTC+01:00"},
		{base.In(paris), "2026-03-26 15:30:00.123 +01:00 CET"},
		{base, "2026-03-26 14:30:00.123 +00:00 UTC"},
		{base.Add(time.Second), "2026-03-26 14:30:01.123 +00:00 UTC"},
		{base.Add(-time.Second), "2026-03-26 14:29:59.123 +00:00 UTC"},
		{time.Date(1969, 12, 31, 23, 59, 59, 999_000_000, time.UTC), "1969-12-31 23:59:59.999 +00:00 UTC"},
		{time.Date(1970, 1, 1, 0, 0, 0, 999_000_000, time.UTC), "1970-01-01 00:00:00.999 +00:00 UTC"},
	}
	for _, s := range steps {
		if got := string(f.Append(nil, s.t)); got != s.want {
			t.Errorf("Append(%v) = %q, want %q", s.t, got, s.want)
		}
	}
	// A !UTC format ignores the location: any zone gives the same cached text.
	u := mustCompile(t, "HH:mm:ss zz!UTC")
	for _, tm := range []time.Time{base, base.In(paris), base.In(nameless)} {
		if got := string(u.Append(nil, tm)); got != "14:30:00 UTC" {
			t.Errorf("!UTC Append(%v) = %q", tm, got)
		}
	}
}

// TestCacheLongText checks text too long to cache.
func TestCacheLongText(t *testing.T) {
	spec := strings.Repeat("[YYYY]", 20) + " HH:mm:ss"
	f := mustCompile(t, spec)
	tm := time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)
	want := strings.Repeat("YYYY", 20) + " 14:30:00"
	for range 3 {
		if got := string(f.Append(nil, tm)); got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}

// TestCacheConcurrent has goroutines format times that keep changing, in
// several locations, and compares each text with a fresh rendering. Run it with
// -race.
func TestCacheConcurrent(t *testing.T) {
	specs := []string{"YYYY-MM-DD HH:mm:ss.SSS", "YYYY-MM-DD HH:mm:ss.SSS Z", "HH:mm:ss zz", "%Y-%m-%d %H:%M:%S %Z %z", "X!UTC"}
	locs := []*time.Location{time.UTC, time.FixedZone("A", 3600), time.FixedZone("B", -7200), time.FixedZone("", 19800)}
	base := time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)
	for _, spec := range specs {
		f := mustCompile(t, spec)
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf []byte
				for i := range 1000 {
					tm := base.Add(time.Duration(i%50) * 700 * time.Microsecond).In(locs[(i+g)%len(locs)])
					buf = f.Append(buf[:0], tm)
					if want := f.render(nil, f.utcOf(tm)); string(buf) != string(want) {
						t.Errorf("%q at %v: got %q, want %q", spec, tm, buf, want)
						return
					}
				}
			}()
		}
		wg.Wait()
	}
}

// utcOf applies the format's !UTC conversion, as Append does before render.
func (f *Format) utcOf(t time.Time) time.Time {
	if f.utc {
		return t.UTC()
	}
	return t
}

// TestAppendAllocs checks that Append allocates nothing, on cache hits, cache
// misses and uncached formats alike.
func TestAppendAllocs(t *testing.T) {
	specs := []string{
		"", "!UTC", "YYYY-MM-DD HH:mm:ss.SSS", "YYYY-MM-DD HH:mm:ss.SSS Z",
		"YYYY-MM-DD HH:mm:ss.SSSSSS ZZ zz X x", "Q DDDD dddd MMMM hh A E d [x]",
		"%Y-%m-%d %H:%M:%S,%f %z %Z %:z", "%a %A %b %B %c %j %G %s %P %e",
		"%-d %_5H %^10A %#p %010D %3% %-j %Ey", strings.Repeat("[YYYY]", 20),
	}
	buf := make([]byte, 0, 1024)
	tm := time.Date(2026, 3, 26, 14, 30, 0, 123456789, time.FixedZone("CET", 3600))
	for _, spec := range specs {
		f := mustCompile(t, spec)
		hit := testing.AllocsPerRun(100, func() { buf = f.Append(buf[:0], tm) })
		i := 0
		miss := testing.AllocsPerRun(100, func() {
			i++
			buf = f.Append(buf[:0], tm.Add(time.Duration(i)*time.Second))
		})
		if hit != 0 || miss != 0 {
			t.Errorf("Compile(%q).Append allocates: %v per call on a cache hit, %v on a miss", spec, hit, miss)
		}
	}
}
