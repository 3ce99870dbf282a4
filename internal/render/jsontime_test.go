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
