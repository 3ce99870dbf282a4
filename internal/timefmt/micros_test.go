package timefmt

import (
	"fmt"
	"testing"
	"time"
)

// The ISO default's cache hit writes this time's microseconds over the cached text's:
// the result is appendISO's, after any prefix, and a hit stores nothing.
func TestISOCacheRewritesMicros(t *testing.T) {
	f := mustCompile(t, "")
	zone := time.FixedZone("", -9000)
	base := time.Date(2026, 3, 26, 14, 30, 0, 0, zone)
	for _, tt := range []struct {
		name string
		t    time.Time
		hit  bool // the cache holds this second in this zone
	}{
		{"first", base.Add(123_456_789), false},
		{"same micro", base.Add(123_456_001), true},
		{"zero", base, true},
		{"last nanosecond", base.Add(999_999_999), true},
		{"next micro", base.Add(1000), true},
		{"next second", base.Add(time.Second + 7_000), false},
		{"other zone", base.Add(time.Second + 8_000).UTC(), false},
		{"back", base.Add(time.Second + 9_000).UTC(), true},
	} {
		for _, prefix := range []string{"", "0123456789abcdefghij"} {
			seq := f.cache.seq.Load()
			got := string(f.Append([]byte(prefix), tt.t))
			if want := prefix + string(appendISO(nil, tt.t)); got != want {
				t.Errorf("%s, prefix %q: %q, want %q", tt.name, prefix, got, want)
			}
			if hit := f.cache.seq.Load() == seq; hit != (tt.hit || prefix != "") {
				t.Errorf("%s, prefix %q: cache hit %v, want %v", tt.name, prefix, hit, tt.hit || prefix != "")
			}
		}
	}
}

// appendFraction writes the first n digits of the nine of the nanoseconds, for every n.
func TestAppendFraction(t *testing.T) {
	for _, ns := range []int{0, 1, 9, 10, 999, 1000, 123_456_789, 500_000_000, 999_999_999} {
		nine := fmt.Sprintf("%09d", ns)
		for n := 1; n <= 9; n++ {
			if got := string(appendFraction([]byte("x"), ns, n)); got != "x"+nine[:n] {
				t.Errorf("appendFraction(%d, %d) = %q, want %q", ns, n, got, "x"+nine[:n])
			}
		}
		var b [6]byte
		if putMicros(b[:], ns); string(b[:]) != nine[:6] {
			t.Errorf("putMicros(%d) = %q, want %q", ns, b[:], nine[:6])
		}
	}
}
