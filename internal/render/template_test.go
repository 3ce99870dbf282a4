package render

import (
	"bytes"
	"errors"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/logru/logru/core"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var (
	warning = core.Level{Name: "WARNING", No: 30, Color: "<yellow><bold>", Icon: "⚠️"}
	info    = core.Level{Name: "INFO", No: 20, Color: "<bold>", Icon: "ℹ️"}
)

// fixedRecord is the record every format test renders: loguru's test time
// (2018-06-09 01:02:03.000045 UTC) and a fixed caller.
func fixedRecord() *core.Record {
	r := &core.Record{
		Time:      time.Date(2018, 6, 9, 1, 2, 3, 45000, time.UTC),
		Elapsed:   1500 * time.Millisecond,
		Level:     warning,
		Message:   "disk almost full",
		Name:      "github.com/acme/shop/db",
		Module:    "db",
		Function:  "(*Conn).Query",
		File:      "conn.go",
		FilePath:  "/src/shop/db/conn.go",
		Line:      42,
		Goroutine: 7,
	}
	r.Extra.Set("user", "alice")
	r.Extra.Set("n", 3)
	return r
}

func render(t *testing.T, tmpl string, r *core.Record, color bool) string {
	t.Helper()
	tp, err := Parse(tmpl, &Options{PID: 4242, ProcessName: "shop"})
	if err != nil {
		t.Fatalf("Parse(%q): %v", tmpl, err)
	}
	return string(tp.Append(nil, r, color, nil))
}

func TestFields(t *testing.T) {
	r := fixedRecord()
	for _, tt := range []struct{ tmpl, want string }{
		{"{level}", "WARNING"},
		{"{level.name}|{level.no}|{level.icon}", "WARNING|30|⚠️"},
		{"{level: <8}|", "WARNING |"},
		{"{level:>9}", "  WARNING"},
		{"{level.no:03d}", "030"},
		{"{message}", "disk almost full"},
		{"{message:.4}", "disk"},
		{"{name}:{module}:{function}:{line}", "github.com/acme/shop/db:db:(*Conn).Query:42"},
		{"{file} {file.name} {file.path}", "conn.go conn.go /src/shop/db/conn.go"},
		{"{line:>5}", "   42"},
		{"{process} {process.id} {process.name}", "4242 4242 shop"},
		{"{goroutine}", "7"},
		{"{elapsed}", "0:00:01.500000"},
		{"{extra}", "user=alice n=3"},
		{"{extra[user]} {extra[n]:03d}", "alice 003"},
		{"{extra[user]!r}", `"alice"`},
		{"{extra[missing]}", "{extra[missing]}"},
		{"{time}", "2018-06-09T01:02:03.000045+0000"},
		{"{time:YYYY-MM-DD HH:mm:ss.SSS}", "2018-06-09 01:02:03.000"},
		{"{time:HH:mm:ss!UTC}", "01:02:03"},
		{"{{literal}} {level}", "{literal} WARNING"},
		{"%s {{a}} 天 {{1}} %d", "%s {a} 天 {1} %d"},
		{"{exception}", ""},
	} {
		if got := render(t, tt.tmpl, r, false); got != tt.want {
			t.Errorf("%q\n got %q\nwant %q", tt.tmpl, got, tt.want)
		}
	}
}

