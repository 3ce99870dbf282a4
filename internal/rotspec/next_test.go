package rotspec

import (
	"testing"
	"time"
)

// at is time.Date with seconds and no fraction.
func at(loc *time.Location, y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, loc)
}

// mustLoad loads a zone, skipping the test when the machine has no tzdata for it.
func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s unavailable: %v", name, err)
	}
	return loc
}

type nextCase struct {
	spec string
	from time.Time
	want time.Time
}

func checkNext(t *testing.T, cases []nextCase) {
	t.Helper()
	for _, c := range cases {
		r, err := ParseRotation(c.spec)
		if err != nil {
			t.Errorf("ParseRotation(%q): %v", c.spec, err)
			continue
		}
		got := r.Next(c.from)
		if !got.Equal(c.want) {
			t.Errorf("%q.Next(%v) = %v, want %v", c.spec, c.from, got, c.want)
			continue
		}
		if !c.want.IsZero() && got.Location() != c.from.Location() {
			t.Errorf("%q.Next(%v) = %v, not in from's Location", c.spec, c.from, got)
		}
	}
}

func TestNext(t *testing.T) {
	u := time.UTC
	tue := at(u, 2026, 3, 24, 10, 0, 0) // a Tuesday
	checkNext(t, []nextCase{
		// Words.
		{"hourly", tue, at(u, 2026, 3, 24, 11, 0, 0)},
		{"hourly", tue.Add(-time.Nanosecond), tue},
		{"hourly", at(u, 2026, 3, 24, 23, 30, 0), at(u, 2026, 3, 25, 0, 0, 0)},
		{"daily", tue, at(u, 2026, 3, 25, 0, 0, 0)},
		{"daily", at(u, 2026, 3, 24, 0, 0, 0), at(u, 2026, 3, 25, 0, 0, 0)},
		{"daily", at(u, 2026, 3, 31, 23, 59, 59), at(u, 2026, 4, 1, 0, 0, 0)},
		{"daily", at(u, 2026, 12, 31, 12, 0, 0), at(u, 2027, 1, 1, 0, 0, 0)},
		{"weekly", tue, at(u, 2026, 3, 30, 0, 0, 0)},
		{"weekly", at(u, 2026, 3, 30, 0, 0, 0), at(u, 2026, 4, 6, 0, 0, 0)},
		{"weekly", at(u, 2026, 3, 29, 23, 59, 59), at(u, 2026, 3, 30, 0, 0, 0)},
		{"monthly", tue, at(u, 2026, 4, 1, 0, 0, 0)},
		{"monthly", at(u, 2026, 4, 1, 0, 0, 0), at(u, 2026, 5, 1, 0, 0, 0)},
		{"monthly", at(u, 2026, 12, 15, 0, 0, 0), at(u, 2027, 1, 1, 0, 0, 0)},
		{"monthly", at(u, 2024, 1, 31, 12, 0, 0), at(u, 2024, 2, 1, 0, 0, 0)},
		{"yearly", tue, at(u, 2027, 1, 1, 0, 0, 0)},
		{"yearly", at(u, 2027, 1, 1, 0, 0, 0), at(u, 2028, 1, 1, 0, 0, 0)},
		// Time of day, before, at and after the time on the same day.
		{"12:30", tue, at(u, 2026, 3, 24, 12, 30, 0)},
		{"12:30", at(u, 2026, 3, 24, 12, 30, 0), at(u, 2026, 3, 25, 12, 30, 0)},
		{"12:30", at(u, 2026, 3, 24, 13, 0, 0), at(u, 2026, 3, 25, 12, 30, 0)},
		{"00:00", tue, at(u, 2026, 3, 25, 0, 0, 0)},
		{"23:59:59", tue, at(u, 2026, 3, 24, 23, 59, 59)},
		{"1:30 PM", tue, at(u, 2026, 3, 24, 13, 30, 0)},
		{"11:00:00 AM", tue, at(u, 2026, 3, 24, 11, 0, 0)},
		{"9 am", tue, at(u, 2026, 3, 25, 9, 0, 0)},
		{"12 AM", tue, at(u, 2026, 3, 25, 0, 0, 0)},
		{"12 PM", tue, at(u, 2026, 3, 24, 12, 0, 0)},
		{"13:00:00.5", tue, time.Date(2026, 3, 24, 13, 0, 0, 5e8, u)},
		// Weekdays: on that weekday before and after the time, and on other weekdays.
		{"tuesday at 12:00", tue, at(u, 2026, 3, 24, 12, 0, 0)},
		{"tuesday at 09:00", tue, at(u, 2026, 3, 31, 9, 0, 0)},
		{"tuesday at 10:00", tue, at(u, 2026, 3, 31, 10, 0, 0)},
		{"tuesday", tue, at(u, 2026, 3, 31, 0, 0, 0)},
		{"w1 at 12:00", tue, at(u, 2026, 3, 24, 12, 0, 0)},
		// loguru's bug: created Tuesday 10:00, "monday at 12:00" first fired Tuesday 12:00.
		{"monday at 12:00", tue, at(u, 2026, 3, 30, 12, 0, 0)},
		{"monday at 12:00", at(u, 2026, 3, 30, 11, 0, 0), at(u, 2026, 3, 30, 12, 0, 0)},
		{"monday at 12:00", at(u, 2026, 3, 30, 12, 0, 0), at(u, 2026, 4, 6, 12, 0, 0)},
		{"w0", tue, at(u, 2026, 3, 30, 0, 0, 0)},
		{"monday", at(u, 2026, 3, 30, 0, 0, 0), at(u, 2026, 4, 6, 0, 0, 0)},
		{"wednesday at 11:00:00 AM", tue, at(u, 2026, 3, 25, 11, 0, 0)},
		{"w2 at 11:00:00 AM", tue, at(u, 2026, 3, 25, 11, 0, 0)},
		{"friday at 5 pm", tue, at(u, 2026, 3, 27, 17, 0, 0)},
		{"saturday", tue, at(u, 2026, 3, 28, 0, 0, 0)},
		{"sunday at 23:00", tue, at(u, 2026, 3, 29, 23, 0, 0)},
		{"w6 at 13", tue, at(u, 2026, 3, 29, 13, 0, 0)},
		// Intervals.
		{"1 week", tue, at(u, 2026, 3, 31, 10, 0, 0)},
		{"12 hours", tue, at(u, 2026, 3, 24, 22, 0, 0)},
		{"1h 30min", tue, at(u, 2026, 3, 24, 11, 30, 0)},
		{"1.5 d", tue, at(u, 2026, 3, 25, 22, 0, 0)},
		{"1 w, 2D", tue, at(u, 2026, 4, 2, 10, 0, 0)},
		{"1 month", tue, at(u, 2026, 4, 23, 10, 0, 0)},
		{"1 y", tue, at(u, 2027, 3, 24, 10, 0, 0)},
		{"90 s", tue, at(u, 2026, 3, 24, 10, 1, 30)},
		// " or " takes the earliest.
		{"500 MB or 00:00", tue, at(u, 2026, 3, 25, 0, 0, 0)},
		{"daily or 1 h", tue, at(u, 2026, 3, 24, 11, 0, 0)},
		{"1 h or daily", at(u, 2026, 3, 24, 23, 30, 0), at(u, 2026, 3, 25, 0, 0, 0)},
		{"monday at 12:00 or tuesday at 11:00", tue, at(u, 2026, 3, 24, 11, 0, 0)},
		{"1 week or hourly", tue, at(u, 2026, 3, 24, 11, 0, 0)},
		// No time condition.
		{"10 MB", tue, time.Time{}},
		{"1 GB or 10 MB", tue, time.Time{}},
		// Restart around midnight (reliability F6e): a file created at 00:05 with
		// rotation at 00:00 does not rotate before the next midnight.
		{"00:00", at(u, 2026, 3, 24, 0, 5, 0), at(u, 2026, 3, 25, 0, 0, 0)},
		// Extremes.
		{"daily", time.Time{}, at(u, 1, 1, 2, 0, 0, 0)},
		{"weekly", time.Time{}, at(u, 1, 1, 8, 0, 0, 0)}, // January 1st of year 1 is a Monday
		{"1 s", time.Time{}, at(u, 1, 1, 1, 0, 0, 1)},
		{"yearly", at(u, 9999, 12, 31, 23, 59, 59), at(u, 10000, 1, 1, 0, 0, 0)},
		// Other fixed offsets.
		{"daily", at(time.FixedZone("X", -7*3600), 2026, 3, 24, 20, 0, 0), at(time.FixedZone("X", -7*3600), 2026, 3, 25, 0, 0, 0)},
	})
}

