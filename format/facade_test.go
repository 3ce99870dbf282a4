package format

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/render"
)

// format's option structs copy render's field by field: a field added to render's and
// not here would be dropped silently by the conversion.
func TestOptionsMirrorRender(t *testing.T) {
	for _, tt := range []struct{ public, engine reflect.Type }{
		{reflect.TypeFor[Options](), reflect.TypeFor[render.Options]()},
		{reflect.TypeFor[ExceptionOptions](), reflect.TypeFor[render.ExceptionOptions]()},
	} {
		if tt.public.NumField() != tt.engine.NumField() {
			t.Errorf("%v has %d fields, %v %d", tt.public, tt.public.NumField(), tt.engine, tt.engine.NumField())
			continue
		}
		for i := range tt.public.NumField() {
			if p, e := tt.public.Field(i), tt.engine.Field(i); p.Name != e.Name || p.Type.Name() != e.Type.Name() {
				t.Errorf("%v field %d is %s %v, %v has %s %v", tt.public, i, p.Name, p.Type, tt.engine, e.Name, e.Type)
			}
		}
	}
}

func stackRecord() *core.Record {
	r := &core.Record{Level: core.Level{Name: "ERROR", No: 40}, Message: "failed"}
	r.Exception = &core.Exception{Type: "*errors.errorString", Value: "boom",
		Stack: []core.Frame{
			{Function: "main.main", File: "/app/main.go", Line: 3},
			{Function: "main.run", File: "/app/run.go", Line: 9},
		},
		Caught: 1}
	return r
}

// Every option given to the public constructors reaches the engine.
func TestOptionsReachEngine(t *testing.T) {
	all := &Options{PID: 7, ProcessName: "shop", Exception: ExceptionOptions{Backtrace: true}}
	for _, tt := range []struct {
		name     string
		tmpl     string
		opts     *Options
		want     string // a substring of the output
		wantNot  string
		wantJSON string
	}{
		{"nil options", "{process} [{process.name}]{exception}", nil, "0 []", "main.main", `"stack":[{"function":"main.run"`},
		{"process", "{process.id} [{process.name}]", all, "7 [shop]", "", ""},
		{"backtrace", "{exception}", all, "main.main", "", `"stack":[{"function":"main.main"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tp, err := Parse(tt.tmpl, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := string(tp.Append(nil, stackRecord(), false))
			if !strings.Contains(got, tt.want) || tt.wantNot != "" && strings.Contains(got, tt.wantNot) {
				t.Errorf("Parse(%q).Append = %q, want it to hold %q and not %q", tt.tmpl, got, tt.want, tt.wantNot)
			}
			if tt.wantJSON != "" {
				if js := string(NewJSON(tt.opts).Append(nil, stackRecord())); !strings.Contains(js, tt.wantJSON) {
					t.Errorf("JSON = %s, want it to hold %s", js, tt.wantJSON)
				}
			}
		})
	}
	r := stackRecord()
	for _, o := range []ExceptionOptions{{}, {Backtrace: true}, {Diagnose: true}} {
		if got, want := AppendException(nil, r.Exception, true, o), render.AppendException(nil, r.Exception, true, o.render()); string(got) != string(want) {
			t.Errorf("AppendException(%+v) = %q, want the engine's %q", o, got, want)
		}
	}
}

// Errors from the public functions are *SyntaxError, and so are the engine's (the root
// returns those), since SyntaxError is the engine's type.
func TestSyntaxErrorIsEngines(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		off  int
	}{
		{"Parse", func() error { _, err := Parse("ok <red>{message}", nil); return err }(), 3},
		{"Strip", func() error { _, err := Strip("</b>"); return err }(), 0},
		{"Colorize", func() error { _, err := Colorize("<nope>x</nope>", ""); return err }(), 0},
		{"LevelColor", func() error { _, err := LevelColor("<level>"); return err }(), 0},
		{"engine", func() error { _, err := render.Parse("{nope}", nil); return err }(), 0},
	} {
		var se *SyntaxError
		if !errors.As(tt.err, &se) || se.Offset != tt.off || !strings.HasPrefix(se.Error(), "format: ") {
			t.Errorf("%s: error %v (%T), want a *SyntaxError at byte %d", tt.name, tt.err, tt.err, tt.off)
		}
	}
}

// The zero Template renders nothing and does not panic.
func TestZeroTemplate(t *testing.T) {
	var zero Template
	if got := zero.Append([]byte("x"), stackRecord(), true); string(got) != "x" {
		t.Errorf("zero Template appended: %q", got)
	}
	var nilT *Template
	if got := nilT.Append(nil, stackRecord(), false); len(got) != 0 || nilT.String() != "" || zero.String() != "" {
		t.Errorf("nil Template: %q, String %q", got, nilT.String())
	}
	if s := MustParse("{level}").String(); s != "{level}" {
		t.Errorf("String() = %q", s)
	}
}

// MustParse panics with the *SyntaxError.
func TestMustParsePanics(t *testing.T) {
	defer func() {
		if _, ok := recover().(*SyntaxError); !ok {
			t.Error("MustParse of a bad template did not panic with a *SyntaxError")
		}
	}()
	MustParse("{")
}
