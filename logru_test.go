package logru_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru"
)

func TestLevelsMethods(t *testing.T) {
	l, buf := newTest(t, "{level} {level.no} {message}")
	l.Trace("t")
	l.Debug("d")
	l.Info("i")
	l.Success("s")
	l.Warning("w")
	l.Error("e")
	l.Critical("c")
	l.Log("INFO", "by name")
	l.LogAttrs(logru.LevelSuccess, "typed")
	expect(t, buf, "TRACE 5 t\nDEBUG 10 d\nINFO 20 i\nSUCCESS 25 s\nWARNING 30 w\nERROR 40 e\nCRITICAL 50 c\nINFO 20 by name\nSUCCESS 25 typed\n")
}

func TestHandlerLevel(t *testing.T) {
	for _, tt := range []struct {
		level string
		want  string
	}{
		{"", "DEBUG\nINFO\nWARNING\n"},
		{"INFO", "INFO\nWARNING\n"},
		{"25", "WARNING\n"},
		{"0", "TRACE\nDEBUG\nINFO\nWARNING\n"},
	} {
		l := logru.New()
		buf := &lineBuffer{}
		if _, err := l.Add(logru.Handler{Sink: buf, Format: "{level}", Level: tt.level}); err != nil {
			t.Fatal(err)
		}
		l.Trace("x")
		l.Debug("x")
		l.Info("x")
		l.Warning("x")
		if got := buf.String(); got != tt.want {
			t.Errorf("Level %q: got %q want %q", tt.level, got, tt.want)
		}
	}
}

func TestNewHasNoHandlers(t *testing.T) {
	l := logru.New()
	if len(l.Stats()) != 0 || l.Enabled(logru.LevelCritical) {
		t.Fatal("New() must have no handlers")
	}
	l.Critical("goes nowhere") // must not panic
}

func TestDefault(t *testing.T) {
	d := logru.Default()
	if d != logru.Default() {
		t.Fatal("Default returns different loggers")
	}
	st := d.Stats()
	if len(st) != 1 || st[0].Sink != "stderr" || st[0].Level != "DEBUG" {
		t.Fatalf("default handlers = %+v", st)
	}
	if !logru.Enabled(logru.LevelDebug) || logru.Enabled(logru.LevelTrace) {
		t.Fatal("default level gate is not DEBUG")
	}
}

func TestMessageTemplates(t *testing.T) {
	l, buf := newTest(t, "{message}")
	l.Info("Server started on {host}:{port}", "host", "0.0.0.0", "port", 8000)
	l.Info("took {ms:.1f} ms, {name:>6}|", "ms", 3.14159, "name", "bob")
	l.Info("missing {key} stays")
	l.Info("missing {key} stays with args", "other", 1)
	l.Info("no args: {{not parsed}} {")
	l.Info("{{escaped}} {x}", "x", 1)
	l.Info("bad spec {x:q}", "x", 12)
	l.Info("value {v} is data", "v", "{x} <red>\n")
	expect(t, buf, "Server started on 0.0.0.0:8000\ntook 3.1 ms,    bob|\nmissing {key} stays\nmissing {key} stays with args\nno args: {{not parsed}} {\n{escaped} 1\nbad spec 12\nvalue {x} <red>\\n is data\n")
}

func TestArguments(t *testing.T) {
	l, buf := newTest(t, "{extra}")
	l.Info("m", "a", 1, "b", "two")
	l.Info("m", slog.Int("n", 3), "s", "x")
	l.Info("m", logru.Fields{"z": 1, "y": 2})
	l.Info("m", "lone")
	l.Info("m", 42, "v")
	l.Info("m", "k", 1, "k", 2)
	l.Info("m", "t", slog.GroupValue(slog.Int("a", 1)))
	l.Info("m", slog.Group("", slog.Int("inlined", 1)))
	l.Info("m", "tok", secretToken("secret"))
	expect(t, buf, "a=1 b=two\nn=3 s=x\ny=2 z=1\n!BADKEY=lone\n!BADKEY=42 !BADKEY2=v\nk=2\nt={a=1}\ninlined=1\ntok=REDACTED\n")
}

type secretToken string

func (secretToken) LogValue() slog.Value { return slog.StringValue("REDACTED") }

func TestLogAttrs(t *testing.T) {
	l, buf := newTest(t, "{level} {message} {extra}")
	l.LogAttrs(logru.LevelInfo, "user {user} tries {n}", slog.String("user", "alice"), slog.Int("n", 3), slog.Any("tok", secretToken("x")))
	expect(t, buf, "INFO user alice tries 3 user=alice n=3 tok=REDACTED\n")
	if !l.Enabled(logru.LevelTrace) || l.Enabled(-1) {
		t.Error("Enabled disagrees with the handler level")
	}
}

func TestBind(t *testing.T) {
	l, buf := newTest(t, "{message} {extra}")
	a := l.Bind("a", 1)
	b := a.Bind("a", 2, "b", 3)
	l.Info("root")
	a.Info("a")
	b.Info("b")
	b.Info("call", "a", 9)
	expect(t, buf, "root \na a=1\nb a=2 b=3\ncall a=9 b=3\n")
}

func TestPatch(t *testing.T) {
	l, buf := newTest(t, "{message} {extra}")
	p := l.Patch(func(r *logru.Record) { r.Extra.Set("n", 5) }).
		Patch(func(r *logru.Record) { v, _ := r.Extra.Get("n"); r.Extra.Set("n", v.(int64)+1) }).
		Patch(func(r *logru.Record) { r.Message += " [patched]" })
	p.Info("m")
	l.Info("parent")
	expect(t, buf, "m [patched] n=6\nparent \n")
}