func TestNextTimeZones(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	pa := mustLoad(t, "Europe/Paris")
	utc := func(y int, mo time.Month, d, h, mi int, loc *time.Location) time.Time {
		return time.Date(y, mo, d, h, mi, 0, 0, time.UTC).In(loc)
	}
	checkNext(t, []nextCase{
		// New York, spring forward on Sunday 2025-03-09: 02:00 EST becomes 03:00 EDT.
		{"daily", at(ny, 2025, 3, 8, 12, 0, 0), at(ny, 2025, 3, 9, 0, 0, 0)},
		{"daily", at(ny, 2025, 3, 9, 0, 0, 0), at(ny, 2025, 3, 10, 0, 0, 0)}, // 23 hours later
		{"00:00", at(ny, 2025, 3, 9, 1, 59, 59), at(ny, 2025, 3, 10, 0, 0, 0)},
		// 02:30 does not exist that day: the boundary is the jump, 03:00 EDT, once.
		{"02:30", at(ny, 2025, 3, 9, 0, 0, 0), utc(2025, 3, 9, 7, 0, ny)},
		{"02:30", at(ny, 2025, 3, 8, 3, 0, 0), utc(2025, 3, 9, 7, 0, ny)},
		{"02:30", utc(2025, 3, 9, 7, 0, ny), at(ny, 2025, 3, 10, 2, 30, 0)},
		{"sunday at 02:30", at(ny, 2025, 3, 5, 0, 0, 0), utc(2025, 3, 9, 7, 0, ny)},
		{"hourly", at(ny, 2025, 3, 9, 1, 30, 0), at(ny, 2025, 3, 9, 3, 0, 0)}, // 30 minutes later
		{"1 h", at(ny, 2025, 3, 9, 1, 30, 0), at(ny, 2025, 3, 9, 3, 30, 0)},
		// New York, fall back on Sunday 2025-11-02: 02:00 EDT becomes 01:00 EST.
		{"daily", at(ny, 2025, 11, 1, 12, 0, 0), at(ny, 2025, 11, 2, 0, 0, 0)},
		{"daily", at(ny, 2025, 11, 2, 0, 0, 0), at(ny, 2025, 11, 3, 0, 0, 0)}, // 25 hours later
		// 01:30 occurs twice: the first (EDT) counts, and it fires once that day.
		{"01:30", at(ny, 2025, 11, 2, 0, 0, 0), utc(2025, 11, 2, 5, 30, ny)},
		{"01:30", utc(2025, 11, 2, 5, 30, ny), at(ny, 2025, 11, 3, 1, 30, 0)},
		{"01:30", utc(2025, 11, 2, 6, 15, ny), at(ny, 2025, 11, 3, 1, 30, 0)}, // 01:15 EST
		// Hourly across the repeated hour: every real hour is a boundary.
		{"hourly", utc(2025, 11, 2, 4, 30, ny), utc(2025, 11, 2, 5, 0, ny)}, // 00:30 EDT -> 01:00 EDT
		{"hourly", utc(2025, 11, 2, 5, 0, ny), utc(2025, 11, 2, 6, 0, ny)},  // 01:00 EDT -> 01:00 EST
		{"hourly", utc(2025, 11, 2, 5, 30, ny), utc(2025, 11, 2, 6, 0, ny)}, // 01:30 EDT -> 01:00 EST
		{"hourly", utc(2025, 11, 2, 6, 0, ny), utc(2025, 11, 2, 7, 0, ny)},  // 01:00 EST -> 02:00 EST
		{"hourly", utc(2025, 11, 2, 6, 59, ny), utc(2025, 11, 2, 7, 0, ny)}, // 01:59 EST -> 02:00 EST
		{"weekly", at(ny, 2025, 10, 29, 0, 0, 0), at(ny, 2025, 11, 3, 0, 0, 0)},
		{"monthly", at(ny, 2025, 10, 29, 0, 0, 0), at(ny, 2025, 11, 1, 0, 0, 0)},
		// Paris, spring forward on Sunday 2025-03-30: 02:00 CET becomes 03:00 CEST.
		{"daily", at(pa, 2025, 3, 29, 12, 0, 0), at(pa, 2025, 3, 30, 0, 0, 0)},
		{"daily", at(pa, 2025, 3, 30, 0, 0, 0), at(pa, 2025, 3, 31, 0, 0, 0)},
		{"02:30", at(pa, 2025, 3, 30, 0, 0, 0), utc(2025, 3, 30, 1, 0, pa)},
		{"02:30", utc(2025, 3, 30, 1, 0, pa), at(pa, 2025, 3, 31, 2, 30, 0)},
		// Paris, fall back on Sunday 2025-10-26: 03:00 CEST becomes 02:00 CET. time.Date
		// itself gives the second 02:30 here; Next gives the first.
		{"daily", at(pa, 2025, 10, 25, 12, 0, 0), at(pa, 2025, 10, 26, 0, 0, 0)},
		{"daily", at(pa, 2025, 10, 26, 0, 0, 0), at(pa, 2025, 10, 27, 0, 0, 0)},
		{"02:30", at(pa, 2025, 10, 26, 0, 0, 0), utc(2025, 10, 26, 0, 30, pa)},
		{"02:30", utc(2025, 10, 26, 0, 30, pa), at(pa, 2025, 10, 27, 2, 30, 0)},
		{"01:30", at(pa, 2025, 10, 26, 0, 0, 0), utc(2025, 10, 25, 23, 30, pa)},
		{"hourly", utc(2025, 10, 26, 0, 30, pa), utc(2025, 10, 26, 1, 0, pa)}, // 02:30 CEST -> 02:00 CET
		{"hourly", utc(2025, 10, 26, 1, 0, pa), utc(2025, 10, 26, 2, 0, pa)},  // 02:00 CET -> 03:00 CET
		// loguru's DST test (8.5 item 9): daily from 2018-10-27 00:00 in Paris.
		{"daily", at(pa, 2018, 10, 27, 0, 0, 0), at(pa, 2018, 10, 28, 0, 0, 0)},
		{"daily", at(pa, 2018, 10, 28, 0, 0, 0), at(pa, 2018, 10, 29, 0, 0, 0)},
		// The same instant in two zones gives each zone's midnight.
		{"daily", utc(2026, 3, 24, 3, 0, ny), at(ny, 2026, 3, 24, 0, 0, 0)},
		{"daily", utc(2026, 3, 24, 3, 0, pa), at(pa, 2026, 3, 25, 0, 0, 0)},
	})
}

