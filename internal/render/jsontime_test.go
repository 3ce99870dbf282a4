package render

import (
	"fmt"
	"testing"
	"time"
)

// appendTime (one cache look-up, the microseconds put before the offset) writes what
// the date and time, the microseconds and the offset written one by one give, after any
// prefix, for usual and unusual years and offsets, on cache misses and hits.
func TestJSONTimeMatchesParts(t *testing.T) {
	j := NewJSON(nil)
	zones := []*time.Location{time.UTC, time.Local, time.FixedZone("", 5400), time.FixedZone("W", -(12*3600 + 30*60 + 15))}
	var times []time.Time
	for _, z := range zones {
		for _, y := range []int{-10000, -1, 0, 1, 999, 1969, 2026, 9999, 10000, 123456} {
			base := time.Date(y, 12, 31, 23, 59, 59, 0, z)
			times = append(times, base, base.Add(999_999_999), base.Add(123_456_789), base.Add(time.Second+1000))
		}
	}
	for _, tm := range times {
		for _, prefix := range []string{"", `{"time":"`} {
			want := prefix + string(j.zone.Append(fmt.Appendf(j.secs.Append(nil, tm), ".%06d", tm.Nanosecond()/1000), tm))
			if got := string(j.appendTime([]byte(prefix), tm)); got != want {
				t.Errorf("appendTime(%v) = %q, want %q", tm, got, want)
			}
		}
	}
}

// appendQuotedTime (the record's time from the per-second cache of its quoted text)
// writes what appendTime writes in quotes, after any prefix, on misses and hits, for
// usual and unusual years and offsets, also from several goroutines at once.
func TestJSONQuotedTimeMatchesAppendTime(t *testing.T) {
	j := NewJSON(nil)
	zones := []*time.Location{time.UTC, time.Local, time.FixedZone("", 5400), time.FixedZone("W", -(12*3600 + 30*60 + 15)), time.FixedZone("", 99*3600+59*60+59)}
	var times []time.Time
	for _, z := range zones {
		for _, y := range []int{-10000, -1, 0, 1, 999, 1969, 2026, 9999, 10000, 123456} {
			base := time.Date(y, 12, 31, 23, 59, 59, 0, z)
			times = append(times, base, base.Add(999_999_999), base.Add(123_456_789), base.Add(time.Second+1000), base.Add(1000), base.Add(999))
		}
	}
	check := func(tm time.Time) bool {
		for _, prefix := range []string{"", `{"time":`} {
			want := prefix + `"` + string(j.appendTime(nil, tm)) + `"`
			if got := string(j.appendQuotedTime([]byte(prefix), tm)); got != want {
				t.Errorf("appendQuotedTime(%v) = %q, want %q", tm, got, want)
				return false
			}
		}
		return true
	}
	for range 2 {
		for _, tm := range times {
			check(tm)
			check(tm) // a hit
			check(tm.Add(time.Microsecond))
		}
	}
	done := make(chan bool)
	for g := range 4 {
		go func() {
			ok := true
			for i := 0; i < 2000 && ok; i++ {
				ok = check(times[(i*7+g)%len(times)].Add(time.Duration(i) * time.Microsecond))
			}
			done <- ok
		}()
	}
	for range 4 {
		<-done
	}
}
