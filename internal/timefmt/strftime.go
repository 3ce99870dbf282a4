package timefmt

import (
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lestrrat-go/strftime"
	"github.com/logru/logru/internal/ascii"
)

// A spec holding '%' is passed by loguru to Python's datetime.strftime. Python
// replaces %f, %z, %Z and %:z itself, then hands the rest to the C library's
// strftime, which on Linux is glibc's in the C locale. compileStrftime reproduces
// both layers, compiling the spec into a list of appenders:
//
//   - text glibc does not convert becomes literal text, as do the conversions
//     whose text is constant (%n %t %%);
//   - a plain conversion (no flag, no width) that lestrrat-go/strftime renders
//     as glibc does is rendered by the library (see libraryConvs);
//   - Python's conversions, the conversions the library lacks or renders
//     otherwise, and every conversion carrying glibc flags or a width are
//     rendered by appenders of this package.
//
// Literal text is never handed to the library: its compiler merges text with the
// time.Format layouts around it, which changes what the layout means ("%aa"
// became "Mona", which Go prints as it stands, and "_%e" became "__2", the day
// of the year). Each library conversion is compiled alone, once per process.

var errNUL = errors.New("embedded null character")

// maxWidth caps a glibc field width (Python would give up on far wider text).
const maxWidth = 1024

// appender renders one piece of a compiled strftime spec.
type appender interface {
	Append(dst []byte, t time.Time) []byte
}

// literal is text copied as it stands.
type literal string

func (l literal) Append(dst []byte, _ time.Time) []byte { return append(dst, l...) }

// appendFunc is a conversion rendered by this package.
type appendFunc func(dst []byte, t time.Time) []byte

func (f appendFunc) Append(dst []byte, t time.Time) []byte { return f(dst, t) }

// libraryConv is a conversion rendered by lestrrat-go/strftime.
type libraryConv struct{ s *strftime.Strftime }

func (c libraryConv) Append(dst []byte, t time.Time) []byte { return c.s.FormatBuffer(dst, t) }

// libraryConvs are the conversions lestrrat-go/strftime renders: byte for byte
// as CPython does on glibc in the C locale over Python's years 1 to 9999 (as
// TestStrftimeGolden checks), and without allocating. The other conversions
// are rendered here:
//
//   - %f, %z, %:z and %Z are Python's own; %z and %Z reaching glibc (with a
//     flag, a width or a modifier) print nothing, Python's time tuple having no
//     zone;
//   - %s and %P are missing from the library, and its %v is not glibc's;
//   - the library's %j and %G allocate for values of three digits or more;
//   - for a year before 1 (Go's times reach them, Python's do not), %Y and %c
//     count the sign in the width as Python's "%04d" and loguru's YYYY do, and
//     %G likewise; the library writes four digits after the sign;
//   - %Y %m %d %H %M %S %a %A %b %B %h, the fields loguru's tokens render too,
//     share the token renderer's appenders: the library renders them through
//     time.Format layouts, which made loguru's own "%Y-%m-%d %H:%M:%S,%f %z"
//     (rendered for every record, %f defeating the cache) take 170 ns of CPU
//     instead of 110.
//
// %n, %t and %% are constant text, turned into literal text at compile time.
const libraryConvs = "CDeFgIklpRrTuUVwWxXy"

// ownConvs are the conversions rendered by this package (see libraryConvs).
var ownConvs = map[byte]appendFunc{
	'f': appendMicro,
	'z': appendPyOffset,
	'Z': appendPyZone,
	's': appendUnix,
	'P': appendLowerAMPM,
	'j': appendDayOfYear,
	'G': appendISOYear,
	'c': appendCTime,
	'Y': appendYear,
	'm': appendMonth,
	'd': appendDay,
	'H': appendHour,
	'M': appendMinute,
	'S': appendSecond,
	'a': appendWeekdayAbbr,
	'A': appendWeekdayName,
	'b': appendMonthAbbr,
	'h': appendMonthAbbr,
	'B': appendMonthName,
}

