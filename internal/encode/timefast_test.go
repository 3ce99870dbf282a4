package encode

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

func checkRFC3339(t *testing.T, tm time.Time) {
	t.Helper()
	if got, want := string(appendRFC3339Nano(nil, tm)), tm.Format(time.RFC3339Nano); got != want {
		t.Fatalf("appendRFC3339Nano(%v) = %s, want %s", tm, got, want)
	}
}

func checkDuration(t *testing.T, d time.Duration) {
	t.Helper()
	if got, want := string(appendDuration(nil, d)), d.String(); got != want {
		t.Fatalf("appendDuration(%d) = %s, want %s", int64(d), got, want)
	}
}

var testZones = []*time.Location{
	time.UTC, time.Local, time.FixedZone("", 0), time.FixedZone("CET", 3600),
	time.FixedZone("", -(9*3600 + 30*60)), time.FixedZone("LMT", 17*60+30), time.FixedZone("", -45),
	time.FixedZone("", 99*3600+59*60), time.FixedZone("", 100*3600), time.FixedZone("", -123*3600),
}

func TestRFC3339MatchesTime(t *testing.T) {
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		testZones = append(testZones, ny)
	}
	for _, tm := range []time.Time{
		{}, time.Unix(0, 0), time.Unix(0, 1), time.Unix(-1, 0), time.Unix(-1, 999_999_999),
		time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC), time.Date(2026, 3, 26, 14, 30, 0, 500_000_000, time.UTC),
		time.Date(2024, 2, 29, 23, 59, 59, 123_456_789, time.UTC), time.Date(2000, 2, 29, 0, 0, 0, 100, time.UTC),
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(0, 12, 31, 23, 59, 59, 0, time.UTC), time.Date(-5, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC), time.Now(), time.Now().UTC(),
		time.Unix(math.MaxInt64/4, 0), time.Unix(math.MinInt64/4, 0),
	} {
		for _, z := range testZones {
			checkRFC3339(t, tm.In(z))
		}
		checkRFC3339(t, tm)
	}
}

func TestRFC3339Random(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20_000 {
		// Years 1 to 9999, then any time at all.
		tm := time.Unix(r.Int64N(315537897600)-62135596800, r.Int64N(1e9))
		if r.IntN(3) == 0 {
			tm = tm.Truncate(time.Duration(r.IntN(4)) * time.Millisecond)
		}
		checkRFC3339(t, tm.In(testZones[r.IntN(len(testZones))]))
		checkRFC3339(t, time.Unix(int64(r.Uint64()>>2)-1<<61, r.Int64N(1e9)).UTC())
	}
}

func TestDurationMatchesString(t *testing.T) {
	for _, d := range []time.Duration{
		0, 1, 999, 1000, 1001, 1500, 999_999, 1_000_000, 1_500_000, 1_234_567, 999_999_999,
		time.Second, 1500 * time.Millisecond, time.Minute, time.Minute + 1, time.Hour, 72*time.Hour + 3*time.Minute + 500*time.Millisecond,
		100 * time.Hour, 59*time.Second + 999_999_999, math.MaxInt64, math.MinInt64, math.MinInt64 + 1,
	} {
		checkDuration(t, d)
		checkDuration(t, -d)
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20_000 {
		checkDuration(t, time.Duration(r.Uint64()>>r.IntN(64)))
		checkDuration(t, -time.Duration(r.Uint64()>>r.IntN(64)))
		// whole micro- and milliseconds, and other runs of trailing zeros
		d := time.Duration(r.Uint64() >> r.IntN(64))
		checkDuration(t, d.Truncate(time.Microsecond))
		checkDuration(t, d.Truncate(time.Millisecond))
		checkDuration(t, d/time.Duration(pow10u9[r.IntN(10)])*time.Duration(pow10u9[r.IntN(10)]))
	}
}

func FuzzRFC3339(f *testing.F) {
	f.Add(int64(0), int64(0), 0)
	f.Add(int64(1774535400), int64(500_000_000), 3600)
	f.Add(int64(-62135596800), int64(1), -45)
	f.Fuzz(func(t *testing.T, sec, nsec int64, off int) {
		tm := time.Unix(sec, nsec)
		checkRFC3339(t, tm.UTC())
		checkRFC3339(t, tm.In(time.FixedZone("", off%(200*3600))))
		checkDuration(t, time.Duration(sec))
	})
}

// The date from dateCache is the date computed: each time written twice in a row (the
// second time from the cache), and times of two days in turn (the cache replaced each
// time), the first and last days written with four-digit years included.
func TestRFC3339DateCache(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	first := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	last := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
	times := []time.Time{time.Unix(first, 0).UTC(), time.Unix(last, 0).UTC(), time.Unix(0, 0).UTC()}
	for range 2000 {
		times = append(times, time.Unix(first+r.Int64N(last-first), r.Int64N(1e9)).UTC())
	}
	for i, tm := range times {
		checkRFC3339(t, tm)
		checkRFC3339(t, tm) // from the cache
		checkRFC3339(t, tm.Add(time.Second))
		other := times[(i+1)%len(times)]
		checkRFC3339(t, other)
		checkRFC3339(t, tm.In(testZones[i%len(testZones)]))
	}
}

// Goroutines writing times of different dates at once each get their own date: the
// cache is one atomic word, replaced whole (run with -race).
func TestRFC3339DateCacheConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Go(func() {
			tm := time.Date(2000+g*7, time.Month(1+g), 1+g*5, g, 0, 0, 0, time.UTC)
			want := tm.Format(time.RFC3339Nano)
			for range 2000 {
				if got := string(appendRFC3339Nano(nil, tm)); got != want {
					errs <- got + " != " + want
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
