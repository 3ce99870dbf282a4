package render

import (
	"log/slog"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/ascii"
	"github.com/logru/logru/internal/encode"
	"github.com/logru/logru/internal/pyfmt"
)

// maxMarkupDepth bounds the tags a message may hold open at once; deeper nesting makes
// the message's markup invalid (it is then written as plain text).
const maxMarkupDepth = 32

// mstate is the stack of open tags while a message's markup is rendered. It lives on
// the stack: rendering a message allocates nothing.
type mstate struct {
	tags [maxMarkupDepth]string
	n    int
}

// check feeds one literal chunk to the validator.
func (st *mstate) check(lit string) bool {
	lx := mlexer{s: lit}
	for tok, ok := lx.next(); ok; tok, ok = lx.next() {
		switch tok.kind {
		case mOpen:
			if !isLevelTag(tok.text) {
				var tmp [32]byte
				if _, ok := appendTagCode(tmp[:0], tok.text); !ok {
					return false
				}
			}
			if st.n == maxMarkupDepth {
				return false
			}
			st.tags[st.n] = tok.text
			st.n++
		case mClose:
			if st.n == 0 || (tok.text != "" && tok.text != st.tags[st.n-1]) {
				return false
			}
			st.n--
		}
	}
	return true
}

// render appends one literal chunk, turning tags into codes (color) or dropping them.
// Text is escaped as a message literal when escape is set.
func (st *mstate) render(dst []byte, lit string, color bool, levelANSI string, outer []ctok, escape bool) []byte {
	lx := mlexer{s: lit}
	for tok, ok := lx.next(); ok; tok, ok = lx.next() {
		switch tok.kind {
		case mText:
			if escape {
				dst = encode.AppendTextLiteral(dst, tok.text)
			} else {
				dst = append(dst, tok.text...)
			}
		case mOpen:
			if st.n < maxMarkupDepth {
				st.tags[st.n] = tok.text
				st.n++
			}
			if color {
				dst = appendOpen(dst, tok.text, levelANSI)
			}
		case mClose:
			if st.n > 0 {
				st.n--
			}
			if color {
				dst = append(dst, reset...)
				for _, c := range outer {
					if c.level {
						dst = append(dst, levelANSI...)
					} else {
						dst = append(dst, c.ansi...)
					}
				}
				for _, t := range st.tags[:st.n] {
					dst = appendOpen(dst, t, levelANSI)
				}
			}
		}
	}
	return dst
}

func appendOpen(dst []byte, body, levelANSI string) []byte {
	if isLevelTag(body) {
		return append(dst, levelANSI...)
	}
	dst, _ = appendTagCode(dst, body)
	return dst
}

