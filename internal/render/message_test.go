package render

import (
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/logru/logru/core"
)

func TestAppendMessage(t *testing.T) {
	args := []slog.Attr{
		slog.String("user", "alice"),
		slog.Int("n", 3),
		slog.Float64("ms", 12.345),
		slog.Bool("ok", true),
		slog.Duration("d", 1500*time.Millisecond),
		slog.String("evil", "x\ny\x1b[2J{n}<red>"),
		slog.Int("n", 4), // a later key wins
		slog.Any("err", errors.New("boom")),
		slog.Int64("big", 1234567),
	}
	for _, tt := range []struct{ msg, want string }{
		{"user {user} logged in", "user alice logged in"},
		{"{n} tries", "4 tries"},
		{"took {ms:.1f} ms", "took 12.3 ms"},
		{"{user:>8}|{user:<8}|{user:^9}", "   alice|alice   |  alice  "},
		{"{n:03d} {n:x} {n:b} {big:,}", "004 4 100 1,234,567"},
		{"{ok} {d}", "true 1.5s"},
		{"{err}", "boom"},
		{"{missing} stays", "{missing} stays"},
		{"{user:d} plain on a bad spec", "alice plain on a bad spec"},
		{"{n:<<<} plain on an invalid spec", "4 plain on an invalid spec"},
		{"{user!r}", `"alice"`},
		{"{{literal}} {user}", "{literal} alice"},
		{"{} {0} stay", "{} {0} stay"},
		{"a } b { c", "a } b { c"},
		{"unclosed {user", "unclosed {user"},
		{"values are data: {evil}", `values are data: x\ny\x1b[2J{n}<red>`},
		{"literal\nkeeps newlines\tand tabs", "literal\nkeeps newlines\tand tabs"},
		{"literal escapes \x1b[31m", `literal escapes \x1b[31m`},
	} {
		if got := string(AppendMessage(nil, tt.msg, args, true, false)); got != tt.want {
			t.Errorf("%q\n got %q\nwant %q", tt.msg, got, tt.want)
		}
	}
}

// A control character as a spec's fill would be written as it is, unlike the same
// character in the literal: such a spec is refused and the value written plainly, by
// the compiled (cached) templates as well. '\n' and '\t', which the literal keeps, are
// fills like any other. Found by FuzzLog.
func TestAppendMessageControlFill(t *testing.T) {
	args := []slog.Attr{slog.String("v", "x"), slog.Int("n", 7)}
	for _, tt := range []struct{ msg, want string }{
		{"[{v:\x1b>5}]", "[x]"},
		{"[{n:\r^5}]", "[7]"},
		{"[{v!r:\x07<5}]", `["x"]`},
		{"[{v:\u202e>3}]", "[x]"},
		{"[{v:\u0085>3}]", "[x]"},
		{"[{v:\n>3}]", "[\n\nx]"},
		{"[{v:\t<3}]", "[x\t\t]"},
		{"[{v:*>3}]", "[**x]"},
	} {
		checkMessageBothPaths(t, tt.msg, args, tt.want)
	}
}

// The 'c' type writes an integer as the character it codes: a value coding a control
// character would forge a line or drive a terminal, so the spec does not suit it and the
// number is written plainly. Found by FuzzLog.
func TestAppendMessageCharSpec(t *testing.T) {
	args := []slog.Attr{slog.Int("nl", 10), slog.Int("esc", 0x1b), slog.Uint64("nel", 0x85),
		slog.Int("rlo", 0x202e), slog.Int("a", 65), slog.Uint64("e", 0xe9), slog.Bool("ok", true),
		slog.Int("neg", -1)}
	for _, tt := range []struct{ msg, want string }{
		{"[{nl:c}]", "[10]"},
		{"[{esc:c}]", "[27]"},
		{"[{nel:c}]", "[133]"},
		{"[{rlo:c}]", "[8238]"},
		{"[{ok:c}]", "[true]"},
		{"[{neg:c}]", "[-1]"},
		{"[{a:c}] [{a:>3c}] [{e:c}]", "[A] [  A] [é]"},
	} {
		checkMessageBothPaths(t, tt.msg, args, tt.want)
	}
}

