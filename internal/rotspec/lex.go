package rotspec

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/logru/logru/internal/ascii"
)

// This file holds what rotation and retention specs share: ASCII lexing, decimal
// numbers converted exactly to integers, units, and the error format.

// specError builds the error for a spec: the reason alone. The caller names the option
// and its value ("Handler.Rotation \"100\": …"), so the error names neither, nor this
// package; what is the kind of spec, kept for the callers' reading.
func specError(what, spec, msg string) error {
	_, _ = what, spec
	return errors.New(msg)
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' }

// trimSpace removes ASCII white space at both ends.
func trimSpace(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// lowerASCII lowers ASCII letters only, so that byte offsets never change (Unicode
// case folding can change a string's length, and nothing in the grammar is non-ASCII).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// fields splits s at runs of ASCII white space.
func fields(s string) []string {
	var out []string
	for {
		for len(s) > 0 && isSpace(s[0]) {
			s = s[1:]
		}
		if s == "" {
			return out
		}
		i := 0
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		out = append(out, s[:i])
		s = s[i:]
	}
}

// splitOr splits s at every white-space-delimited word "or" (s must be lowered) and
// returns the byte ranges of the parts, trimmed of white space (a part may be empty).
// found reports whether the word occurred at all.
func splitOr(s string) (parts [][2]int, found bool) {
	start := 0
	add := func(i, j int) {
		for i < j && isSpace(s[i]) {
			i++
		}
		for j > i && isSpace(s[j-1]) {
			j--
		}
		parts = append(parts, [2]int{i, j})
	}
	for i := 0; i+2 <= len(s); i++ {
		if s[i] != 'o' || s[i+1] != 'r' {
			continue
		}
		if i > 0 && !isSpace(s[i-1]) {
			continue
		}
		if i+2 < len(s) && !isSpace(s[i+2]) {
			continue
		}
		add(start, i)
		start = i + 2
		found = true
	}
	add(start, len(s))
	return parts, found
}

// maxNumberLen bounds the text of one number, so that exact arithmetic stays cheap.
const maxNumberLen = 64

// number is a decimal number as written: its digits without the point, and the power
// of ten to apply to them.
type number struct {
	text   string // as written, for messages
	digits string // integer and fraction digits, concatenated
	exp    int    // value = digits × 10^exp
	isInt  bool   // written as plain digits: no point, no exponent
}

// scanNumber reads a number at the start of s: digits, an optional fraction and an
// optional exponent ("10", "0.5", ".5", "5.", "8e-6", "1.5E3"). Signs are not part of
// the grammar. n is the length read; ok is false when s does not start with a number.
// A letter 'e' not followed by an exponent is left for the unit.
func scanNumber(s string) (num number, n int, ok bool) {
	i := 0
	for i < len(s) && ascii.IsDigit(s[i]) {
		i++
	}
	intPart := s[:i]
	frac := ""
	isInt := true
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && ascii.IsDigit(s[j]) {
			j++
		}
		frac = s[i+1 : j]
		isInt = false
		i = j
	}
	if intPart == "" && frac == "" {
		return number{}, 0, false
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		neg := false
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			neg = s[j] == '-'
			j++
		}
		k := j
		for k < len(s) && ascii.IsDigit(s[k]) {
			k++
		}
		if k > j { // an exponent; otherwise the 'e' starts a unit
			e := 0
			for _, c := range []byte(s[j:k]) {
				if e < 100000 {
					e = e*10 + int(c-'0')
				}
			}
			if neg {
				e = -e
			}
			exp = e
			isInt = false
			i = k
		}
	}
	return number{text: s[:i], digits: intPart + frac, exp: exp - len(frac), isInt: isInt}, i, true
}

// errTooLarge is returned by scale; callers turn it into a message.
var errTooLarge = errors.New("too large")

// scale returns num × unit rounded to the nearest integer (halves away from zero), or
// errTooLarge when the result does not fit an int64.
func (num number) scale(unit int64) (int64, error) {
	d := strings.TrimLeft(num.digits, "0")
	if d == "" {
		return 0, nil
	}
	if len(d)+num.exp > 20 { // at least 10^20 before the unit: far beyond int64
		return 0, errTooLarge
	}
	if num.exp < -(maxNumberLen + 40) { // rounds to zero for every unit we have
		return 0, nil
	}
	m, _ := new(big.Int).SetString(d, 10)
	m.Mul(m, big.NewInt(unit))
	ten := big.NewInt(10)
	if num.exp >= 0 {
		m.Mul(m, new(big.Int).Exp(ten, big.NewInt(int64(num.exp)), nil))
	} else {
		den := new(big.Int).Exp(ten, big.NewInt(int64(-num.exp)), nil)
		var r big.Int
		m.QuoRem(m, den, &r)
		if r.Lsh(&r, 1).Cmp(den) >= 0 {
			m.Add(m, big.NewInt(1))
		}
	}
	if !m.IsInt64() {
		return 0, errTooLarge
	}
	return m.Int64(), nil
}