// plainConvs holds the appender of each conversion character used without flags
// or width; nil for characters that are not conversions or whose text is
// constant.
var plainConvs = func() (t [256]appender) {
	for _, c := range []byte(libraryConvs) {
		s, err := strftime.New("%" + string(c))
		if err != nil {
			panic("timefmt: lestrrat-go/strftime lacks %" + string(c) + ": " + err.Error())
		}
		t[c] = libraryConv{s}
	}
	for c, f := range ownConvs {
		t[c] = f
	}
	return t
}()

// constText is the text of the conversions whose text never changes.
func constText(c byte) (string, bool) {
	switch c {
	case 'n':
		return "\n", true
	case 't':
		return "\t", true
	case '%':
		return "%", true
	}
	return "", false
}

// compileStrftime compiles a Python strftime spec and reports its grain.
func compileStrftime(body string) ([]appender, grain, error) {
	if strings.IndexByte(body, 0) >= 0 {
		return nil, 0, errNUL
	}
	var c strftimeCompiler
	c.translate(body)
	c.flush()
	return c.out, c.grain, nil
}

// appendPieces renders a compiled strftime spec.
func appendPieces(dst []byte, pieces []appender, t time.Time) []byte {
	for _, p := range pieces {
		dst = p.Append(dst, t)
	}
	return dst
}

// strftimeCompiler turns a Python strftime spec into appenders.
type strftimeCompiler struct {
	out   []appender
	text  strings.Builder // literal text not yet in out
	grain grain
}

// literal adds text to be copied as it is.
func (c *strftimeCompiler) literal(s string) { c.text.WriteString(s) }

// add adds an appender after the pending literal text.
func (c *strftimeCompiler) add(a appender) {
	c.flush()
	c.out = append(c.out, a)
}

// flush moves the pending literal text into out.
func (c *strftimeCompiler) flush() {
	if c.text.Len() > 0 {
		c.out = append(c.out, literal(c.text.String()))
		c.text.Reset()
	}
}

// translate reads body as CPython does: a first pass takes each '%' with the
// character after it and replaces %f, %z, %Z and %:z; glibc then reads the text
// between those replacements.
func (c *strftimeCompiler) translate(body string) {
	raw := 0 // where the text left to glibc starts
	for i := 0; i < len(body); {
		if body[i] != '%' {
			i++
			continue
		}
		n := pythonConversion(body[i:])
		if n == 0 {
			i = min(i+2, len(body)) // the pair goes to glibc as it stands
			continue
		}
		c.glibcText(body[raw:i], true)
		switch body[i+1] {
		case ':':
			c.add(appendFunc(appendPyColonOffset))
		case 'f':
			c.grain = grainFine
			c.add(plainConvs['f'])
		default:
			c.add(plainConvs[body[i+1]])
		}
		i += n
		raw = i
	}
	c.glibcText(body[raw:], false)
}

// pythonConversion returns the length of the conversion CPython replaces itself
// at the start of s ("%f", "%z", "%Z", "%:z"), or 0.
func pythonConversion(s string) int {
	switch {
	case strings.HasPrefix(s, "%:z"):
		return 3
	case strings.HasPrefix(s, "%f"), strings.HasPrefix(s, "%z"), strings.HasPrefix(s, "%Z"):
		return 2
	}
	return 0
}

// glibcText translates text as glibc's strftime reads it. beforePython says a
// Python replacement follows it.
func (c *strftimeCompiler) glibcText(text string, beforePython bool) {
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '%')
		if j != 0 {
			if j < 0 {
				j = len(text) - i
			}
			c.literal(text[i : i+j])
			i += j
			continue
		}
		i = c.glibc(text, i, beforePython)
	}
}

