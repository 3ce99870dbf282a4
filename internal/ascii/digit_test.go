package ascii

import "testing"

func TestIsDigit(t *testing.T) {
	for c := range 256 {
		want := c >= '0' && c <= '9'
		if got := IsDigit(byte(c)); got != want {
			t.Errorf("IsDigit(%q) = %v, want %v", byte(c), got, want)
		}
	}
}
