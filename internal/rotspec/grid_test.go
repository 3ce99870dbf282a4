package rotspec

import (
	"testing"
	"time"
)

type gridCase struct {
	name   string
	spec   string
	origin time.Time
	t      time.Time
	want   time.Time
}

func checkGrid(t *testing.T, cases []gridCase) {
	t.Helper()
	for _, c := range cases {
		r, err := ParseRotation(c.spec)
		if err != nil {
			t.Errorf("%s: ParseRotation(%q): %v", c.name, c.spec, err)
			continue
		}
		got := r.NextOnGrid(c.origin, c.t)
		if !got.Equal(c.want) {
			t.Errorf("%s: %q.NextOnGrid(%v, %v) = %v, want %v", c.name, c.spec, c.origin, c.t, got, c.want)
			continue
		}
		if got.Location() != c.t.Location() {
			t.Errorf("%s: %q.NextOnGrid = %v, not in t's Location", c.name, c.spec, got)
		}
	}
}

// TestNextOnGrid: interval boundaries lie on origin + k·interval, the first one
// strictly after t, whatever t is; wall-clock conditions ignore the origin.
func TestNextOnGrid(t *testing.T) {
	u := time.UTC
	noon := at(u, 2017, 6, 18, 12, 0, 0) // a Sunday
	tue := at(u, 2026, 3, 24, 10, 0, 0)  // a Tuesday
	checkGrid(t, []gridCase{
		// Hours: the example, created at 12:00 with "2 h".
		{"at origin", "2 h", noon, noon, at(u, 2017, 6, 18, 14, 0, 0)},
		{"first period", "2 h", noon, at(u, 2017, 6, 18, 13, 0, 0), at(u, 2017, 6, 18, 14, 0, 0)},
		{"just before", "2 h", noon, at(u, 2017, 6, 18, 13, 59, 59), at(u, 2017, 6, 18, 14, 0, 0)},
		{"on a boundary", "2 h", noon, at(u, 2017, 6, 18, 14, 0, 0), at(u, 2017, 6, 18, 16, 0, 0)},
		{"rotation at 15:00", "2 h", noon, at(u, 2017, 6, 18, 15, 0, 0), at(u, 2017, 6, 18, 16, 0, 0)},
		{"rotation at 16:24", "2 h", noon, at(u, 2017, 6, 18, 16, 24, 0), at(u, 2017, 6, 18, 18, 0, 0)},
		{"quiet night", "2 h", noon, at(u, 2017, 6, 19, 2, 24, 0), at(u, 2017, 6, 19, 4, 0, 0)},
		{"t before origin", "2 h", noon, at(u, 2017, 6, 18, 9, 0, 0), at(u, 2017, 6, 18, 14, 0, 0)},
		{"12 hours", "12 hours", at(u, 2026, 3, 24, 8, 0, 0), at(u, 2026, 3, 30, 7, 59, 0), at(u, 2026, 3, 30, 8, 0, 0)},
		{"12 hours, on", "12 hours", at(u, 2026, 3, 24, 8, 0, 0), at(u, 2026, 3, 30, 8, 0, 0), at(u, 2026, 3, 30, 20, 0, 0)},
		{"sub-second origin", "1 h", time.Date(2026, 3, 24, 8, 0, 0, 123456789, u), at(u, 2026, 3, 24, 10, 0, 0), time.Date(2026, 3, 24, 10, 0, 0, 123456789, u)},
		// Fractional intervals.
		{"1h 30min", "1h 30 minutes", noon, at(u, 2017, 6, 18, 15, 10, 0), at(u, 2017, 6, 18, 16, 30, 0)},
		{"0.5 h", "0.5 h", noon, at(u, 2017, 6, 18, 23, 45, 0), at(u, 2017, 6, 19, 0, 0, 0)},
		{"1.5d first", "1.5d", at(u, 2026, 3, 23, 0, 0, 0), at(u, 2026, 3, 24, 11, 0, 0), at(u, 2026, 3, 24, 12, 0, 0)},
		{"1.5d second", "1.5d", at(u, 2026, 3, 23, 0, 0, 0), at(u, 2026, 3, 24, 12, 0, 0), at(u, 2026, 3, 26, 0, 0, 0)},
		{"1.5d later", "1.5 d", at(u, 2026, 3, 23, 0, 0, 0), at(u, 2026, 4, 3, 0, 0, 0), at(u, 2026, 4, 4, 0, 0, 0)},
		// Days and weeks.
		{"1 day", "1 day", tue, at(u, 2026, 3, 28, 9, 0, 0), at(u, 2026, 3, 28, 10, 0, 0)},
		{"1 week", "1 week", tue, at(u, 2026, 3, 31, 9, 59, 59), at(u, 2026, 3, 31, 10, 0, 0)},
		{"1 week, on", "1 week", tue, at(u, 2026, 3, 31, 10, 0, 0), at(u, 2026, 4, 7, 10, 0, 0)},
		{"1 w, 2D", "1 w, 2D", noon, at(u, 2017, 6, 26, 12, 0, 0), at(u, 2017, 6, 27, 12, 0, 0)},
		{"1 w, 2D later", "1 w, 2D", noon, at(u, 2017, 7, 1, 0, 0, 0), at(u, 2017, 7, 6, 12, 0, 0)},
		// Combined: the earliest condition; a size changes nothing; wall-clock conditions
		// ignore the origin.
		{"or daily, midnight first", "2 h or daily", at(u, 2026, 3, 24, 21, 0, 0), at(u, 2026, 3, 24, 23, 30, 0), at(u, 2026, 3, 25, 0, 0, 0)},
		{"or daily, grid first", "2 h or daily", at(u, 2026, 3, 24, 21, 0, 0), at(u, 2026, 3, 25, 0, 0, 0), at(u, 2026, 3, 25, 1, 0, 0)},
		{"size or 2 h", "100 MB or 2 h", noon, at(u, 2017, 6, 18, 16, 24, 0), at(u, 2017, 6, 18, 18, 0, 0)},
		{"two intervals", "3 h or 2 h", noon, at(u, 2017, 6, 18, 14, 30, 0), at(u, 2017, 6, 18, 15, 0, 0)},
		{"daily ignores origin", "daily", at(u, 2020, 1, 1, 7, 0, 0), tue, at(u, 2026, 3, 25, 0, 0, 0)},
		{"size only", "100 MB", noon, tue, time.Time{}},
		// Origin far from t: the grid is kept where it fits a Duration, else restarts at t.
		{"ten years", "1 h", at(u, 2016, 3, 24, 10, 30, 0), tue, at(u, 2026, 3, 24, 10, 30, 0)},
		{"origin in year 1", "1 h", time.Time{}, tue, at(u, 2026, 3, 24, 11, 0, 0)},
		{"origin in year 1, days", "1 day", time.Time{}, tue, at(u, 2026, 3, 25, 10, 0, 0)},
	})
}