func TestElapsed(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0:00:00"},
		{7253 * time.Microsecond, "0:00:00.007253"},
		{61 * time.Second, "0:01:01"},
		{25*time.Hour + 3*time.Second, "1 day, 1:00:03"},
		{50 * time.Hour, "2 days, 2:00:00"},
		{-time.Second, "0:00:00"},
	} {
		if got := string(appendElapsed(nil, tt.d)); got != tt.want {
			t.Errorf("appendElapsed(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// loguru's default format, byte for byte as loguru writes it (loguru.md 1.15, without
// the time zone that loguru's unreleased master adds).
func TestLoguruFormat(t *testing.T) {
	r := fixedRecord()
	r.Level = warning
	r.Message = "warn"
	r.Name, r.Function, r.Line = "__main__", "<module>", 14
	got := render(t, LoguruFormat, r, true)
	want := "\x1b[32m2018-06-09 01:02:03.000\x1b[0m | \x1b[33m\x1b[1mWARNING \x1b[0m | \x1b[36m__main__\x1b[0m:\x1b[36m<module>\x1b[0m:\x1b[36m14\x1b[0m - \x1b[33m\x1b[1mwarn\x1b[0m"
	if got != want {
		t.Errorf("coloured default format\n got %q\nwant %q", got, want)
	}
	got = render(t, LoguruFormat, r, false)
	want = "2018-06-09 01:02:03.000 | WARNING  | __main__:<module>:14 - warn"
	if got != want {
		t.Errorf("plain default format\n got %q\nwant %q", got, want)
	}
}

func TestLevelTag(t *testing.T) {
	r := fixedRecord()
	if got := render(t, "<level>{level}</level>", r, true); got != "\x1b[33m\x1b[1mWARNING\x1b[0m" {
		t.Errorf("got %q", got)
	}
	// A level without a colour: <level> gives nothing, the closing tag still resets.
	r.Level = core.Level{Name: "Level 15", No: 15}
	if got := render(t, "{level.name} & {level.no} & <level>{message}</level>", r, true); got != "Level 15 & 15 & disk almost full\x1b[0m" {
		t.Errorf("got %q", got)
	}
	// A bad level colour renders no colour rather than failing.
	r.Level = core.Level{Name: "ODD", No: 15, Color: "<nope>"}
	if got := render(t, "<level>x</level>", r, true); got != "x\x1b[0m" {
		t.Errorf("got %q", got)
	}
}

func TestColoredMessage(t *testing.T) {
	r := fixedRecord()
	r.Level = info
	tp := MustParse("<level>{message}</level>")
	msg := "a <red>b</red> c"
	r.Message = string(AppendMessage(nil, msg, nil, false, true))
	if r.Message != "a b c" {
		t.Fatalf("plain message %q", r.Message)
	}
	cm := &ColoredMessage{Template: msg, Plain: r.Message}
	// loguru, verified: the message's resets re-apply the format's colours around it.
	if got, want := string(tp.Append(nil, r, true, cm)), "\x1b[1ma \x1b[31mb\x1b[0m\x1b[1m c\x1b[0m"; got != want {
		t.Errorf("coloured\n got %q\nwant %q", got, want)
	}
	if got := string(tp.Append(nil, r, false, cm)); got != "a b c" {
		t.Errorf("plain %q", got)
	}
	// A patcher changed the message: the record's message wins.
	r.Message = "patched"
	if got := string(tp.Append(nil, r, true, cm)); got != "\x1b[1mpatched\x1b[0m" {
		t.Errorf("patched %q", got)
	}

	// loguru's opt(colors=True) test: markup in the format and in the message.
	r.Level = core.Level{Name: "DEBUG", No: 10, Color: "<blue><bold>"}
	tp = MustParse("<red>a</red> {message}")
	msg = "<blue>b</blue>"
	r.Message = string(AppendMessage(nil, msg, nil, false, true))
	cm = &ColoredMessage{Template: msg, Plain: r.Message}
	if got, want := string(tp.Append(nil, r, true, cm)), "\x1b[31ma\x1b[0m \x1b[34mb\x1b[0m"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	if got := string(tp.Append(nil, r, false, cm)); got != "a b" {
		t.Errorf("got %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ tmpl, want string }{
		{"{nope}", `unknown field "{nope}"`},
		{"{level", "expected '}' before end of string"},
		{"level}", "single '}' encountered"},
		{"{level:<<<}", "bad format spec"},
		{"{level!x}", "unknown conversion"},
		{"{time:ss.SSSSSSS}", "SSSSSSS"},
		{"<red>", `opening tag "<red>" has no corresponding closing tag`},
		{"</red>", `closing tag "</red>"`},
		{"</level><level>", `closing tag "</level>"`},
		{"</>", `closing tag "</>"`},
		{"<foobar>", `tag "<foobar>"`},
		{"<red>Not closed tag", "no corresponding closing tag"},
		{"{level:{message}}", "nested fields"},
	} {
		_, err := Parse(tt.tmpl, nil)
		var se *SyntaxError
		if err == nil || !errors.As(err, &se) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want a SyntaxError containing %q", tt.tmpl, err, tt.want)
		}
	}
}

func TestNeeds(t *testing.T) {
	for _, tt := range []struct {
		tmpl string
		want Needs
	}{
		{"{time} {level} {message} {extra}", Needs{}},
		{"{line}", Needs{Caller: true}},
		{"{name}", Needs{Caller: true}},
		{"{goroutine}", Needs{Goroutine: true}},
		{DefaultFormat, Needs{Caller: true}},
	} {
		if got := MustParse(tt.tmpl).Needs(); got != tt.want {
			t.Errorf("Needs(%q) = %+v, want %+v", tt.tmpl, got, tt.want)
		}
	}
}

// Values substituted into a line are data: control characters are escaped and markup
// in them is never rendered.
// {extra} quotes keys and values that hold a space, an equals sign or a quote, and empty
// ones, so that every pair can be told apart.
func TestExtraQuoting(t *testing.T) {
	for _, tt := range []struct {
		key  string
		val  any
		want string
	}{
		{"k", "v", "k=v"},
		{"k", "", `k=""`},
		{"k", "x y", `k="x y"`},
		{"k", "a=b", `k="a=b"`},
		{"k", `say "hi"`, `k="say \"hi\""`},
		{"a b", 1, `"a b"=1`},
		{"c=d", "e", `"c=d"=e`},
		{`q"`, 2, `"q\""=2`},
		{"", 3, `""=3`},
		{"k\n", "v\r", `k\n=v\r`},
		{"k", "{x}", `k="{x}"`},
		{"k", `C:\dir\`, `k=C:\dir\`},
		{"k", `C:\my dir\`, `k="C:\my dir\\"`},
		{"k", "a\u00a0b", "k=\"a\u00a0b\""},
		// Group members are quoted as top-level fields are: no forged pairs (issue 13).
		{"req", slog.GroupValue(slog.String("k", "v} role=admin {x")), `req={k="v} role=admin {x"}`},
		{"req", slog.GroupValue(slog.String("a b", "}"), slog.String("", "")), `req={"a b"="}" ""=""}`},
		{"req", slog.GroupValue(slog.Group("in", slog.String("k", `q"`))), `req={in={k="q\""}}`},
	} {
		var r core.Record
		r.Extra.Set(tt.key, tt.val)
		if got := render(t, "{extra}", &r, false); got != tt.want {
			t.Errorf("%q=%v: got %s, want %s", tt.key, tt.val, got, tt.want)
		}
	}
}

func TestValuesAreData(t *testing.T) {
	r := fixedRecord()
	r.Extra.Set("evil", "bob\nINFO admin logged in \x1b[2J <red>x</red>")
	got := render(t, "<level>{extra[evil]}</level>", r, true)
	want := "\x1b[33m\x1b[1mbob\\nINFO admin logged in \\x1b[2J <red>x</red>\x1b[0m"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	got = render(t, "{extra}", r, false)
	if strings.ContainsAny(got, "\n\x1b") {
		t.Errorf("{extra} let a control character through: %q", got)
	}
}

func TestExceptionField(t *testing.T) {
	r := fixedRecord()
	r.Exception = core.NewException(errors.Join(errors.New("first\nline"), os.ErrNotExist))
	r.Exception.Stack = []core.Frame{{Function: "main.main", File: "/src/main.go", Line: 12}}
	got := render(t, "{message}\n{exception}", r, false)
	want := "disk almost full\nfirst\\nline\\nfile does not exist\n  caused by first\\nline\n  caused by file does not exist\nStack (most recent call last):\n  main.main\n    /src/main.go:12\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Golden files hold whole lines for a set of formats, plain and coloured; refresh them
// with go test ./format -update.
func TestGolden(t *testing.T) {
	formats := []string{
		LoguruFormat,
		"{time:YYYY-MM-DD HH:mm:ss.SSS Z} | {level.icon} {level: <8} | {name}:{function}:{line} - {message} | {extra}",
		"<fg #ff8800>{time:HH:mm:ss}</fg #ff8800> <bg 0,95,0><fg 208>{level}</></> <u>{module}</u>.<i>{function}</i> {message}",
		"[{process.name}:{process.id}] <lvl>{level.no:>3}</lvl> {elapsed} {extra[user]!r:>10} {extra[n]:+05d}",
	}
	levels := []core.Level{
		{Name: "TRACE", No: 5, Color: "<cyan><bold>", Icon: "✏️"},
		info,
		warning,
		{Name: "CRITICAL", No: 50, Color: "<RED><bold>", Icon: "☠️"},
	}
	var buf bytes.Buffer
	for _, color := range []bool{false, true} {
		for _, f := range formats {
			for _, lv := range levels {
				r := fixedRecord()
				r.Level = lv
				buf.WriteString(render(t, f, r, color))
				buf.WriteByte('\n')
			}
		}
	}
	golden(t, "formats.golden", buf.Bytes())
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./format -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output:\n got %q\nwant %q", path, got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{DefaultFormat, "{level: <8}", "{extra[a:b]}", "{{x}}", "<red>{message}</red>", "{time:YYYY [MM]}", "{level!r:>4}", "}{", "{"} {
		f.Add(s)
	}
	r := fixedRecord()
	f.Fuzz(func(t *testing.T, s string) {
		tp, err := Parse(s, nil)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(s) {
				t.Fatalf("Parse(%q): error without a valid offset: %v", s, err)
			}
			return
		}
		_ = tp.Append(nil, r, true, nil)
		_ = tp.Append(nil, r, false, nil)
	})
}

func BenchmarkDefaultFormat(b *testing.B) {
	r := fixedRecord()
	for _, color := range []bool{false, true} {
		name := "plain"
		if color {
			name = "color"
		}
		b.Run(name, func(b *testing.B) {
			tp := MustParse(DefaultFormat + "\n{exception}")
			buf := make([]byte, 0, 512)
			b.ReportAllocs()
			for b.Loop() {
				buf = tp.Append(buf[:0], r, color, nil)
			}
		})
	}
}

func BenchmarkJSON(b *testing.B) {
	r := fixedRecord()
	r.Extra.Set("elapsed", slog.DurationValue(time.Second))
	j := NewJSON(nil)
	buf := make([]byte, 0, 512)
	b.ReportAllocs()
	for b.Loop() {
		buf = j.Append(buf[:0], r)
	}
}

func BenchmarkTimeLevelMessage(b *testing.B) {
	r := fixedRecord()
	tp := MustParse("{time} {level} {message}\n{exception}")
	buf := make([]byte, 0, 512)
	b.ReportAllocs()
	for b.Loop() {
		buf = tp.Append(buf[:0], r, false, nil)
	}
}

// A record's numbers formatted with the 'c' type are written as characters only when the
// character needs no escape: DEBUG's 10 would be a newline.
func TestCharSpecFields(t *testing.T) {
	r := fixedRecord()
	r.Level = core.Level{Name: "DEBUG", No: 10}
	r.Line, r.Goroutine = 27, 13
	r.Extra.Set("n", 7)
	r.Extra.Set("a", 65)
	got := render(t, "{level.no:c}|{line:c}|{goroutine:c}|{extra[n]:c}|{extra[a]:c}", r, false)
	if want := "10|27|13|7|A"; got != want {
		t.Errorf("got %q; want %q", got, want)
	}
}

// generic returns a copy of tp whose fields all go through appendField, as before
// specialize gave the common ones op kinds of their own.
func generic(tp *Template) *Template {
	g := &Template{src: tp.src, proc: tp.proc, needs: tp.needs, forms: tp.forms}
	for _, ops := range []*[]op{&g.plain, &g.color} {
		src := tp.plain
		if ops == &g.color {
			src = tp.color
		}
		*ops = append([]op(nil), src...)
		for i := range *ops {
			if k := (*ops)[i].kind; k != opText && k != opLevelColor {
				(*ops)[i].kind = opField
			}
		}
	}
	return g
}

// The specialised ops (specialize) write what appendField writes, for every format,
// with and without colours, a coloured message, an exception.
func TestSpecializedOpsMatchGeneric(t *testing.T) {
	formats := []string{
		DefaultFormat + "\n{exception}", LoguruFormat, "{time} {level} {message}\n{exception}",
		"{time:YYYY-MM-DD HH:mm:ss.SSS!UTC}|{level: <8}|{level!r}|{level!s}|{message!r}|{message:>30}|{message!s}",
		"<level>{level}</level> <red>{message}</red> {exception} {extra}",
		"{level.no} {level.icon} {time:%H:%M} {exception:>5}",
	}
	r := fixedRecord()
	exc := fixedRecord()
	exc.Exception = core.NewException(errors.Join(errors.New("first\nline"), os.ErrNotExist))
	msg := "a <red>b</red> c"
	colored := fixedRecord()
	colored.Message = string(AppendMessage(nil, msg, nil, false, true))
	cm := &ColoredMessage{Template: msg, Plain: colored.Message}
	for _, f := range formats {
		tp := MustParse(f)
		g := generic(tp)
		for _, c := range []struct {
			r  *core.Record
			cm *ColoredMessage
		}{{r, nil}, {exc, nil}, {colored, cm}, {r, cm}} {
			for _, color := range []bool{false, true} {
				got, want := tp.Append(nil, c.r, color, c.cm), g.Append(nil, c.r, color, c.cm)
				if !bytes.Equal(got, want) {
					t.Errorf("%q, colour %v, message %q:\n got %q\nwant %q", f, color, c.r.Message, got, want)
				}
			}
		}
	}
}

// FuzzSpecializedOps: any template that parses writes the same with its specialised ops
// as with appendField alone.
func FuzzSpecializedOps(f *testing.F) {
	for _, s := range []string{DefaultFormat, "{time} {level} {message}\n{exception}", "{level!r:>4}", "<level>{message}</level>", "{message!r}", "{time:x}"} {
		f.Add(s, false)
	}
	r := fixedRecord()
	r.Exception = core.NewException(errors.New("boom"))
	f.Fuzz(func(t *testing.T, s string, color bool) {
		tp, err := Parse(s, nil)
		if err != nil {
			return
		}
		got, want := tp.Append(nil, r, color, nil), generic(tp).Append(nil, r, color, nil)
		if !bytes.Equal(got, want) {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	})
}
