package timefmt

import (
	"errors"
	"strings"
)

// opKind is one token of the loguru time language, or literal text.
type opKind uint8

const (
	opLiteral     opKind = iota // lit
	opYear4                     // YYYY: 2018
	opYear2                     // YY: 18
	opQuarter                   // Q: 1-4
	opMonthName                 // MMMM: January
	opMonthAbbr                 // MMM: Jan
	opMonth2                    // MM: 01-12
	opMonth                     // M: 1-12
	opYearDay3                  // DDDD: 001-366
	opYearDay                   // DDD: 1-366
	opDay2                      // DD: 01-31
	opDay                       // D: 1-31
	opWeekdayName               // dddd: Monday
	opWeekdayAbbr               // ddd: Mon
	opWeekday                   // d: 0 (Monday) - 6
	opISOWeekday                // E: 1 (Monday) - 7
	opHour2                     // HH: 00-23
	opHour                      // H: 0-23
	opHour12x2                  // hh: 01-12
	opHour12                    // h: 1-12
	opMinute2                   // mm: 00-59
	opMinute                    // m: 0-59
	opSecond2                   // ss: 00-59
	opSecond                    // s: 0-59
	opFraction                  // S..SSSSSS: n digits of the fraction of a second
	opAMPM                      // A: AM or PM
	opOffsetColon               // Z: +01:00
	opOffset                    // ZZ: +0100
	opZoneName                  // zz: CET
	opUnix                      // X: Unix seconds
	opUnixMicro                 // x: Unix microseconds

	// Fused at compile time, for speed; lit holds the two one-byte separators.
	opDate  // YYYY?MM?DD
	opClock // HH?mm?ss
)

// op is one compiled step: a token, or literal text when kind is opLiteral.
type op struct {
	kind opKind
	n    uint8  // opFraction: the number of digits, 1-6
	lit  string // opLiteral: the text
}

// need lists the calendar fields a list of ops reads, so rendering computes no more.
type need uint8

const (
	needDate    need = 1 << iota // year, month, day
	needClock                    // hour, minute, second
	needYearDay                  // day of the year
	needWeekday                  // day of the week
	needZone                     // zone name and offset
)

// maxFraction is the most 'S' characters a token may have: microseconds.
const maxFraction = 6

var errTooManyS = errors.New("more than six successive 'S' characters")

// compileTokens compiles a token spec (without its "!UTC" suffix) into ops, the
// fields they need and the grain their output changes with.
func compileTokens(body string) ([]op, need, grain, error) {
	if strings.Contains(body, strings.Repeat("S", maxFraction+1)) {
		return nil, 0, 0, errTooManyS
	}
	var b opBuilder
	for i := 0; i < len(body); {
		if body[i] == '[' {
			if end, ok := escapeEnd(body, i); ok {
				b.literal(body[i+1 : end])
				i = end + 1
				continue
			}
		}
		if k, n := matchToken(body[i:]); n > 0 {
			b.token(k, n)
			i += n
			continue
		}
		b.literal(body[i : i+1])
		i++
	}
	return b.finish()
}

// opBuilder collects ops, merging adjacent literal text.
type opBuilder struct {
	ops  []op
	text strings.Builder
	need need
	gr   grain
}

func (b *opBuilder) literal(s string) { b.text.WriteString(s) }

func (b *opBuilder) flush() {
	if b.text.Len() > 0 {
		b.ops = append(b.ops, op{kind: opLiteral, lit: b.text.String()})
		b.text.Reset()
	}
}

func (b *opBuilder) token(k opKind, n int) {
	b.flush()
	o := op{kind: k}
	if k == opFraction {
		o.n = uint8(n)
	}
	b.ops = append(b.ops, o)
	b.need |= needOf(k)
	b.gr = b.gr.widen(grainOf(k, n))
}

func (b *opBuilder) finish() ([]op, need, grain, error) {
	b.flush()
	return fuse(b.ops), b.need, b.gr, nil
}

// fuse replaces each YYYY?MM?DD and HH?mm?ss, where each ? is one byte of
// literal text, by a single op.
func fuse(ops []op) []op {
	out := ops[:0]
	for i := 0; i < len(ops); i++ {
		if f, ok := fusedAt(ops[i:]); ok {
			out = append(out, f)
			i += 4
			continue
		}
		out = append(out, ops[i])
	}
	return out
}

// fusedAt returns the op fusing the first five of ops, if they can be fused.
func fusedAt(ops []op) (op, bool) {
	if len(ops) < 5 || !oneByte(ops[1]) || !oneByte(ops[3]) {
		return op{}, false
	}
	seps := ops[1].lit + ops[3].lit
	switch {
	case ops[0].kind == opYear4 && ops[2].kind == opMonth2 && ops[4].kind == opDay2:
		return op{kind: opDate, lit: seps}, true
	case ops[0].kind == opHour2 && ops[2].kind == opMinute2 && ops[4].kind == opSecond2:
		return op{kind: opClock, lit: seps}, true
	}
	return op{}, false
}

