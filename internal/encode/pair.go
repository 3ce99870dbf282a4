package encode

import (
	"encoding/binary"
	"log/slog"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Text pairs. A text line writes fields as key=value pairs separated by spaces, and a
// group as {k=v k2=v2}. So that a value can never pass for more pairs, or close a group
// early, a key or value is written in double quotes when its text (escaped as
// [AppendTextString] escapes it) is empty or holds a space, '=', '"', '{' or '}', or
// any other Unicode space. Inside the quotes, '"' is written \" and the backslashes
// just before a '"' or the closing quote are doubled; every other backslash is written
// as it is, so paths and the \n escapes stay readable:
//
//	a b        "a b"
//	say "hi"   "say \"hi\""
//	C:\x y\    "C:\x y\\"
//
// A group's value is never quoted as a whole: its braces are the structure. Reading a
// line back, a bare token ends at a space, '=' (keys) or '}' (in a group), and a quoted
// one at the first '"' preceded by an even number of backslashes.

// AppendTextPair appends key=value as a text line writes one field: the key and the
// value escaped, each quoted when it needs to be (see the rules above), and a group
// value, LogValuers resolved first, as {k=v ...} whose members follow the same rules.
// It never panics and does not allocate for the scalar kinds unless dst must grow. It is
// safe for concurrent use.
func AppendTextPair(dst []byte, key string, v slog.Value) []byte {
	if k := v.Kind(); scalar(k) {
		return appendScalarPair(dst, key, v, k)
	} else if k == slog.KindAny {
		if out, ok := appendCommonPair(dst, key, v.Any()); ok {
			return out
		}
	}
	e := encoder{values: maxValues, start: len(dst)}
	defer e.recoverText(&dst, e.start)
	return e.attr(dst, key, e.resolve(v))
}

// AppendTextFlat appends v as a text line's fields with a space before each: " key=value"
// for a value that is not a group, and for a group each member in turn, its key joined to
// key by a dot (" req.method=GET req.status=200"), at any depth. Groups follow the rules
// of slog handlers (an empty Attr and a group with no members are left out, the members
// of a group with an empty key are joined to the outer key), so an empty group writes
// nothing at all. Keys and values are escaped and quoted as [AppendTextPair] does. It
// never panics, and it is safe for concurrent use.
func AppendTextFlat(dst []byte, key string, v slog.Value) []byte {
	if k := v.Kind(); scalar(k) {
		return appendScalarPair(append(dst, ' '), key, v, k)
	} else if k == slog.KindAny {
		if out, ok := appendCommonPair(append(dst, ' '), key, v.Any()); ok {
			return out
		}
	}
	e := encoder{values: maxValues, start: len(dst)}
	defer e.recoverText(&dst, e.start)
	v = e.resolve(v)
	if v.Kind() != slog.KindGroup {
		return e.flatLeaf(dst, nil, key, v)
	}
	var buf [64]byte
	return e.flat(dst, AppendTextString(buf[:0], key), v.Group())
}

// scalar reports whether values of kind k are written by AppendText without the
// encoder: no group, no LogValuer, no arbitrary value.
func scalar(k slog.Kind) bool {
	return k != slog.KindGroup && k != slog.KindLogValuer && k != slog.KindAny
}

// appendScalarPair is textAttr for a scalar value of kind k (v.Kind()), without the
// encoder's set-up: the kind dispatched once, the common kinds written here.
func appendScalarPair(dst []byte, key string, v slog.Value, k slog.Kind) []byte {
	if plainWord(key) {
		dst = append(dst, key...)
	} else {
		dst = appendTextKey(dst, key)
	}
	dst = append(dst, '=')
	// Numbers, bools, durations and times never hold a space, '=', '"', '{' or '}', and
	// are never empty.
	switch k {
	case slog.KindString:
		s := v.String()
		if plainWord(s) {
			return append(dst, s...)
		}
		n := len(dst)
		return quoteIfNeeded(AppendTextString(dst, s), n)
	case slog.KindInt64:
		return strconv.AppendInt(dst, v.Int64(), 10)
	case slog.KindUint64:
		return strconv.AppendUint(dst, v.Uint64(), 10)
	case slog.KindFloat64:
		return appendTextFloat(dst, v.Float64(), 64)
	case slog.KindBool:
		return strconv.AppendBool(dst, v.Bool())
	case slog.KindDuration:
		return appendDuration(dst, v.Duration())
	}
	return AppendText(dst, v)
}

// appendTextKey writes key as a text pair's key: escaped, and quoted when it needs to be.
func appendTextKey(dst []byte, key string) []byte {
	if plainWord(key) {
		return append(dst, key...)
	}
	n := len(dst)
	dst = AppendTextString(dst, key)
	return quoteIfNeeded(dst, n)
}

// plainWord reports whether s, not empty and at most 16 bytes long (most keys and
// short values), is written as it is in a text pair: printable ASCII with no space,
// '=', '"', '{' or '}', so neither escaped nor quoted. Two word tests for 4 to 16
// bytes, as jsonSafeShort makes them.
func plainWord(s string) bool {
	switch n := len(s); {
	case n > 16 || n == 0:
		return false
	case n >= 8:
		return plain8(load8(s, 0)) && plain8(load8(s, n-8))
	case n >= 4:
		return plain8(load4(s, 0) | load4(s, n-4)<<32)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !textSafe[c] || quoteSpecial[c] {
			return false
		}
	}
	return true
}

// appendCommonPair is textAttr for a value appendCommon encodes; it reports false,
// having written nothing, for any other.
func appendCommonPair(dst []byte, key string, x any) ([]byte, bool) {
	n := len(dst)
	dst = append(appendTextKey(dst, key), '=')
	m := len(dst)
	dst, ok := appendCommon(dst, x, false)
	if !ok {
		return dst[:n], false
	}
	return quoteIfNeeded(dst, m), true
}

// recoverText turns a panic of the encoder's own making (a bug) into a marker in place
// of what the call wrote.
func (e *encoder) recoverText(dst *[]byte, start int) {
	if r := recover(); r != nil {
		*dst = AppendTextString((*dst)[:start], "<encoder panic>")
	}
}

// flat writes the members of a group whose escaped key path is prefix.
func (e *encoder) flat(dst, prefix []byte, as []slog.Attr) []byte {
	if e.depth >= maxDepth {
		return e.flatLeaf(dst, prefix, "", slog.StringValue(markMaxDepth))
	}
	e.depth++
	defer func() { e.depth-- }()
	for i, a := range as {
		if i >= maxItems || e.full(dst) {
			return e.flatLeaf(dst, prefix, "…", slog.StringValue("+"+strconv.Itoa(len(as)-i)+" more"))
		}
		v := a.Value
		if v.Kind() == slog.KindLogValuer {
			v = e.resolve(v)
		}
		if a.Key == "" && v.Kind() == slog.KindAny && v.Any() == nil {
			continue
		}
		if v.Kind() != slog.KindGroup {
			dst = e.flatLeaf(dst, prefix, a.Key, v)
			continue
		}
		p := prefix
		if a.Key != "" {
			if len(p) > 0 {
				p = append(p, '.')
			}
			p = AppendTextString(p, a.Key)
		}
		dst = e.flat(dst, p, v.Group())
	}
	return dst
}

// flatLeaf writes " prefix.key=value" for a value that is no group.
func (e *encoder) flatLeaf(dst, prefix []byte, key string, v slog.Value) []byte {
	dst = append(dst, ' ')
	n := len(dst)
	dst = append(dst, prefix...)
	if len(prefix) > 0 && key != "" {
		dst = append(dst, '.')
	}
	dst = AppendTextString(dst, key)
	dst = quoteIfNeeded(dst, n)
	dst = append(dst, '=')
	n = len(dst)
	dst = e.value(dst, v)
	return quoteIfNeeded(dst, n)
}

// textAttr writes a text pair: key=value, quoted where needed. v is resolved.
func (e *encoder) textAttr(dst []byte, key string, v slog.Value) []byte {
	n := len(dst)
	dst = AppendTextString(dst, key)
	dst = quoteIfNeeded(dst, n)
	dst = append(dst, '=')
	if v.Kind() == slog.KindGroup {
		return e.group(dst, v.Group())
	}
	n = len(dst)
	dst = e.value(dst, v)
	return quoteIfNeeded(dst, n)
}

// quoteIfNeeded quotes dst[n:], text already escaped, when it needs quotes.
func quoteIfNeeded(dst []byte, n int) []byte {
	if NeedsQuote(dst[n:]) {
		return quoteTail(dst, n)
	}
	return dst
}

// NeedsQuote reports whether escaped text is written in quotes as a key or a value of a
// text pair: it is empty or holds a space, '=', '"', '{', '}' or another Unicode space.
// It does not allocate and is safe for concurrent use.
func NeedsQuote(b []byte) bool {
	// Eight bytes at a time while they are plain ASCII with none of the five; any other
	// word, and a tail below four bytes, is looked at byte by byte.
	switch n := len(b); {
	case n == 0:
		return true
	case n >= 8:
		for i := 0; i+8 <= n; i += 8 {
			if !quoteFree8(binary.LittleEndian.Uint64(b[i:])) {
				return needsQuoteBytes(b)
			}
		}
		if n%8 == 0 || quoteFree8(binary.LittleEndian.Uint64(b[n-8:])) {
			return false
		}
	case n >= 4:
		if quoteFree8(uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint32(b[n-4:]))<<32) {
			return false
		}
	}
	return needsQuoteBytes(b)
}

