package pyfmt

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/logru/logru/internal/ascii"
)

// AppendString appends v formatted by s to dst, as Python's format(v, spec)
// does for a str: the precision truncates v to that many runes, and v is
// padded to the width (counted in runes) with the fill character, left
// aligned unless another alignment is given.
//
// ok is false, and dst is returned unchanged, when the spec does not apply to
// strings: a type other than 's', a sign, 'z', '#', '=' alignment or
// grouping.
func (s *Spec) AppendString(dst []byte, v string) (out []byte, ok bool) {
	if s.bad&badString != 0 {
		return dst, false
	}
	return s.appendStr(dst, v), true
}

// AppendInt appends v formatted by s to dst, as Python's format(v, spec) does
// for an int. With a float presentation type (e, E, f, F, g, G, %) v is first
// converted to float64, as Python does.
//
// ok is false, and dst is returned unchanged, when the spec does not apply to
// integers (for example type 's', or a precision with an integer type) or,
// for type 'c', when v is not a valid Unicode code point (negative, above
// U+10FFFF, or a surrogate).
func (s *Spec) AppendInt(dst []byte, v int64) ([]byte, bool) {
	if s.bad&badInt != 0 {
		return dst, false
	}
	if isFloatType(s.typ) {
		return s.appendFloat(dst, float64(v)), true
	}
	if v < 0 {
		return s.appendInteger(dst, -uint64(v), true)
	}
	return s.appendInteger(dst, uint64(v), false)
}

// AppendUint is like AppendInt for an unsigned value.
func (s *Spec) AppendUint(dst []byte, v uint64) ([]byte, bool) {
	if s.bad&badInt != 0 {
		return dst, false
	}
	if isFloatType(s.typ) {
		return s.appendFloat(dst, float64(v)), true
	}
	return s.appendInteger(dst, v, false)
}

// AppendFloat appends v formatted by s to dst, as Python's format(v, spec)
// does for a float. Infinities and NaN are spelled inf and nan (INF and NAN
// with the types E, F and G); the sign of a NaN is ignored.
//
// ok is false, and dst is returned unchanged, when the spec does not apply to
// floats: an integer type (b, c, d, o, x, X) or type 's'.
func (s *Spec) AppendFloat(dst []byte, v float64) ([]byte, bool) {
	if s.bad&badFloat != 0 {
		return dst, false
	}
	return s.appendFloat(dst, v), true
}

// AppendBool appends v formatted by s to dst. Unlike Python, whose bool
// formats as "True"/"False" only for the empty spec and as 1/0 otherwise,
// logru spells booleans the Go way: with no type or type 's' v is written as
// the string "true" or "false" (with the string rules for width, alignment
// and precision); with an integer type (b, c, d, n, o, x, X) it is formatted
// as the integer 1 or 0, and with a float type as 1.0 or 0.0.
//
// ok is false, and dst is returned unchanged, when the spec does not apply to
// the kind of value selected by its type (for example "+" or "=8", which
// strings reject).
func (s *Spec) AppendBool(dst []byte, v bool) ([]byte, bool) {
	if s.bad&badBool != 0 {
		return dst, false
	}
	var i uint64
	if v {
		i = 1
	}
	switch {
	case s.typ == 0 || s.typ == 's':
		if v {
			return s.appendStr(dst, "true"), true
		}
		return s.appendStr(dst, "false"), true
	case isFloatType(s.typ):
		return s.appendFloat(dst, float64(i)), true
	}
	return s.appendInteger(dst, i, false)
}

// fillString returns the UTF-8 encoding of the fill character.
func (s *Spec) fillString() string {
	switch {
	case s.fill != "":
		return s.fill
	case s.zero:
		return "0"
	}
	return " "
}

// appendFill appends n copies of fill to dst.
func appendFill(dst []byte, fill string, n int) []byte {
	if n <= 0 {
		return dst
	}
	if len(fill) == 1 {
		c := fill[0]
		start := len(dst)
		dst = extend(dst, n)
		pad := dst[start:]
		for i := range pad {
			pad[i] = c
		}
		return dst
	}
	for ; n > 0; n-- {
		dst = append(dst, fill...)
	}
	return dst
}

// extend returns dst lengthened by n bytes of unspecified content.
func extend(dst []byte, n int) []byte {
	dst = slices.Grow(dst, n)
	return dst[:len(dst)+n]
}

