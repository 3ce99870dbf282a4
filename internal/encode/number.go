package encode

import (
	"math"
	"strconv"
	"time"

	"github.com/logru/logru/internal/ascii"
)

// appendTextFloat writes f in strconv's shortest 'g' form: 1.5, 1e+21, NaN,
// +Inf, -Inf. bits is 32 or 64.
func appendTextFloat(dst []byte, f float64, bits int) []byte {
	// 'g' writes the positional form for decimal exponents from -4 to 5, and zero.
	if a := math.Abs(f); bits == 64 && (a >= 1e-4 && a < 1e6 || a == 0) {
		if n, k, ok := shortDecimal(a); ok {
			return appendShortDecimal(dst, math.Signbit(f), n, k)
		}
	}
	return strconv.AppendFloat(dst, f, 'g', -1, bits)
}

// appendJSONFloat writes f as a JSON number, or as the JSON string "NaN",
// "+Inf" or "-Inf", which JSON has no number for. Finite numbers use the
// shortest digits that read back as f, in plain notation from 1e-6 up to 1e21
// and in exponent notation outside it (1e-7, 1e+21): the form encoding/json and
// JavaScript use, so parsers read the same value. bits is 32 or 64.
func appendJSONFloat(dst []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(dst, `"+Inf"`...)
	case math.IsInf(f, -1):
		return append(dst, `"-Inf"`...)
	}
	abs := math.Abs(f)
	if bits == 64 && (abs >= 1e-6 || abs == 0) {
		if n, k, ok := shortDecimal(abs); ok {
			return appendShortDecimal(dst, math.Signbit(f), n, k)
		}
	}
	format := byte('f')
	if abs != 0 {
		if bits == 32 {
			abs32 := float32(abs)
			if abs32 < 1e-6 || abs32 >= 1e21 {
				format = 'e'
			}
		} else if abs < 1e-6 || abs >= 1e21 {
			format = 'e'
		}
	}
	dst = strconv.AppendFloat(dst, f, format, -1, bits)
	if format == 'e' {
		// strconv pads a negative exponent to two digits: 1e-07 becomes 1e-7.
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// appendComplex writes c as (1+2i), the form fmt and strconv.FormatComplex
// use. bits is 64 or 128. The output is plain ASCII with no character that
// needs escaping in JSON or text.
func appendComplex(dst []byte, c complex128, bits int) []byte {
	dst = append(dst, '(')
	dst = strconv.AppendFloat(dst, real(c), 'g', -1, bits/2)
	n := len(dst)
	dst = strconv.AppendFloat(dst, imag(c), 'g', -1, bits/2)
	if dst[n] != '+' && dst[n] != '-' {
		dst = append(dst, 0)
		copy(dst[n+1:], dst[n:])
		dst[n] = '+'
	}
	return append(dst, 'i', ')')
}

// appendJSONDuration writes d as a JSON string holding d.String(). The
// string needs no escaping: it holds only digits, '.', '-' and unit letters,
// and 'µ' (U+00B5).
func appendJSONDuration(dst []byte, d time.Duration) []byte {
	dst = append(dst, '"')
	dst = appendDuration(dst, d)
	return append(dst, '"')
}

// appendJSONTime writes t as a JSON string in RFC 3339 with nanoseconds. The
// layout writes only digits, letters, '-', '+', ':' and '.', so no escaping is
// needed.
func appendJSONTime(dst []byte, t time.Time) []byte {
	dst = append(dst, '"')
	dst = appendRFC3339Nano(dst, t)
	return append(dst, '"')
}

// isJSONNumber reports whether s is a number in JSON's grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && ascii.IsDigit(s[i]) {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i == len(s) || !ascii.IsDigit(s[i]) {
			return false
		}
		for i < len(s) && ascii.IsDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i == len(s) || !ascii.IsDigit(s[i]) {
			return false
		}
		for i < len(s) && ascii.IsDigit(s[i]) {
			i++
		}
	}
	return i == len(s)
}
