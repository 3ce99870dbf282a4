package render

import (
	"strconv"
	"strings"
)

// Colour markup: <red>…</red>, </> and the rest of loguru's tag language. A tag is "<",
// an optional "/", an optional "fg " or "bg " prefix, then any run of characters other
// than "<", ">" and white space, then ">". Anything else holding "<" is plain text
// ("2 > 1", "{: <10}"). An odd number of backslashes before a tag makes it literal; each
// pair of backslashes before a tag stands for one backslash.

const reset = "\x1b[0m"

// A markup token is text, an opening tag or a closing tag.
type mkind uint8

const (
	mText mkind = iota
	mOpen
	mClose
)

type mtoken struct {
	kind mkind
	// text is the literal text (mText), or the tag's body: what stands between "<" or "</"
	// and ">" ("red", "fg #ff0000", "" for </>).
	text string
	// raw is the tag as written, for error messages.
	raw string
	// off is the byte offset of the token in the lexed string.
	off int
}

// mlexer splits a string into markup tokens. It never fails: validation is the job of
// whoever keeps the stack of open tags.
type mlexer struct {
	s     string
	pos   int
	queue [3]mtoken
	qn    int // tokens queued
	qi    int // next queued token
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// tagAt reports the end (exclusive) of a markup tag starting at s[i] == '<', or -1.
func tagAt(s string, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	if j+2 < len(s) && (s[j] == 'f' || s[j] == 'b') && s[j+1] == 'g' && isSpace(s[j+2]) {
		j += 3
	}
	for ; j < len(s); j++ {
		switch c := s[j]; {
		case c == '>':
			return j + 1
		case c == '<' || isSpace(c):
			return -1
		}
	}
	return -1
}

// next returns the next token, or false at the end of the string.
func (l *mlexer) next() (mtoken, bool) {
	if l.qi < l.qn {
		t := l.queue[l.qi]
		l.qi++
		return t, true
	}
	l.qi, l.qn = 0, 0
	if l.pos >= len(l.s) {
		return mtoken{}, false
	}
	s := l.s
	start := l.pos
	for i := strings.IndexByte(s[start:], '<'); i >= 0; {
		i += start
		end := tagAt(s, i)
		if end < 0 {
			n := strings.IndexByte(s[i+1:], '<')
			if n < 0 {
				break
			}
			i = i + 1 + n - start
			continue
		}
		bs := i
		for bs > l.pos && s[bs-1] == '\\' {
			bs--
		}
		k := i - bs
		if bs > l.pos {
			l.push(mtoken{kind: mText, text: s[l.pos:bs], off: l.pos})
		}
		if k/2 > 0 {
			l.push(mtoken{kind: mText, text: s[bs : bs+k/2], off: bs})
		}
		tag := s[i:end]
		switch {
		case k%2 == 1:
			l.push(mtoken{kind: mText, text: tag, off: i})
		case tag[1] == '/':
			l.push(mtoken{kind: mClose, text: tag[2 : len(tag)-1], raw: tag, off: i})
		default:
			l.push(mtoken{kind: mOpen, text: tag[1 : len(tag)-1], raw: tag, off: i})
		}
		l.pos = end
		return l.next()
	}
	l.pos = len(s)
	return mtoken{kind: mText, text: s[start:], off: start}, true
}

func (l *mlexer) push(t mtoken) {
	l.queue[l.qn] = t
	l.qn++
}

func isLevelTag(body string) bool { return body == "level" || body == "lvl" }

// closes checks that the closing tag tok may close the innermost of the open tags: it
// must be </> or name that tag exactly, as loguru requires.
func closes(open []mtoken, tok mtoken) error {
	if n := len(open); n > 0 && (tok.text == "" || tok.text == open[n-1].text) {
		return nil
	}
	for _, o := range open {
		if o.text == tok.text {
			return errNesting(tok)
		}
	}
	return errNoOpening(tok)
}

// appendTagCode appends the escape sequence of an opening tag's body and reports whether
// the body names a known directive. Level tags are not handled here.
func appendTagCode(dst []byte, body string) ([]byte, bool) {
	if n := styleCode(body); n >= 0 {
		return appendSGR(dst, n), true
	}
	if n := fgCode(body); n >= 0 {
		return appendSGR(dst, n), true
	}
	if n := bgCode(body); n >= 0 {
		return appendSGR(dst, n), true
	}
	if len(body) < 3 || (body[:3] != "fg " && body[:3] != "bg ") {
		return dst, false
	}
	fg := body[0] == 'f'
	color := strings.Trim(body[3:], " ")
	if fg {
		if n := fgCode(strings.ToLower(color)); n >= 0 {
			return appendSGR(dst, n), true
		}
	} else if n := bgCode(strings.ToUpper(color)); n >= 0 {
		return appendSGR(dst, n), true
	}
	base := "\x1b[48"
	if fg {
		base = "\x1b[38"
	}
	if _, ok := byteNumber(color); ok {
		dst = append(dst, base...)
		dst = append(dst, ";5;"...)
		dst = append(dst, color...)
		return append(dst, 'm'), true
	}
	if r, g, b, ok := hexColor(color); ok {
		return appendRGB(dst, base, r, g, b), true
	}
	if rgbColor(color) {
		dst = append(dst, base...)
		dst = append(dst, ";2;"...)
		for i := 0; i < len(color); i++ {
			if c := color[i]; c == ',' {
				dst = append(dst, ';')
			} else {
				dst = append(dst, c)
			}
		}
		return append(dst, 'm'), true
	}
	return dst, false
}

func appendSGR(dst []byte, n int) []byte {
	dst = append(dst, "\x1b["...)
	dst = strconv.AppendInt(dst, int64(n), 10)
	return append(dst, 'm')
}

func appendRGB(dst []byte, base string, r, g, b int) []byte {
	dst = append(dst, base...)
	dst = append(dst, ";2;"...)
	dst = strconv.AppendInt(dst, int64(r), 10)
	dst = append(dst, ';')
	dst = strconv.AppendInt(dst, int64(g), 10)
	dst = append(dst, ';')
	dst = strconv.AppendInt(dst, int64(b), 10)
	return append(dst, 'm')
}

// byteNumber parses a run of ASCII digits (as Python's str.isdigit, ASCII only) worth at
// most 255. The digits are written back as given, as loguru does ("<fg 007>").
func byteNumber(s string) (int, bool) {
	if s == "" || len(s) > 8 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n <= 255
}

func hexColor(s string) (r, g, b int, ok bool) {
	if len(s) != 4 && len(s) != 7 || s[0] != '#' {
		return 0, 0, 0, false
	}
	var d [6]int
	h := s[1:]
	for i := 0; i < len(h); i++ {
		c := h[i] | 0x20
		switch {
		case c >= '0' && c <= '9':
			d[i] = int(c - '0')
		case c >= 'a' && c <= 'f':
			d[i] = int(c-'a') + 10
		default:
			return 0, 0, 0, false
		}
	}
	if len(h) == 3 {
		return d[0] * 17, d[1] * 17, d[2] * 17, true
	}
	return d[0]*16 + d[1], d[2]*16 + d[3], d[4]*16 + d[5], true
}

// rgbColor reports whether s is three comma-separated numbers of at most 255.
func rgbColor(s string) bool {
	i := strings.IndexByte(s, ',')
	if i < 0 {
		return false
	}
	j := strings.IndexByte(s[i+1:], ',')
	if j < 0 {
		return false
	}
	j += i + 1
	if strings.IndexByte(s[j+1:], ',') >= 0 {
		return false
	}
	_, ok1 := byteNumber(s[:i])
	_, ok2 := byteNumber(s[i+1 : j])
	_, ok3 := byteNumber(s[j+1:])
	return ok1 && ok2 && ok3
}

func styleCode(s string) int {
	switch s {
	case "b", "bold":
		return 1
	case "d", "dim":
		return 2
	case "i", "italic":
		return 3
	case "u", "underline":
		return 4
	case "l", "blink":
		return 5
	case "v", "reverse":
		return 7
	case "h", "hide":
		return 8
	case "s", "strike":
		return 9
	case "n", "normal":
		return 22
	}
	return -1
}

// colorIndex maps a lower-case colour name or its short form to 0..7, and reports whether
// it is a light- variant.
func colorIndex(s string) (n int, light bool) {
	if strings.HasPrefix(s, "light-") {
		s, light = s[6:], true
		if len(s) == 1 { // "light-" takes a full name only, not a short form
			return -1, false
		}
	} else if len(s) == 2 && s[0] == 'l' {
		s, light = s[1:], true
	}
	switch s {
	case "k", "black":
		n = 0
	case "r", "red":
		n = 1
	case "g", "green":
		n = 2
	case "y", "yellow":
		n = 3
	case "e", "blue":
		n = 4
	case "m", "magenta":
		n = 5
	case "c", "cyan":
		n = 6
	case "w", "white":
		n = 7
	default:
		return -1, false
	}
	return n, light
}

func fgCode(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return -1
		}
	}
	n, light := colorIndex(s)
	switch {
	case n < 0:
		return -1
	case light:
		return 90 + n
	}
	return 30 + n
}

func bgCode(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return -1
		}
	}
	n, light := colorIndex(strings.ToLower(s))
	switch {
	case n < 0:
		return -1
	case light:
		return 100 + n
	}
	return 40 + n
}