func TestNextUnusualZones(t *testing.T) {
	t.Run("Santiago midnight skipped", func(t *testing.T) {
		loc := mustLoad(t, "America/Santiago")
		// 2024-09-08 00:00 -04 did not exist: clocks went to 01:00 -03.
		checkNext(t, []nextCase{
			{"daily", at(loc, 2024, 9, 7, 0, 0, 0), at(loc, 2024, 9, 8, 1, 0, 0)},
			{"daily", at(loc, 2024, 9, 8, 1, 0, 0), at(loc, 2024, 9, 9, 0, 0, 0)},
			{"sunday", at(loc, 2024, 9, 4, 0, 0, 0), at(loc, 2024, 9, 8, 1, 0, 0)},
		})
	})
	t.Run("Apia day skipped", func(t *testing.T) {
		loc := mustLoad(t, "Pacific/Apia")
		// 2011-12-30 did not exist in Samoa.
		checkNext(t, []nextCase{
			{"daily", at(loc, 2011, 12, 29, 0, 0, 0), at(loc, 2011, 12, 31, 0, 0, 0)},
			{"12:00", at(loc, 2011, 12, 29, 12, 0, 0), at(loc, 2011, 12, 31, 0, 0, 0)},
			{"daily", at(loc, 2011, 12, 31, 0, 0, 0), at(loc, 2012, 1, 1, 0, 0, 0)},
		})
	})
	t.Run("Lord Howe half-hour DST", func(t *testing.T) {
		loc := mustLoad(t, "Australia/Lord_Howe")
		utc := func(y int, mo time.Month, d, h, mi int) time.Time {
			return time.Date(y, mo, d, h, mi, 0, 0, time.UTC).In(loc)
		}
		checkNext(t, []nextCase{
			// 2025-10-05 02:00 +10:30 became 02:30 +11: 02:00 does not exist.
			{"hourly", at(loc, 2025, 10, 5, 1, 0, 0), at(loc, 2025, 10, 5, 2, 30, 0)},
			{"hourly", at(loc, 2025, 10, 5, 2, 30, 0), at(loc, 2025, 10, 5, 3, 0, 0)},
			// 2025-04-06 02:00 +11 became 01:30 +10:30: 01:30 to 02:00 occurs twice.
			{"hourly", utc(2025, 4, 5, 14, 0), utc(2025, 4, 5, 15, 30)}, // 01:00 +11 -> 02:00 +10:30
			{"01:45", at(loc, 2025, 4, 6, 0, 0, 0), utc(2025, 4, 5, 14, 45)},
			{"01:45", utc(2025, 4, 5, 14, 45), at(loc, 2025, 4, 7, 1, 45, 0)},
		})
	})
	t.Run("Kolkata half-hour offset", func(t *testing.T) {
		loc := mustLoad(t, "Asia/Kolkata")
		checkNext(t, []nextCase{
			{"hourly", at(loc, 2026, 3, 24, 10, 15, 0), at(loc, 2026, 3, 24, 11, 0, 0)},
			{"daily", at(loc, 2026, 3, 24, 10, 15, 0), at(loc, 2026, 3, 25, 0, 0, 0)},
		})
	})
}