func oneByte(o op) bool { return o.kind == opLiteral && len(o.lit) == 1 }

// needOf returns the calendar fields token k reads.
func needOf(k opKind) need {
	switch k {
	case opYear4, opYear2, opQuarter, opMonthName, opMonthAbbr, opMonth2, opMonth, opDay2, opDay:
		return needDate
	case opYearDay3, opYearDay:
		return needYearDay
	case opWeekdayName, opWeekdayAbbr, opWeekday, opISOWeekday:
		return needWeekday
	case opHour2, opHour, opHour12x2, opHour12, opMinute2, opMinute, opSecond2, opSecond, opAMPM:
		return needClock
	case opOffsetColon, opOffset, opZoneName:
		return needZone
	}
	return 0
}

// matchToken reports the token at the start of s and its length, or a length of 0.
// It follows loguru's regular expression, whose alternatives are tried in order:
// H{1,2}|h{1,2}|m{1,2}|s{1,2}|S+|YYYY|YY|M{1,4}|D{1,4}|Z{1,2}|zz|A|X|x|E|Q|dddd|ddd|d
// Each alternative starts with its own letter, so the first letter picks it and
// the length of the run of that letter picks the variant.
func matchToken(s string) (opKind, int) {
	c := s[0]
	run := runLength(s)
	switch c {
	case 'H':
		return pick2(run, opHour, opHour2)
	case 'h':
		return pick2(run, opHour12, opHour12x2)
	case 'm':
		return pick2(run, opMinute, opMinute2)
	case 's':
		return pick2(run, opSecond, opSecond2)
	case 'Z':
		return pick2(run, opOffsetColon, opOffset)
	case 'S':
		return opFraction, min(run, maxFraction)
	case 'Y':
		switch {
		case run >= 4:
			return opYear4, 4
		case run >= 2:
			return opYear2, 2
		}
	case 'M':
		return [...]opKind{opMonth, opMonth2, opMonthAbbr, opMonthName}[min(run, 4)-1], min(run, 4)
	case 'D':
		return [...]opKind{opDay, opDay2, opYearDay, opYearDay3}[min(run, 4)-1], min(run, 4)
	case 'z':
		if run >= 2 {
			return opZoneName, 2
		}
	case 'd':
		switch {
		case run >= 4:
			return opWeekdayName, 4
		case run == 3:
			return opWeekdayAbbr, 3
		}
		return opWeekday, 1
	case 'A':
		return opAMPM, 1
	case 'X':
		return opUnix, 1
	case 'x':
		return opUnixMicro, 1
	case 'E':
		return opISOWeekday, 1
	case 'Q':
		return opQuarter, 1
	}
	return opLiteral, 0
}

// pick2 chooses between the one- and two-letter forms of a token.
func pick2(run int, one, two opKind) (opKind, int) {
	if run >= 2 {
		return two, 2
	}
	return one, 1
}

// runLength returns how many times s[0] repeats at the start of s.
func runLength(s string) int {
	n := 1
	for n < len(s) && s[n] == s[0] {
		n++
	}
	return n
}

// escapeEnd reports whether the '[' at s[i] opens an escape, and where its ']' is.
//
// loguru matches `\[(?:TOKEN|!UTC|)\]` as a unit, trying every way TOKEN can match
// before the ']'. As no token holds a ']', the escape is the text up to the next
// ']', and it escapes only if that text is empty, "!UTC", or exactly one token.
// Any other '[' or ']' is literal text.
func escapeEnd(s string, i int) (int, bool) {
	j := strings.IndexByte(s[i+1:], ']')
	if j < 0 {
		return 0, false
	}
	end := i + 1 + j
	content := s[i+1 : end]
	return end, content == "" || content == utcSuffix || isWholeToken(content)
}

// isWholeToken reports whether loguru's token expression can match all of s.
// Unlike matchToken, this allows every length an alternative can match when the
// regular expression backtracks: "[H]" escapes although "HH" is tried first, but
// "[dd]" does not, as no alternative matches exactly two 'd'.
func isWholeToken(s string) bool {
	if runLength(s) != len(s) {
		return false
	}
	n := len(s)
	switch s[0] {
	case 'H', 'h', 'm', 's', 'Z':
		return n <= 2
	case 'S':
		return true
	case 'Y':
		return n == 2 || n == 4
	case 'M', 'D':
		return n <= 4
	case 'z':
		return n == 2
	case 'A', 'X', 'x', 'E', 'Q':
		return n == 1
	case 'd':
		return n == 1 || n == 3 || n == 4
	}
	return false
}
