package encode

import (
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"", "plain", "bob\nINFO admin logged in", "a\r\nb\tc", "\x1b[2J\x1b]0;title\x07",
	"\u009b31m", "\u0085", "\u2028\u2029", "\u202e\u2066x\u2069", "a\xffb", "\xe2\x80", "\xc0\xaf",
	"\ufffd", `"quoted" \back\slash`, "<>&", "héllo 世界 🎉", "\x00\x7f", "{}{0}{.Secret}",
}

func FuzzJSONString(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAgainstRef(t, s)
		out := AppendJSONString(nil, s)
		if !json.Valid(out) {
			t.Fatalf("invalid JSON for %q: %s", s, out)
		}
		if !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 for %q: %q", s, out)
		}
		checkJSON(t, string(out))
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) && back != s {
			t.Fatalf("%q decodes to %q", s, back)
		}
		// The same string inside a value.
		if v := AppendJSON(nil, slog.GroupValue(slog.String(s, s))); !json.Valid(v) {
			t.Fatalf("invalid JSON group for %q: %s", s, v)
		}
		checkCommonString(t, s)
		// The string as a member's key: the copy at once or AppendJSONString.
		member := AppendJSONMember(nil, true, s, slog.StringValue(s))
		if want := append(append(AppendJSONString([]byte(","), s), ':'), out...); string(member) != string(want) {
			t.Fatalf("AppendJSONMember(%q) = %s, want %s", s, member, want)
		}
	})
}

func FuzzTextString(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(AppendTextString(nil, s))
		checkFuzzText(t, s, out, false)
		if NeedsTextEscape(s) != (out != s) {
			t.Fatalf("NeedsTextEscape(%q) = %v, output %q", s, NeedsTextEscape(s), out)
		}
		if again := string(AppendTextString(nil, out)); again != out {
			t.Fatalf("escaping %q twice gives %q, then %q", s, out, again)
		}
		// plainWord: only strings neither escaped nor quoted, and every such ASCII one
		// of up to 16 bytes.
		asIs := len(s) <= 16 && out == s && !NeedsQuote([]byte(out))
		if got := plainWord(s); got && !asIs || !got && asIs && !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) {
			t.Fatalf("plainWord(%q) = %v; written as it is: %v", s, got, asIs)
		}
		// The same string as a key and a value, and inside a reflected value.
		checkFuzzText(t, s, string(AppendText(nil, slog.GroupValue(slog.String(s, s)))), false)
		checkFuzzText(t, s, string(AppendTextAny(nil, map[string][]any{s: {s, []byte(s)}})), false)
	})
}

func FuzzTextLiteral(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(AppendTextLiteral(nil, s))
		checkFuzzText(t, s, out, true)
		if NeedsLiteralEscape(s) != (out != s) {
			t.Fatalf("NeedsLiteralEscape(%q) = %v, output %q", s, NeedsLiteralEscape(s), out)
		}
		// Apart from '\n' and '\t', a literal is escaped as a value is.
		var want []byte
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				want = append(want, '\n')
			}
			for i, p := range strings.Split(part, "\t") {
				if i > 0 {
					want = append(want, '\t')
				}
				want = AppendTextString(want, p)
			}
		}
		if out != string(want) {
			t.Fatalf("AppendTextLiteral(%q) = %q, want %q", s, out, want)
		}
	})
}

// checkFuzzText fails t if the text output out of input s is not valid UTF-8
// or holds a byte below 0x20 (other than '\n' and '\t' in a literal), DEL or
// a C1 control.
func checkFuzzText(t *testing.T, s, out string, literal bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 for %q: %q", s, out)
	}
	for i := 0; i < len(out); i++ {
		b := out[i]
		if literal && (b == '\n' || b == '\t') {
			continue
		}
		if b < 0x20 || b == 0x7f {
			t.Fatalf("byte %#x in output for %q: %q", b, s, out)
		}
	}
	for _, r := range out {
		if r >= 0x80 && r <= 0x9f {
			t.Fatalf("C1 %U in output for %q: %q", r, s, out)
		}
	}
}
