package encode

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAppendJSONString(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"empty", "", `""`},
		{"plain", "hello world", `"hello world"`},
		{"quote and backslash", `a"b\c`, `"a\"b\\c"`},
		{"newline cr tab", "a\nb\rc\td", `"a\nb\rc\td"`},
		{"nul", "a\x00b", `"a\u0000b"`},
		{"backspace formfeed", "\b\f", `"\u0008\u000c"`},
		{"esc", "\x1b[2J", `"\u001b[2J"`},
		{"unit separator", "\x1f", `"\u001f"`},
		{"del", "a\x7fb", `"a\u007fb"`},
		{"c1 nel", "a\u0085b", `"a\u0085b"`},
		{"c1 csi", "\u009b31m", `"\u009b31m"`},
		{"line separator", "a\u2028b", `"a\u2028b"`},
		{"paragraph separator", "a\u2029b", `"a\u2029b"`},
		{"html kept", "<a href=\"x\">&amp;</a>", `"<a href=\"x\">&amp;</a>"`},
		{"invalid byte", "a\xffb", `"a\ufffdb"`},
		{"invalid bytes each", "\xff\xfe", `"\ufffd\ufffd"`},
		{"truncated rune", "a\xe2\x80", `"a\ufffd\ufffd"`},
		{"surrogate half", "\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`},
		{"replacement char kept", "a\ufffdb", "\"a\ufffdb\""},
		{"non-ascii kept", "héllo, 世界 🎉", `"héllo, 世界 🎉"`},
		{"latin-1 above c1 kept", "\u00a0\u00b5\u00ff", "\"\u00a0\u00b5\u00ff\""},
		{"bidi kept in json", "\u202e", "\"\u202e\""},
		{"near separators kept", "\u2027\u202a", "\"\u2027\u202a\""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := string(AppendJSONString(nil, tt.in))
			if got != tt.want {
				t.Errorf("AppendJSONString(%q) = %s, want %s", tt.in, got, tt.want)
			}
			if !json.Valid([]byte(got)) {
				t.Errorf("not valid JSON: %s", got)
			}
			if !utf8.ValidString(got) {
				t.Errorf("not valid UTF-8: %q", got)
			}
			if utf8.ValidString(tt.in) {
				var back string
				if err := json.Unmarshal([]byte(got), &back); err != nil || back != tt.in {
					t.Errorf("decodes to %q, %v; want %q", back, err, tt.in)
				}
			}
		})
	}
}

func TestAppendJSONStringAllBytes(t *testing.T) {
	// Every single byte, and every rune up to U+3000, survives a round trip
	// through encoding/json (bytes that are not UTF-8 as U+FFFD).
	for b := range 256 {
		s := string([]byte{byte(b)})
		got := AppendJSONString(nil, s)
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("byte %#x: %s: %v", b, got, err)
		}
		want := s
		if b >= utf8.RuneSelf {
			want = "\ufffd"
		}
		if back != want {
			t.Errorf("byte %#x: got %q, want %q", b, back, want)
		}
	}
	for r := rune(0); r < 0x3000; r++ {
		s := string(r)
		got := AppendJSONString(nil, s)
		var back string
		if err := json.Unmarshal(got, &back); err != nil || back != s {
			t.Errorf("rune %U: %s decodes to %q, %v", r, got, back, err)
		}
	}
}