// glibc translates the conversion at text[i] as glibc reads it: '%', flags from
// "_-0^#", a decimal width, a modifier 'E' or 'O', then the conversion character,
// and returns where the text goes on.
func (c *strftimeCompiler) glibc(text string, i int, beforePython bool) int {
	k := fieldKey{width: -1}
	j := i + 1
	for ; j < len(text) && strings.IndexByte("_-0^#", text[j]) >= 0; j++ {
		switch ch := text[j]; ch {
		case '^':
			k.up = true
		case '#':
			k.swap = true
		default:
			k.pad = ch
		}
	}
	if j < len(text) && ascii.IsDigit(text[j]) {
		k.width = 0
		for ; j < len(text) && ascii.IsDigit(text[j]); j++ {
			k.width = min(k.width*10+int(text[j]-'0'), maxWidth)
		}
	}
	var mod byte
	if j < len(text) && (text[j] == 'E' || text[j] == 'O') {
		mod = text[j]
		j++
	}
	if j == len(text) {
		if beforePython {
			// glibc reads on into the text Python put next, unknown until a
			// time is formatted; the unfinished conversion is kept as it is.
			c.literal(text[i:])
		} else {
			c.literal(badFormat(k, text[i:], k.up))
		}
		return j
	}
	_, size := utf8.DecodeRuneInString(text[j:])
	k.conv = text[j]
	cs := convs[k.conv]
	switch {
	case size > 1 || cs.kind == convUnknown:
		c.literal(badFormat(k, text[i:j+size], k.up))
		return j + size
	case k.conv == '%' && mod != 0:
		// glibc copies back to the nearest '%': the conversion character itself.
		c.literal(badFormat(k, "%", k.up))
	case (mod == 'E' && cs.noE) || (mod == 'O' && cs.noO):
		// %b and %h see the '#' flag before they reject 'E'.
		c.literal(badFormat(k, text[i:j+1], k.up || (k.swap && cs.swapFirst)))
	case cs.kind == convOffset:
		// Python passed the conversion on, and its time tuple has no UTC
		// offset (tm_isdst is -1): glibc prints nothing.
	case cs.kind == convZone:
		// Likewise no zone name: glibc pads an empty name to the width.
		c.literal(badFormat(k, "", false))
	default:
		if s, ok := constText(k.conv); ok {
			// Case flags do not change these; the width pads them as text.
			c.literal(badFormat(k, s, false))
		} else if k.pad == 0 && !k.up && !k.swap && k.width < 0 {
			c.add(plainConvs[k.conv])
		} else {
			c.add(newField(k))
		}
	}
	return j + 1
}

// badFormat returns what glibc prints for text it does not convert: the text,
// upper-cased if up, padded on the left to the width (in characters: CPython
// calls wcsftime).
func badFormat(k fieldKey, text string, up bool) string {
	if up {
		text = upperValid(text)
	}
	n := utf8.RuneCountInString(text)
	if k.width <= n {
		return text
	}
	fill := " "
	if k.pad == '0' {
		fill = "0"
	}
	return strings.Repeat(fill, k.width-n) + text
}

// upperValid upper-cases the valid UTF-8 in s, leaving invalid bytes as they are.
func upperValid(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteByte(s[i])
		} else {
			b.WriteRune(unicode.ToUpper(r))
		}
		i += size
	}
	return b.String()
}

// newField builds the appender of a conversion with flags or a width.
func newField(k fieldKey) *field {
	cs := convs[k.conv]
	f := &field{inner: plainConvs[k.conv], number: cs.kind == convNumber, digits: cs.digits, width: k.width}
	f.pad = k.pad
	if f.number && f.pad == 0 {
		f.pad = '0'
		if cs.spaces {
			f.pad = '_'
		}
	}
	f.upper = k.up || (k.swap && cs.swap == swapUpper)
	f.lower = k.conv == 'P' || (k.swap && cs.swap == swapLower)
	return f
}

// fieldKey is a conversion with its flags and width, as the spec gives them.
type fieldKey struct {
	conv     byte
	pad      byte // '_', '-', '0' or 0
	width    int  // -1 when none is given
	up, swap bool // the '^' and '#' flags
}

// field renders a conversion with glibc's flags and width, by rewriting in place
// what the conversion's plain appender wrote.
type field struct {
	inner  appender
	number bool // a number: re-padded; otherwise text: case and width
	digits int  // a number's default width
	width  int
	pad    byte // numbers: '0', '_' or '-'; text: '0' or anything else
	upper  bool
	lower  bool
}

func (f *field) Append(dst []byte, t time.Time) []byte {
	start := len(dst)
	dst = f.inner.Append(dst, t)
	if f.number {
		return f.repadNumber(dst, start)
	}
	return f.reshapeText(dst, start)
}