func TestPatchPanicIsContained(t *testing.T) {
	var errs []error
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, Format: "{message}", OnError: func(err error) { errs = append(errs, err) }})
	l.Patch(func(*logru.Record) { panic("boom") }).Info("still written")
	expect(t, buf, "still written\n")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "patcher panicked: boom") {
		t.Errorf("errors = %v", errs)
	}
}

func TestContextualize(t *testing.T) {
	l, buf := newTest(t, "{message} {extra}")
	ctx := logru.Contextualize(context.Background(), "trace_id", "xyz", "who", "ctx")
	ctx2 := logru.Contextualize(ctx, "span", 2)
	l.Ctx(ctx).Info("a")
	l.Ctx(ctx2).Info("b")
	l.Bind("who", "bound").Ctx(ctx).Info("c")
	l.Bind("who", "bound").Ctx(ctx).Info("d", "who", "call")
	l.Info("e")
	var got context.Context
	l.Patch(func(r *logru.Record) { got = r.Context }).Ctx(ctx2).Info("f")
	expect(t, buf, "a trace_id=xyz who=ctx\nb trace_id=xyz who=ctx span=2\nc trace_id=xyz who=bound\nd trace_id=xyz who=call\ne \nf trace_id=xyz who=ctx span=2\n")
	if got != ctx2 {
		t.Error("Record.Context is not the context given to Ctx")
	}
}

// panicCtx is a user's Context whose Value method panics.
type panicCtx struct{ context.Context }

func (panicCtx) Value(any) any { panic("bad context") }

func TestCtxPanickingValue(t *testing.T) {
	l, buf := newTest(t, "{message} {extra}")
	ctx := panicCtx{context.Background()}
	l.Ctx(ctx).Info("still written", "k", 1)
	l.LogEvent(&logru.Event{Level: logru.LevelInfo, Message: "event", Context: ctx})
	expect(t, buf, "still written k=1\nevent \n")
}

func TestOptLazy(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, Format: "{message}", Level: "INFO"})
	calls := 0
	f := func() any { calls++; return calls }
	lazy := l.Opt(logru.Options{Lazy: true})
	lazy.Debug("not {v}", "v", f)
	lazy.Info("yes {v}", "v", f)
	lazy.Info("panic {v}", "v", func() any { panic("no") })
	// A slog.Attr or a Fields value is as lazy as a pair, through LogAttrs too.
	lazy.Debug("not {v}", slog.Any("v", f))
	lazy.LogAttrs(logru.LevelDebug, "not {v}", slog.Any("v", f))
	lazy.Info("attr {v}", slog.Any("v", f))
	lazy.LogAttrs(logru.LevelInfo, "LogAttrs {v}", slog.Any("v", f))
	lazy.Info("fields {v}", logru.Fields{"v": f})
	expect(t, buf, "yes 1\npanic <PANIC=lazy value: no>\nattr 2\nLogAttrs 3\nfields 4\n")
	if calls != 4 {
		t.Errorf("lazy function called %d times, want 4", calls)
	}
}

func TestOptRaw(t *testing.T) {
	l, buf := newTest(t, "{level} {message}")
	l.Opt(logru.Options{Raw: true}).Info("Raw {x}", "x", "message")
	l.Opt(logru.Options{Raw: true}).Log("WARNING", " + The end\n")
	expect(t, buf, "Raw message + The end\n")
}

func TestOptColors(t *testing.T) {
	l := logru.New()
	color, plain := &lineBuffer{}, &lineBuffer{}
	l.Add(logru.Handler{Sink: color, Format: "<red>a</red> {message}", Colorize: logru.ColorAlways})
	l.Add(logru.Handler{Sink: plain, Format: "<red>a</red> {message}"})
	l.Opt(logru.Options{Colors: true}).Debug("<blue>b</blue> {v}", "v", "<red>B</red>")
	expect(t, color, "\x1b[31ma\x1b[0m \x1b[34mb\x1b[0m <red>B</red>\n")
	expect(t, plain, "a b <red>B</red>\n")
	// Without Colors, markup in the message is text.
	l.Debug("<blue>b</blue>")
	if got := plain.Lines()[1]; got != "a <blue>b</blue>\n" {
		t.Errorf("got %q", got)
	}
}

