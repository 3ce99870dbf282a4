package render

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/logru/logru/core"
)

// {fields}: the fields the message did not show, " key=value" each, quoted as {extra}
// quotes, groups flattened, nothing at all when there are none.
func TestFieldsToken(t *testing.T) {
	for _, tt := range []struct {
		name  string
		attrs []slog.Attr
		used  []string // the message's substituted keys
		want  string
	}{
		{"none", nil, nil, ""},
		{"one", []slog.Attr{slog.String("user", "alice")}, nil, " user=alice"},
		{"several", []slog.Attr{slog.String("user", "alice"), slog.Int("n", 3), slog.Bool("ok", true)}, nil, " user=alice n=3 ok=true"},
		{"used left out", []slog.Attr{slog.String("user", "alice"), slog.Int("n", 3)}, []string{"user"}, " n=3"},
		{"all used", []slog.Attr{slog.String("user", "alice")}, []string{"user"}, ""},
		{"used key absent", []slog.Attr{slog.Int("n", 3)}, []string{"user"}, " n=3"},
		{"quoted", []slog.Attr{slog.String("q", "a b"), slog.String("", ""), slog.String("k=v", `"x"`)}, nil, ` q="a b" ""="" "k=v"="\"x\""`},
		{"escaped", []slog.Attr{slog.String("k\n", "line1\nINFO forged\x1b[2J")}, nil, ` k\n="line1\nINFO forged\x1b[2J"`},
		{"group", []slog.Attr{slog.Group("req", slog.String("method", "GET"), slog.Int("status", 200))}, nil, " req.method=GET req.status=200"},
		{"nested group", []slog.Attr{slog.Group("req", slog.Group("h", slog.String("ua", "curl 8")))}, nil, ` req.h.ua="curl 8"`},
		{"group forgery", []slog.Attr{slog.Group("req", slog.String("k", "v} role=admin {x"))}, nil, ` req.k="v} role=admin {x"`},
		{"empty group", []slog.Attr{slog.Group("req"), slog.Int("n", 1)}, nil, " n=1"},
		{"used group", []slog.Attr{slog.Group("req", slog.String("m", "GET")), slog.Int("n", 1)}, []string{"req"}, " n=1"},
		{"duration and time", []slog.Attr{slog.Duration("took", 1500*time.Millisecond), slog.Time("at", time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC))}, nil,
			" took=1.5s at=2026-03-26T14:30:00Z"},
		{"slice", []slog.Attr{slog.Any("tags", []string{"a", "b"})}, nil, ` tags="[a b]"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r core.Record
			for _, a := range tt.attrs {
				r.Extra.SetAttr(a)
			}
			for _, k := range tt.used {
				r.MessageKeys.Add(k)
			}
			if got := render(t, "{fields}", &r, false); got != tt.want {
				t.Errorf("{fields} = %q, want %q", got, tt.want)
			}
			if got := render(t, "<dim>{fields}</dim>", &r, false); got != tt.want {
				t.Errorf("<dim>{fields}</dim> without colours = %q, want %q", got, tt.want)
			}
		})
	}
}

// The message's substituted keys come from AppendMessageKeys and the MessageCache alike:
// only placeholders that found their key count.
func TestMessageKeys(t *testing.T) {
	args := []slog.Attr{slog.String("user", "alice"), slog.Int("n", 3), slog.Int("left", 1)}
	for _, tt := range []struct {
		msg  string
		want []string
	}{
		{"plain", nil},
		{"login by {user}", []string{"user"}},
		{"{user} {n:03d} {missing} {user}", []string{"user", "n"}},
		{"{n!x} {{left}}", nil}, // a bad conversion and escaped braces substitute nothing
		{"<red>{user}</red>", []string{"user"}},
	} {
		var k1 core.Keys
		AppendMessageKeys(nil, tt.msg, args, true, true, &k1)
		var c MessageCache
		for use := range 3 { // the cache compiles the template at the second use
			var k2 core.Keys
			c.AppendKeys(nil, tt.msg, args, &k2)
			if k2.Len() != len(tt.want) {
				t.Errorf("MessageCache %q, use %d: %d keys, want %v", tt.msg, use+1, k2.Len(), tt.want)
			}
			for _, w := range tt.want {
				if !k2.Has(w) {
					t.Errorf("MessageCache %q, use %d: %q missing", tt.msg, use+1, w)
				}
			}
		}
		if k1.Len() != len(tt.want) {
			t.Errorf("AppendMessageKeys(%q): %d keys, want %v", tt.msg, k1.Len(), tt.want)
		}
		for _, w := range tt.want {
			if !k1.Has(w) {
				t.Errorf("AppendMessageKeys(%q): %q missing", tt.msg, w)
			}
		}
	}
}

// The default format ends at the message when no field is left to show: no trailing
// space without colours; with colours only the (invisible) codes of the <dim> tag.
func TestDefaultFormat(t *testing.T) {
	r := fixedRecord()
	r.Extra.Reset()
	r.Level = warning
	r.Message = "warn"
	r.Name, r.Function, r.Line = "__main__", "<module>", 14
	loguruPlain := render(t, LoguruFormat, r, false)
	if got := render(t, DefaultFormat, r, false); got != loguruPlain {
		t.Errorf("no fields, plain:\n got %q\nwant %q", got, loguruPlain)
	}
	loguruColor := render(t, LoguruFormat, r, true)
	if got, want := render(t, DefaultFormat, r, true), loguruColor+"\x1b[2m\x1b[0m"; got != want {
		t.Errorf("no fields, coloured:\n got %q\nwant %q", got, want)
	}
	r.Extra.Set("user", "alice")
	r.Extra.Set("n", 3)
	if got, want := render(t, DefaultFormat, r, false), loguruPlain+" user=alice n=3"; got != want {
		t.Errorf("fields, plain:\n got %q\nwant %q", got, want)
	}
	if got, want := render(t, DefaultFormat, r, true), loguruColor+"\x1b[2m user=alice n=3\x1b[0m"; got != want {
		t.Errorf("fields, coloured:\n got %q\nwant %q", got, want)
	}
}

// default.golden: the default format, plain then coloured, for records with no field,
// fields the message used, groups and values that need quoting.
func TestDefaultFormatGolden(t *testing.T) {
	type rec struct {
		msg   string
		lv    core.Level
		attrs []slog.Attr
		used  []string
	}
	recs := []rec{
		{"server started", info, nil, nil},
		{"charged 42.5", info, []slog.Attr{slog.String("order", "A-17"), slog.String("user", "alice")}, nil},
		{"login by alice", info, []slog.Attr{slog.String("user", "alice"), slog.String("ip", "10.0.0.7")}, []string{"user"}},
		{"request", warning, []slog.Attr{slog.Group("req", slog.String("method", "GET"), slog.String("path", "/a b"), slog.Int("status", 404))}, nil},
		{"retrying", core.Level{Name: "ERROR", No: 40, Color: "<red><bold>"}, []slog.Attr{slog.Any("err", errString("dial tcp: i/o timeout")), slog.Int("attempt", 3)}, nil},
	}
	var buf bytes.Buffer
	for _, color := range []bool{false, true} {
		for _, rc := range recs {
			r := fixedRecord()
			r.Extra.Reset()
			r.Message, r.Level = rc.msg, rc.lv
			r.Name, r.Function, r.Line = "main", "main", 42
			for _, a := range rc.attrs {
				r.Extra.SetAttr(a)
			}
			for _, k := range rc.used {
				r.MessageKeys.Add(k)
			}
			line := render(t, DefaultFormat, r, color)
			if !color && strings.HasSuffix(line, " ") {
				t.Errorf("trailing space: %q", line)
			}
			buf.WriteString(line)
			buf.WriteByte('\n')
		}
	}
	golden(t, "default.golden", buf.Bytes())
}

type errString string

func (e errString) Error() string { return string(e) }

func TestFieldsAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	r := fixedRecord()
	r.Extra.SetAttr(slog.Group("req", slog.String("method", "GET"), slog.Int("status", 200)))
	r.MessageKeys.Add("n")
	tp := MustParse(DefaultFormat)
	buf := make([]byte, 0, 1024)
	if n := testing.AllocsPerRun(100, func() { buf = tp.Append(buf[:0], r, true, nil) }); n != 0 {
		t.Errorf("default format with fields: %v allocs", n)
	}
}

// BenchmarkDefaultFormatFields renders the default format for records with no field and
// with three, plain and coloured.
func BenchmarkDefaultFormatFields(b *testing.B) {
	for _, n := range []int{0, 3} {
		r := fixedRecord()
		r.Extra.Reset()
		if n == 3 {
			r.Extra.Set("user", "alice")
			r.Extra.Set("n", 3)
			r.Extra.Set("ok", true)
		}
		for _, color := range []bool{false, true} {
			name := "plain"
			if color {
				name = "color"
			}
			b.Run(name+"-"+string(rune('0'+n)), func(b *testing.B) {
				tp := MustParse(DefaultFormat + "\n{exception}")
				buf := make([]byte, 0, 512)
				b.ReportAllocs()
				for b.Loop() {
					buf = tp.Append(buf[:0], r, color, nil)
				}
			})
		}
	}
}
