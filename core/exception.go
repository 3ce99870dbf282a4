package core

import (
	"errors"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
)

// Exception is an error or a recovered panic attached to a record, with what is known
// about it: its type and message, the errors it wraps and the stack where one is known.
//
// The zero Exception describes nothing. An Exception is plain data, safe to copy and to
// read from several goroutines.
type Exception struct {
	// Type names what the exception is, as a Go programmer recognises it (see label):
	// "runtime error" for a runtime.Error, "panic" for any other panic value whose type is
	// not the program's own, "error" for an error of the standard library's types, and the
	// concrete type ("*app.NotFoundError") for a type of the program's own.
	Type string
	// Value is the error's message, or the panic value as text.
	Value string
	// Err is the error, when the exception came from one (or a panic with an error value).
	Err error
	// Panic is the recovered value when the exception came from a panic; nil otherwise.
	Panic any
	// Chain lists the errors Err wraps, outermost first, not including Err itself.
	Chain []Cause
	// Stack holds the frames where a stack is known, outermost call first; empty otherwise.
	// The frames of the Go runtime are left out, and in the records logru makes, those of
	// logru itself.
	Stack []Frame
	// Caught is how many of the innermost frames of Stack lie between the panic (or the
	// place an error's stack was recorded) and the frame that caught it; renderings show
	// only those unless asked for the whole stack (a handler's Backtrace). It equals
	// len(Stack) when every frame is of interest.
	Caught int
}

// Cause is one error in an exception's wrap chain.
type Cause struct {
	// Type names the error as Exception.Type does: "error", "runtime error" or a type of
	// the program's own.
	Type string
	// Value is the error's message.
	Value string
	// Depth is the nesting level in the wrap tree: 1 for errors Err wraps directly, 2 for
	// the errors those wrap, and so on (errors.Join branches share a depth).
	Depth int
	// Err is the error itself, for renderings that show more of it (Diagnose).
	Err error
}

// Frame is one function call in a stack.
type Frame struct {
	// Function is the function's name with its package path ("main.main").
	Function string
	// File is the full path of the source file.
	File string
	// Line is the line number.
	Line int
}

// maxChain bounds the causes an exception records, so a cyclic Unwrap cannot loop.
const maxChain = 64

// NewException describes err: its type, message and wrap chain (through Unwrap() error
// and Unwrap() []error), and the stack the deepest error of the chain records, if any
// (see the StackTrace and Callers shapes below), without the frames of the Go runtime.
// It returns nil for a nil err. A panicking Error or Unwrap method is contained and
// reported in the text. It is safe for concurrent use; the Exception it returns is
// new, owned by the caller.
func NewException(err error) *Exception { return NewExceptionHiding(err, nil) }

// NewExceptionHiding is NewException, leaving out of the stack also the frames for which
// hidden returns true (all are kept, but the runtime's, when hidden is nil). Logru
// passes the test that tells its own functions' frames: core cannot know them. hidden
// is called only during the call, on the calling goroutine; NewExceptionHiding is as
// safe for concurrent use as hidden is.
func NewExceptionHiding(err error, hidden func(runtime.Frame) bool) *Exception {
	if err == nil {
		return nil
	}
	own := ownTypes()
	e := &Exception{Type: errorLabel(err, own), Value: safeError(err), Err: err}
	pcs := stackOf(err) // the deepest error that records a stack wins
	var walk func(err error, depth int)
	walk = func(err error, depth int) {
		for _, c := range unwrap(err) {
			if len(e.Chain) >= maxChain {
				return
			}
			if c == nil { // a custom Unwrap() []error may hold nils
				continue
			}
			e.Chain = append(e.Chain, Cause{Type: errorLabel(c, own), Value: safeError(c), Depth: depth, Err: c})
			if p := stackOf(c); p != nil {
				pcs = p
			}
			walk(c, depth+1)
		}
	}
	walk(err, 1)
	if pcs != nil {
		e.Stack = FramesOf(pcs, func(f runtime.Frame) bool { return !runtimeFrame(f) && (hidden == nil || !hidden(f)) })
		e.Caught = len(e.Stack)
	}
	return e
}

// PanicException describes a recovered panic value: an error as NewException describes
// it (its Type "panic" rather than "error"), anything else by its text (from its String
// method when it has one, contained if that panics) with the Type "panic", or its own
// type when that is the program's. Panic holds v. The caller adds the stack.
func PanicException(v any) *Exception {
	if err, ok := v.(error); ok && err != nil {
		e := NewException(err)
		e.Panic = v
		if e.Type == labelError {
			e.Type = labelPanic
		}
		return e
	}
	return &Exception{Type: label(v), Value: panicText(v), Panic: v}
}

// The labels of exceptions whose concrete type is not the program's own.
const (
	labelError   = "error"
	labelPanic   = "panic"
	labelRuntime = "runtime error"
)

// label names v as an exception header does: "runtime error" for a runtime.Error,
// "error" for another error whose concrete type comes from the standard library (its
// name, such as *errors.errorString, says nothing to the reader), the concrete type for a
// type of the program's own (a package path whose first element holds a dot, the main
// package, or a package of the main module), and "panic" for any other value.
func label(v any) string {
	if err, ok := v.(error); ok && err != nil {
		return errorLabel(err, ownTypes())
	}
	if v != nil && ownTypes()(reflect.TypeOf(v)) {
		return TypeName(v)
	}
	return labelPanic
}