// loguru's test_opt.py cases: message colours nest inside the format's, every closing tag
// in the message re-applies the format's open tags, and Raw with Colors colours the
// message alone (no newline).
func TestOptColorsNestInFormat(t *testing.T) {
	l := logru.New()
	var got []string
	l.Add(logru.Handler{Sink: func(m logru.Message) { got = append(got, string(m.Text)) }, Format: "<level>FOO {message} BAR</level>", Colorize: logru.ColorAlways})
	c := l.Opt(logru.Options{Colors: true})
	c.Info("> foo <red>{a}</> bar <lvl>{b}</> baz <green>{c}</green> <", "a", 1, "b", 2, "c", 3)
	l.Opt(logru.Options{Colors: true, Raw: true}).Info("Raw <red>colors</red> and <lvl>level</lvl>")
	want := []string{
		"\x1b[1mFOO > foo \x1b[31m1\x1b[0m\x1b[1m bar \x1b[1m2\x1b[0m\x1b[1m baz \x1b[32m3\x1b[0m\x1b[1m < BAR\x1b[0m\n",
		"Raw \x1b[31mcolors\x1b[0m and \x1b[1mlevel\x1b[0m",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestOptException(t *testing.T) {
	l, buf := newTest(t, "{message}")
	err := fmt.Errorf("order: %w", os.ErrNotExist)
	l.Opt(logru.Options{Exception: err}).Error("order {id} failed", "id", 7)
	expect(t, buf, "order 7 failed\norder: file does not exist\n  caused by file does not exist\n")
}

func TestCaller(t *testing.T) {
	l, buf := newTest(t, "{name}|{module}|{function}|{file}|{line}")
	_, _, line, _ := runtime.Caller(0)
	l.Info("x")
	helper(l)
	want := "github.com/logru/logru_test|logru_test|TestCaller|logru_test.go|" + strconv.Itoa(line+1) + "\n"
	if got := buf.Lines()[0]; got != want {
		t.Errorf("caller\n got %q\nwant %q", got, want)
	}
	if got := buf.Lines()[1]; got != "github.com/logru/logru_test|logru_test|TestCaller|logru_test.go|"+strconv.Itoa(line+2)+"\n" {
		t.Errorf("Depth 1 caller = %q", got)
	}
	l.Opt(logru.Options{Depth: 1000}).Info("x")
	if got := buf.Lines()[2]; got != "||<unknown>|<unknown>|0\n" {
		t.Errorf("unreachable depth = %q", got)
	}
	func() { l.Info("closure") }()
	if got := buf.Lines()[3]; !strings.Contains(got, "|TestCaller.func1|") {
		t.Errorf("closure caller = %q", got)
	}
}

func helper(l *logru.Logger) { l.Opt(logru.Options{Depth: 1}).Info("from helper") }

func TestPackageLevelCaller(t *testing.T) {
	// A level below the default handler's DEBUG keeps stderr quiet.
	if _, err := logru.AddLevel(logru.Level{Name: "PKGTEST", No: 1}); err != nil {
		t.Fatal(err)
	}
	buf := &lineBuffer{}
	id, err := logru.Add(logru.Handler{Sink: buf, Format: "{function}:{line} {message}", Level: "PKGTEST"})
	if err != nil {
		t.Fatal(err)
	}
	defer logru.Remove(id)
	_, _, line, _ := runtime.Caller(0)
	logru.Log("PKGTEST", "pkg log")
	logru.LogAttrs(1, "pkg attrs")
	logru.Bind("k", 1).Log("PKGTEST", "pkg bind")
	logru.Opt(logru.Options{}).LogAttrs(1, "pkg opt")
	logru.Trace("pkg trace") // below the default handler's DEBUG too
	want := fmt.Sprintf("TestPackageLevelCaller:%d pkg log\nTestPackageLevelCaller:%d pkg attrs\nTestPackageLevelCaller:%d pkg bind\nTestPackageLevelCaller:%d pkg opt\nTestPackageLevelCaller:%d pkg trace\n", line+1, line+2, line+3, line+4, line+5)
	expect(t, buf, want)
}

func TestActivation(t *testing.T) {
	const pkg = "github.com/logru/logru_test"
	for _, tt := range []struct {
		name  string
		steps func(l *logru.Logger)
		want  bool
	}{
		{"default", func(*logru.Logger) {}, true},
		{"disable all", func(l *logru.Logger) { l.Disable("") }, false},
		{"disable exact", func(l *logru.Logger) { l.Disable(pkg) }, false},
		{"disable parent", func(l *logru.Logger) { l.Disable("github.com/logru") }, false},
		{"segment boundary", func(l *logru.Logger) { l.Disable("github.com/logru/logru") }, true},
		{"not a prefix of a segment", func(l *logru.Logger) { l.Disable("github.com/lo") }, true},
		{"child only", func(l *logru.Logger) { l.Disable(pkg + "/sub") }, true},
		{"longest wins", func(l *logru.Logger) { l.Disable("github.com"); l.Enable(pkg) }, true},
		{"a parent rule replaces its children", func(l *logru.Logger) { l.Disable(""); l.Enable(pkg); l.Disable("github.com") }, false},
		{"child after parent", func(l *logru.Logger) { l.Disable("github.com"); l.Enable(pkg); l.Disable("github.com/other") }, true},
		{"re-enable all", func(l *logru.Logger) { l.Disable(pkg); l.Enable("") }, true},
		{"enable then disable", func(l *logru.Logger) { l.Disable(""); l.Enable(pkg); l.Disable(pkg) }, false},
	} {
		l, buf := newTest(t, "{message}")
		tt.steps(l)
		l.Info("x")
		if got := buf.String() != ""; got != tt.want {
			t.Errorf("%s: logged = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestActivationCacheFollowsChanges(t *testing.T) {
	l, buf := newTest(t, "{message}")
	for i := 0; i < 3; i++ {
		l.Info("on")
		l.Disable("github.com/logru/logru_test")
		l.Info("off")
		l.Enable("github.com/logru/logru_test")
	}
	expect(t, buf, "on\non\non\n")
}

func TestFilters(t *testing.T) {
	l := logru.New()
	var bufs [5]lineBuffer
	l.Add(logru.Handler{Sink: &bufs[0], Format: "{message}", Filter: "github.com/logru/logru_test"})
	l.Add(logru.Handler{Sink: &bufs[1], Format: "{message}", Filter: "github.com/logru/logru"})
	l.Add(logru.Handler{Sink: &bufs[2], Format: "{message}", FilterLevels: map[string]string{"": "ERROR", "github.com/logru": "INFO"}})
	l.Add(logru.Handler{Sink: &bufs[3], Format: "{message}", FilterLevels: map[string]string{"": "ERROR"}})
	l.Add(logru.Handler{Sink: &bufs[4], Format: "{message}", FilterFunc: func(r *logru.Record) bool { return r.Message != "skip" }})
	l.Info("a")
	l.Info("skip")
	for i, want := range []string{"a\nskip\n", "", "a\nskip\n", "", "a\n"} {
		if got := bufs[i].String(); got != want {
			t.Errorf("handler %d: got %q want %q", i, got, want)
		}
	}
}

func TestAddLevel(t *testing.T) {
	l, buf := newTest(t, "{level.icon} {level} {level.no} {message}")
	lv, err := l.AddLevel(logru.Level{Name: "AUDIT", No: 35, Color: "<cyan>", Icon: "@"})
	if err != nil || lv.No != 35 {
		t.Fatalf("AddLevel = %+v, %v", lv, err)
	}
	l.Log("AUDIT", "user {user} changed password", "user", "alice")
	l.LogAttrs(35, "typed")
	if got, ok := l.GetLevel("AUDIT"); !ok || got.Icon != "@" {
		t.Errorf("GetLevel = %+v, %v", got, ok)
	}
	// Updating colour and icon, with the same number or 0.
	if lv, err := l.AddLevel(logru.Level{Name: "AUDIT", Icon: "#"}); err != nil || lv.Color != "<cyan>" || lv.Icon != "#" {
		t.Errorf("update = %+v, %v", lv, err)
	}
	if _, err := l.AddLevel(logru.Level{Name: "DEBUG", No: 10, Icon: "!"}); err != nil {
		t.Error(err)
	}
	l.Debug("dbg")
	expect(t, buf, "@ AUDIT 35 user alice changed password\n@ AUDIT 35 typed\n! DEBUG 10 dbg\n")
	if lv, ok := l.GetLevel("audit"); !ok || lv.Name != "AUDIT" {
		t.Errorf("GetLevel(audit) = %+v, %v: names match without regard to case", lv, ok)
	}
}

func TestAddLevelErrors(t *testing.T) {
	l := logru.New()
	for _, tt := range []struct {
		lv   logru.Level
		want error
		text string
	}{
		{logru.Level{No: 3}, logru.ErrLevelName, ""},
		{logru.Level{Name: "X", No: -1}, logru.ErrLevelNo, ""},
		{logru.Level{Name: "DEBUG", No: 100}, logru.ErrLevelExists, ""},
		{logru.Level{Name: "NEW"}, logru.ErrNoLevel, ""},
		{logru.Level{Name: "X", No: 3, Color: "<foo>"}, nil, `"<foo>" does not correspond`},
		{logru.Level{Name: "X", No: 3, Color: "</red>"}, nil, "no corresponding opening tag"},
		{logru.Level{Name: "X", No: 3, Color: "<lvl>"}, nil, "not allowed"},
		{logru.Level{Name: "A\nB", No: 3}, nil, `Name "A\nB": holds a control character`},
		{logru.Level{Name: "A\x1b[2J", No: 3}, nil, "control character"},
		{logru.Level{Name: "A\u0085", No: 3}, nil, "control character"},
		{logru.Level{Name: "A\xff", No: 3}, nil, "invalid UTF-8"},
		{logru.Level{Name: "INFO", Icon: "\r"}, nil, `Icon "\r": holds a control character`},
	} {
		_, err := l.AddLevel(tt.lv)
		if err == nil || tt.want != nil && !errors.Is(err, tt.want) || tt.text != "" && !strings.Contains(err.Error(), tt.text) {
			t.Errorf("AddLevel(%+v) = %v, want %v %q", tt.lv, err, tt.want, tt.text)
		}
	}
}

func TestUnknownLevel(t *testing.T) {
	var errs []error
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, OnError: func(err error) { errs = append(errs, err) }})
	l.Log("AUDTI", "lost {x}", "x", 1)
	l.LogAttrs(37, "no such number")
	if buf.String() != "" {
		t.Errorf("a record at an unknown level was written: %q", buf.String())
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), `level "AUDTI" does not exist`) || !strings.Contains(errs[0].Error(), "lost {x}") ||
		!strings.Contains(errs[1].Error(), "level number 37") {
		t.Errorf("errors = %v", errs)
	}
}

func TestColorize(t *testing.T) {
	for _, tt := range []struct {
		mode logru.ColorMode
		want string
	}{
		{logru.ColorAuto, "W\n"}, // a buffer is no terminal
		{logru.ColorNever, "W\n"},
		{logru.ColorAlways, "\x1b[33m\x1b[1mW\x1b[0m\n"},
	} {
		l := logru.New()
		buf := &lineBuffer{}
		l.Add(logru.Handler{Sink: buf, Format: "<level>W</level>", Colorize: tt.mode})
		l.Warning("x")
		expect(t, buf, tt.want)
	}
}

// ColorAuto follows NO_COLOR, FORCE_COLOR and TERM=dumb for *os.File sinks (a temporary
// file here, which is no terminal); writers that are not files and path sinks are never
// coloured automatically, and ColorAlways or ColorNever ignore the environment.
func TestColorAutoEnvironment(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		mode logru.ColorMode
		file bool // an *os.File sink, else a bytes.Buffer
		want bool
	}{
		{"file, no env", nil, logru.ColorAuto, true, false},
		{"file, FORCE_COLOR", map[string]string{"FORCE_COLOR": "1"}, logru.ColorAuto, true, true},
		{"file, FORCE_COLOR and TERM=dumb", map[string]string{"FORCE_COLOR": "1", "TERM": "dumb"}, logru.ColorAuto, true, true},
		{"file, NO_COLOR wins", map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, logru.ColorAuto, true, false},
		{"file, empty NO_COLOR", map[string]string{"FORCE_COLOR": "1", "NO_COLOR": ""}, logru.ColorAuto, true, true},
		{"buffer, FORCE_COLOR", map[string]string{"FORCE_COLOR": "1"}, logru.ColorAuto, false, false},
		{"always, NO_COLOR", map[string]string{"NO_COLOR": "1"}, logru.ColorAlways, true, true},
		{"never, FORCE_COLOR", map[string]string{"FORCE_COLOR": "1"}, logru.ColorNever, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"NO_COLOR", "FORCE_COLOR", "TERM"} {
				t.Setenv(k, tt.env[k])
			}
			f, err := os.CreateTemp(t.TempDir(), "color")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var buf bytes.Buffer
			var sink any = &buf
			if tt.file {
				sink = f
			}
			l := logru.New()
			if _, err := l.Add(logru.Handler{Sink: sink, Format: "<level>{message}</level>", Colorize: tt.mode}); err != nil {
				t.Fatal(err)
			}
			l.Warning("W")
			l.Close()
			got := buf.Bytes()
			if tt.file {
				got, _ = os.ReadFile(f.Name())
			}
			want := "W\n"
			if tt.want {
				want = "\x1b[33m\x1b[1mW\x1b[0m\n"
			}
			if string(got) != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestColorModeText(t *testing.T) {
	for _, s := range []string{"auto", "always", "never"} {
		var m logru.ColorMode
		if err := m.UnmarshalText([]byte(s)); err != nil || m.String() != s {
			t.Errorf("%q -> %v, %v", s, m, err)
		}
		if b, err := m.MarshalText(); err != nil || string(b) != s {
			t.Errorf("MarshalText(%v) = %q, %v", m, b, err)
		}
	}
	var m logru.ColorMode
	if err := m.UnmarshalText([]byte("sometimes")); err == nil {
		t.Error("bad colorize accepted")
	}
}

func TestSerialize(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, Serialize: true})
	_, _, line, _ := runtime.Caller(0)
	l.Bind("user", "bob").Info("hello {n}", "n", 3, "nan", math.Inf(1))
	got := buf.String()
	for _, want := range []string{
		`"level":"INFO","level_no":20,"message":"hello 3","name":"github.com/logru/logru_test","function":"TestSerialize","file":"logru_test.go","line":` + strconv.Itoa(line+1),
		`"extra":{"user":"bob","n":3,"nan":"+Inf"},"exception":null}` + "\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("serialized %s\nlacks %s", got, want)
		}
	}
}