// sizeUnit returns the number of bytes in a (lowered) size unit. Every unit counts
// bytes: a lower-case "b" does not mean bits.
func sizeUnit(u string) (int64, bool) {
	switch u {
	case "b":
		return 1, true
	case "kb":
		return 1e3, true
	case "mb":
		return 1e6, true
	case "gb":
		return 1e9, true
	case "tb":
		return 1e12, true
	case "kib":
		return 1 << 10, true
	case "mib":
		return 1 << 20, true
	case "gib":
		return 1 << 30, true
	case "tib":
		return 1 << 40, true
	}
	return 0, false
}

const day = 24 * time.Hour

// intervalUnit returns the length of a (lowered) interval unit. A year is 365 days
// and a month 30 days.
func intervalUnit(u string) (time.Duration, bool) {
	switch u {
	case "y", "year", "years":
		return 365 * day, true
	case "month", "months":
		return 30 * day, true
	case "w", "week", "weeks":
		return 7 * day, true
	case "d", "day", "days":
		return day, true
	case "h", "hour", "hours":
		return time.Hour, true
	case "min", "mins", "minute", "minutes":
		return time.Minute, true
	case "s", "sec", "secs", "second", "seconds":
		return time.Second, true
	case "ms", "millisecond", "milliseconds":
		return time.Millisecond, true
	case "us", "microsecond", "microseconds":
		return time.Microsecond, true
	}
	return 0, false
}

const (
	sizeUnitsHelp     = "sizes take B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024)"
	intervalUnitsHelp = "intervals take y, month, w, d, h, min, s (or the words year, week, day, hour, minute, second)"
)

// quantityKind says what parseQuantity found.
type quantityKind uint8

const (
	notQuantity quantityKind = iota // does not start with a number
	bareNumber                      // a number and nothing else
	sizeQuantity
	intervalQuantity
)

// quantity is a size or an interval.
type quantity struct {
	kind  quantityKind
	bytes int64         // sizeQuantity: at least 1
	every time.Duration // intervalQuantity: at least one second
	num   number        // bareNumber: the number
}

// parseQuantity parses a lowered, trimmed condition that may be a size ("10 MB") or an
// interval ("1h 30min", "1 w, 2D"). It returns kind notQuantity, and no error, when s
// does not start with a number. msg is an error message without the spec.
func parseQuantity(s string) (q quantity, msg string) {
	num, n, ok := scanNumber(s)
	if !ok {
		return quantity{}, ""
	}
	if len(num.text) > maxNumberLen {
		return quantity{}, "number " + strconv.Quote(num.text[:20]+"…") + " is too long"
	}
	if rest := trimSpace(s[n:]); rest == "" {
		return quantity{kind: bareNumber, num: num}, ""
	}
	var total time.Duration
	first := true
	for s != "" {
		num, n, ok := scanNumber(s)
		if !ok {
			return quantity{}, "expected a number at " + strconv.Quote(s)
		}
		if len(num.text) > maxNumberLen {
			return quantity{}, "number " + strconv.Quote(num.text[:20]+"…") + " is too long"
		}
		s = s[n:]
		if s != "" && (s[0] == '.' || ascii.IsDigit(s[0])) {
			j := 0
			for j < len(s) && (s[j] == '.' || ascii.IsDigit(s[j])) {
				j++
			}
			return quantity{}, "invalid number " + strconv.Quote(num.text+s[:j])
		}
		for s != "" && isSpace(s[0]) {
			s = s[1:]
		}
		i := 0
		for i < len(s) && isLetter(s[i]) {
			i++
		}
		unit := s[:i]
		s = s[i:]
		if unit == "" {
			if s == "" {
				return quantity{}, "number " + strconv.Quote(num.text) + " has no unit"
			}
			return quantity{}, "invalid number or unit at " + strconv.Quote(num.text+s)
		}
		if s != "" && !isSpace(s[0]) && s[0] != ',' && !ascii.IsDigit(s[0]) && s[0] != '.' {
			return quantity{}, "unexpected " + strconv.Quote(s) + " after unit " + strconv.Quote(unit)
		}
		for s != "" && (isSpace(s[0]) || s[0] == ',') {
			s = s[1:]
		}
		if b, ok := sizeUnit(unit); ok {
			if !first || s != "" {
				return quantity{}, "a size is one number and one unit (\"10 MB\"); sizes cannot be summed or mixed with intervals"
			}
			v, err := num.scale(b)
			if err != nil {
				return quantity{}, "size is too large"
			}
			if v < 1 {
				return quantity{}, "size must be at least 1 byte (it is rounded to a whole number of bytes)"
			}
			return quantity{kind: sizeQuantity, bytes: v}, ""
		}
		d, ok := intervalUnit(unit)
		if !ok {
			hint := sizeUnitsHelp + "; " + intervalUnitsHelp
			if unit == "m" {
				hint = "write \"min\" (minutes), \"month\" (months) or \"MB\" (megabytes)"
			}
			return quantity{}, "unknown unit " + strconv.Quote(unit) + "; " + hint
		}
		v, err := num.scale(int64(d))
		if err != nil || v > math.MaxInt64-int64(total) {
			return quantity{}, "interval is too long (the limit is about 292 years)"
		}
		total += time.Duration(v)
		first = false
	}
	if total < time.Second {
		return quantity{}, "an interval must be at least one second"
	}
	return quantity{kind: intervalQuantity, every: total}, ""
}