func errorLabel(err error, own func(reflect.Type) bool) string {
	if _, ok := err.(runtime.Error); ok {
		return labelRuntime
	}
	if own(reflect.TypeOf(err)) {
		return TypeName(err)
	}
	return labelError
}

// ownTypes returns the test that tells a type of the program's own from one of the
// standard library's. Standard packages have no dot in the first element of their
// path; the main package and the main module's packages are the program's whatever
// their path.
func ownTypes() func(reflect.Type) bool {
	mainModule := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		mainModule = bi.Main.Path
	}
	return func(t reflect.Type) bool {
		for t.Kind() == reflect.Pointer && t.Name() == "" {
			t = t.Elem()
		}
		path := t.PkgPath()
		switch {
		case path == "":
			return false // a predeclared or unnamed type
		case path == "main":
			return true
		case mainModule != "" && (path == mainModule || strings.HasPrefix(path, mainModule+"/")):
			return true
		}
		first, _, _ := strings.Cut(path, "/")
		return strings.Contains(first, ".")
	}
}

func panicText(v any) (s string) {
	defer func() {
		if recover() != nil {
			s = "<PANIC=String method>"
		}
	}()
	switch x := v.(type) {
	case nil:
		return "nil"
	case string:
		return x
	case interface{ String() string }:
		return x.String()
	}
	return valueText(reflect.ValueOf(v))
}

// valueText writes the scalar kinds a panic value usually has; other kinds get their
// type in angle brackets (the record's extra fields and %v are the place for detail).
func valueText(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case reflect.String:
		return v.String()
	}
	return "<" + v.Type().String() + ">"
}

// maxFrames bounds the frames an exception keeps.
const maxFrames = 128

// FramesOf resolves program counters (as runtime.Callers returns them, innermost first)
// into frames, outermost first, keeping those for which keep returns true (all when keep
// is nil). Inlined calls count as frames of their own. It returns nil for no pcs; it is
// as safe for concurrent use as keep is (called only during the call).
func FramesOf(pcs []uintptr, keep func(runtime.Frame) bool) []Frame {
	if len(pcs) == 0 {
		return nil
	}
	var out []Frame
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		if f.Function != "" && (keep == nil || keep(f)) && len(out) < maxFrames {
			out = append(out, Frame{Function: f.Function, File: f.File, Line: f.Line})
		}
		if !more {
			break
		}
	}
	slices.Reverse(out)
	return out
}

// stackOf returns the program counters an error records, if it has one of the common
// method shapes: StackTrace() returning a slice of uintptr-kinded values (as
// github.com/pkg/errors does: a StackTrace of Frames), StackTrace() []uintptr, or
// Callers() []uintptr. It imports no errors package: the named shapes are found by
// reflection. The method names are constants so that the linker keeps its dead-code
// elimination of other methods (a MethodByName with a computed name disables it for the
// whole program). A panicking method is contained: no stack.
func stackOf(err error) (pcs []uintptr) {
	defer func() {
		if recover() != nil {
			pcs = nil
		}
	}()
	switch s := err.(type) {
	case interface{ StackTrace() []uintptr }:
		return clipPCs(s.StackTrace())
	case interface{ Callers() []uintptr }:
		return clipPCs(s.Callers())
	}
	v := reflect.ValueOf(err)
	if pcs = pcsOf(v.MethodByName("StackTrace")); pcs == nil {
		pcs = pcsOf(v.MethodByName("Callers"))
	}
	return pcs
}

// pcsOf calls m when it is a method with no arguments and one result, a slice or array
// of uintptr-kinded values, and returns that result (at most maxFrames of it); nil
// otherwise.
func pcsOf(m reflect.Value) []uintptr {
	if !m.IsValid() || m.Type().NumIn() != 0 || m.Type().NumOut() != 1 {
		return nil
	}
	if t := m.Type().Out(0); (t.Kind() != reflect.Slice && t.Kind() != reflect.Array) || t.Elem().Kind() != reflect.Uintptr {
		return nil
	}
	out := m.Call(nil)[0]
	var pcs []uintptr
	for i := 0; i < out.Len() && i < maxFrames; i++ {
		pcs = append(pcs, uintptr(out.Index(i).Uint()))
	}
	return clipPCs(pcs)
}

func clipPCs(pcs []uintptr) []uintptr {
	if len(pcs) == 0 {
		return nil
	}
	return pcs[:min(len(pcs), maxFrames)]
}

// runtimeFrame reports whether a frame is the Go runtime's (runtime.main,
// runtime.goexit), left out of every stack. The runtime's package path is the one name
// no fork or renamed module changes; logru's own frames are told by the caller of
// NewExceptionHiding, from the functions it holds.
func runtimeFrame(f runtime.Frame) bool {
	return strings.HasPrefix(f.Function, "runtime.")
}

func unwrap(err error) (out []error) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	switch u := err.(type) {
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	case interface{ Unwrap() error }:
		if c := u.Unwrap(); c != nil {
			return []error{c}
		}
	}
	return nil
}

func safeError(err error) (s string) {
	defer func() {
		if r := recover(); r != nil {
			if v := reflect.ValueOf(err); v.Kind() == reflect.Pointer && v.IsNil() {
				s = "<nil>"
				return
			}
			s = "<PANIC=Error method>"
		}
	}()
	return err.Error()
}

// TypeName returns the Go type of v as written in source ("*fs.PathError", "string"),
// or "nil" for a nil interface.
func TypeName(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}

// Is reports whether the exception's error matches target, as errors.Is does.
func (e *Exception) Is(target error) bool {
	return e != nil && e.Err != nil && errors.Is(e.Err, target)
}