// appendStr formats a string; the caller has checked the spec applies.
func (s *Spec) appendStr(dst []byte, v string) []byte {
	if s.width == 0 && !s.hasPrec {
		return append(dst, v...)
	}
	n := 0 // runes in v after truncation
	if s.hasPrec {
		i := 0
		for i < len(v) && n < s.prec {
			if v[i] < utf8.RuneSelf {
				i++
			} else {
				_, size := utf8.DecodeRuneInString(v[i:])
				i += size
			}
			n++
		}
		v = v[:i]
	} else {
		n = utf8.RuneCountInString(v)
	}
	pad := s.width - n
	if pad <= 0 {
		return append(dst, v...)
	}
	left := 0
	switch s.align {
	case '>':
		left = pad
	case '^':
		left = pad / 2
	}
	fill := s.fillString()
	dst = appendFill(dst, fill, left)
	dst = append(dst, v...)
	return appendFill(dst, fill, pad-left)
}

// appendInteger formats the integer whose magnitude is u; the caller has
// checked that the spec applies to integers and has an integer type.
func (s *Spec) appendInteger(dst []byte, u uint64, neg bool) ([]byte, bool) {
	if s.width == 0 && s.sign != '+' && s.sign != ' ' && s.group == 0 && (s.typ == 0 || s.typ == 'd' || s.typ == 'n') {
		if neg {
			dst = append(dst, '-')
		}
		return strconv.AppendUint(dst, u, 10), true
	}
	var buf [64]byte
	base := 10
	prefix := ""
	switch s.typ {
	case 'c':
		if neg || u > utf8.MaxRune || (u >= 0xD800 && u <= 0xDFFF) {
			return dst, false
		}
		r := utf8.AppendRune(buf[:0], rune(u))
		return s.appendNumber(dst, neg, "", nil, false, r, 1), true
	case 'b':
		base, prefix = 2, "0b"
	case 'o':
		base, prefix = 8, "0o"
	case 'x':
		base, prefix = 16, "0x"
	case 'X':
		base, prefix = 16, "0X"
	}
	if !s.alt {
		prefix = ""
	}
	digits := strconv.AppendUint(buf[:0], u, base)
	if s.typ == 'X' {
		for i, c := range digits {
			if c >= 'a' {
				digits[i] = c - 'a' + 'A'
			}
		}
	}
	return s.appendNumber(dst, neg, prefix, digits, false, nil, 0), true
}

// appendNumber lays out a number the way CPython's calc_number_widths and
// fill_number do:
//
//	<lpad><sign><prefix><spad><grouped digits><decimal point><rest><rpad>
//
// digits are the ASCII digits before the decimal point (grouping and the
// zero padding of the '0' flag apply to them), rest is what follows the
// decimal point (fraction, exponent, '%', or the text of inf/nan/'c'), and
// restRunes its length in runes.
func (s *Spec) appendNumber(dst []byte, neg bool, prefix string, digits []byte, decimal bool, rest []byte, restRunes int) []byte {
	var sign byte
	switch {
	case neg:
		sign = '-'
	case s.sign == '+' || s.sign == ' ':
		sign = s.sign
	}
	if s.width == 0 && s.group == 0 {
		// Nothing to pad or group.
		if sign != 0 {
			dst = append(dst, sign)
		}
		dst = append(dst, prefix...)
		dst = append(dst, digits...)
		if decimal {
			dst = append(dst, '.')
		}
		return append(dst, rest...)
	}

	nonDigits := len(prefix) + restRunes
	if sign != 0 {
		nonDigits++
	}
	if decimal {
		nonDigits++
	}
	fill := s.fillString()
	align := s.align
	if align == 0 {
		align = '>'
		if s.zero {
			align = '='
		}
	}
	minWidth := 0
	if fill == "0" && align == '=' {
		minWidth = s.width - nonDigits
	}
	group := 0
	if s.group != 0 {
		group = 3
		if s.group == '_' && (s.typ == 'b' || s.typ == 'o' || s.typ == 'x' || s.typ == 'X') {
			group = 4
		}
	}
	grouped := 0
	if len(digits) > 0 {
		grouped = groupedLen(len(digits), minWidth, group)
	}
	var lpad, spad, rpad int
	if pad := s.width - nonDigits - grouped; pad > 0 {
		switch align {
		case '<':
			rpad = pad
		case '^':
			lpad = pad / 2
			rpad = pad - lpad
		case '=':
			spad = pad
		default:
			lpad = pad
		}
	}
	dst = appendFill(dst, fill, lpad)
	if sign != 0 {
		dst = append(dst, sign)
	}
	dst = append(dst, prefix...)
	dst = appendFill(dst, fill, spad)
	if len(digits) > 0 {
		dst = appendGrouped(dst, digits, grouped, minWidth, group, s.group)
	}
	if decimal {
		dst = append(dst, '.')
	}
	dst = append(dst, rest...)
	return appendFill(dst, fill, rpad)
}