// repadNumber pads the number in dst[start:] as glibc pads numbers: with zeros
// after the sign, or spaces before it for '_', up to the larger of the default
// and the given width. The '-' flag drops that padding, yet the width still pads
// with spaces.
func (f *field) repadNumber(dst []byte, start int) []byte {
	text := dst[start:]
	i := 0
	for i < len(text) && text[i] == ' ' {
		i++
	}
	neg := i < len(text) && text[i] == '-'
	if neg {
		i++
	}
	for i < len(text)-1 && text[i] == '0' {
		i++
	}
	var digits [24]byte
	n := copy(digits[:], text[i:])
	if n != len(text)-i {
		return dst
	}
	dst = dst[:start]
	short := max(f.digits, f.width) - n
	if neg {
		short--
	}
	switch f.pad {
	case '-':
		short = f.width - n
		if neg {
			short--
		}
		dst = appendRepeat(dst, ' ', short)
	case '_':
		dst = appendRepeat(dst, ' ', short)
	}
	if neg {
		dst = append(dst, '-')
	}
	if f.pad == '0' {
		dst = appendRepeat(dst, '0', short)
	}
	return append(dst, digits[:n]...)
}

// reshapeText changes the case of the text in dst[start:] and pads it on the left
// to the width, with zeros for the '0' flag and spaces otherwise (even for '-').
func (f *field) reshapeText(dst []byte, start int) []byte {
	text := dst[start:]
	for i, c := range text {
		switch {
		case f.lower && 'A' <= c && c <= 'Z':
			text[i] = c + 'a' - 'A'
		case f.upper && !f.lower && 'a' <= c && c <= 'z':
			text[i] = c - ('a' - 'A')
		}
	}
	short := f.width - len(text)
	if short <= 0 {
		return dst
	}
	fill := byte(' ')
	if f.pad == '0' {
		fill = '0'
	}
	n := len(text)
	dst = appendRepeat(dst, fill, short)
	copy(dst[start+short:], dst[start:start+n])
	for i := start; i < start+short; i++ {
		dst[i] = fill
	}
	return dst
}

// appendRepeat appends n copies of c (nothing if n ≤ 0).
func appendRepeat(dst []byte, c byte, n int) []byte {
	for ; n > 0; n-- {
		dst = append(dst, c)
	}
	return dst
}

// Appenders for Python's own conversions and for the glibc conversions rendered
// here rather than by lestrrat-go/strftime (see libraryConvs).

func appendMicro(dst []byte, t time.Time) []byte { return appendFraction(dst, t.Nanosecond(), 6) }

func appendPyOffset(dst []byte, t time.Time) []byte {
	_, off := t.Zone()
	return appendOffset(dst, off, false)
}

func appendPyColonOffset(dst []byte, t time.Time) []byte {
	_, off := t.Zone()
	return appendOffset(dst, off, true)
}

func appendPyZone(dst []byte, t time.Time) []byte {
	name, off := t.Zone()
	return appendZoneName(dst, name, off)
}

func appendDayOfYear(dst []byte, t time.Time) []byte {
	return ascii.AppendInt(dst, int64(t.YearDay()), 3)
}

func appendISOYear(dst []byte, t time.Time) []byte {
	year, _ := t.ISOWeek()
	return ascii.AppendInt(dst, int64(year), 4)
}

func appendUnix(dst []byte, t time.Time) []byte { return ascii.AppendInt(dst, t.Unix(), 1) }

func appendWeekdayAbbr(dst []byte, t time.Time) []byte {
	return append(dst, weekdayAbbrs[t.Weekday()]...)
}

func appendWeekdayName(dst []byte, t time.Time) []byte {
	return append(dst, weekdayNames[t.Weekday()]...)
}

func appendMonthAbbr(dst []byte, t time.Time) []byte { return append(dst, monthAbbrs[t.Month()]...) }

func appendMonthName(dst []byte, t time.Time) []byte { return append(dst, monthNames[t.Month()]...) }

