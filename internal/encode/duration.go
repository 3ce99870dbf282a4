package encode

import "time"

// appendDuration appends d.String() (72h3m0.5s, 1.5s, 2ms, 1.5µs, 0s) without the
// string the method returns. The output is byte for byte the method's
// (TestDurationMatchesString, FuzzDuration).
func appendDuration(dst []byte, d time.Duration) []byte {
	u := uint64(d)
	if d < 0 {
		dst = append(dst, '-')
		u = -u // minInt64 too: its magnitude fits in a uint64
	}
	if u < uint64(time.Second) {
		switch {
		case u == 0:
			return append(dst, '0', 's')
		case u < uint64(time.Microsecond):
			dst = appendUint(dst, u)
			return append(dst, 'n', 's')
		case u < uint64(time.Millisecond):
			dst = appendFraction(dst, u, 3)
			return append(dst, "µs"...)
		}
		dst = appendFraction(dst, u, 6)
		return append(dst, 'm', 's')
	}
	secs := u / 1e9
	if h := secs / 3600; h > 0 {
		dst = appendUint(dst, h)
		dst = append(dst, 'h')
	}
	if secs >= 60 {
		dst = appendUint(dst, secs/60%60)
		dst = append(dst, 'm')
	}
	dst = appendFraction(dst, secs%60*1e9+u%1e9, 9)
	return append(dst, 's')
}

// appendFraction writes v / 10^prec with the fraction's trailing zeros, and the point
// when nothing is left after it, dropped. prec is 3, 6 or 9.
func appendFraction(dst []byte, v uint64, prec int) []byte {
	p := pow10u9[prec]
	dst = appendUint(dst, v/p)
	frac := v % p
	if frac == 0 {
		return dst
	}
	if prec > 3 && frac%1e3 == 0 {
		// whole microseconds or milliseconds, as most durations are: three zeros
		// dropped at once, not one at a time
		frac /= 1e3
		prec -= 3
		if prec > 3 && frac%1e3 == 0 {
			frac /= 1e3
			prec -= 3
		}
	}
	return appendFrac(dst, frac, prec)
}

// appendFrac writes '.' and the prec digits of frac, which is not 0, without their
// trailing zeros: .5 for 500 and 3, .0015 for 15 and 4.
func appendFrac(dst []byte, frac uint64, prec int) []byte {
	for frac%10 == 0 {
		frac /= 10
		prec--
	}
	dst = append(dst, '.')
	dst = append(dst, "000000000"[:prec]...)
	for i := len(dst) - 1; frac > 0; i-- {
		dst[i] = byte('0' + frac%10)
		frac /= 10
	}
	return dst
}

var pow10u9 = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// appendUint is strconv.AppendUint(dst, v, 10) for the small numbers of a duration.
func appendUint(dst []byte, v uint64) []byte {
	if v < 10 {
		return append(dst, byte('0'+v))
	}
	if v < 100 {
		return append(dst, digits2[2*v], digits2[2*v+1])
	}
	var buf [20]byte
	i := len(buf)
	for v >= 10 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	i--
	buf[i] = byte('0' + v)
	return append(dst, buf[i:]...)
}