func TestFormatFunc(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, FormatFunc: func(r *logru.Record) string { return r.Level.Name + ": {not parsed} <red>" + r.Message }})
	l.Info("m")
	expect(t, buf, "INFO: {not parsed} <red>m")
}

func TestSinkKinds(t *testing.T) {
	l := logru.New()
	var fromFunc []string
	var mu sync.Mutex
	l.Add(logru.Handler{Sink: func(m logru.Message) {
		mu.Lock()
		defer mu.Unlock()
		fromFunc = append(fromFunc, string(m.Text)+"|"+m.Record.Level.Name)
	}, Format: "{message}"})
	cs := &customSink{}
	id, _ := l.Add(logru.Handler{Sink: cs, Format: "{message}"})
	l.Info("x")
	if len(fromFunc) != 1 || fromFunc[0] != "x\n|INFO" {
		t.Errorf("func sink got %q", fromFunc)
	}
	l.Complete()
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	if cs.lines != "x\n" || cs.flushed != 2 || cs.closed != 1 {
		t.Errorf("custom sink = %+v", cs)
	}
}

type customSink struct {
	lines           string
	flushed, closed int
}

func (s *customSink) Write(m logru.Message) error { s.lines += string(m.Text); return nil }
func (s *customSink) Flush() error                { s.flushed++; return nil }
func (s *customSink) Close() error                { s.closed++; return nil }