// groupedLen returns the length of n digits once left-padded with zeros to
// at least minWidth characters and split into groups of size group (0 means
// no grouping) by one-character separators. Like CPython, the zero padding
// is itself grouped, and a separator never starts the result: where the
// padding would begin with one, a zero is written instead, which can make
// the result one character wider than minWidth.
func groupedLen(n, minWidth, group int) int {
	if group == 0 {
		return max(n, minWidth, 1)
	}
	minWidth = max(minWidth, 0)
	total := 0
	for first := true; ; first = false {
		l := min(group, max(n, minWidth, 1))
		if !first {
			total++
		}
		total += l
		n -= min(n, l)
		minWidth -= l
		if n <= 0 && minWidth <= 0 {
			return total
		}
		minWidth-- // the separator
	}
}

// appendGrouped appends digits grouped as described by groupedLen; total is
// the value groupedLen returned.
func appendGrouped(dst, digits []byte, total, minWidth, group int, sep byte) []byte {
	start := len(dst)
	dst = extend(dst, total)
	out := dst[start:]
	if group == 0 {
		z := total - len(digits)
		for i := 0; i < z; i++ {
			out[i] = '0'
		}
		copy(out[z:], digits)
		return dst
	}
	minWidth = max(minWidth, 0)
	pos := total
	n := len(digits)
	for first := true; pos > 0; first = false {
		if !first {
			pos--
			out[pos] = sep
		}
		l := min(group, max(n, minWidth, 1))
		chars := min(n, l)
		pos -= chars
		copy(out[pos:], digits[n-chars:n])
		n -= chars
		for i := chars; i < l; i++ {
			pos--
			out[pos] = '0'
		}
		minWidth -= l + 1
	}
	return dst
}

// floatScratchMax is the size of the stack buffer appendFloat formats into
// before laying the number out; longer numbers use the tail of dst instead.
const floatScratchMax = 96

// appendFloat formats v; the caller has checked the spec applies to floats
// (or converted an integer for a float type).
func (s *Spec) appendFloat(dst []byte, v float64) []byte {
	neg := math.Signbit(v)
	x := math.Abs(v)
	if s.typ == '%' {
		x *= 100
	}
	if math.IsInf(x, 0) || math.IsNaN(x) {
		var text string
		upper := s.typ == 'E' || s.typ == 'F' || s.typ == 'G'
		switch {
		case math.IsNaN(x):
			neg = false // Python ignores the sign of a NaN
			text = "nan"
			if upper {
				text = "NAN"
			}
		case upper:
			text = "INF"
		default:
			text = "inf"
		}
		var buf [4]byte
		rest := append(buf[:0], text...)
		if s.typ == '%' {
			rest = append(rest, '%')
		}
		return s.appendNumber(dst, neg, "", nil, false, rest, len(rest))
	}
	if s.floatScratch(x) <= floatScratchMax {
		var buf [floatScratchMax]byte
		body := s.floatBody(buf[:0], x)
		return s.appendFloatBody(dst, neg, body)
	}
	// Format into the tail of dst, lay the result out after it, then move
	// it back over the scratch text.
	start := len(dst)
	dst = s.floatBody(dst, x)
	body := dst[start:]
	dst = s.appendFloatBody(dst, neg, body)
	n := copy(dst[start:], dst[start+len(body):])
	return dst[:start+n]
}

// appendFloatBody splits the unsigned text of a finite float into the parts
// appendNumber expects and applies 'z'.
func (s *Spec) appendFloatBody(dst []byte, neg bool, body []byte) []byte {
	if neg && s.z && isZero(body) {
		neg = false
	}
	nd := 0
	for nd < len(body) && ascii.IsDigit(body[nd]) {
		nd++
	}
	rest := body[nd:]
	decimal := len(rest) > 0 && rest[0] == '.'
	if decimal {
		rest = rest[1:]
	}
	return s.appendNumber(dst, neg, "", body[:nd], decimal, rest, len(rest))
}

// isZero reports whether the mantissa in the formatted float text b has only
// zero digits.
func isZero(b []byte) bool {
	for _, c := range b {
		switch {
		case c == 'e' || c == 'E' || c == '%':
			return true
		case '1' <= c && c <= '9':
			return false
		}
	}
	return true
}

// floatScratch returns an upper bound of the bytes floatBody needs for x,
// including its temporary text.
func (s *Spec) floatScratch(x float64) int {
	p := 6
	if s.hasPrec {
		p = s.prec
	}
	switch s.typ {
	case 'f', 'F', '%':
		if x >= 1e17 {
			return 320 + p
		}
		return 17 + p + 3 // digits, '.', fraction, '%'
	case 'e', 'E':
		return p + 9 // d.<p digits>e+ddd plus a '.' for '#'
	case 0:
		if !s.hasPrec {
			return 48 // shortest repr: at most 24 bytes, twice
		}
	}
	return 2*p + 16
}