// plain8 is printable8(x) && quoteFree8(x) in fewer steps: every byte of x lies in
// 0x21–0x7e (printable, no space) and is none of '=', '"', '{', '}'. In the first term
// the top bit of a byte is set when the byte is below 0x21, in the second when it is
// 0x7f or above; a borrow or a carry between bytes only starts at a byte that fails.
func plain8(x uint64) bool {
	eq := x ^ lsb*'='
	qu := x ^ lsb*'"'
	lb := x ^ lsb*'{'
	rb := x ^ lsb*'}'
	return ((x-lsb*0x21)&^x|(x+lsb)|x|(eq-lsb)&^eq|(qu-lsb)&^qu|(lb-lsb)&^lb|(rb-lsb)&^rb)&msb == 0
}

// quoteFree8 reports whether no byte of x is 0x80 or above, ' ', '=', '"', '{' or '}'.
// (v-lsb)&^v has the top bit set in each zero byte of v; a borrow into the next byte
// only starts at a byte that fails the test already.
func quoteFree8(x uint64) bool {
	sp := x ^ lsb*' '
	eq := x ^ lsb*'='
	qu := x ^ lsb*'"'
	lb := x ^ lsb*'{'
	rb := x ^ lsb*'}'
	return (x|(sp-lsb)&^sp|(eq-lsb)&^eq|(qu-lsb)&^qu|(lb-lsb)&^lb|(rb-lsb)&^rb)&msb == 0
}

