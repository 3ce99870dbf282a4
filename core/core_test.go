package core

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestExtraOrderAndReplace(t *testing.T) {
	var e Extra
	e.Set("a", 1)
	e.Set("b", "two")
	e.Set("a", 3) // replaces in place
	e.SetAttr(slog.Int(BadKey, 1))
	e.SetAttr(slog.Int(BadKey, 2)) // bad keys never replace each other: the next is !BADKEY2
	var keys []string
	var vals []any
	for k, v := range e.All() {
		keys, vals = append(keys, k), append(vals, v)
	}
	if !slices.Equal(keys, []string{"a", "b", BadKey, BadKey + "2"}) || fmt.Sprint(vals) != "[3 two 1 2]" {
		t.Errorf("keys %v values %v", keys, vals)
	}
	if v, ok := e.Get("b"); !ok || v != "two" {
		t.Errorf("Get(b) = %v, %v", v, ok)
	}
	if _, ok := e.Get("zz"); ok {
		t.Error("Get of a missing key succeeded")
	}
	if !e.Delete(BadKey) || e.Len() != 2 || e.Delete(BadKey) { // every bad key
		t.Errorf("Delete(BadKey): len %d", e.Len())
	}
	e.Set("v", slog.IntValue(9))
	if v, _ := e.Lookup("v"); v.Kind() != slog.KindInt64 || v.Int64() != 9 {
		t.Errorf("a slog.Value is stored as is: %v", v)
	}
}

func TestExtraManyKeys(t *testing.T) {
	var e Extra
	for i := 0; i < 200; i++ {
		e.Set(fmt.Sprint("k", i), i)
	}
	for i := 0; i < 200; i++ {
		if v, ok := e.Get(fmt.Sprint("k", i)); !ok || v != int64(i) {
			t.Fatalf("k%d = %v, %v", i, v, ok)
		}
	}
}

func TestExtraCloneAndMerge(t *testing.T) {
	var a, b Extra
	a.Set("x", 1)
	c := a.Clone()
	c.Set("x", 2)
	if v, _ := a.Get("x"); v != int64(1) {
		t.Error("Clone shares storage")
	}
	b.Set("y", 1)
	b.Set("x", 5)
	a.Merge(&b)
	if v, _ := a.Get("x"); v != int64(5) || a.Len() != 2 {
		t.Errorf("Merge: %v, len %d", v, a.Len())
	}
	var empty Extra
	empty.Merge(&b)
	empty.Set("z", 1)
	if b.Len() != 2 {
		t.Error("Merge into an empty Extra shares storage with its source")
	}
}

func TestRecordCloneReset(t *testing.T) {
	r := &Record{Message: "m", Line: 3}
	r.Extra.Set("k", "v")
	c := r.Clone()
	r.Reset()
	if r.Message != "" || r.Extra.Len() != 0 || c.Message != "m" || c.Extra.Len() != 1 {
		t.Errorf("after Reset: %+v; clone %+v", r, c)
	}
}

type wrapped struct{ err error }

func (w wrapped) Error() string { return "wrapped: " + w.err.Error() }
func (w wrapped) Unwrap() error { return w.err }

type panicky struct{}

func (*panicky) Error() string { panic("no") }

func runtimeError() (v any) {
	defer func() { v = recover() }()
	s, i := []int{1, 2, 3}, 5
	_ = s[i]
	return nil
}

func mapPanic() (v any) {
	defer func() { v = recover() }()
	var m map[string]int
	//lint:ignore SA5000 the write to a nil map is the panic under test
	m["x"] = 1
	return nil
}

