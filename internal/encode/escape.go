package encode

import (
	"slices"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// jsonSafe, textSafe and literalSafe say, for each ASCII byte, whether it is
// copied as is into a JSON string, a text value and a text literal. Bytes from
// utf8.RuneSelf up are false in all three: they start a rune that is checked
// on its own.
var jsonSafe, textSafe, literalSafe = safeTables()

func safeTables() (j, t, l [256]bool) {
	for b := 0x20; b < 0x7f; b++ {
		j[b] = b != '"' && b != '\\'
		t[b] = true
		l[b] = true
	}
	l['\n'] = true
	l['\t'] = true
	return j, t, l
}

// Eight bytes at a time: while a string holds nothing to escape, its bytes
// are checked a word at a time with the usual bit tricks. A word that fails
// the test is handled byte by byte.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// load8 returns s[i:i+8] as a little-endian word. The compiler turns the
// shifts into a single load.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// printable8 reports whether every byte of x lies in 0x20–0x7e. In the
// first term the top bit of a byte is set when the byte is below 0x20; in
// the second, when it is 0x7f or above. A borrow or a carry between bytes
// only ever starts at a byte that fails the test already.
func printable8(x uint64) bool {
	return ((x-lsb*0x20)&^x|(x+lsb)|x)&msb == 0
}

// jsonSafe8 is printable8 that also fails on '"' and '\\'. (v-lsb)&^v has
// the top bit set in each zero byte of v.
func jsonSafe8(x uint64) bool {
	q := x ^ lsb*'"'
	b := x ^ lsb*'\\'
	return ((x-lsb*0x20)&^x|(x+lsb)|x|(q-lsb)&^q|(b-lsb)&^b)&msb == 0
}

// jsonSafeShort reports whether s, at most 16 bytes long, needs no escaping in a JSON
// string: two overlapping words for 8 to 16 bytes, two overlapping half-words for 4 to
// 7 (each widened with safe bytes), and the table below that.
func jsonSafeShort(s string) bool {
	switch n := len(s); {
	case n >= 8:
		return jsonSafe8(load8(s, 0)) && jsonSafe8(load8(s, n-8))
	case n >= 4:
		return jsonSafe8(load4(s, 0) | load4(s, n-4)<<32)
	case n > 0:
		// 1 to 3 bytes: the first, middle and last (each byte at least once), the
		// word's other bytes safe ('a'), in one test instead of a loop over the table
		return jsonSafe8(uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16 | 0x6161616161000000)
	}
	return true
}

// jsonSafeMedium reports whether s, more than 8 bytes long, needs no escaping in a JSON
// string: a word at a time, the last word overlapping the one before it.
func jsonSafeMedium(s string) bool {
	n := len(s)
	for i := 0; i < n-8; i += 8 {
		if !jsonSafe8(load8(s, i)) {
			return false
		}
	}
	return jsonSafe8(load8(s, n-8))
}

// load4 returns s[i:i+4] as a little-endian word.
func load4(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// jsonEscapesRune reports whether the valid rune r (r >= 0x80) is written as a
// \u escape in JSON: the C1 controls, which some terminals obey, and the line
// and paragraph separators, which JavaScript treats as line ends.
func jsonEscapesRune(r rune) bool {
	return r <= 0x9f || r == '\u2028' || r == '\u2029'
}

// textEscapesRune reports whether the valid rune r (r >= 0x80) is written as a
// \u escape in text: the C1 controls, the line and paragraph separators, and
// the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), which can make a line render in a misleading order.
func textEscapesRune(r rune) bool {
	return r <= 0x9f || (r >= '\u2028' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// AppendJSONString appends s to dst as a quoted JSON string and returns the
// extended buffer.
//
// The escapes are \" and \\, \n, \r and \t, and \u00XX for the other control
// characters below U+0020 and for DEL (U+007F). The C1 controls U+0080–U+009F
// and the separators U+2028 and U+2029 are written as \u escapes too, so the
// line is safe to print on a terminal and to embed in JavaScript. Each byte
// that is not part of valid UTF-8 becomes \ufffd, so the output is always
// valid UTF-8 and valid JSON. The characters <, > and & are not escaped.
//
// AppendJSONString does not allocate unless dst must grow. It is safe for
// concurrent use.
func AppendJSONString(dst []byte, s string) []byte {
	if len(s) <= 16 && jsonSafeShort(s) || len(s) <= 64 && len(s) > 16 && jsonSafeMedium(s) {
		// keys and short values: word tests, one copy
		dst = append(dst, '"')
		dst = append(dst, s...)
		return append(dst, '"')
	}
	dst = slices.Grow(dst, len(s)+2)
	dst = append(dst, '"')
	dst = appendJSONEscaped(dst, s)
	return append(dst, '"')
}

// appendJSONEscaped appends the body of a JSON string holding s, without the
// quotes.
func appendJSONEscaped(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && jsonSafe8(load8(s, i)) {
			i += 8
		}
		if i == len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = appendU4(dst, rune(b))
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 { // not valid UTF-8
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if jsonEscapesRune(r) {
			dst = append(dst, s[start:i]...)
			dst = appendU4(dst, r)
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// AppendTextString appends s to dst for a human-readable line, with every
// character that could break or disguise the line escaped, and returns the
// extended buffer. No quotes are added.
//
// The escapes are \n, \r and \t; \x00-style for the other control characters
// below U+0020 (ESC is \x1b) and for DEL (\x7f); \u0085-style for the C1
// controls U+0080–U+009F; \u2028-style for U+2028 and U+2029 and for the
// bidirectional controls U+202A–U+202E and U+2066–U+2069; and \xff-style for
// each byte that is not part of valid UTF-8. The output is therefore valid
// UTF-8 and holds no control character at all. A backslash is not escaped, to
// keep Windows paths and regular expressions readable, so the escaping cannot
// be undone exactly.
//
// AppendTextString does not allocate unless dst must grow. It is safe for
// concurrent use.
func AppendTextString(dst []byte, s string) []byte {
	if len(s) <= 16 && printableShort(s) { // keys and short values: one test, one copy
		return append(dst, s...)
	}
	return appendTextEscaped(dst, s, &textSafe)
}

// printableShort reports whether every byte of s, at most 16 bytes long, lies in
// 0x20–0x7e: the words test of [jsonSafeShort] with printable8.
func printableShort(s string) bool {
	switch n := len(s); {
	case n >= 8:
		return printable8(load8(s, 0)) && printable8(load8(s, n-8))
	case n >= 4:
		return printable8(load4(s, 0) | load4(s, n-4)<<32)
	}
	for i := 0; i < len(s); i++ {
		if !textSafe[s[i]] {
			return false
		}
	}
	return true
}

// AppendTextLiteral is like [AppendTextString] except that it keeps '\n' and
// '\t' as they are. It is meant for text the program's author wrote, such as
// a message format, where line breaks and tabs are intended; everything else,
// including '\r', is escaped. Use [AppendTextString] for any value that comes
// from outside the program.
//
// AppendTextLiteral does not allocate unless dst must grow. It is safe for
// concurrent use.
func AppendTextLiteral(dst []byte, s string) []byte {
	return appendTextEscaped(dst, s, &literalSafe)
}

func appendTextEscaped(dst []byte, s string, safe *[256]bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && printable8(load8(s, i)) {
			i += 8
		}
		if i == len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			if safe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = appendX2(dst, b)
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 { // not valid UTF-8
			dst = append(dst, s[start:i]...)
			dst = appendX2(dst, b)
			i++
			start = i
			continue
		}
		if textEscapesRune(r) {
			dst = append(dst, s[start:i]...)
			dst = appendU4(dst, r)
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// NeedsTextEscape reports whether [AppendTextString] would write s differently,
// that is, whether s holds a control character, a character escaped for
// display safety or a byte that is not valid UTF-8. It does not allocate and is
// safe for concurrent use.
func NeedsTextEscape(s string) bool {
	return needsEscape(s, &textSafe)
}

// NeedsLiteralEscape reports whether [AppendTextLiteral] would write s
// differently: NeedsTextEscape, except that '\n' and '\t' need no escape. It
// does not allocate and is safe for concurrent use.
func NeedsLiteralEscape(s string) bool {
	return needsEscape(s, &literalSafe)
}

func needsEscape(s string, safe *[256]bool) bool {
	for i := 0; i < len(s); {
		for i+8 <= len(s) && printable8(load8(s, i)) {
			i += 8
		}
		if i == len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			if !safe[b] {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || textEscapesRune(r) {
			return true
		}
		i += size
	}
	return false
}

// appendX2 appends b as \xNN.
func appendX2(dst []byte, b byte) []byte {
	return append(dst, '\\', 'x', hexDigits[b>>4], hexDigits[b&0xf])
}

// appendU4 appends r (r <= 0xffff) as \uNNNN.
func appendU4(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u',
		hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
}
