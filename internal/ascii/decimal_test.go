package ascii

import (
	"fmt"
	"math"
	"strconv"
	"testing"
)

// Append2 and AppendInt write what Python's "%02d" and "%0*d" (and Go's) write.
func TestAppendInt(t *testing.T) {
	values := []int64{0, 1, 7, 9, 10, 42, 99, 100, 101, 999, 1000, 2026, 9999, 10000, 123456,
		-1, -7, -10, -99, -100, -2026, math.MaxInt64, math.MinInt64}
	for _, v := range values {
		for _, width := range []int{1, 2, 3, 4, 6, 9} {
			want := fmt.Sprintf("%0*d", width, v)
			if got := string(AppendInt([]byte("x"), v, width)); got != "x"+want {
				t.Errorf("AppendInt(%d, %d) = %q, want %q", v, width, got, "x"+want)
			}
		}
		if v >= math.MinInt32 && v <= math.MaxInt32 {
			if got, want := string(Append2(nil, int(v))), fmt.Sprintf("%02d", v); got != want {
				t.Errorf("Append2(%d) = %q, want %q", v, got, want)
			}
		}
	}
	for v := range 100 {
		if got, want := string(Append2(nil, v)), fmt.Sprintf("%02d", v); got != want {
			t.Errorf("Append2(%d) = %q, want %q", v, got, want)
		}
	}
}

func TestAppendUint(t *testing.T) {
	for _, u := range []uint64{0, 5, 10, 99, 100, 1234, 1e9, math.MaxUint32, math.MaxUint64} {
		if got, want := string(AppendUint([]byte("x"), u)), "x"+strconv.FormatUint(u, 10); got != want {
			t.Errorf("AppendUint(%d) = %q, want %q", u, got, want)
		}
	}
}