// textCases hold the escapes of AppendTextString; literal is the output of
// AppendTextLiteral where it differs.
var textCases = []struct {
	name, in, want, literal string
}{
	{name: "empty", in: "", want: ""},
	{name: "plain", in: "hello world", want: "hello world"},
	{name: "quotes kept", in: `say "hi" 'x'`, want: `say "hi" 'x'`},
	{name: "backslash kept", in: `C:\dir\n`, want: `C:\dir\n`},
	{name: "newline", in: "bob\nINFO admin logged in", want: `bob\nINFO admin logged in`, literal: "bob\nINFO admin logged in"},
	{name: "cr", in: "a\rb", want: `a\rb`},
	{name: "crlf", in: "a\r\nb", want: `a\r\nb`, literal: "a\\r\nb"},
	{name: "tab", in: "a\tb", want: `a\tb`, literal: "a\tb"},
	{name: "nul", in: "a\x00b", want: `a\x00b`},
	{name: "bell", in: "\a", want: `\x07`},
	{name: "esc csi", in: "\x1b[2J", want: `\x1b[2J`},
	{name: "osc title", in: "\x1b]0;title\x07", want: `\x1b]0;title\x07`},
	{name: "osc 8 link", in: "\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\", want: `\x1b]8;;http://evil\x1b\x\x1b]8;;\x1b\`},
	{name: "del", in: "a\x7fb", want: `a\x7fb`},
	{name: "c1 nel", in: "a\u0085b", want: `a\u0085b`},
	{name: "c1 csi", in: "\u009b2J", want: `\u009b2J`},
	{name: "c1 first and last", in: "\u0080\u009f", want: `\u0080\u009f`},
	{name: "nbsp kept", in: "a\u00a0b", want: "a\u00a0b"},
	{name: "line separator", in: "a\u2028b", want: `a\u2028b`},
	{name: "paragraph separator", in: "a\u2029b", want: `a\u2029b`},
	{name: "bidi embeddings and overrides", in: "\u202a\u202b\u202c\u202d\u202e", want: `\u202a\u202b\u202c\u202d\u202e`},
	{name: "bidi isolates", in: "\u2066\u2067\u2068\u2069", want: `\u2066\u2067\u2068\u2069`},
	{name: "trojan source", in: "admin\u202e \u2066// check\u2069 \u2066", want: `admin\u202e \u2066// check\u2069 \u2066`},
	{name: "neighbours kept", in: "\u2027\u202f\u2065\u206a", want: "\u2027\u202f\u2065\u206a"},
	{name: "invalid byte", in: "a\xffb", want: `a\xffb`},
	{name: "truncated rune", in: "a\xe2\x80", want: `a\xe2\x80`},
	{name: "overlong", in: "\xc0\xaf", want: `\xc0\xaf`},
	{name: "replacement char kept", in: "\ufffd", want: "\ufffd"},
	{name: "non-ascii kept", in: "héllo, 世界 🎉", want: "héllo, 世界 🎉"},
}

func TestAppendTextString(t *testing.T) {
	for _, tt := range textCases {
		t.Run(tt.name, func(t *testing.T) {
			got := string(AppendTextString(nil, tt.in))
			if got != tt.want {
				t.Errorf("AppendTextString(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if needs := NeedsTextEscape(tt.in); needs != (got != tt.in) {
				t.Errorf("NeedsTextEscape(%q) = %v, but output %q", tt.in, needs, got)
			}
			checkText(t, got, false)
		})
	}
}

func TestAppendTextLiteral(t *testing.T) {
	for _, tt := range textCases {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if tt.literal != "" {
				want = tt.literal
			}
			got := string(AppendTextLiteral(nil, tt.in))
			if got != want {
				t.Errorf("AppendTextLiteral(%q) = %q, want %q", tt.in, got, want)
			}
			checkText(t, got, true)
		})
	}
}

func TestAppendKeepsPrefix(t *testing.T) {
	dst := []byte("prefix ")
	if got := string(AppendTextString(dst, "a\nb")); got != `prefix a\nb` {
		t.Errorf("AppendTextString = %q", got)
	}
	if got := string(AppendJSONString(dst, "a\nb")); got != `prefix "a\nb"` {
		t.Errorf("AppendJSONString = %q", got)
	}
	if got := string(AppendTextLiteral(dst, "a\nb")); got != "prefix a\nb" {
		t.Errorf("AppendTextLiteral = %q", got)
	}
}

func TestTextEscapesIdempotent(t *testing.T) {
	// Escaped text holds nothing that needs escaping, so escaping it again
	// changes nothing. Markers rely on this.
	for _, tt := range textCases {
		once := string(AppendTextString(nil, tt.in))
		if NeedsTextEscape(once) {
			t.Errorf("%q: escaped form %q still needs escaping", tt.in, once)
		}
	}
}

// checkText fails t if s holds a control character (other than '\n' and '\t'
// when literal), a C1 control or a byte that is not valid UTF-8.
func checkText(t *testing.T, s string, literal bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("output is not valid UTF-8: %q", s)
	}
	for _, r := range s {
		if literal && (r == '\n' || r == '\t') {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			t.Errorf("output holds control %U: %q", r, s)
			return
		}
		if r == '\u2028' || r == '\u2029' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
			t.Errorf("output holds %U: %q", r, s)
			return
		}
	}
}

func TestNeedsTextEscapeLong(t *testing.T) {
	long := strings.Repeat("abc ", 1000)
	if NeedsTextEscape(long) {
		t.Error("plain text needs escaping")
	}
	if !NeedsTextEscape(long + "\x1b") {
		t.Error("trailing ESC not seen")
	}
	if !NeedsTextEscape(long + "\xff" + long) {
		t.Error("invalid byte not seen")
	}
}

