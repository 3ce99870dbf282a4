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
		if PutMicros(b[:], ns); string(b[:]) != nine[:6] {
			t.Errorf("PutMicros(%d) = %q, want %q", ns, b[:], nine[:6])
		}
	}
}

// PutMicros writes every microsecond count as six digits, and a nanosecond outside its
// range as the last six digits of its microseconds, as dividing by ten six times does.
func TestPutMicrosAll(t *testing.T) {
	ref := func(ns int) string {
		var b [6]byte
		v := uint32(ns) / 1e3
		for i := 5; i >= 0; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
		return string(b[:])
	}
	var b [6]byte
	for us := range 1_000_000 {
		for _, ns := range []int{us * 1000, us*1000 + 999} {
			if PutMicros(b[:], ns); string(b[:]) != ref(ns) {
				t.Fatalf("PutMicros(%d) = %q, want %q", ns, b[:], ref(ns))
			}
		}
	}
	for _, ns := range []int{-1, 1e9, 1e9 + 123_456_789, 1<<31 - 1, -1 << 31, 1<<32 - 1, 1 << 40} {
		if PutMicros(b[:], ns); string(b[:]) != ref(ns) {
			t.Errorf("PutMicros(%d) = %q, want %q", ns, b[:], ref(ns))
		}
	}
}

// putMicrosDivide is PutMicros as it was: six divisions by ten, one chain.
func putMicrosDivide(b []byte, nanosecond int) {
	_ = b[5]
	v := uint32(nanosecond) / 1e3
	for i := 5; i >= 0; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
}

// putMicrosImpls are the two ways of writing the microseconds the benchmarks compare.
var putMicrosImpls = []struct {
	name string
	put  func([]byte, int)
}{{"pairs", PutMicros}, {"divide", putMicrosDivide}}

// BenchmarkPutMicros measures the latency of PutMicros, each call's input depending on
// the previous call's output, as a record's time waits for its text.
func BenchmarkPutMicros(b *testing.B) {
	for _, bm := range putMicrosImpls {
		b.Run(bm.name, func(b *testing.B) {
			var buf [6]byte
			ns := 123_456_789
			for b.Loop() {
				bm.put(buf[:], ns)
				ns ^= int(buf[0]^buf[5]) << 10 // stays in range: < 64
			}
		})
	}
}

// BenchmarkPutMicrosThroughput measures PutMicros with calls independent of each other.
func BenchmarkPutMicrosThroughput(b *testing.B) {
	for _, bm := range putMicrosImpls {
		b.Run(bm.name, func(b *testing.B) {
			var buf [6]byte
			for i := 0; b.Loop(); i++ {
				bm.put(buf[:], i&(1<<29-1))
			}
		})
	}
}