// checkMarkup validates a whole markup string, reporting loguru's errors.
func checkMarkup(s string) error {
	var open []mtoken
	lx := mlexer{s: s}
	for tok, ok := lx.next(); ok; tok, ok = lx.next() {
		switch tok.kind {
		case mOpen:
			if !isLevelTag(tok.text) {
				if _, ok := appendTagCode(nil, tok.text); !ok {
					return errUnknownTag(tok)
				}
			}
			open = append(open, tok)
		case mClose:
			if err := closes(open, tok); err != nil {
				return err
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		return errUnclosed(open[0])
	}
	return nil
}

// validMessageMarkup reports whether the literal parts of a message template hold
// well-formed markup. fields tells whether placeholders are parsed.
func validMessageMarkup(msg string, fields bool) bool {
	var st mstate
	if !fields {
		return st.check(msg) && st.n == 0
	}
	sc := fscanner{s: msg}
	for {
		lit, _, ok := sc.next()
		if !ok {
			break
		}
		if !st.check(lit) {
			return false
		}
	}
	return st.n == 0
}

// AppendMessage appends the message template msg rendered without colours.
//
// When fields is true, {key} and {key:spec} placeholders take the value of the last
// attribute in args with that key, formatted with Python's format-spec mini-language,
// and "{{" and "}}" stand for braces. A placeholder whose key is not in args is left as
// written; a spec that does not parse or does not suit the value, or whose fill is a
// character the literal would escape, writes the value plainly. When fields is false
// the message is not parsed for placeholders at all.
//
// When markup is true, colour tags in the message's literal text are removed (see
// [Template.Append] with a [ColoredMessage] for the coloured form); a message whose markup
// does not parse is written as plain text, tags included.
//
// Substituted values have every control character escaped; the literal keeps its
// newlines and tabs and has its other control characters escaped. Values are never
// parsed for placeholders or markup.
func AppendMessage(dst []byte, msg string, args []slog.Attr, fields, markup bool) []byte {
	return appendMessageFields(dst, msg, args, fields, markup, false, "", nil, nil)
}

// AppendMessageKeys is [AppendMessage] that also adds to used the key of every
// attribute it substitutes (a placeholder whose key is not in args adds nothing): the
// keys a record's [core.Record.MessageKeys] holds. used may be nil.
func AppendMessageKeys(dst []byte, msg string, args []slog.Attr, fields, markup bool, used *core.Keys) []byte {
	return appendMessageFields(dst, msg, args, fields, markup, false, "", nil, used)
}

func appendMessageFields(dst []byte, msg string, args []slog.Attr, fields, markup, color bool, levelANSI string, outer []ctok, used *core.Keys) []byte {
	if markup && validMessageMarkup(msg, fields) {
		return appendMessageMarkup(dst, msg, args, fields, color, levelANSI, outer, used)
	}
	if !fields {
		return encode.AppendTextLiteral(dst, msg)
	}
	return substituteAll(dst, msg, args, nil, false, "", nil, used)
}

// appendMessageMarkup is appendMessageFields for a message whose markup is valid. It is
// a function of its own so that the plain path does not zero the tag stack.
func appendMessageMarkup(dst []byte, msg string, args []slog.Attr, fields, color bool, levelANSI string, outer []ctok, used *core.Keys) []byte {
	var st mstate
	if !fields {
		return st.render(dst, msg, color, levelANSI, outer, true)
	}
	return substituteAll(dst, msg, args, &st, color, levelANSI, outer, used)
}

// substituteAll writes msg with each of its fields substituted from args: its literal
// chunks escaped as text when st is nil, else rendered through st's markup (with color,
// levelANSI and outer).
func substituteAll(dst []byte, msg string, args []slog.Attr, st *mstate, color bool, levelANSI string, outer []ctok, used *core.Keys) []byte {
	sc := fscanner{s: msg}
	var ix *argIndex // nil: scan the few arguments
	if len(args) > argScanMax {
		ix = &argIndex{args: args, scans: argScansBeforeIndex}
	}
	for {
		lit, hasField, ok := sc.next()
		if !ok {
			if ix != nil {
				ix.release()
			}
			return dst
		}
		if st != nil {
			dst = st.render(dst, lit, color, levelANSI, outer, true)
		} else {
			dst = encode.AppendTextLiteral(dst, lit)
		}
		if hasField {
			dst = substitute(dst, &sc.field, args, ix, used)
		}
	}
}

// substitute writes the value the placeholder f names among args (the last one with
// its key), or f as written when none has its key or f is invalid. ix, when not nil,
// indexes args; with few arguments it is nil and args are scanned.
func substitute(dst []byte, f *rawField, args []slog.Attr, ix *argIndex, used *core.Keys) []byte {
	if f.name == "" || (f.conv != "" && f.conv != "r" && f.conv != "s") {
		return encode.AppendTextLiteral(dst, f.raw)
	}
	var i int
	if ix == nil {
		i = lastArg(args, f.name)
	} else {
		i = ix.find(f.name)
	}
	if i < 0 {
		return encode.AppendTextLiteral(dst, f.raw)
	}
	if used != nil {
		used.Add(f.name)
	}
	sp, hasSpec := messageSpec(f.spec)
	return appendValue(dst, args[i].Value, sp, hasSpec, f.conv)
}

// messageSpec parses the spec of a message placeholder; ok is false when there is none
// or it does not parse. A spec holding a character that the message's literal text
// would have escaped (a control character as the fill: "{v:\x1b>20}") is refused too,
// so that the value is written plainly: padding would write that character as it is.
func messageSpec(spec string) (sp pyfmt.Spec, ok bool) {
	if spec == "" || encode.NeedsLiteralEscape(spec) {
		return sp, false
	}
	sp, err := pyfmt.Parse(spec)
	return sp, err == nil
}

// appendValue writes a field value as text, formatted by spec when there is one that
// suits it, else plainly. conv "r" quotes strings.
func appendValue(dst []byte, v slog.Value, sp pyfmt.Spec, hasSpec bool, conv string) []byte {
	if v.Kind() == slog.KindLogValuer { // Resolve is not inlined: skip the call
		v = v.Resolve()
	}
	if conv == "r" && v.Kind() == slog.KindString {
		if !hasSpec {
			return strconv.AppendQuote(dst, v.String())
		}
		var tmp [128]byte
		q := strconv.AppendQuote(tmp[:0], v.String())
		if out, ok := sp.AppendString(dst, bytesString(q)); ok {
			return out
		}
		return append(dst, q...)
	}
	if !hasSpec {
		return encode.AppendText(dst, v)
	}
	var out []byte
	ok := false
	switch v.Kind() {
	case slog.KindInt64:
		if n := v.Int64(); charSpecSafe(&sp, uint64(n), n < 0) {
			out, ok = sp.AppendInt(dst, n)
		}
	case slog.KindUint64:
		if n := v.Uint64(); charSpecSafe(&sp, n, false) {
			out, ok = sp.AppendUint(dst, n)
		}
	case slog.KindFloat64:
		out, ok = sp.AppendFloat(dst, v.Float64())
	case slog.KindBool:
		if sp.Type() != 'c' { // true and false are U+0001 and U+0000
			out, ok = sp.AppendBool(dst, v.Bool())
		}
	case slog.KindString:
		if s := v.String(); !encode.NeedsTextEscape(s) {
			out, ok = sp.AppendString(dst, s)
			break
		}
		fallthrough
	default:
		var tmp [128]byte
		out, ok = sp.AppendString(dst, bytesString(encode.AppendText(tmp[:0], v)))
	}
	if ok {
		return out
	}
	return encode.AppendText(dst, v)
}

// appendValueText writes text, a value's encode.AppendText rendering, as appendValue
// writes a value of kind Any: formatted by spec when there is one that suits it.
func appendValueText(dst, text []byte, sp pyfmt.Spec, hasSpec bool) []byte {
	if hasSpec {
		if out, ok := sp.AppendString(dst, bytesString(text)); ok {
			return out
		}
	}
	return append(dst, text...)
}

// charSpecSafe reports whether sp may format the integer n (negative when neg): true
// unless sp's type is 'c' and the character n codes would be escaped in text (a control
// character, "{n:c}" with n = 10 a newline). Such a spec does not suit the value, which
// is then written plainly: 'c' would write the character as it is.
func charSpecSafe(sp *pyfmt.Spec, n uint64, neg bool) bool {
	if sp.Type() != 'c' || neg || n > utf8.MaxRune {
		return true // not 'c', or a number pyfmt refuses to write as a character
	}
	var b [utf8.UTFMax]byte
	return !encode.NeedsTextEscape(bytesString(utf8.AppendRune(b[:0], rune(n))))
}

// appendExtra writes fields as key=value pairs separated by spaces, keys and values
// quoted where needed so that the pairs can be told apart ("a b"="x=y"), a group's
// members too (see encode.AppendTextPair).
func appendExtra(dst []byte, e *core.Extra) []byte {
	for i, a := range e.Attrs() {
		dst = appendExtraPair(dst, i, a)
	}
	return dst
}

// appendExtraPair writes field a, the i-th, as appendExtra does: after a space unless
// it is the first.
func appendExtraPair(dst []byte, i int, a slog.Attr) []byte {
	if i > 0 {
		dst = append(dst, ' ')
	}
	return encode.AppendTextPair(dst, a.Key, a.Value)
}

// appendFields writes the record's fields that its message did not show as
// " key=value" pairs, groups flattened (" req.method=GET"); nothing when there are none.
// Keys and values are quoted as appendExtra quotes them.
func appendFields(dst []byte, r *core.Record) []byte {
	// By index, not by a copy of each Attr, and the message's keys looked up only when
	// it showed any.
	as := r.Extra.Attrs()
	if r.MessageKeys.Len() == 0 {
		for i := range as {
			dst = encode.AppendTextFlat(dst, as[i].Key, as[i].Value)
		}
		return dst
	}
	for i := range as {
		if !r.MessageKeys.Has(as[i].Key) {
			dst = encode.AppendTextFlat(dst, as[i].Key, as[i].Value)
		}
	}
	return dst
}

// appendFieldsPair writes field a as appendFields does: nothing when skip is set and
// the message showed it.
func appendFieldsPair(dst []byte, r *core.Record, skip bool, a slog.Attr) []byte {
	if skip && r.MessageKeys.Has(a.Key) {
		return dst
	}
	return encode.AppendTextFlat(dst, a.Key, a.Value)
}

// appendElapsed writes d as Python writes a timedelta: "0:00:01.500000", with days as
// "2 days, 3:04:05"; microseconds are left out when zero.
func appendElapsed(dst []byte, d time.Duration) []byte {
	if d < 0 {
		d = 0
	}
	us := int64(d / time.Microsecond)
	days := us / (86400 * 1e6)
	us -= days * 86400 * 1e6
	if days > 0 {
		dst = strconv.AppendInt(dst, days, 10)
		if days == 1 {
			dst = append(dst, " day, "...)
		} else {
			dst = append(dst, " days, "...)
		}
	}
	secs := us / 1e6
	frac := us % 1e6
	dst = strconv.AppendInt(dst, secs/3600, 10)
	dst = append(dst, ':')
	dst = ascii.Append2(dst, int((secs/60)%60))
	dst = append(dst, ':')
	dst = ascii.Append2(dst, int(secs%60))
	if frac != 0 {
		dst = append(dst, '.')
		for div := int64(100000); div > 0; div /= 10 {
			dst = append(dst, byte('0'+(frac/div)%10))
		}
	}
	return dst
}

// bytesString views b as a string without copying; the string must not outlive b's
// next change, and is only passed to functions that do not keep it.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
