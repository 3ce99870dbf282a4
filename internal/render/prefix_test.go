package render

import (
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/logru/logru/core"
)

// prefixFormats are the formats a Prefix serves: every form, with and without a spec.
var prefixFormats = []string{
	"{extra}",
	"{fields}",
	"<{extra:>300}>",
	"<{fields:<200}>",
	"{message} | {extra} |{fields}| {extra[s]} {extra[err]} {extra[strs]!r:>20} {extra[n]:05d} {extra[nope]}",
}

type lv struct{ s string }

func (v lv) LogValue() slog.Value { return slog.StringValue(v.s) }

// renderBoth renders r, whose Extra holds bound from index at on, through the plain path
// and through the Prefix path, for JSON and each template format.
func renderBoth(t *testing.T, r *core.Record, p *Prefix, at int) {
	t.Helper()
	j := NewJSON(nil)
	plain := string(j.Append(nil, r))
	fast := string(j.AppendEncoded(nil, r, p, at, nil))
	if plain != fast {
		t.Errorf("JSON differs:\nplain %q\nfast  %q", plain, fast)
	}
	for _, f := range prefixFormats {
		tm := MustParse(f)
		p.WarmTemplate(tm)
		for _, color := range []bool{false, true} {
			plain := string(tm.Append(nil, r, color, nil))
			fast := string(tm.AppendEncoded(nil, r, color, nil, p, at))
			if plain != fast {
				t.Errorf("%s (color %v) differs:\nplain %q\nfast  %q", f, color, plain, fast)
			}
		}
	}
}

// recordWith builds a record whose Extra holds before, then bound (resolved as a logger
// resolves live values), then after.
func recordWith(before, bound, after []slog.Attr, shown ...string) *core.Record {
	r := &core.Record{Message: "msg", Level: core.Level{Name: "INFO", No: 20}}
	for _, a := range before {
		r.Extra.SetAttr(a)
	}
	for _, a := range bound {
		if IsLive(a.Value) && a.Value.Kind() == slog.KindLogValuer {
			a.Value = a.Value.Resolve()
		}
		r.Extra.SetAttr(a)
	}
	for _, a := range after {
		r.Extra.SetAttr(a)
	}
	for _, k := range shown {
		r.MessageKeys.Add(k)
	}
	return r
}

func TestPrefixMatchesPlain(t *testing.T) {
	now := time.Date(2026, 3, 26, 14, 30, 0, 5, time.UTC)
	ten := []slog.Attr{slog.Int("n", 1), slog.String("s", "two words"), slog.Bool("b", true),
		slog.Float64("f", 4.5), slog.Time("t", now), slog.Any("strs", []string{"a", "b c"}),
		slog.Any("err", errors.New("conn\nrefused")), slog.Duration("d", time.Second),
		slog.Any("day", time.Monday), slog.Int64("i64", 10)}
	group := []slog.Attr{slog.Group("req", slog.String("method", "GET"), slog.Group("empty")),
		slog.String("k=v", "x y"), slog.Any(core.BadKey, 3)}
	live := []slog.Attr{slog.String("a", "1"), slog.Any("v", lv{"per record"}),
		slog.Any("f", func() any { return 1 }), slog.Int("z", 2)}
	call := []slog.Attr{slog.String("user", "alice"), slog.Int("tries", 3)}
	ctx := []slog.Attr{slog.String("req_id", "r-1")}
	for _, tt := range []struct {
		name                string
		before, bound, call []slog.Attr
		shown               []string
	}{
		{"bound only", nil, ten, nil, nil},
		{"bound then call fields", nil, ten, call, nil},
		{"context, bound, call", ctx, ten, call, nil},
		{"groups and bad keys", ctx, group, call, nil},
		{"live values", nil, live, call, nil},
		{"live values after context", ctx, live, nil, nil},
		{"message shows a call field", nil, ten, call, []string{"user"}},
		{"message shows a bound key", ctx, ten, call, []string{"s"}},
		{"one field", nil, ten[:1], nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPrefix(tt.bound)
			renderBoth(t, recordWith(tt.before, tt.bound, tt.call, tt.shown...), p, len(tt.before))
			// The same fields as a parent's plus a child's: the child extends its
			// parent's bytes.
			for cut := 0; cut <= len(tt.bound); cut++ {
				for _, warm := range []bool{false, true} {
					parent := NewPrefix(tt.bound[:cut])
					if warm {
						parent.WarmJSON()
						for _, f := range prefixFormats {
							parent.WarmTemplate(MustParse(f))
						}
					}
					renderBoth(t, recordWith(tt.before, tt.bound, tt.call, tt.shown...), parent.Extend(tt.bound), len(tt.before))
				}
			}
		})
	}
}