// refJSON and refText are plain, rune-at-a-time statements of the escaping
// rules, to check the fast paths against.
func refJSON(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\ufffd`)
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == 0x2028 || r == 0x2029:
			writeHex(&b, `\u`, int(r), 4)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func refText(s string, literal bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			writeHex(&b, `\x`, int(s[i-1]), 2)
		case literal && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			writeHex(&b, `\x`, int(r), 2)
		case r >= 0x80 && r <= 0x9f, r >= 0x2028 && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			writeHex(&b, `\u`, int(r), 4)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeHex writes prefix and then n as width lower-case hex digits.
func writeHex(b *strings.Builder, prefix string, n, width int) {
	b.WriteString(prefix)
	h := strconv.FormatInt(int64(n), 16)
	b.WriteString(strings.Repeat("0", width-len(h)))
	b.WriteString(h)
}

func checkAgainstRef(t *testing.T, s string) {
	t.Helper()
	if got, want := string(AppendJSONString(nil, s)), refJSON(s); got != want {
		t.Fatalf("AppendJSONString(%q) = %s, want %s", s, got, want)
	}
	if got, want := string(AppendTextString(nil, s)), refText(s, false); got != want {
		t.Fatalf("AppendTextString(%q) = %q, want %q", s, got, want)
	}
	if got, want := string(AppendTextLiteral(nil, s)), refText(s, true); got != want {
		t.Fatalf("AppendTextLiteral(%q) = %q, want %q", s, got, want)
	}
	if got, want := NeedsTextEscape(s), refText(s, false) != s; got != want {
		t.Fatalf("NeedsTextEscape(%q) = %v", s, got)
	}
}

// TestEscapeWordPaths puts every byte value at every position of strings
// long enough for the eight-byte path, alone and next to each other byte
// that matters, so a wrong bit trick cannot hide.
func TestEscapeWordPaths(t *testing.T) {
	base := []byte("abcdefghijklmnopqrstuvwx")
	for n := 1; n <= len(base); n++ {
		for pos := range n {
			for c := range 256 {
				s := append([]byte(nil), base[:n]...)
				s[pos] = byte(c)
				checkAgainstRef(t, string(s))
			}
		}
	}
	edges := []byte{0x00, 0x1f, 0x20, 0x21, '"', '\\', 0x5b, 0x5d, 0x7e, 0x7f, 0x80, 0xc2, 0xe2, 0xff, '\n', '\t'}
	for pos := range 15 {
		for _, c1 := range edges {
			for _, c2 := range edges {
				s := append([]byte(nil), base[:16]...)
				s[pos], s[pos+1] = c1, c2
				checkAgainstRef(t, string(s))
			}
		}
	}
	// Up to 64 bytes, a string that needs no escaping is tested a word at a time
	// (jsonSafeMedium): one edge byte at each position of strings of 17 to 66 bytes.
	long := []byte(strings.Repeat("abcdefghijklmnopqrstuvwxyz", 3))
	for n := 17; n <= 66; n++ {
		for pos := range n {
			for _, c := range edges {
				s := append([]byte(nil), long[:n]...)
				s[pos] = c
				checkAgainstRef(t, string(s))
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "Z", " ", "\n", "\t", "\r", "\x1b", "\x00", "\x7f", "\"", "\\", "\xff", "\xe2\x80",
		"\u0085", "\u2028", "\u2029", "\u202e", "\u2066", "\u2069", "é", "世", "🎉", "\ufffd", "\u00a0"}
	for range 20_000 {
		var b strings.Builder
		for range r.IntN(40) {
			if r.IntN(3) == 0 {
				b.WriteString(alphabet[r.IntN(len(alphabet))])
			} else {
				b.WriteString("abcdefgh"[:r.IntN(8)+1])
			}
		}
		checkAgainstRef(t, b.String())
	}
}

// jsonSafeShort's word tests agree with the table byte by byte: every string of one and
// two bytes, and every three-byte string of bytes around the boundaries.
func TestJSONSafeShortMatchesTable(t *testing.T) {
	table := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if !jsonSafe[s[i]] {
				return false
			}
		}
		return true
	}
	check := func(s string) {
		if got, want := jsonSafeShort(s), table(s); got != want {
			t.Fatalf("jsonSafeShort(%q) = %v, want %v", s, got, want)
		}
	}
	check("")
	for a := range 256 {
		check(string([]byte{byte(a)}))
		for b := range 256 {
			check(string([]byte{byte(a), byte(b)}))
		}
	}
	edge := []byte{0, 0x1f, 0x20, '!', '"', '#', 'a', '[', '\\', ']', 0x7e, 0x7f, 0x80, 0xc3, 0xff}
	for _, a := range edge {
		for _, b := range edge {
			for _, c := range edge {
				check(string([]byte{a, b, c}))
				for _, d := range edge {
					check(string([]byte{a, b, c, d}))
					check(string([]byte{a, b, c, d, 'x', 'y', 'z'}))
				}
			}
		}
	}
}
