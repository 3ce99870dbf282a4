package render

import (
	"errors"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
)

// FuzzExtra checks that {extra} can be read back: whatever the keys and values, top-level
// or inside groups (issue 13: a value in a slog.Group forged "role=admin"), the line
// parses into exactly the fields that were logged, each key and value as its escaped
// text, and holds no control character.
func FuzzExtra(f *testing.F) {
	f.Add("user", "alice", "req", "k", "v} role=admin {x", "in", `C:\dir\`)
	f.Add("", "", "", "", "", "", "")
	f.Add("a b", `say "hi"`, "g=1", `x"y`, "}", "{", `\"`)
	f.Add("k\n", "v\r\x1b[2J", "\u00a0", "\u2028", "a\u00a0b", "", `\\"\\`)
	f.Fuzz(func(t *testing.T, k1, v1, gk, k2, v2, k3, v3 string) {
		var r core.Record
		r.Extra.Set(k1, v1)
		r.Extra.SetAttr(slog.Group(gk, slog.String(k2, v2), slog.Group(k3, slog.String(k3, v3)), slog.Int(k3, 7)))
		r.Extra.Set("n", 3)
		out := string(MustParse("{extra}").Append(nil, &r, false, nil))
		for _, c := range []byte(out) {
			if c < 0x20 || c == 0x7f {
				t.Fatalf("control byte %#x in %q", c, out)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8: %q", out)
		}
		got, rest, err := parsePairs(out, false)
		if err != nil || rest != "" {
			t.Fatalf("%q does not parse: %v (left %q)", out, err, rest)
		}
		want := expectPairs(r.Extra.Attrs())
		if !slices.EqualFunc(got, want, pairEqual) {
			t.Fatalf("%q parses as\n%v\nwant\n%v", out, got, want)
		}
	})
}

// pair is one parsed key=value: val for a value, kids for a group.
type pair struct {
	key   string
	val   string
	group bool
	kids  []pair
}

func pairEqual(a, b pair) bool {
	return a.key == b.key && a.val == b.val && a.group == b.group && slices.EqualFunc(a.kids, b.kids, pairEqual)
}

// expectPairs is what {extra} should say about attrs: escaped keys and values, groups by
// slog's rules (empty groups left out inside a group, empty-keyed groups inlined).
func expectPairs(attrs []slog.Attr) []pair {
	var out []pair
	for _, a := range attrs {
		if a.Value.Kind() == slog.KindGroup {
			out = append(out, pair{key: text(a.Key), group: true, kids: expectMembers(a.Value.Group())})
			continue
		}
		out = append(out, pair{key: text(a.Key), val: string(encode.AppendText(nil, a.Value))})
	}
	return out
}

func expectMembers(attrs []slog.Attr) []pair {
	var out []pair
	for _, a := range attrs {
		if a.Value.Kind() == slog.KindGroup {
			switch {
			case len(a.Value.Group()) == 0:
			case a.Key == "":
				out = append(out, expectMembers(a.Value.Group())...)
			default:
				out = append(out, pair{key: text(a.Key), group: true, kids: expectMembers(a.Value.Group())})
			}
			continue
		}
		out = append(out, pair{key: text(a.Key), val: string(encode.AppendText(nil, a.Value))})
	}
	return out
}

func text(s string) string { return string(encode.AppendTextString(nil, s)) }

var errSyntax = errors.New("syntax error")

// parsePairs reads space-separated key=value pairs, up to a '}' when inGroup.
func parsePairs(s string, inGroup bool) ([]pair, string, error) {
	var out []pair
	for s != "" && !(inGroup && s[0] == '}') {
		if len(out) > 0 {
			if s[0] != ' ' {
				return nil, s, errSyntax
			}
			s = s[1:]
		}
		var p pair
		var err error
		if p.key, s, err = token(s, "= "); err != nil {
			return nil, s, err
		}
		if !strings.HasPrefix(s, "=") {
			return nil, s, errSyntax
		}
		s = s[1:]
		if strings.HasPrefix(s, "{") {
			p.group = true
			if p.kids, s, err = parsePairs(s[1:], true); err != nil {
				return nil, s, err
			}
			if !strings.HasPrefix(s, "}") {
				return nil, s, errSyntax
			}
			s = s[1:]
		} else if p.val, s, err = token(s, " }"); err != nil {
			return nil, s, err
		}
		out = append(out, p)
	}
	return out, s, nil
}

// token reads a quoted token, or a bare one up to any byte of stop. A bare token must be
// one that would not have been quoted.
func token(s, stop string) (string, string, error) {
	if !strings.HasPrefix(s, `"`) {
		i := strings.IndexAny(s, stop)
		if i < 0 {
			i = len(s)
		}
		if encode.NeedsQuote([]byte(s[:i])) {
			return "", s, errSyntax
		}
		return s[:i], s[i:], nil
	}
	var b strings.Builder
	run := 0
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			run++
			continue
		case '"':
			b.WriteString(strings.Repeat(`\`, run/2))
			if run%2 == 0 {
				return b.String(), s[i+1:], nil
			}
			b.WriteByte('"')
		default:
			b.WriteString(strings.Repeat(`\`, run))
			b.WriteByte(s[i])
		}
		run = 0
	}
	return "", s, errSyntax
}