// A Prefix that does not fit the record (a caller's mistake) is ignored, not a panic.
func TestPrefixNotCovering(t *testing.T) {
	r := recordWith(nil, []slog.Attr{slog.Int("a", 1)}, nil)
	p := NewPrefix([]slog.Attr{slog.Int("a", 1), slog.Int("b", 2)})
	for _, at := range []int{-1, 0, 1, 5} {
		renderBoth(t, r, p, at)
	}
	renderBoth(t, r, nil, 0)
	renderBoth(t, r, NewPrefix(nil), 0)
}

// Values are rendered when a form is made: a slice changed later is not seen, in any
// form; a LogValuer is taken from the record.
func TestPrefixSnapshot(t *testing.T) {
	strs := []string{"old"}
	bound := []slog.Attr{slog.Any("strs", strs), slog.Any("v", lv{"x"})}
	p := NewPrefix(bound)
	p.WarmJSON()
	tm := MustParse("{extra} |{fields}| {extra[strs]}")
	p.WarmTemplate(tm)
	strs[0] = "new"
	r := recordWith(nil, []slog.Attr{bound[0], slog.String("v", "resolved")}, nil)
	if got, want := string(tm.AppendEncoded(nil, r, false, nil, p, 0)), `strs=[old] v=resolved | strs=[old] v=resolved| [old]`; got != want {
		t.Errorf("template: %q, want %q", got, want)
	}
	j := string(NewJSON(nil).AppendEncoded(nil, r, p, 0, nil))
	if want := `"extra":{"strs":["old"],"v":"resolved"}`; !contains(j, want) {
		t.Errorf("JSON %q lacks %q", j, want)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// FuzzPrefix renders records through a Prefix and through the plain path, for JSON and
// the text forms, and requires the same bytes.
func FuzzPrefix(f *testing.F) {
	f.Add("k", "v", "k2", 7, "call", "x", uint8(0), uint8(1), "k")
	f.Add("a b", `say "hi"`, "}", -3, "k", "\x1b[2J", uint8(2), uint8(0), "")
	f.Add("!BADKEY", "\u2028", "!BADKEY2", 0, "k", "", uint8(1), uint8(2), "k2")
	f.Fuzz(func(t *testing.T, k1, v1, k2 string, n int, ck, cv string, before, cut uint8, shown string) {
		bound := []slog.Attr{slog.String(k1, v1), slog.Int(k2, n), slog.Any(k1+"err", errors.New(v1)),
			slog.Group(k2+"g", slog.String(ck, cv))}
		// A logger's bound Extra has unique keys: keep the first of each.
		var e core.Extra
		for _, a := range bound {
			if _, ok := e.Lookup(a.Key); !ok {
				e.SetAttr(a)
			}
		}
		bound = e.Attrs()
		var ctx []slog.Attr
		for i := range int(before % 3) {
			ctx = append(ctx, slog.Int("ctx"+string(rune('a'+i)), i))
		}
		r := recordWith(ctx, bound, []slog.Attr{slog.String(ck, cv)}, shown)
		if r.Extra.Len() != len(ctx)+len(bound)+1 {
			return // a key repeats across the runs: the logger renders such a record plainly
		}
		c := min(int(cut), len(bound))
		parent := NewPrefix(bound[:c])
		renderBoth(t, r, parent, len(ctx)) // the first c bound fields: a run of the record too
		renderBoth(t, r, parent.Extend(bound), len(ctx))
	})
}
