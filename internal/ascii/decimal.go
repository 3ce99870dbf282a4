package ascii

// DigitPairs holds "00" to "99", for two digits at a time: the digits of n are
// DigitPairs[2*n] and DigitPairs[2*n+1].
const DigitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// Append2 appends v as Python's "%02d": two digits for 0 to 99 ("07"), as AppendInt
// with width 2 otherwise.
func Append2(dst []byte, v int) []byte {
	if uint(v) < 100 {
		return append(dst, DigitPairs[2*v], DigitPairs[2*v+1])
	}
	return AppendInt(dst, int64(v), 2)
}

// AppendInt appends v as Python's "%0*d" with the given width: zero-padded to width
// characters, a leading minus sign included in them ("-07" for -7 in width 3). A number
// wider than width is written whole.
func AppendInt(dst []byte, v int64, width int) []byte {
	if width == 4 && uint64(v) < 10000 { // years
		return append(dst, DigitPairs[2*(v/100)], DigitPairs[2*(v/100)+1],
			DigitPairs[2*(v%100)], DigitPairs[2*(v%100)+1])
	}
	u := uint64(v)
	if v < 0 {
		dst = append(dst, '-')
		u = -u
		width--
	}
	for n := digitCount(u); n < width; n++ {
		dst = append(dst, '0')
	}
	return AppendUint(dst, u)
}

// AppendUint appends the decimal digits of u, as strconv.AppendUint(dst, u, 10).
func AppendUint(dst []byte, u uint64) []byte {
	var buf [20]byte
	i := len(buf)
	for u >= 100 {
		r := u % 100
		u /= 100
		i -= 2
		buf[i], buf[i+1] = DigitPairs[2*r], DigitPairs[2*r+1]
	}
	if u >= 10 {
		i -= 2
		buf[i], buf[i+1] = DigitPairs[2*u], DigitPairs[2*u+1]
	} else {
		i--
		buf[i] = byte('0' + u)
	}
	return append(dst, buf[i:]...)
}

// digitCount returns the number of decimal digits of u (1 for 0).
func digitCount(u uint64) int {
	n := 1
	for u >= 10 {
		u /= 10
		n++
	}
	return n
}