// checkMessageBothPaths checks msg's rendering by the scanner and by the compiled
// template, which MessageCache makes at the second use.
func checkMessageBothPaths(t *testing.T, msg string, args []slog.Attr, want string) {
	t.Helper()
	if got := string(AppendMessage(nil, msg, args, true, false)); got != want {
		t.Errorf("AppendMessage(%q) = %q; want %q", msg, got, want)
	}
	var c MessageCache
	for i := range 3 {
		if got := string(c.Append(nil, msg, args)); got != want {
			t.Errorf("MessageCache.Append(%q), use %d = %q; want %q", msg, i+1, got, want)
		}
	}
}

func TestAppendMessageNoFields(t *testing.T) {
	// Without arguments the message is not parsed for placeholders at all.
	if got := string(AppendMessage(nil, "{1, 2, 3} - {0} - {", nil, false, false)); got != "{1, 2, 3} - {0} - {" {
		t.Errorf("got %q", got)
	}
	if got := string(AppendMessage(nil, "{{x}}", nil, false, false)); got != "{{x}}" {
		t.Errorf("got %q", got)
	}
}

func TestAppendMessageMarkup(t *testing.T) {
	args := []slog.Attr{slog.String("tag", "<red>"), slog.String("end", "</red>")}
	for _, tt := range []struct {
		msg    string
		fields bool
		want   string
	}{
		{"<red>Test</red>", false, "Test"},
		{"the {tag}test{end}", true, "the <red>test</red>"},
		{"<b>{tag}</b>", true, "<red>"},
		{"<red>unclosed", false, "<red>unclosed"},
		{"</red>", true, "</red>"},
		{`\<b>escaped\</b>`, false, "<b>escaped</b>"},
	} {
		if got := string(AppendMessage(nil, tt.msg, args, tt.fields, true)); got != tt.want {
			t.Errorf("%q\n got %q\nwant %q", tt.msg, got, tt.want)
		}
	}
}

// loguru's test: format <level>FOO {message} BAR</level> with a coloured message.
func TestColoredMessageNesting(t *testing.T) {
	r := fixedRecord()
	r.Level = info
	args := []slog.Attr{slog.Int("a", 1), slog.Int("b", 2), slog.Int("c", 3)}
	msg := "> foo <red>{a}</> bar <lvl>{b}</> baz <green>{c}</green> <"
	r.Message = string(AppendMessage(nil, msg, args, true, true))
	if r.Message != "> foo 1 bar 2 baz 3 <" {
		t.Fatalf("plain %q", r.Message)
	}
	cm := &ColoredMessage{Template: msg, Args: args, Fields: true, Plain: r.Message}
	got := string(MustParse("<level>FOO {message} BAR</level>").Append(nil, r, true, cm))
	b, red, green, rs := "\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[0m"
	want := b + "FOO > foo " + red + "1" + rs + b + " bar " + b + "2" + rs + b + " baz " + green + "3" + rs + b + " < BAR" + rs
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func FuzzMessage(f *testing.F) {
	for _, s := range []string{"user {user} in", "{n:>{w}}", "{{}}", "{", "}", "<red>{user}</red>", "{user!r:^20}", "{n:,.2f}"} {
		f.Add(s, "value\n\x1b")
	}
	f.Fuzz(func(t *testing.T, msg, val string) {
		args := []slog.Attr{slog.String("user", val), slog.Int("n", -7), slog.Float64("f", 1.5)}
		for _, markup := range []bool{false, true} {
			out := AppendMessage(nil, msg, args, true, markup)
			if utf8.ValidString(msg) && utf8.ValidString(val) && !utf8.Valid(out) {
				t.Fatalf("invalid UTF-8 from %q / %q: %q", msg, val, out)
			}
			// Values never bring a raw control character into the line.
			if !strings.ContainsAny(msg, "\r\x1b\x00\x7f") && strings.ContainsAny(strings.ReplaceAll(string(out), "\n", ""), "\r\x1b\x00\x7f") {
				t.Fatalf("a control character came through from %q / %q: %q", msg, val, out)
			}
		}
		// The compiled form renders as the scanner does.
		var c MessageCache
		want := string(AppendMessage(nil, msg, args, true, false))
		c.Append(nil, msg, args) // seen
		if got := string(c.Append(nil, msg, args)); got != want {
			t.Fatalf("MessageCache(%q) = %q, AppendMessage gives %q", msg, got, want)
		}
	})
}

func BenchmarkAppendMessage(b *testing.B) {
	args := []slog.Attr{slog.String("user", "alice"), slog.String("ip", "10.0.0.1"), slog.Int("tries", 3)}
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendMessage(buf[:0], "user {user} logged in from {ip} after {tries} tries", args, true, false)
	}
}