func TestFileSink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "dir", "app.log")
	l := logru.New()
	id, err := l.Add(logru.Handler{Sink: path, Format: "{message}"})
	if err != nil {
		t.Fatal(err)
	}
	l.Info("one")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	// An existing file is appended to.
	l.Add(logru.Handler{Sink: path, Format: "{message}", Mode: 0o640, Buffering: 4096})
	l.Info("two")
	l.Complete()
	if b, _ := os.ReadFile(path); string(b) != "one\ntwo\n" {
		t.Errorf("file holds %q", b)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l.Info("after Close")
	if st := l.Stats(); len(st) != 1 || st[0].Dropped != 1 || st[0].Records != 1 {
		t.Errorf("stats after Close: %+v", st)
	}
	if _, err := l.Add(logru.Handler{Sink: &lineBuffer{}}); err == nil {
		t.Error("Add after Close succeeded")
	}
	if err := l.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestFileSinkDelay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "late.log")
	l := logru.New()
	l.Add(logru.Handler{Sink: path, Delay: true, Format: "{message}"})
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("Delay created the file at Add: %v", err)
	}
	l.Info("now")
	l.Close()
	if b, _ := os.ReadFile(path); string(b) != "now\n" {
		t.Errorf("file holds %q", b)
	}
}

func TestAddValidation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "never.log")
	for _, tt := range []struct {
		h     logru.Handler
		field string
	}{
		{logru.Handler{}, "Handler.Sink"},
		{logru.Handler{Sink: 42}, "Handler.Sink"},
		{logru.Handler{Sink: ""}, "Handler.Sink"},
		{logru.Handler{Sink: (*os.File)(nil)}, "Handler.Sink"},
		{logru.Handler{Sink: dir}, "Handler.Sink"},
		{logru.Handler{Sink: path, Level: "NOPE"}, "Handler.Level"},
		{logru.Handler{Sink: path, Level: "-3"}, "Handler.Level"},
		{logru.Handler{Sink: path, Format: "<red>x"}, "Handler.Format"},
		{logru.Handler{Sink: path, Format: "{nope}"}, "Handler.Format"},
		{logru.Handler{Sink: path, Serialize: true, Format: "{message}"}, "Handler.Format"},
		{logru.Handler{Sink: path, Format: "x", FormatFunc: func(*logru.Record) string { return "" }}, "Handler.Format"},
		{logru.Handler{Sink: path, FilterLevels: map[string]string{"a/b": "NOPE"}}, `Handler.FilterLevels["a/b"]`},
		{logru.Handler{Sink: path, Colorize: 7}, "Handler.Colorize"},
		{logru.Handler{Sink: path, Overflow: "sometimes"}, "Handler.Overflow"},
		{logru.Handler{Sink: path, QueueSize: -1}, "Handler.QueueSize"},
		{logru.Handler{Sink: path, Enqueue: true, QueueSize: -5}, "Handler.QueueSize"},
		{logru.Handler{Sink: path, Rotation: "100"}, "Handler.Rotation"},
		{logru.Handler{Sink: path, Rotation: "w7"}, "Handler.Rotation"},
		{logru.Handler{Sink: path, Retention: "sunday"}, "Handler.Retention"},
		{logru.Handler{Sink: path, Retention: "3", RetainFunc: func([]string) error { return nil }}, "Handler.Retention"},
		{logru.Handler{Sink: path, Compression: "rar"}, "Handler.Compression"},
		{logru.Handler{Sink: path, Compression: "gz", CompressFunc: func(string) error { return nil }}, "Handler.Compression"},
		{logru.Handler{Sink: path, Naming: "weird"}, "Handler.Naming"},
		{logru.Handler{Sink: path, Naming: "old-{date}.log"}, "Handler.Naming"},
		{logru.Handler{Sink: path, Naming: "old/{time}.log"}, "Handler.Naming"},
		{logru.Handler{Sink: &bytes.Buffer{}, Rotation: "1 MB"}, "Handler.Rotation"},
		{logru.Handler{Sink: "stderr", Watch: true}, "Handler.Watch"},
		{logru.Handler{Sink: path, Mode: os.ModeDir | 0o600}, "Handler.Mode"},
		{logru.Handler{Sink: path, Buffering: -1}, "Handler.Buffering"},
		{logru.Handler{Sink: "stdout", Delay: true}, "Handler.Delay"},
		{logru.Handler{Sink: &bytes.Buffer{}, Mode: 0o644}, "Handler.Mode"},
		{logru.Handler{Sink: slog.NewTextHandler(&bytes.Buffer{}, nil), Serialize: true}, "Handler.Serialize"},
		{logru.Handler{Sink: slog.NewTextHandler(&bytes.Buffer{}, nil), Format: "{message}"}, "Handler.Format"},
	} {
		l := logru.New()
		id, err := l.Add(tt.h)
		var ce *logru.ConfigError
		if err == nil || !errors.As(err, &ce) || ce.Field != tt.field {
			t.Errorf("Add(%+v) = %d, %v; want a ConfigError for %s", tt.h, id, err, tt.field)
		}
		if len(l.Stats()) != 0 {
			t.Errorf("a rejected handler was added: %+v", tt.h)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a rejected handler created its file: %v", err)
	}
}