// needsQuoteBytes is NeedsQuote for a non-empty b, byte by byte.
func needsQuoteBytes(b []byte) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !quoteSpecial[c] {
			continue
		}
		if c < utf8.RuneSelf {
			return true
		}
		r, size := utf8.DecodeRune(b[i:])
		if unicode.IsSpace(r) {
			return true
		}
		i += size - 1
	}
	return false
}

// quoteSpecial marks the bytes NeedsQuote looks at: those that need quotes, and the
// first bytes of multi-byte runes, which might be spaces.
var quoteSpecial = func() (t [256]bool) {
	for _, c := range []byte(" =\"{}") {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// quoteTail wraps dst[n:] in double quotes in place: '"' becomes \" and a run of
// backslashes before a '"' or the end is doubled. It allocates only when dst must grow.
func quoteTail(dst []byte, n int) []byte {
	grow, run := 2, 0
	for _, c := range dst[n:] {
		switch c {
		case '\\':
			run++
		case '"':
			grow += run + 1
			run = 0
		default:
			run = 0
		}
	}
	grow += run
	end := len(dst)
	dst = append(dst, make([]byte, grow)...)
	w := len(dst) - 1
	dst[w] = '"'
	w--
	double := true // the backslashes met now precede a quote or the end
	for r := end - 1; r >= n; r-- {
		c := dst[r]
		switch c {
		case '"':
			dst[w], dst[w-1] = '"', '\\'
			w -= 2
			double = true
		case '\\':
			dst[w] = '\\'
			w--
			if double {
				dst[w] = '\\'
				w--
			}
		default:
			dst[w] = c
			w--
			double = false
		}
	}
	dst[w] = '"'
	return dst
}