// TestNextSequences steps Next through two years in several zones and checks what a
// file sink relies on: boundaries strictly increase, wall-clock conditions fire once
// per period at the requested wall time (or at a clock change when that time is
// skipped), and hourly boundaries are at most an hour apart (plus the change of
// offset, in zones whose offset changes by half an hour).
func TestNextSequences(t *testing.T) {
	zones := []string{"UTC", "America/New_York", "Europe/Paris", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago", "Pacific/Apia", "Europe/London", "Australia/Sydney"}
	for _, name := range zones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("skipping %s: %v", name, err)
			continue
		}
		start := time.Date(2024, 1, 1, 0, 0, 0, 0, loc)
		end := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
		for _, spec := range []string{"hourly", "daily", "02:30", "01:30", "00:00", "23:59:59", "weekly", "sunday at 02:30", "monthly", "yearly", "1 day"} {
			r, err := ParseRotation(spec)
			if err != nil {
				t.Fatal(err)
			}
			c := r.conds[0]
			prev := start
			seen := map[[3]int]bool{}
			for n := 0; ; n++ {
				next := r.Next(prev)
				if !next.After(prev) {
					t.Fatalf("%s %q: Next(%v) = %v, not after", name, spec, prev, next)
				}
				if next.After(end) {
					break
				}
				switch c.kind {
				case hourly:
					_, po := prev.Zone()
					_, no := next.Zone()
					if limit := time.Hour + time.Duration(max(po-no, no-po))*time.Second; next.Sub(prev) > limit && n > 0 {
						t.Errorf("%s %q: %v then %v, more than an hour apart", name, spec, prev, next)
					}
				case dailyAt, weeklyAt, monthly, yearly:
					h, m, s := next.Clock()
					atTransition := false
					if zs, _ := next.ZoneBounds(); zs.Equal(next) {
						atTransition = true
					}
					if (h != c.clock.hour || m != c.clock.min || s != c.clock.sec) && !atTransition {
						t.Errorf("%s %q: boundary %v is neither at the wall time nor at a clock change", name, spec, next)
					}
					y, mo, d := next.Date()
					key := [3]int{y, int(mo), d}
					if seen[key] {
						t.Errorf("%s %q: two boundaries on %v", name, spec, key)
					}
					seen[key] = true
				}
				prev = next
			}
		}
	}
}

