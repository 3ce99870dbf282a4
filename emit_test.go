package logru_test

import (
	"log/slog"
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/logru/logru"
)

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

func TestSerialize(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, Serialize: true})
	_, _, line, _ := runtime.Caller(0)
	l.Bind("user", "bob").Info("hello {n}", "n", 3, "nan", math.Inf(1))
	got := buf.String()
	for _, want := range []string{
		`"level":"INFO","level_no":20,"message":"hello 3","name":"github.com/logru/logru_test","function":"TestSerialize","file":"emit_test.go","line":` + strconv.Itoa(line+1),
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
