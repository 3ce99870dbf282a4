package logruvet

import (
	"log/slog"
	"strconv"
	"testing"

	"github.com/logru/logru/format"
	"github.com/logru/logru/internal/pyfmt"
)

// TestScanAgreesWithFormat: scanTemplate reads a message as logru does. Each message is
// rendered by format.AppendMessage with a value for every name the scanner found, and
// rebuilt from the scanner's chunks and placeholders: the two must be equal.
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
		lits, fields := scanTemplate(msg)
		var args []slog.Attr
		vals := map[string]string{}
		for i, f := range fields {
			if f.name != "" {
				v := "V" + strconv.Itoa(i)
				if _, dup := vals[f.name]; !dup {
					vals[f.name] = v
					args = append(args, slog.String(f.name, v))
				}
			}
		}
		want := string(format.AppendMessage(nil, msg, args, true, false))
		got := rebuild(msg, lits, fields, vals)
		if got != want {
			t.Errorf("message %q: rebuilt from the scan as %q, logru writes %q", msg, got, want)
		}
	}
}

// rebuild writes msg as logru would, from scanTemplate's result.
func rebuild(msg string, lits []chunk, fields []placeholder, vals map[string]string) string {
	var out []byte
	li, fi := 0, 0
	for li < len(lits) || fi < len(fields) {
		if fi == len(fields) || li < len(lits) && lits[li].off <= fields[fi].off {
			out = append(out, lits[li].text...)
			li++
			continue
		}
		f := fields[fi]
		fi++
		v, ok := vals[f.name]
		if !ok || f.name == "" || f.conv != "" && f.conv != "r" && f.conv != "s" {
			out = append(out, f.raw...)
			continue
		}
		if f.conv == "r" {
			v = strconv.Quote(v)
		}
		if sp, err := pyfmt.Parse(f.spec); f.spec != "" && err == nil {
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
