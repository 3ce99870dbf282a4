package encode

import (
	"math"
	"strconv"
)

// Short decimals. Most floats that programs log were written as short decimals (4.5,
// 0.25, 99.95, 1200): their shortest round-trip form has at most six digits after the
// point. shortDecimal finds that form with a few multiplications, where strconv's
// general shortest-digits search costs several times more; the output is byte for byte
// what strconv writes (TestShortDecimalMatchesStrconv, FuzzFloat).

// maxShortDecimals is the most digits after the point shortDecimal tries.
const maxShortDecimals = 6

var pow10f = [maxShortDecimals + 1]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6}

var pow10u = [maxShortDecimals + 1]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6}

// shortDecimal returns the shortest decimal that reads back as a, a finite float64 ≥ 0,
// as n·10^-k, when that decimal has k ≤ maxShortDecimals digits after the point; ok is
// false for any other a (NaN and the infinities included).
//
// Why it is the shortest form strconv writes: below 2^31 a float's spacing (its ulp) is
// at most 2^-22, smaller than 10^-6, so the set of numbers that read back as a (an
// interval one ulp wide) holds at most one decimal with k digits after the point, for
// each k ≤ 6; that decimal is the multiple of 10^-k nearest to a, which rounding a·10^k
// finds (the product is below 2^53, and its rounding error far below one half). A
// decimal n·10^-k with n < 2^53 reads back as float64(n)/10^k, one correctly rounded
// division, which the test compares with a. The smallest k that passes gives the fewest
// digits. From 2^31 up to 2^53 only whole numbers (k = 0) are taken: their spacing is at
// most 1, so no shorter decimal reads back as them.
func shortDecimal(a float64) (n uint64, k int, ok bool) {
	if !(a < 1<<31) {
		if a < 1<<53 && a == math.Trunc(a) {
			return uint64(a), 0, true
		}
		return 0, 0, false
	}
	if n := uint64(a + 0.5); float64(n) == a { // k = 0, without multiplying or dividing by 1
		return n, 0, true
	}
	for k := 1; k <= maxShortDecimals; k++ {
		p := pow10f[k]
		n := uint64(a*p + 0.5)
		if float64(n)/p == a {
			return n, k, true
		}
	}
	return 0, 0, false
}

// appendShortDecimal writes n·10^-k in positional notation, with a '-' when neg: the
// digits strconv's 'f' format with precision -1 writes for that value.
func appendShortDecimal(dst []byte, neg bool, n uint64, k int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	if k == 0 {
		return strconv.AppendUint(dst, n, 10)
	}
	p := pow10u[k]
	dst = strconv.AppendUint(dst, n/p, 10)
	dst = append(dst, '.')
	frac := n % p
	for i := k - 1; i >= 0; i-- {
		dst = append(dst, '0')
	}
	for i := len(dst) - 1; frac > 0; i-- {
		dst[i] = byte('0' + frac%10)
		frac /= 10
	}
	return dst
}
