package pyfmt

import (
	"strconv"
	"unicode/utf8"

	"github.com/logru/logru/internal/ascii"
)

// maxWidth is the largest width or precision accepted by Parse.
//
// Python accepts any value that fits in a Py_ssize_t; logru caps both at
// 4096 so that a format spec coming from an untrusted source cannot make a
// single Append call produce (and allocate) an enormous output.
const maxWidth = 4096

// Kinds of values, used as bits of Spec.bad.
const (
	badString uint8 = 1 << iota
	badInt
	badFloat
	badBool
)

// Spec is a parsed Python format specification, the part after the colon in
// "{x:>10.2f}".
//
// The zero Spec formats every value like the empty spec "" does. A Spec is
// immutable once returned by Parse, so a single Spec may be used by any
// number of goroutines at the same time.
type Spec struct {
	spec  string // the text given to Parse
	fill  string // explicit fill character as UTF-8; "" means none given
	width int    // minimum width in runes; 0 means none
	prec  int    // precision, meaningful only if hasPrec

	hasPrec bool
	zero    bool // the '0' flag: fill with '0' (and '=' alignment for numbers)
	alt     bool // '#'
	z       bool // 'z'
	align   byte // 0 (kind's default), '<', '>', '=' or '^'
	sign    byte // 0, '+', '-' or ' '
	group   byte // 0, ',' or '_'
	typ     byte // 0 (none) or one of "bcdeEfFgGnosxX%"
	bad     uint8
}

// SpecError reports an invalid format spec: the spec and why it is refused, so that a
// caller can say it in its own words without reading the error's text.
type SpecError struct {
	Spec   string // the spec as given
	Reason string // why it is invalid
}

func (e *SpecError) Error() string {
	return "pyfmt: invalid format spec " + strconv.Quote(e.Spec) + ": " + e.Reason
}

func isAlign(c byte) bool { return c == '<' || c == '>' || c == '=' || c == '^' }

// Parse parses a Python format spec such as ">10", ".2f", ",d" or "08.3f",
// following the grammar
//
//	[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//
// It never panics. A spec that is invalid whatever kind of value it is applied
// to (a syntax error, an unknown type, a width or precision above 4096, or a
// combination Python always rejects such as ",s" or ".2d") yields an error
// that names the spec. A spec that is valid for some kinds of values only,
// such as "+" (numbers only) or ".3" (not integers), parses successfully; the
// Append methods then report ok=false for the kinds it does not apply to.
func Parse(s string) (Spec, error) {
	sp := Spec{spec: s}
	fail := func(msg string) (Spec, error) {
		return Spec{}, &SpecError{Spec: s, Reason: msg}
	}
	i := 0

	// [[fill]align]
	if len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if size < len(s) && isAlign(s[size]) {
			if r == utf8.RuneError && size == 1 {
				return fail("fill character is not valid UTF-8")
			}
			sp.fill = s[:size]
			sp.align = s[size]
			i = size + 1
		} else if isAlign(s[0]) {
			sp.align = s[0]
			i = 1
		}
	}
	// [sign]
	if i < len(s) && (s[i] == '+' || s[i] == '-' || s[i] == ' ') {
		sp.sign = s[i]
		i++
	}
	// ["z"]
	if i < len(s) && s[i] == 'z' {
		sp.z = true
		i++
	}
	// ["#"]
	if i < len(s) && s[i] == '#' {
		sp.alt = true
		i++
	}
	// ["0"]: only a flag when no fill character was given.
	if sp.fill == "" && i < len(s) && s[i] == '0' {
		sp.zero = true
		i++
	}
	// [width]
	w, n := parseNumber(s[i:])
	if w > maxWidth {
		return fail("width exceeds " + strconv.Itoa(maxWidth))
	}
	sp.width = w
	i += n
	// [grouping]
	if i < len(s) && s[i] == ',' {
		sp.group = ','
		i++
	}
	if i < len(s) && s[i] == '_' {
		if sp.group != 0 {
			return fail("cannot specify both ',' and '_'")
		}
		sp.group = '_'
		i++
	}
	if i < len(s) && s[i] == ',' && sp.group == '_' {
		return fail("cannot specify both ',' and '_'")
	}
	// ["." precision]
	if i < len(s) && s[i] == '.' {
		i++
		p, n := parseNumber(s[i:])
		if n == 0 {
			return fail("format specifier missing precision")
		}
		if p > maxWidth {
			return fail("precision exceeds " + strconv.Itoa(maxWidth))
		}
		sp.prec = p
		sp.hasPrec = true
		i += n
	}
	// [type]
	var typ rune
	if rest := s[i:]; rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		if size < len(rest) {
			return fail("invalid format specifier")
		}
		if r == utf8.RuneError && size == 1 {
			return fail("format code is not valid UTF-8")
		}
		typ = r
	}
	if sp.group != 0 && typ != 0 && !groupingAllowed(sp.group, typ) {
		return fail("cannot specify '" + string(sp.group) + "' with " + quoteRune(typ))
	}
	if typ != 0 && !isType(typ) {
		return fail("unknown format code " + quoteRune(typ))
	}
	sp.typ = byte(typ)

	// Work out which kinds of values the spec applies to.
	strMsg, intMsg, floatMsg := sp.stringError(), sp.intError(), sp.floatError()
	if strMsg != "" {
		sp.bad |= badString
	}
	if intMsg != "" {
		sp.bad |= badInt
	}
	if floatMsg != "" {
		sp.bad |= badFloat
	}
	switch {
	case sp.typ == 0 || sp.typ == 's':
		if strMsg != "" {
			sp.bad |= badBool
		}
	case isFloatType(sp.typ):
		if floatMsg != "" {
			sp.bad |= badBool
		}
	default:
		if intMsg != "" {
			sp.bad |= badBool
		}
	}
	if sp.bad&(badString|badInt|badFloat) == badString|badInt|badFloat {
		// Floats accept every spec whose type is none or a float type, so
		// only 's' and the integer-only types get here.
		if sp.typ == 's' {
			return fail(strMsg)
		}
		return fail(intMsg)
	}
	return sp, nil
}

