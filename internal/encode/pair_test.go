package encode

import (
	"log/slog"
	"math"
	"strings"
	"testing"
	"time"
)

func TestAppendTextPair(t *testing.T) {
	for _, tt := range []struct {
		key  string
		v    slog.Value
		want string
	}{
		{"k", slog.StringValue("v"), `k=v`},
		{"k", slog.StringValue(""), `k=""`},
		{"", slog.IntValue(1), `""=1`},
		{"a b", slog.StringValue("x=y"), `"a b"="x=y"`},
		{"k", slog.StringValue(`say "hi"`), `k="say \"hi\""`},
		{"k", slog.StringValue(`C:\dir\`), `k=C:\dir\`},
		{"k", slog.StringValue(`C:\my dir\`), `k="C:\my dir\\"`},
		{"k", slog.StringValue(`a\"b c`), `k="a\\\"b c"`},
		{"k", slog.StringValue("a\nb c"), `k="a\nb c"`},
		{"k", slog.StringValue("a\u3000b"), "k=\"a\u3000b\""},
		{"k", slog.StringValue("{}"), `k="{}"`},
		{"k", slog.GroupValue(), `k={}`},
		{"req", slog.GroupValue(slog.String("k", "v} role=admin {x")), `req={k="v} role=admin {x"}`},
		{"req", slog.GroupValue(slog.String("method", "GET"), slog.Group("h", slog.String("ua", "curl 8"))),
			`req={method=GET h={ua="curl 8"}}`},
		{"tok", slog.AnyValue(logValuer{slog.GroupValue(slog.String("a", "x y"))}), `tok={a="x y"}`},
		{"err", slog.AnyValue(panicLogValue{}), `err="<PANIC=LogValue method: lboom>"`},
	} {
		if got := string(AppendTextPair([]byte("pre "), tt.key, tt.v)); got != "pre "+tt.want {
			t.Errorf("AppendTextPair(%q, %v) = %s, want pre %s", tt.key, tt.v, got, tt.want)
		}
	}
}

func TestAppendTextFlat(t *testing.T) {
	for _, tt := range []struct {
		key  string
		v    slog.Value
		want string
	}{
		{"k", slog.StringValue("v"), ` k=v`},
		{"k", slog.StringValue("x y"), ` k="x y"`},
		{"req", slog.GroupValue(), ``},
		{"req", slog.GroupValue(slog.String("method", "GET"), slog.Int("status", 200)), ` req.method=GET req.status=200`},
		{"req", slog.GroupValue(slog.Group("h", slog.String("ua", "curl 8")), slog.Group("", slog.Int("in", 1))),
			` req.h.ua="curl 8" req.in=1`},
		{"req", slog.GroupValue(slog.Attr{}, slog.Group("empty"), slog.String("a b", "}")), ` "req.a b"="}"`},
		{"req", slog.GroupValue(slog.String("k", "v role=admin")), ` req.k="v role=admin"`},
		{"", slog.GroupValue(slog.Int("a", 1)), ` a=1`},
		{"tok", slog.AnyValue(logValuer{slog.GroupValue(slog.String("a", "b"))}), ` tok.a=b`},
		{"k\n", slog.GroupValue(slog.String("\x1b", "\r")), ` k\n.\x1b=\r`},
	} {
		if got := string(AppendTextFlat(nil, tt.key, tt.v)); got != tt.want {
			t.Errorf("AppendTextFlat(%q, %v) = %q, want %q", tt.key, tt.v, got, tt.want)
		}
	}
}

// A group nested past the depth limit, or shared so that it would expand
// enormously, stays bounded when flattened.
func TestAppendTextFlatLimits(t *testing.T) {
	g := slog.GroupValue(slog.Int("x", 1))
	for range 40 {
		g = slog.GroupValue(slog.Attr{Key: "g", Value: g}, slog.Attr{Key: "h", Value: g})
	}
	out := AppendTextFlat(nil, "top", g)
	if len(out) > 2*maxBytes || !strings.Contains(string(out), "<max depth>") && !strings.Contains(string(out), "more") {
		t.Errorf("flattening a huge shared group wrote %d bytes, ending %q", len(out), out[max(0, len(out)-80):])
	}
}

func TestQuoteTail(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{``, `""`},
		{`a b`, `"a b"`},
		{`"`, `"\""`},
		{`\`, `"\\"`},
		{`a\b`, `"a\b"`},
		{`\"`, `"\\\""`},
		{`\\" \\`, `"\\\\\" \\\\"`},
	} {
		if got := string(quoteTail([]byte("x="+tt.in), 2)); got != "x="+tt.want {
			t.Errorf("quoteTail(%s) = %s, want x=%s", tt.in, got, tt.want)
		}
	}
}

func TestPairAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	buf := make([]byte, 0, 1024)
	for _, v := range []slog.Value{slog.StringValue("a b \"c\""), slog.IntValue(3),
		slog.GroupValue(slog.String("method", "GET"), slog.String("ua", "curl 8"))} {
		if n := testing.AllocsPerRun(100, func() { buf = AppendTextPair(buf[:0], "k", v) }); n != 0 {
			t.Errorf("AppendTextPair(%v): %v allocs", v, n)
		}
		if n := testing.AllocsPerRun(100, func() { buf = AppendTextFlat(buf[:0], "k", v) }); n != 0 {
			t.Errorf("AppendTextFlat(%v): %v allocs", v, n)
		}
	}
}

// plainWord says a string is written as it is, unquoted, exactly when escaping it
// changes nothing and NeedsQuote says no: every byte at every position of strings of 0
// to 17 bytes, and a text pair and flat field written through it match the encoder's.
func TestPlainWord(t *testing.T) {
	base := []byte("abcdefghijklmnopq")
	for n := 0; n <= len(base); n++ {
		for pos := range max(n, 1) {
			for c := range 256 {
				b := append([]byte(nil), base[:n]...)
				if n > 0 {
					b[pos] = byte(c)
				}
				s := string(b)
				esc := AppendTextString(nil, s)
				want := n <= 16 && string(esc) == s && !NeedsQuote(esc)
				if got := plainWord(s); got != want {
					t.Fatalf("plainWord(%q) = %v, want %v", s, got, want)
				}
				v := slog.StringValue(s)
				e := encoder{values: maxValues}
				if got, want := AppendTextPair(nil, s, v), e.attr(nil, s, v); string(got) != string(want) {
					t.Fatalf("AppendTextPair(%q) = %q, encoder %q", s, got, want)
				}
			}
		}
	}
}

// AppendJSONMember writes what a comma, AppendJSONString, a colon and AppendJSON write,
// for keys that take the copy at once and keys that need escaping or are long.
func TestAppendJSONMember(t *testing.T) {
	keys := []string{"", "k", "abc", "user", "sixteen_bytes_ok", "seventeen_bytes_x", "a\"b", "tab\t", "é",
		"\u2028", "\xff", strings.Repeat("k", 40), "a\"bcd", "abcdefg\\", "\x7fabc", "ab\ncd", "kéy", "strings",
		"stringer", "ninebytes"}
	values := []slog.Value{slog.IntValue(1), slog.StringValue("v"), slog.AnyValue([]string{"a"}),
		slog.GroupValue(slog.Int("n", 2))}
	// every kind, and the values of kind Any the fast path takes and leaves (its own
	// switch stands in for AppendJSON's)
	values = append(values, slog.Uint64Value(7), slog.BoolValue(true), slog.Float64Value(4.5),
		slog.Float64Value(math.NaN()), slog.DurationValue(1500*time.Millisecond),
		slog.TimeValue(time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)), slog.AnyValue(nil),
		slog.AnyValue(token("t")), slog.AnyValue(panicLogValue{}), slog.AnyValue(map[string]int{"a": 1}))
	for _, x := range commonValues() {
		values = append(values, slog.AnyValue(x))
	}
	for _, k := range keys {
		for _, v := range values {
			for _, comma := range []bool{false, true} {
				want := []byte("{")
				if comma {
					want = append(want, ',')
				}
				want = append(AppendJSONString(want, k), ':')
				want = AppendJSON(want, v)
				if got := AppendJSONMember([]byte("{"), comma, k, v); string(got) != string(want) {
					t.Errorf("AppendJSONMember(%v, %q, %v) = %s, want %s", comma, k, v, got, want)
				}
			}
		}
	}
}