// appendCTime appends %c of the C locale: "%a %b %e %H:%M:%S %Y".
func appendCTime(dst []byte, t time.Time) []byte {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	dst = append(dst, weekdayAbbrs[t.Weekday()]...)
	dst = append(dst, ' ')
	dst = append(dst, monthAbbrs[month]...)
	dst = append(dst, ' ')
	if day < 10 {
		dst = append(dst, ' ')
	}
	dst = ascii.AppendInt(dst, int64(day), 1)
	dst = append(dst, ' ')
	dst = ascii.Append2(dst, hour)
	dst = append(dst, ':')
	dst = ascii.Append2(dst, min)
	dst = append(dst, ':')
	dst = ascii.Append2(dst, sec)
	dst = append(dst, ' ')
	return ascii.AppendInt(dst, int64(year), 4)
}

func appendYear(dst []byte, t time.Time) []byte   { return ascii.AppendInt(dst, int64(t.Year()), 4) }
func appendMonth(dst []byte, t time.Time) []byte  { return ascii.Append2(dst, int(t.Month())) }
func appendDay(dst []byte, t time.Time) []byte    { return ascii.Append2(dst, t.Day()) }
func appendHour(dst []byte, t time.Time) []byte   { return ascii.Append2(dst, t.Hour()) }
func appendMinute(dst []byte, t time.Time) []byte { return ascii.Append2(dst, t.Minute()) }
func appendSecond(dst []byte, t time.Time) []byte { return ascii.Append2(dst, t.Second()) }

func appendLowerAMPM(dst []byte, t time.Time) []byte {
	if t.Hour() < 12 {
		return append(dst, "am"...)
	}
	return append(dst, "pm"...)
}

// convKind is how glibc renders a conversion character.
type convKind uint8

const (
	convUnknown convKind = iota // not a conversion: copied as it stands
	convNumber                  // a number, padded per flags and width
	convText                    // text: case flags and width apply
	convOffset                  // %z reaching glibc
	convZone                    // %Z reaching glibc
)

// swapCase is what the '#' flag does to a conversion's text.
type swapCase uint8

const (
	swapNone swapCase = iota
	swapUpper
	swapLower
)

// conv describes a glibc conversion character in the C locale.
type conv struct {
	kind      convKind
	digits    int      // numbers: default width
	spaces    bool     // numbers: padded with spaces by default (%e %k %l)
	swap      swapCase // text: effect of '#'
	swapFirst bool     // '#' takes effect even when the modifier is invalid
	noE, noO  bool     // the modifier makes the conversion invalid
}

// convs is indexed by conversion character.
var convs = func() (t [256]conv) {
	num := func(digits int, noE, noO bool) conv {
		return conv{kind: convNumber, digits: digits, noE: noE, noO: noO}
	}
	for _, c := range "dHIjMmSUVgWw" {
		t[c] = num(2, true, false)
	}
	t['j'].digits, t['w'].digits = 3, 1
	// glibc gives years and centuries one digit (Python pads a plain %Y and %G).
	t['C'] = num(1, false, false)
	t['y'] = num(2, false, false)
	t['Y'] = num(1, false, true)
	t['G'] = num(1, true, false)
	t['u'] = num(1, false, false)
	for _, c := range "ekl" {
		t[c] = num(2, true, false)
		t[c].spaces = true
	}
	for _, c := range "aA" {
		t[c] = conv{kind: convText, swap: swapUpper, noE: true, noO: true}
	}
	for _, c := range "bhB" {
		t[c] = conv{kind: convText, swap: swapUpper, noE: true}
	}
	t['b'].swapFirst, t['h'].swapFirst = true, true
	t['p'] = conv{kind: convText, swap: swapLower}
	t['P'] = conv{kind: convText}
	for _, c := range "cxX" {
		t[c] = conv{kind: convText, noO: true}
	}
	for _, c := range "DF%" {
		t[c] = conv{kind: convText, noE: true, noO: true}
	}
	// %s is printed unpadded, then padded to the width like text.
	for _, c := range "RrTnts" {
		t[c] = conv{kind: convText}
	}
	t['z'] = conv{kind: convOffset}
	t['Z'] = conv{kind: convZone}
	return t
}()