func TestConfigErrorText(t *testing.T) {
	_, err := logru.New().Add(logru.Handler{Sink: "x.log", Level: "LOUD"})
	if err == nil || err.Error() != `logru: Handler.Level "LOUD": level does not exist` {
		t.Errorf("error text = %v", err)
	}
}

func TestRemove(t *testing.T) {
	l, buf := newTest(t, "{message}")
	if err := l.Remove(99); err == nil {
		t.Error("Remove of an unknown id succeeded")
	}
	l.Info("kept")
	if err := l.RemoveAll(); err != nil {
		t.Fatal(err)
	}
	l.Info("gone")
	expect(t, buf, "kept\n")
	if l.Enabled(logru.LevelCritical) {
		t.Error("no handler, yet the gate is open")
	}
}

func TestSetLevel(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	id, _ := l.Add(logru.Handler{Sink: buf, Format: "{message}", Level: "INFO"})
	l.Debug("no")
	if err := l.SetLevel(id, "DEBUG"); err != nil {
		t.Fatal(err)
	}
	l.Debug("yes")
	if err := l.SetLevel(id, "NOPE"); err == nil {
		t.Error("bad level accepted")
	}
	if err := l.SetLevel(id+1, "INFO"); err == nil {
		t.Error("unknown id accepted")
	}
	expect(t, buf, "yes\n")
	if st := l.Stats(); st[0].Level != "DEBUG" || st[0].Records != 1 {
		t.Errorf("stats = %+v", st)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk on fire") }

type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("sink exploded") }

func TestSinkErrors(t *testing.T) {
	l := logru.New()
	var errs []string
	onErr := func(err error) { errs = append(errs, err.Error()) }
	ok := &lineBuffer{}
	l.Add(logru.Handler{Sink: failWriter{}, OnError: onErr})
	l.Add(logru.Handler{Sink: panicWriter{}, OnError: onErr})
	l.Add(logru.Handler{Sink: ok, Format: "{message}"})
	l.Info("survives")
	expect(t, ok, "survives\n")
	if len(errs) != 2 || errs[0] != "disk on fire" || !strings.Contains(errs[1], "sink panicked: sink exploded") {
		t.Errorf("errors = %q", errs)
	}
	st := l.Stats()
	if st[0].Errors != 1 || st[1].Errors != 1 || st[2].Records != 1 {
		t.Errorf("stats = %+v", st)
	}
}

type badError struct{}

func (badError) Error() string { panic("error boom") }

type badJSON struct{ X int }

func (badJSON) MarshalJSON() ([]byte, error) { panic("json boom") }

type nilError struct{ msg string }

func (e *nilError) Error() string { return e.msg }

type chain struct{ Next *chain }

// Every hostile value, end to end: each line stays one line of text or one valid JSON
// object, and the value is shown for what it is.
func TestHostileValuesEndToEnd(t *testing.T) {
	deep := &chain{}
	for c, i := deep, 0; i < 5000; i++ {
		c.Next = &chain{}
		c = c.Next
	}
	cyc := &chain{}
	cyc.Next = cyc
	var nilErr *nilError
	for _, tt := range []struct {
		name     string
		v        any
		text, js string
	}{
		{"panicking String", badStringer{}, `<PANIC=String method: stringer boom>`, `"<PANIC=String method: stringer boom>"`},
		{"panicking Error", badError{}, `<PANIC=Error method: error boom>`, `"<PANIC=Error method: error boom>"`},
		{"panicking MarshalJSON", badJSON{1}, "{X:1}", `"<PANIC=MarshalJSON method: json boom>"`},
		{"nil Stringer receiver", (*nilStringer)(nil), "<nil>", "null"},
		{"nil error receiver", nilErr, "<nil>", "null"},
		{"pointer cycle", cyc, "<cycle *logru_test.chain>", `"<cycle *logru_test.chain>"`},
		{"deep value", deep, "<max depth>", `"<max depth>"`},
		{"NaN", math.NaN(), "NaN", `"NaN"`},
		{"+Inf", math.Inf(1), "+Inf", `"+Inf"`},
		{"-Inf float32", float32(math.Inf(-1)), "-Inf", `"-Inf"`},
		{"invalid UTF-8", "a\xffb", `a\xffb`, `"a\ufffdb"`},
		{"control characters", "a\nb\r\x1b[2J\u0085\u2028", `a\nb\r\x1b[2J\u0085\u2028`, `"a\nb\r\u001b[2J\u0085\u2028"`},
	} {
		l := logru.New()
		text, js := &lineBuffer{}, &lineBuffer{}
		l.Add(logru.Handler{Sink: text, Format: "{extra[v]}"})
		l.Add(logru.Handler{Sink: js, Serialize: true})
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: the log call panicked: %v", tt.name, r)
				}
			}()
			l.Info("m", "v", tt.v)
		}()
		if got := text.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, tt.text) {
			t.Errorf("%s: text %q lacks %q", tt.name, got, tt.text)
		}
		got := js.String()
		if strings.Count(got, "\n") != 1 || !validJSON(got) || !strings.Contains(got[strings.Index(got, `"extra":{"v":`)+1:], tt.js) {
			t.Errorf("%s: JSON %q lacks %s", tt.name, got, tt.js)
		}
	}
}