// TestNextOncePerDay: a daily rotation, stepped from each boundary, fires exactly once
// per local day across the daylight-saving changes of 2025 (reliability F6a).
func TestNextOncePerDay(t *testing.T) {
	for _, name := range []string{"America/New_York", "Europe/Paris"} {
		loc := mustLoad(t, name)
		for _, spec := range []string{"daily", "00:00", "02:30", "01:30"} {
			r, _ := ParseRotation(spec)
			n := 0
			for b := r.Next(time.Date(2025, 1, 1, 0, 0, 0, 0, loc)); b.Year() == 2025; b = r.Next(b) {
				n++
			}
			// The first boundary in 2025 after Jan 1 00:00 is Jan 1 01:30 or 02:30, or Jan 2 00:00.
			want := 365
			if spec == "daily" || spec == "00:00" {
				want = 364
			}
			if n != want {
				t.Errorf("%s %q: %d boundaries in 2025, want %d", name, spec, n, want)
			}
		}
	}
}

// TestLoguruSequences replays loguru's time-rotation test (8.5 item 4): a file created
// on Sunday 2017-06-18 12:00, messages a..e after the given hours, and the messages
// each file holds, stepping as the file sink does (NextOnGrid from the creation time).
func TestLoguruSequences(t *testing.T) {
	loguru := [][]string{{"a"}, {"b", "c"}, {"d"}, {"e"}}
	for _, c := range []struct {
		spec  string
		hours []float64
		want  [][]string
	}{
		{"13:00", []float64{0.2, 0.9, 23, 1, 48}, loguru},
		{"11:00", []float64{22.9, 0.2, 23, 1, 24}, loguru},
		{"1:30 PM", []float64{1, 1, 20, 4, 24}, loguru},
		{"w0", []float64{11, 1, 167, 1, 168}, loguru},
		{"W0 at 00:00", []float64{10, 163, 0.1, 720, 336}, loguru},
		{"saturday", []float64{25, 300, 0, 300, 192}, loguru},
		{"1h 30 minutes", []float64{1.4, 0.2, 1, 2, 10}, loguru},
		{"1 w, 2D", []float64{192, 48, 24, 216, 216}, loguru},
		{"hourly", []float64{0.9, 0.2, 0.8, 3, 1}, loguru},
		{"daily", []float64{11, 1, 23, 1, 24}, loguru},
		{"WEEKLY", []float64{11, 2, 144, 24, 168}, loguru},
		{"monthly", []float64{240, 4320, 24, 168, 744}, loguru},
		{"Yearly ", []float64{100, 5040, 7200, 2400, 9600}, loguru},
		// The grid starts at the creation time (12:00, 14:00, 16:00, ...), not at the
		// rotation at 15:00, so d (16:24) starts a new file.
		{"2 h", []float64{1, 2, 0.9, 0.5, 10}, loguru},
	} {
		r, err := ParseRotation(c.spec)
		if err != nil {
			t.Errorf("ParseRotation(%q): %v", c.spec, err)
			continue
		}
		created := time.Date(2017, 6, 18, 12, 0, 0, 0, time.UTC)
		now := created
		next := r.NextOnGrid(created, now)
		files := [][]string{nil}
		for i, h := range c.hours {
			now = now.Add(time.Duration(h * float64(time.Hour)))
			if !now.Before(next) {
				files = append(files, nil)
				next = r.NextOnGrid(created, now)
			}
			files[len(files)-1] = append(files[len(files)-1], string(rune('a'+i)))
		}
		if !equalFiles(files, c.want) {
			t.Errorf("%q: files %v, want %v", c.spec, files, c.want)
		}
	}
}