// A compiled template renders exactly as AppendMessage does.
func TestMessageCacheMatches(t *testing.T) {
	args := []slog.Attr{slog.String("user", "al\x1bice"), slog.Int("n", 42), slog.Float64("f", 3.14159),
		slog.String("user", "bob"), slog.Any("e", errors.New("x}{y"))}
	var c MessageCache
	for _, msg := range []string{
		"", "plain", "user {user} n={n:>5} f={f:.2f} {missing} {{x}} {n!r} {user!r:>8} {n!x} {} {e}",
		"tail {n", "{n:bad spec} }", "a\tb\nc\x07", "{extra[a:b]} {n:{n}}",
	} {
		want := string(AppendMessage(nil, msg, args, true, false))
		for range 3 { // seen, compiled, cached
			if got := string(c.Append(nil, msg, args)); got != want {
				t.Errorf("Append(%q) = %q, want %q", msg, got, want)
			}
		}
	}
}

func BenchmarkMessageCache(b *testing.B) {
	args := []slog.Attr{slog.String("user", "alice"), slog.String("ip", "10.0.0.1"), slog.Int("tries", 3)}
	buf := make([]byte, 0, 256)
	var c MessageCache
	b.ReportAllocs()
	for b.Loop() {
		buf = c.Append(buf[:0], "user {user} logged in from {ip} after {tries} tries", args)
	}
}

// secretValuer is a LogValuer that resolves to a string holding a control character.
type secretValuer struct{}

func (secretValuer) LogValue() slog.Value { return slog.StringValue("hid\x1bden") }

// A compiled placeholder without spec or !r writes its value as the scanner does, for
// every kind of value (the bare path), and a LogValuer's resolved value.
func TestMessageCacheBareValues(t *testing.T) {
	args := []slog.Attr{slog.String("s", "a\x1bb\u202e"), slog.Int("i", -3), slog.Uint64("u", 7),
		slog.Float64("f", 0.1), slog.Bool("b", true), slog.Duration("d", 1500*time.Millisecond),
		slog.Time("t", time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)), slog.Any("lv", secretValuer{}),
		slog.Group("g", slog.Int("x", 1)), slog.Any("e", errors.New("x}{y")), slog.Any("nil", nil)}
	var c MessageCache
	for _, msg := range []string{
		"{s} {i} {u} {f} {b} {d} {t} {lv} {g} {e} {nil}",
		"{s!s} {i!s} {lv!s} {lv!r} {s!r} {lv:>12}",
	} {
		want := string(AppendMessage(nil, msg, args, true, false))
		for range 3 { // seen, compiled, cached
			if got := string(c.Append(nil, msg, args)); got != want {
				t.Errorf("Append(%q) = %q, want %q", msg, got, want)
			}
		}
	}
}

// BenchmarkMessageCacheKeys is BenchmarkMessageCache as a log call renders it: the
// substituted keys are recorded (the benchmarks module's Template scenario).
func BenchmarkMessageCacheKeys(b *testing.B) {
	args := []slog.Attr{slog.String("user", "alice"), slog.String("ip", "10.0.0.1"), slog.Int("tries", 3)}
	buf := make([]byte, 0, 256)
	var c MessageCache
	var used core.Keys
	b.ReportAllocs()
	for b.Loop() {
		used.Reset()
		buf = c.AppendKeys(buf[:0], "user {user} logged in from {ip} after {tries} tries", args, &used)
	}
}