type badStringer struct{}

func (badStringer) String() string { panic("stringer boom") }

type nilStringer struct{ s string }

func (n *nilStringer) String() string { return n.s }

func TestHostileValues(t *testing.T) {
	l := logru.New()
	text, js := &lineBuffer{}, &lineBuffer{}
	l.Add(logru.Handler{Sink: text, Format: "{message} {extra}"})
	l.Add(logru.Handler{Sink: js, Serialize: true})
	cyc := map[string]any{}
	cyc["self"] = cyc
	var np *nilStringer
	l.Info("v={v}", "v", badStringer{}, "cyc", cyc, "nil", np, "nan", math.NaN(), "bad", "a\xffb")
	got := text.String()
	for _, want := range []string{"v=<PANIC=String method: stringer boom>", "<cycle", "nil=<nil>", "nan=NaN"} {
		if !strings.Contains(got, want) {
			t.Errorf("text line %q lacks %q", got, want)
		}
	}
	if strings.Count(got, "\n") != 1 {
		t.Errorf("text line is not one line: %q", got)
	}
	if j := js.String(); !strings.HasSuffix(j, "\n") || strings.Count(j, "\n") != 1 || !validJSON(j) {
		t.Errorf("bad JSON line %q", j)
	}
}

// Many goroutines log while handlers come and go: every record is one whole line, and
// nothing races.
func TestConcurrency(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, Format: "{message} {extra[g]} {extra[i]}"})
	var wg sync.WaitGroup
	const goroutines, per = 8, 200
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			child := l.Bind("g", g)
			for i := 0; i < per; i++ {
				child.Info("line", "i", i)
			}
		}()
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			id, _ := l.Add(logru.Handler{Sink: &lineBuffer{}})
			l.Remove(id)
			l.Disable("nothing/here")
			l.Enable("nothing/here")
		}
	}()
	wg.Wait()
	close(stop)
	<-done
	lines := buf.Lines()
	if len(lines) != goroutines*per {
		t.Fatalf("%d lines, want %d", len(lines), goroutines*per)
	}
	for _, ln := range lines {
		if !strings.HasPrefix(ln, "line ") || strings.Count(ln, "\n") != 1 || !strings.HasSuffix(ln, "\n") {
			t.Fatalf("bad line %q", ln)
		}
	}
}