func equalFiles(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

func TestNextStripsMonotonic(t *testing.T) {
	r, _ := ParseRotation("1 h")
	now := time.Now()
	got := r.Next(now)
	if got != got.Round(0) {
		t.Errorf("Next kept a monotonic clock reading: %v", got)
	}
	if !got.Equal(now.Add(time.Hour)) {
		t.Errorf("Next(now) = %v, want %v", got, now.Add(time.Hour))
	}
}

func TestRotationZeroAndNil(t *testing.T) {
	for _, r := range []*Rotation{nil, {}} {
		if r.String() != "" || r.SizeLimit() != 0 || r.HasTime() || !r.Next(time.Now()).IsZero() {
			t.Errorf("%#v: String %q SizeLimit %d HasTime %v Next %v", r, r.String(), r.SizeLimit(), r.HasTime(), r.Next(time.Now()))
		}
	}
}

func TestNextDoesNotAllocate(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	from := time.Date(2025, 11, 2, 1, 30, 0, 0, ny)
	for _, spec := range []string{"hourly", "daily", "weekly", "monthly", "yearly", "01:30", "monday at 12:00", "1 h", "500 MB or 00:00 or 1 w or hourly"} {
		r, err := ParseRotation(spec)
		if err != nil {
			t.Fatal(err)
		}
		var sink time.Time
		if n := testing.AllocsPerRun(100, func() { sink = r.Next(from) }); n != 0 {
			t.Errorf("%q: Next allocates %v times", spec, n)
		}
		if n := testing.AllocsPerRun(100, func() { _ = r.SizeLimit(); _ = r.HasTime() }); n != 0 {
			t.Errorf("%q: SizeLimit/HasTime allocate %v times", spec, n)
		}
		_ = sink
	}
}

func BenchmarkNext(b *testing.B) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.UTC
	}
	from := time.Date(2025, 11, 2, 1, 30, 0, 0, ny)
	for _, spec := range []string{"hourly", "daily", "monday at 12:00", "1 h"} {
		r, _ := ParseRotation(spec)
		b.Run(spec, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = r.Next(from)
			}
		})
	}
}