// floatBody appends the unsigned text of the finite, non-negative x as
// CPython's PyOS_double_to_string would produce it for the spec's type,
// precision and '#' flag. It may use the capacity of buf beyond the returned
// length as scratch space.
func (s *Spec) floatBody(buf []byte, x float64) []byte {
	start := len(buf)
	switch s.typ {
	case 'f', 'F', '%':
		p := 6
		if s.hasPrec {
			p = s.prec
		}
		buf = strconv.AppendFloat(buf, x, 'f', p, 64)
		if s.alt && p == 0 {
			buf = append(buf, '.')
		}
		if s.typ == '%' {
			buf = append(buf, '%')
		}
		return buf
	case 'e', 'E':
		p := 6
		if s.hasPrec {
			p = s.prec
		}
		buf = strconv.AppendFloat(buf, x, 'e', p, 64)
		if s.alt && p == 0 {
			// "1e+05" -> "1.e+05"
			buf = append(buf, 0)
			copy(buf[start+2:], buf[start+1:])
			buf[start+1] = '.'
		}
		if s.typ == 'E' {
			for i := start; i < len(buf); i++ {
				if buf[i] == 'e' {
					buf[i] = 'E'
					break
				}
			}
		}
		return buf
	}

	// 'g', 'G', 'n' and no type. With no type Python behaves like repr()
	// when no precision is given and otherwise like 'g', except that it
	// switches to exponent notation one digit earlier and always keeps at
	// least one digit after the decimal point.
	addDot0 := s.typ == 0
	shortest := s.typ == 0 && !s.hasPrec
	p := 6
	if s.hasPrec {
		p = s.prec
	}
	if p == 0 {
		p = 1
	}
	if shortest {
		buf = strconv.AppendFloat(buf, x, 'e', -1, 64)
	} else {
		buf = strconv.AppendFloat(buf, x, 'e', p-1, 64)
	}
	raw := buf[start:]
	// raw is "d[.ddd]e±dd[d]": collect the digits and the exponent.
	ePos := 1
	for ePos < len(raw) && raw[ePos] != 'e' {
		ePos++
	}
	nd := 1
	if ePos > 1 {
		copy(raw[1:], raw[2:ePos])
		nd = ePos - 1
	}
	exp := 0
	for _, c := range raw[ePos+2:] {
		exp = exp*10 + int(c-'0')
	}
	if raw[ePos+1] == '-' {
		exp = -exp
	}
	digits := raw[:nd]
	if !s.alt {
		for len(digits) > 1 && digits[len(digits)-1] == '0' {
			digits = digits[:len(digits)-1]
		}
	}
	decpt := exp + 1
	var useExp bool
	switch {
	case shortest:
		useExp = decpt <= -4 || decpt > 16
	case addDot0:
		useExp = decpt <= -4 || decpt > p-1
	default:
		useExp = decpt <= -4 || decpt > p
	}
	e := byte('e')
	if s.typ == 'G' {
		e = 'E'
	}
	rawEnd := len(buf)
	buf = layoutDigits(buf, digits, decpt, useExp, s.alt, addDot0, e)
	n := copy(buf[start:], buf[rawEnd:])
	return buf[:start+n]
}

// layoutDigits appends the significant digits d, whose decimal point
// belongs decpt digits from the left (0.d × 10^decpt), in fixed or exponent
// notation, with the rules of CPython's format_float_short.
func layoutDigits(buf, d []byte, decpt int, useExp, alt, addDot0 bool, e byte) []byte {
	exp := 0
	if useExp {
		exp = decpt - 1
		decpt = 1
	}
	end := len(d) // the output covers digits [min(decpt-1, 0), end) of d padded with zeros
	if !useExp && addDot0 {
		end = max(end, decpt+1)
	} else {
		end = max(end, decpt)
	}
	switch {
	case decpt <= 0:
		buf = append(buf, '0', '.')
		buf = appendZeros(buf, -decpt)
		buf = append(buf, d...)
		buf = appendZeros(buf, end-len(d))
	case decpt <= len(d):
		buf = append(buf, d[:decpt]...)
		buf = append(buf, '.')
		buf = append(buf, d[decpt:]...)
		buf = appendZeros(buf, end-len(d))
	default:
		buf = append(buf, d...)
		buf = appendZeros(buf, decpt-len(d))
		buf = append(buf, '.')
		buf = appendZeros(buf, end-decpt)
	}
	if !alt && buf[len(buf)-1] == '.' {
		buf = buf[:len(buf)-1]
	}
	if useExp {
		buf = append(buf, e)
		if exp < 0 {
			buf = append(buf, '-')
			exp = -exp
		} else {
			buf = append(buf, '+')
		}
		if exp < 10 {
			buf = append(buf, '0')
		}
		buf = strconv.AppendInt(buf, int64(exp), 10)
	}
	return buf
}

func appendZeros(buf []byte, n int) []byte {
	for ; n > 0; n-- {
		buf = append(buf, '0')
	}
	return buf
}
