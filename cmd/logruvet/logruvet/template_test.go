package logruvet

import (
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru/format"
	"github.com/logru/logru/internal/pyfmt"
	"github.com/logru/logru/internal/render"
)

// TestScanAgreesWithFormat: render.MessageParts, which the analyzer reads messages with,
// reads a message as logru does. Each message is rendered by format.AppendMessage with a
// value for every name the parts hold, and rebuilt from the parts: the two must be equal.
func TestScanAgreesWithFormat(t *testing.T) {
	msgs := []string{
		"",
		"plain",
		"{a}",
		"{a} and {b}",
		"{{a}} {a} }}{{",
		"{a:>6} {b:.1f} {c:,}",
		"{a!r} {a!s} {a!x}",
		"{} {0} {1}",
		"stray } brace",
		"open { brace",
		"{a",
		"a}",
		"{a[b:c]} {a[x}",
		"{a:{b}} {a:}",
		"{a:<{w}}",
		"}{a}{",
		"{{{a}}}",
		"{a}{a}{a",
		"{ a } {a b}",
		"50% of {a}",
	}
	for _, msg := range msgs {
		var args []slog.Attr
		vals := map[string]string{}
		for p := range render.MessageParts(msg) {
			if p.Field && p.Name != "" {
				v := "V" + strconv.Itoa(p.Off)
				if _, dup := vals[p.Name]; !dup {
					vals[p.Name] = v
					args = append(args, slog.String(p.Name, v))
				}
			}
		}
		want := string(format.AppendMessage(nil, msg, args, true, false))
		got := rebuild(msg, vals)
		if got != want {
			t.Errorf("message %q: rebuilt from the scan as %q, logru writes %q", msg, got, want)
		}
	}
}

// rebuild writes msg as logru would, from render.MessageParts.
func rebuild(msg string, vals map[string]string) string {
	var out []byte
	for f := range render.MessageParts(msg) {
		if !f.Field {
			out = append(out, f.Text...)
			continue
		}
		v, ok := vals[f.Name]
		if !ok || f.Name == "" || f.Conv != "" && f.Conv != "r" && f.Conv != "s" {
			out = append(out, f.Text...)
			continue
		}
		if f.Conv == "r" {
			v = strconv.Quote(v)
		}
		if sp, err := pyfmt.Parse(f.Spec); f.Spec != "" && err == nil {
			if b, ok := sp.AppendString(out, v); ok {
				out = b
				continue
			}
		}
		out = append(out, v...)
	}
	return string(out)
}

func TestPrintfVerb(t *testing.T) {
	tests := []struct {
		s, verb string
	}{
		{"%s", "%s"},
		{"user %s in", "%s"},
		{"%d%%", "%d"},
		{"took %5.2fms", "%5.2f"},
		{"%-8v|", "%-8v"},
		{"%+q", "%+q"},
		{"%*d", "%*d"},
		{"100%", ""},
		{"100%%", ""},
		{"50% done", ""},
		{"%done", ""},
		{"%site", ""},
		{"%z", ""},
		{"%%s", ""},
		{"a %w", "%w"},
	}
	for _, tt := range tests {
		_, verb := printfVerb(tt.s)
		if verb != tt.verb {
			t.Errorf("printfVerb(%q) = %q, want %q", tt.s, verb, tt.verb)
		}
	}
}

// FuzzPrintfVerb: printfVerb never panics, and what it returns is a verb found where it
// says: a "%" at the offset, the text there, ending in a verb letter, and no "%%" or
// earlier verb skipped over (the same scan from the start of s finds it again).
func FuzzPrintfVerb(f *testing.F) {
	for _, s := range []string{"%s", "took %5.2fms", "%-8v|", "%*d", "100%", "%%s", "50% done", "%done", "a %w", "%.*f", "%+#08.3x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		i, verb := printfVerb(s)
		if i < 0 {
			if verb != "" {
				t.Fatalf("printfVerb(%q) = %d, %q: a verb without an offset", s, i, verb)
			}
			return
		}
		if len(verb) < 2 || i+len(verb) > len(s) || s[i:i+len(verb)] != verb || verb[0] != '%' {
			t.Fatalf("printfVerb(%q) = %d, %q: not the text at that offset", s, i, verb)
		}
		if !strings.ContainsRune("vTtbcdoOqxXUeEfFgGspw", rune(verb[len(verb)-1])) {
			t.Fatalf("printfVerb(%q) = %q: does not end in a verb letter", s, verb)
		}
		if j, v := printfVerb(s[:i+len(verb)]); j != i || v != verb {
			t.Fatalf("printfVerb(%q) = %d, %q, but on its prefix %d, %q", s, i, verb, j, v)
		}
	})
}
