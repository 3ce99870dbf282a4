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
// when nothing is left after it, dropped.
func appendFraction(dst []byte, v uint64, prec int) []byte {
	p := uint64(1)
	for range prec {
		p *= 10
	}
	dst = appendUint(dst, v/p)
	frac := v % p
	if frac == 0 {
		return dst
	}
	dst = append(dst, '.')
	start := len(dst)
	for range prec {
		dst = append(dst, '0')
	}
	for i := len(dst) - 1; i >= start; i-- {
		dst[i] = byte('0' + frac%10)
		frac /= 10
	}
	end := len(dst)
	for dst[end-1] == '0' {
		end--
	}
	return dst[:end]
}

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