// TestNextOnGridTimeZones: an interval of a day or more follows the wall clock across
// daylight-saving changes; a shorter one counts elapsed time.
func TestNextOnGridTimeZones(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	pa := mustLoad(t, "Europe/Paris")
	utc := func(y int, mo time.Month, d, h, mi int, loc *time.Location) time.Time {
		return time.Date(y, mo, d, h, mi, 0, 0, time.UTC).In(loc)
	}
	checkGrid(t, []gridCase{
		// New York, spring forward on Sunday 2026-03-08: 02:00 EST becomes 03:00 EDT.
		{"1 day midnight", "1 day", at(ny, 2026, 3, 7, 0, 0, 0), at(ny, 2026, 3, 9, 12, 0, 0), at(ny, 2026, 3, 10, 0, 0, 0)},
		{"1 day 23 h", "1 day", at(ny, 2026, 3, 7, 0, 0, 0), at(ny, 2026, 3, 8, 0, 0, 0), at(ny, 2026, 3, 9, 0, 0, 0)},
		{"1 day skipped", "1 day", at(ny, 2026, 3, 7, 2, 30, 0), at(ny, 2026, 3, 8, 1, 0, 0), utc(2026, 3, 8, 7, 0, ny)}, // 02:30 -> the jump, 03:00 EDT
		{"1 day after skipped", "1 day", at(ny, 2026, 3, 7, 2, 30, 0), utc(2026, 3, 8, 7, 0, ny), at(ny, 2026, 3, 9, 2, 30, 0)},
		{"1 week", "1 week", at(ny, 2026, 3, 2, 9, 0, 0), at(ny, 2026, 3, 9, 8, 59, 0), at(ny, 2026, 3, 9, 9, 0, 0)},
		{"2 h elapsed", "2 h", at(ny, 2026, 3, 8, 0, 0, 0), at(ny, 2026, 3, 8, 1, 59, 0), at(ny, 2026, 3, 8, 3, 0, 0)},
		{"2 h odd hours", "2 h", at(ny, 2026, 3, 8, 0, 0, 0), at(ny, 2026, 3, 8, 12, 0, 0), at(ny, 2026, 3, 8, 13, 0, 0)},
		// New York, fall back on Sunday 2026-11-01: 02:00 EDT becomes 01:00 EST.
		{"1 day 25 h", "1 day", at(ny, 2026, 10, 31, 0, 0, 0), at(ny, 2026, 11, 1, 0, 0, 0), at(ny, 2026, 11, 2, 0, 0, 0)},
		{"1 day twice, first", "1 day", at(ny, 2026, 10, 31, 1, 30, 0), at(ny, 2026, 11, 1, 0, 0, 0), utc(2026, 11, 1, 5, 30, ny)},
		{"1 day twice, once", "1 day", at(ny, 2026, 10, 31, 1, 30, 0), utc(2026, 11, 1, 5, 30, ny), at(ny, 2026, 11, 2, 1, 30, 0)},
		{"1 day twice, EST", "1 day", at(ny, 2026, 10, 31, 1, 30, 0), utc(2026, 11, 1, 6, 45, ny), at(ny, 2026, 11, 2, 1, 30, 0)},
		{"1 h repeated hour", "1 h", at(ny, 2026, 11, 1, 0, 0, 0), utc(2026, 11, 1, 5, 30, ny), utc(2026, 11, 1, 6, 0, ny)}, // 01:30 EDT -> 01:00 EST
		// Paris, spring forward on Sunday 2026-03-29: 02:00 CET becomes 03:00 CEST.
		{"1.5d wall", "1.5d", at(pa, 2026, 3, 28, 0, 0, 0), at(pa, 2026, 3, 29, 11, 59, 0), at(pa, 2026, 3, 29, 12, 0, 0)},
		{"1.5d wall next", "1.5d", at(pa, 2026, 3, 28, 0, 0, 0), at(pa, 2026, 3, 29, 12, 0, 0), at(pa, 2026, 3, 31, 0, 0, 0)},
		{"36 h wall", "36 h", at(pa, 2026, 3, 28, 0, 0, 0), at(pa, 2026, 3, 29, 11, 59, 0), at(pa, 2026, 3, 29, 12, 0, 0)},
		{"1 w, 2D", "1 w, 2D", at(pa, 2026, 3, 25, 10, 0, 0), at(pa, 2026, 4, 1, 0, 0, 0), at(pa, 2026, 4, 3, 10, 0, 0)},
		{"12 hours elapsed", "12 hours", at(pa, 2026, 3, 28, 0, 0, 0), at(pa, 2026, 3, 29, 12, 0, 0), at(pa, 2026, 3, 29, 13, 0, 0)},
		// Paris, fall back on Sunday 2026-10-25: 03:00 CEST becomes 02:00 CET.
		{"1 day fall back", "1 day", at(pa, 2026, 10, 24, 0, 0, 0), at(pa, 2026, 10, 25, 12, 0, 0), at(pa, 2026, 10, 26, 0, 0, 0)},
		{"12 hours fall back", "12 hours", at(pa, 2026, 10, 24, 0, 0, 0), at(pa, 2026, 10, 25, 10, 0, 0), at(pa, 2026, 10, 25, 11, 0, 0)},
		// The origin in another zone: the grid is in t's zone.
		{"origin in UTC", "1 day", time.Date(2026, 3, 7, 5, 0, 0, 0, time.UTC), at(ny, 2026, 3, 9, 12, 0, 0), at(ny, 2026, 3, 10, 0, 0, 0)},
	})
}

