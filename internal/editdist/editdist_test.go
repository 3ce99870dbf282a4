package editdist

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	long := strings.Repeat("a", 65)
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"level", "level", 0},
		{"", "abc", 3},
		{"levle", "level", 1},   // an adjacent swap is one edit
		{"lvel", "level", 1},    // a deletion
		{"levels", "level", 1},  // an insertion
		{"lebel", "level", 1},   // a substitution
		{"format", "filter", 5}, // all but the first letter differ
		{"ab", "ba", 1},
		{"abc", "ca", 3}, // not a true Damerau distance: a swapped pair is not edited again
		{long, long, 64}, // too long to compare
		{"a", long, 64},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}
