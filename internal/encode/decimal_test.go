package encode

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// refJSONFloat is appendJSONFloat without the short-decimal path: strconv only.
func refJSONFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return `"NaN"`
	case math.IsInf(f, 1):
		return `"+Inf"`
	case math.IsInf(f, -1):
		return `"-Inf"`
	}
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		if n := len(s); n >= 4 && s[n-4] == 'e' && s[n-3] == '-' && s[n-2] == '0' {
			s = s[:n-2] + s[n-1:]
		}
		return s
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// checkFloat fails t unless both float encoders write what strconv writes for f.
func checkFloat(t *testing.T, f float64) {
	t.Helper()
	if got, want := string(appendJSONFloat(nil, f, 64)), refJSONFloat(f); got != want {
		t.Fatalf("appendJSONFloat(%v [%#x]) = %s, want %s", f, math.Float64bits(f), got, want)
	}
	if got, want := string(appendTextFloat(nil, f, 64)), strconv.FormatFloat(f, 'g', -1, 64); got != want {
		t.Fatalf("appendTextFloat(%v [%#x]) = %s, want %s", f, math.Float64bits(f), got, want)
	}
}

func TestShortDecimalMatchesStrconv(t *testing.T) {
	for _, f := range []float64{
		0, math.Copysign(0, -1), 1, -1, 4.5, -4.5, 0.1, 0.2, 0.1 + 0.2, 0.3, 1.0 / 3, 2.0 / 3, 99.95, 1200,
		1e-7, 1e-6, 1.5e-6, 9.99999e-6, 1e-5, 1e-4, 0.00011, 9.9999e-5, 0.000999, 0.001, 123456.5, 999999,
		999999.5, 999999.999999, 1e6, 1e6 + 0.5, 1234567, 1 << 31, 1<<31 - 0.5, 1<<31 - 1e-6, 1<<31 + 1,
		1 << 52, 1<<53 - 1, 1 << 53, 1<<53 + 2, 1e15, 1e16, 1e20, 1e21, 1e22, 1e300,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 5e-324, 2.2250738585072014e-308,
		0.000001, 0.0000015, 0.123456, 0.1234567, 3.14159, 2.718281828459045, 1.7976931348623157e308,
		math.Nextafter(1, 2), math.Nextafter(1, 0), math.Nextafter(0.1, 1), math.Nextafter(4.5, 5),
		math.NaN(), math.Inf(1), math.Inf(-1),
	} {
		checkFloat(t, f)
		checkFloat(t, -f)
	}
}

// Random floats of every shape: short decimals (the fast path's domain), their
// neighbours, and random bit patterns.
func TestShortDecimalRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := 40_000
	if testing.Short() {
		n = 4_000
	}
	for range n {
		k := r.IntN(9)
		d := float64(r.Uint64N(1<<(1+r.IntN(52)))) / math.Pow(10, float64(k))
		checkFloat(t, d)
		checkFloat(t, math.Nextafter(d, math.Inf(1)))
		checkFloat(t, math.Nextafter(d, 0))
		checkFloat(t, math.Float64frombits(r.Uint64()))
		checkFloat(t, r.Float64()*math.Pow(10, float64(r.IntN(14)-6)))
	}
}

func FuzzFloat(f *testing.F) {
	for _, x := range []float64{0, 4.5, -99.95, 0.1 + 0.2, 1e-6, 1e-4, 1e6, 1 << 31, 1 << 53, 1e21, math.NaN()} {
		f.Add(math.Float64bits(x))
	}
	f.Fuzz(func(t *testing.T, bits uint64) {
		x := math.Float64frombits(bits)
		checkFloat(t, x)
		// The short decimal nearest to x, which the fast path takes.
		for k := range 8 {
			p := math.Pow(10, float64(k))
			checkFloat(t, math.Round(x*p)/p)
		}
	})
}