// TestNextOnGridSequences steps NextOnGrid through two years in several zones, from
// each boundary, and checks the grid: boundaries strictly increase; an interval under
// a day is a whole number of intervals after the origin; a longer one is on the
// origin's wall time plus whole intervals, or at the clock change that skips it.
func TestNextOnGridSequences(t *testing.T) {
	zones := []string{"UTC", "America/New_York", "Europe/Paris", "Australia/Lord_Howe", "America/Santiago", "Pacific/Apia"}
	for _, name := range zones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("skipping %s: %v", name, err)
			continue
		}
		origin := time.Date(2024, 1, 1, 2, 30, 0, 0, loc)
		end := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
		for _, spec := range []string{"2 h", "90 min", "12 hours", "1 day", "1.5d", "1 w, 2D"} {
			r, err := ParseRotation(spec)
			if err != nil {
				t.Fatal(err)
			}
			every := r.conds[0].every
			wo := wall(origin)
			prev := origin
			for {
				next := r.NextOnGrid(origin, prev)
				if !next.After(prev) {
					t.Fatalf("%s %q: NextOnGrid(%v) = %v, not after", name, spec, prev, next)
				}
				if next.After(end) {
					break
				}
				// The same boundary from any time in between.
				if mid := prev.Add(next.Sub(prev) / 2); !r.NextOnGrid(origin, mid).Equal(next) {
					t.Errorf("%s %q: from %v gives %v, from %v gives %v", name, spec, prev, next, mid, r.NextOnGrid(origin, mid))
				}
				if every < day {
					if next.Sub(origin)%every != 0 {
						t.Errorf("%s %q: %v is off the elapsed grid", name, spec, next)
					}
				} else {
					zs, _ := next.ZoneBounds()
					if wall(next).Sub(wo)%every != 0 && !zs.Equal(next) {
						t.Errorf("%s %q: %v is neither on the wall-clock grid nor at a clock change", name, spec, next)
					}
				}
				prev = next
			}
		}
	}
}

func TestNextOnGridDoesNotAllocate(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	origin := time.Date(2025, 10, 30, 1, 30, 0, 0, ny)
	now := time.Date(2025, 11, 2, 1, 30, 0, 0, ny)
	for _, spec := range []string{"2 h", "1.5d", "1 w, 2D", "100 MB or 2 h or daily"} {
		r, err := ParseRotation(spec)
		if err != nil {
			t.Fatal(err)
		}
		var sink time.Time
		if n := testing.AllocsPerRun(100, func() { sink = r.NextOnGrid(origin, now) }); n != 0 {
			t.Errorf("%q: NextOnGrid allocates %v times", spec, n)
		}
		_ = sink
	}
}
