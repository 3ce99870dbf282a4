package accesslog

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// line is what one access line says: gathered while serving, then written by
// appendMessage and the fields. It is plain data, so the line can be tested without a
// server.
type line struct {
	status int
	method string
	path   string
	query  string // "" when the query is not logged
	bytes  int64
	dur    time.Duration
	remote string
	id     string
	flow   string // the flow id, with Options.Flow
	slow   bool
}

// appendMessage appends the line's message, "201 GET /api/users?page=2 3.2ms", with
// " [SLOW]" for a slow request. The request's strings are data: their control
// characters, spaces and braces are escaped (braces doubled, since the logger reads the
// message as a template), so they can neither end the line nor fill in a placeholder.
func appendMessage(dst []byte, l *line) []byte {
	dst = strconv.AppendInt(dst, int64(l.status), 10)
	dst = append(dst, ' ')
	dst = appendData(dst, l.method)
	dst = append(dst, ' ')
	dst = appendData(dst, l.path)
	if l.query != "" {
		dst = append(dst, '?')
		dst = appendData(dst, l.query)
	}
	dst = append(dst, ' ')
	dst = appendDuration(dst, l.dur)
	if l.slow {
		dst = append(dst, " [SLOW]"...)
	}
	return dst
}

const hexDigits = "0123456789abcdef"

// appendData appends s with every byte that could forge or garble a line escaped:
// ASCII controls, space and DEL as \n, \r, \t or \xNN, bytes that are not UTF-8 as
// \xNN, the C1 controls, line separators and bidirectional overrides as \uNNNN; and
// braces doubled. Other printable text, ASCII or not, is kept.
func appendData(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '{' || c == '}':
				dst = append(dst, c, c)
			case c > ' ' && c < 0x7f:
				dst = append(dst, c)
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\r':
				dst = append(dst, '\\', 'r')
			case c == '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case size == 1: // not UTF-8
			dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf])
		case r <= 0x9f || r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			dst = append(dst, '\\', 'u', hexDigits[r>>12], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// appendDuration appends d the way people read it: "850ns", "12.3µs", "3.2ms",
// "1.25s".
func appendDuration(dst []byte, d time.Duration) []byte {
	switch {
	case d < 0:
		return append(dst, "0ns"...)
	case d < time.Microsecond:
		return append(strconv.AppendInt(dst, int64(d), 10), "ns"...)
	case d < time.Millisecond:
		return append(strconv.AppendFloat(dst, float64(d)/1e3, 'f', 1, 64), "µs"...)
	case d < time.Second:
		return append(strconv.AppendFloat(dst, float64(d)/1e6, 'f', 1, 64), "ms"...)
	}
	return append(strconv.AppendFloat(dst, d.Seconds(), 'f', 2, 64), 's')
}

// cut returns s, or its first max bytes (never splitting a character) and "…".
func cut(s string, max int) string {
	if len(s) <= max {
		return s
	}
	n := max
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// secretWords mark a query parameter whose value is not logged.
var secretWords = []string{"token", "key", "secret", "password", "passwd", "pwd", "auth", "session", "sig"}

// redactQuery returns the raw query q with the values of secret-looking parameters
// replaced by REDACTED; q itself when there are none.
func redactQuery(q string) string {
	var b []byte // nil until a value is replaced
	start := 0   // of the pair being read
	for start <= len(q) {
		end := strings.IndexByte(q[start:], '&')
		if end < 0 {
			end = len(q)
		} else {
			end += start
		}
		pair := q[start:end]
		if k, v, ok := strings.Cut(pair, "="); ok && v != "" && secretKey(k) {
			if b == nil {
				b = make([]byte, 0, len(q))
				b = append(b, q[:start]...)
			}
			b = append(b, k...)
			b = append(b, "=REDACTED"...)
		} else if b != nil {
			b = append(b, pair...)
		}
		if end < len(q) && b != nil {
			b = append(b, '&')
		}
		start = end + 1
	}
	if b == nil {
		return q
	}
	return string(b)
}

// secretKey reports whether a query key (still escaped) names a secret.
func secretKey(k string) bool {
	if strings.IndexByte(k, '%') >= 0 || strings.IndexByte(k, '+') >= 0 {
		if u, err := url.QueryUnescape(k); err == nil {
			k = u
		}
	}
	for _, w := range secretWords {
		if containsFold(k, w) {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII word w, ignoring case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for ; j < len(w); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[j] {
				break
			}
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// redactHeader returns what is logged for a credentials header's value: the scheme of
// an Authorization value and [REDACTED], or [REDACTED] alone.
func redactHeader(name, v string) string {
	if v == "" {
		return ""
	}
	if name == "Authorization" || name == "Proxy-Authorization" {
		if scheme, _, ok := strings.Cut(v, " "); ok && scheme != "" && len(scheme) <= 16 && isToken(scheme) {
			return scheme + " [REDACTED]"
		}
	}
	return "[REDACTED]"
}

// isToken reports whether s is letters, digits and '-' only.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