func TestRecordAfterClose(t *testing.T) {
	l, buf := newTest(t, "{message}")
	l.Close()
	l.Info("dropped")
	l.Info("dropped too")
	expect(t, buf, "")
	if st := l.Stats(); st[0].Dropped != 2 {
		t.Errorf("dropped after Close: %+v", st)
	}
}

// Close while other goroutines log: nothing panics, and every record is either written
// or counted as dropped.
func TestCloseWhileLogging(t *testing.T) {
	l, buf := newTest(t, "{message}")
	var wg sync.WaitGroup
	const goroutines, per = 4, 500
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				l.Info("x")
			}
		}()
	}
	l.Close()
	wg.Wait()
	st := l.Stats()[0]
	if int(st.Records+st.Dropped) != goroutines*per || int(st.Records) != len(buf.Lines()) {
		t.Errorf("written %d + dropped %d != %d (lines %d)", st.Records, st.Dropped, goroutines*per, len(buf.Lines()))
	}
}

func TestExtraAPI(t *testing.T) {
	l, buf := newTest(t, "{extra}")
	l.Patch(func(r *logru.Record) {
		r.Extra.Delete("drop")
		r.Extra.Set("added", true)
		if v, ok := r.Extra.Get("keep"); !ok || v != "k" {
			r.Extra.Set("keep", "missing")
		}
		n := 0
		for range r.Extra.All() {
			n++
		}
		r.Extra.Set("n", n)
	}).Info("m", "drop", 1, "keep", "k")
	expect(t, buf, "keep=k added=true n=2\n")
}

func TestTimeIsLocalAndElapsedGrows(t *testing.T) {
	l := logru.New()
	var got []*logru.Record
	l.Add(logru.Handler{Sink: func(m logru.Message) { got = append(got, m.Record.Clone()) }})
	l.Info("a")
	time.Sleep(time.Millisecond) // the clock itself is what is under test here
	l.Info("b")
	if got[0].Time.Location() != time.Local || !(got[1].Elapsed > got[0].Elapsed) {
		t.Errorf("time %v elapsed %v %v", got[0].Time.Location(), got[0].Elapsed, got[1].Elapsed)
	}
}

// SetLevel while other goroutines log: the gate follows and nothing races.
func TestSetLevelConcurrent(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	id, _ := l.Add(logru.Handler{Sink: buf, Format: "{message}", Level: "INFO"})
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				l.Debug("d")
				l.Info("i")
			}
		}()
	}
	for i := 0; i < 100; i++ {
		level := "DEBUG"
		if i%2 == 1 {
			level = "INFO"
		}
		if err := l.SetLevel(id, level); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	if err := l.SetLevel(id, "ERROR"); err != nil || l.Enabled(logru.LevelWarning) || !l.Enabled(logru.LevelError) {
		t.Errorf("the gate does not follow SetLevel: %v", err)
	}
}

// A sink that logs into its own logger neither deadlocks nor loses count: the inner
// record goes to the other handlers and is dropped (and reported) by the busy one.
func TestSinkLogsIntoItsOwnLogger(t *testing.T) {
	l := logru.New()
	other := &lineBuffer{}
	var notes []string
	var inner *logru.Logger = l
	l.Add(logru.Handler{Format: "{message}", Sink: func(m logru.Message) {
		if m.Record.Message == "outer" {
			inner.Info("inner")
		}
	}, OnError: func(err error) { notes = append(notes, err.Error()) }})
	l.Add(logru.Handler{Sink: other, Format: "{message}"})
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.Info("outer")
	}()
	<-done // a deadlock would hang here (the test binary's timeout reports it)
	if got := other.String(); got != "inner\nouter\n" {
		t.Errorf("other handler got %q", got)
	}
	st := l.Stats()
	if st[0].Records != 1 || st[0].Dropped != 1 || len(notes) != 1 || !strings.Contains(notes[0], "own handler") {
		t.Errorf("stats %+v notes %q", st, notes)
	}
}

// LogAttrs copies plain attributes in one step and resolves the others one by one; both
// ways must give the record the ...any path gives.
func TestLogAttrsMatchesArgs(t *testing.T) {
	for _, attrs := range [][]slog.Attr{
		{slog.String("user", "alice"), slog.Int("n", 3)},
		{slog.Int("k", 1), slog.Int("k", 2)},
		{slog.Int("a", 1), {}, slog.Int("b", 2)},
		{slog.Group("", slog.Int("inlined", 1)), slog.Int("after", 2)},
		{slog.Group("", slog.Group("", slog.Int("deep", 1)))},
		{slog.Any("tok", secretToken("x")), slog.Int("n", 3)},
		{slog.Group("g", slog.Int("a", 1))},
	} {
		la, bufA := newTest(t, "{message} | {extra}")
		lb, bufB := newTest(t, "{message} | {extra}")
		args := make([]any, len(attrs))
		for i, a := range attrs {
			args[i] = a
		}
		la.LogAttrs(logru.LevelInfo, "n={n}", attrs...)
		lb.Info("n={n}", args...)
		if a, b := bufA.String(), bufB.String(); a != b {
			t.Errorf("%v: LogAttrs wrote %q, Info wrote %q", attrs, a, b)
		}
	}
}