// TestExceptionLabel: exceptions are named as a Go programmer knows them, never by the standard
// library's internal types; a type of the program's own keeps its name.
func TestExceptionLabel(t *testing.T) {
	for _, tt := range []struct {
		v    any
		want string
	}{
		{errors.New("e"), "error"},
		{fmt.Errorf("w: %w", errors.New("e")), "error"},
		{errors.Join(errors.New("a"), errors.New("b")), "error"},
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrNotExist}, "error"},
		{runtimeError(), "runtime error"},
		{mapPanic(), "runtime error"},
		{"boom", "panic"},
		{42, "panic"},
		{nil, "panic"},
		{wrapped{errors.New("x")}, "core.wrapped"},
		{&panicky{}, "*core.panicky"},
		{strPanic{}, "core.strPanic"},
	} {
		if got := label(tt.v); got != tt.want {
			t.Errorf("label(%#v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestNewException(t *testing.T) {
	if NewException(nil) != nil {
		t.Error("nil error gives an exception")
	}
	base := errors.New("base")
	e := NewException(errors.Join(wrapped{base}, errors.New("other")))
	if e.Type != "error" || len(e.Chain) != 3 {
		t.Fatalf("%+v", e)
	}
	want := []Cause{{"core.wrapped", "wrapped: base", 1, nil}, {"error", "base", 2, nil}, {"error", "other", 1, nil}}
	got := slices.Clone(e.Chain)
	for i := range got {
		if got[i].Err == nil {
			t.Errorf("cause %d has no Err", i)
		}
		got[i].Err = nil
	}
	if !slices.Equal(got, want) {
		t.Errorf("chain %+v", got)
	}
	if !e.Is(base) {
		t.Error("Is(base) is false")
	}
	var p *panicky
	if e := NewException(p); e.Value != "<nil>" {
		t.Errorf("nil receiver: %+v", e)
	}
	if e := NewException(&panicky{}); e.Value != "<PANIC=Error method>" {
		t.Errorf("panicking Error: %+v", e)
	}
	if TypeName(nil) != "nil" || TypeName(3) != "int" {
		t.Error("TypeName")
	}
}

// A self-wrapping error must not loop.
type loop struct{}

func (l *loop) Error() string { return "loop" }
func (l *loop) Unwrap() error { return l }

func TestExceptionCycle(t *testing.T) {
	e := NewException(&loop{})
	if len(e.Chain) != maxChain {
		t.Errorf("chain length %d", len(e.Chain))
	}
}

// stackErr has the method shape of github.com/pkg/errors: StackTrace() returning a slice
// of a uintptr type.
type pcFrame uintptr
type stackErr struct{ pcs []pcFrame }

func (stackErr) Error() string { return "with stack" }
func (s stackErr) StackTrace() []pcFrame {
	return s.pcs
}

type callersErr struct{ pcs []uintptr }

func (callersErr) Error() string        { return "with callers" }
func (c callersErr) Callers() []uintptr { return c.pcs }

//go:noinline
func capture() []uintptr {
	pcs := make([]uintptr, 16)
	return pcs[:runtime.Callers(1, pcs)]
}

func TestErrorStacks(t *testing.T) {
	pcs := capture()
	var frames []pcFrame
	for _, pc := range pcs {
		frames = append(frames, pcFrame(pc))
	}
	for _, err := range []error{stackErr{frames}, callersErr{pcs}, fmt.Errorf("outer: %w", stackErr{frames})} {
		e := NewException(err)
		if len(e.Stack) == 0 || e.Caught != len(e.Stack) {
			t.Fatalf("%T: no stack: %+v", err, e)
		}
		last := e.Stack[len(e.Stack)-1]
		if !strings.HasSuffix(last.Function, "core.capture") || !strings.HasSuffix(last.File, "core_test.go") {
			t.Errorf("%T: innermost frame %+v", err, last)
		}
		for _, f := range e.Stack {
			if strings.HasPrefix(f.Function, "runtime.") {
				t.Errorf("%T: a runtime frame is shown: %s", err, f.Function)
			}
		}
	}
	if e := NewException(errors.New("plain")); e.Stack != nil {
		t.Errorf("a plain error has a stack: %+v", e.Stack)
	}
}

type strPanic struct{}

func (strPanic) String() string { return "stringer" }

type badPanic struct{}

func (badPanic) String() string { panic("no") }

func TestPanicException(t *testing.T) {
	for _, tt := range []struct {
		v          any
		typ, value string
	}{
		{"boom", "panic", "boom"},
		{42, "panic", "42"},
		{3.5, "panic", "3.5"},
		{strPanic{}, "core.strPanic", "stringer"},
		{badPanic{}, "core.badPanic", "<PANIC=String method>"},
		{[]int{1}, "panic", "<[]int>"},
		{errors.New("e"), "panic", "e"},
		{fmt.Errorf("w: %w", errors.New("e")), "panic", "w: e"},
		{&panicky{}, "*core.panicky", "<PANIC=Error method>"},
		{runtimeError(), "runtime error", "runtime error: index out of range [5] with length 3"},
		{mapPanic(), "runtime error", "assignment to entry in nil map"},
	} {
		e := PanicException(tt.v)
		if e.Type != tt.typ || e.Value != tt.value || e.Panic == nil {
			t.Errorf("PanicException(%#v) = %q %q", tt.v, e.Type, e.Value)
		}
	}
	if e := PanicException(errors.New("e")); e.Err == nil {
		t.Error("an error panic value has no Err")
	}
}

func TestFramesOfKeep(t *testing.T) {
	frames := FramesOf(capture(), func(f runtime.Frame) bool {
		return !strings.HasPrefix(f.Function, "runtime.") && !strings.HasPrefix(f.Function, "testing.")
	})
	if len(frames) != 2 || !strings.HasSuffix(frames[0].Function, "TestFramesOfKeep") || !strings.HasSuffix(frames[1].Function, "capture") {
		t.Errorf("frames %+v", frames)
	}
}

// pkgErr has exactly github.com/pkg/errors' shape: StackTrace() StackTrace, a named
// slice of a named uintptr Frame.
type pkgStackTrace []pcFrame
type pkgErr struct{ st pkgStackTrace }

func (pkgErr) Error() string                { return "pkg/errors" }
func (e *pkgErr) StackTrace() pkgStackTrace { return e.st }

type uintptrStackErr struct{ pcs []uintptr }

func (uintptrStackErr) Error() string           { return "uintptr stack" }
func (s uintptrStackErr) StackTrace() []uintptr { return s.pcs }

type panickyStackErr struct{}

func (panickyStackErr) Error() string         { return "panicky stack" }
func (panickyStackErr) StackTrace() []pcFrame { panic("no stack") }

type wrongShapeErr struct{}

func (wrongShapeErr) Error() string           { return "wrong shape" }
func (wrongShapeErr) StackTrace() []string    { return []string{"x"} }
func (wrongShapeErr) Callers(n int) []uintptr { return nil }

func TestErrorStackShapes(t *testing.T) {
	pcs := capture()
	var frames []pcFrame
	for _, pc := range pcs {
		frames = append(frames, pcFrame(pc))
	}
	for _, tt := range []struct {
		err   error
		stack bool
	}{
		{&pkgErr{pkgStackTrace(frames)}, true},
		{fmt.Errorf("w: %w", &pkgErr{pkgStackTrace(frames)}), true},
		{uintptrStackErr{pcs}, true},
		{uintptrStackErr{nil}, false},
		{panickyStackErr{}, false},
		{wrongShapeErr{}, false},
		{fmt.Errorf("w: %w", errors.Join(wrongShapeErr{}, callersErr{pcs})), true},
	} {
		e := NewException(tt.err)
		if got := len(e.Stack) > 0; got != tt.stack {
			t.Errorf("%T: stack %v, want %v", tt.err, e.Stack, tt.stack)
		}
	}
}

// multi unwraps to a list holding a nil: the causes after it are still recorded.
type multi []error

func (multi) Error() string     { return "multi" }
func (m multi) Unwrap() []error { return m }

func TestExceptionNilCause(t *testing.T) {
	e := NewException(multi{nil, errors.New("after the nil")})
	if len(e.Chain) != 1 || e.Chain[0].Value != "after the nil" {
		t.Errorf("chain %+v", e.Chain)
	}
}

// NewExceptionHiding leaves out the frames its caller names, besides the runtime's;
// NewException leaves out only the runtime's.
func TestNewExceptionHiding(t *testing.T) {
	err := callersErr{capture()}
	isCapture := func(f runtime.Frame) bool { return strings.HasSuffix(f.Function, "core.capture") }
	tests := []struct {
		name        string
		e           *Exception
		wantCapture bool
	}{
		{"NewException", NewException(err), true},
		{"nil test", NewExceptionHiding(err, nil), true},
		{"hiding capture", NewExceptionHiding(err, isCapture), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.e.Stack) == 0 || tt.e.Caught != len(tt.e.Stack) {
				t.Fatalf("stack %+v, caught %d", tt.e.Stack, tt.e.Caught)
			}
			hasCapture := false
			for _, f := range tt.e.Stack {
				hasCapture = hasCapture || strings.HasSuffix(f.Function, "core.capture")
				if strings.HasPrefix(f.Function, "runtime.") {
					t.Errorf("a runtime frame is shown: %s", f.Function)
				}
			}
			if hasCapture != tt.wantCapture {
				t.Errorf("capture's frame shown: %v, want %v", hasCapture, tt.wantCapture)
			}
			if last := tt.e.Stack[len(tt.e.Stack)-1]; !strings.HasSuffix(last.Function, "TestNewExceptionHiding") && tt.wantCapture == false {
				t.Errorf("innermost frame %s", last.Function)
			}
		})
	}
	if NewExceptionHiding(nil, isCapture) != nil {
		t.Error("a nil error gave an exception")
	}
}