// parseNumber parses the leading decimal digits of s. It returns the value
// (saturated just above maxWidth) and the number of digits consumed.
func parseNumber(s string) (v, n int) {
	for n < len(s) && ascii.IsDigit(s[n]) {
		if v <= maxWidth {
			v = v*10 + int(s[n]-'0')
		}
		n++
	}
	return v, n
}

func quoteRune(r rune) string {
	if r < utf8.RuneSelf && r >= ' ' && r != 0x7f {
		return "'" + string(r) + "'"
	}
	return strconv.QuoteRune(r)
}

func isType(r rune) bool {
	switch r {
	case 'b', 'c', 'd', 'e', 'E', 'f', 'F', 'g', 'G', 'n', 'o', 's', 'x', 'X', '%':
		return true
	}
	return false
}

func isFloatType(c byte) bool {
	switch c {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		return true
	}
	return false
}

// groupingAllowed reports whether Python accepts grouping character g with
// the explicit presentation type t.
func groupingAllowed(g byte, t rune) bool {
	switch t {
	case 'd', 'e', 'E', 'f', 'F', 'g', 'G', '%':
		return true
	case 'b', 'o', 'x', 'X':
		return g == '_'
	}
	return false
}

// stringError returns why the spec cannot format a string, or "". The
// messages are constants so that a successful Parse does not allocate.
func (sp *Spec) stringError() string {
	switch {
	case sp.typ != 0 && sp.typ != 's':
		return "format code not valid for a string"
	case sp.group != 0:
		return "grouping not allowed in string format specifier"
	case sp.sign != 0:
		return "sign not allowed in string format specifier"
	case sp.z:
		return "negative zero coercion (z) not allowed in string format specifier"
	case sp.alt:
		return "alternate form (#) not allowed in string format specifier"
	case sp.align == '=':
		return "'=' alignment not allowed in string format specifier"
	}
	return ""
}

// intError returns why the spec cannot format an integer, or "".
func (sp *Spec) intError() string {
	switch sp.typ {
	case 0, 'b', 'c', 'd', 'n', 'o', 'x', 'X':
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		return sp.floatError() // integers are converted to float64
	default:
		return "format code not valid for an integer"
	}
	switch {
	case sp.hasPrec:
		return "precision not allowed in integer format specifier"
	case sp.z:
		return "negative zero coercion (z) not allowed in integer format specifier"
	case sp.typ == 'c' && sp.sign != 0:
		return "sign not allowed with integer format specifier 'c'"
	case sp.typ == 'c' && sp.alt:
		return "alternate form (#) not allowed with integer format specifier 'c'"
	}
	return ""
}

// floatError returns why the spec cannot format a float, or "".
func (sp *Spec) floatError() string {
	switch sp.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
		return ""
	}
	return "format code not valid for a float"
}

// String returns the spec exactly as it was given to Parse ("" for the zero
// Spec).
func (s *Spec) String() string { return s.spec }

// Type returns the presentation type, one of "bcdeEfFgGnosxX%", or 0 when the
// spec has none.
func (s *Spec) Type() byte { return s.typ }
