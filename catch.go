package logru

import (
	"errors"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
	"github.com/logru/logru/internal/stack"
)

// DefaultCatchMessage is the message Catch logs unless told otherwise. {function} is
// replaced by the function that deferred Catch (or that Run or Go ran; see
// [Logger.Catch]) and {goroutine} by the goroutine's id; {type} and {value} by the panic
// value's type and text.
const DefaultCatchMessage = "An error has been caught in function '{function}', goroutine {goroutine}"

// CatchOptions configure [Logger.Catch], [Logger.Run] and [Logger.Go]. The zero value
// logs the panic at ERROR with [DefaultCatchMessage] and swallows it.
type CatchOptions struct {
	// Level is the level of the record, by name or number; "" means ERROR. An unknown
	// level falls back to ERROR, and the problem goes to the handlers' OnError.
	Level string
	// Message is the record's message; "" means DefaultCatchMessage. {function},
	// {goroutine}, {type} and {value} are replaced; nothing else is parsed, not even
	// colour markup on a logger with Options.Colors (the panic's text is data).
	Message string
	// Reraise panics again with the original value after logging, once every handler is
	// complete (flushed), so the record reaches every sink even if the panic ends the
	// process. The wait is bounded: after 5 seconds (a sink that hangs) the panic goes on
	// and the handlers' OnError hears of it. Outer Catches do not log a re-raised panic a
	// second time.
	Reraise bool
	// OnPanic is called after logging with the recovered value (before re-panicking with
	// Reraise). A panic in it is contained and reported.
	OnPanic func(v any)
	// Exclude lists panics to leave alone: they are re-panicked without being logged. An
	// error element matches a value for which errors.Is holds; a reflect.Type element
	// matches a value of that type, or an error with one of that type in its chain
	// (errors.As); any other element matches an equal value.
	Exclude []any
}

// PanicError is the error Run and Go return for a panic they caught.
type PanicError struct {
	// Value is the value the function panicked with.
	Value any
	// Exception describes it, with the stack.
	Exception *ExceptionInfo
}

// Error returns "panic: " and the panic value's text.
func (e *PanicError) Error() string {
	if e.Exception != nil {
		return "panic: " + e.Exception.Value
	}
	return "panic: " + textOf(e.Value)
}

// Unwrap returns the panic value when it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Catch recovers a panic in the function that deferred it, logs it with its stack, and
// lets that function return normally:
//
//	func work() {
//		defer l.Catch()
//		...
//	}
//
// Catch must be deferred directly (defer l.Catch(...)); called in any other way it
// recovers nothing, as recover does. Without a panic it does nothing and logs nothing.
// At most one CatchOptions is used.
//
// The record is at ERROR with the message "An error has been caught in function 'F',
// goroutine N", F being the function that deferred Catch, and the panic as its
// Exception: the value's type and text, the errors it wraps, and the frames between the
// panic and F (a handler's Backtrace shows the whole goroutine stack). Its caller fields
// (function, file, line) are F's, at the line F was running when the panic went through
// it. F is found from the wrapper the compiler makes for a deferred call (on amd64 and
// arm64; on other platforms, with -tags purego, or when Catch is deferred through a
// method value such as f := l.Catch; defer f(), the function where the panic surfaced is
// named instead, and the caught region runs to the last frame before the standard
// library). Run and Go
// always name the function they run.
//
// Catch does nothing for runtime.Goexit (t.FailNow, for one): recover reports no panic
// then, and the goroutine goes on exiting.
func (l *Logger) Catch(opts ...CatchOptions) {
	v := recover() // recover works only when called by the deferred function itself
	if v == nil {
		return
	}
	o := firstOptions(opts)
	l.handlePanic(v, o, 0, deferrer(callerPC()))
}

// deferrer returns the name of the function that deferred the call returning to ret (a
// return address, from callerPC): the compiler wraps a deferred call with arguments in a
// closure named "F.deferwrapN", which runtime.Callers does not show. It returns "" when
// ret is unknown or not in such a wrapper.
func deferrer(ret uintptr) string {
	if ret == 0 {
		return ""
	}
	f := runtime.FuncForPC(ret - 1)
	if f == nil {
		return ""
	}
	name := f.Name()
	i := strings.LastIndex(name, ".deferwrap")
	if i <= 0 {
		return ""
	}
	for _, c := range name[i+len(".deferwrap"):] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return name[:i]
}

// Run calls f under Catch: a panic in f is logged as Catch logs it (naming f), and Run
// returns it as a *PanicError; otherwise Run returns f's error. With Reraise the panic
// goes on after logging instead. f's own error is returned, not logged.
func (l *Logger) Run(f func() error, opts ...CatchOptions) (err error) {
	o := firstOptions(opts)
	defer func() {
		if v := recover(); v != nil {
			err = l.handlePanic(v, o, reflect.ValueOf(f).Pointer(), "")
		}
	}()
	return f()
}

// Go runs f in a new goroutine under Catch, as Run does, and returns a channel that
// receives Run's result once f is done (buffered: nobody has to read it). If f ends its
// goroutine with runtime.Goexit, the channel receives an error saying so. With Reraise,
// a panic in f goes on after logging and ends the process, as any panic in a goroutine
// that nobody recovers does.
func (l *Logger) Go(f func() error, opts ...CatchOptions) <-chan error {
	done := make(chan error, 1)
	go func() {
		err := errGoexit // unless Run returns
		defer func() { done <- err }()
		err = l.Run(f, opts...)
	}()
	return done
}

var errGoexit = errors.New("logru: the function ended its goroutine with runtime.Goexit")

// firstOptions returns the options given to Catch, Run or Go: the first, or the zero
// value.
func firstOptions(opts []CatchOptions) CatchOptions {
	if len(opts) > 0 {
		return opts[0]
	}
	return CatchOptions{}
}

// handlePanic logs a recovered panic and applies the options. The caught region ends at
// the guarded function: fn, when non-zero, is its entry PC (Run, Go); else name, when not
// empty, is its name (the function that deferred Catch).
func (l *Logger) handlePanic(v any, o CatchOptions, fn uintptr, name string) error {
	var buf [64]uintptr
	pcs := buf[:runtime.Callers(2, buf[:])]
	logged := isReraise(pcs) // an inner Catch logged it already
	if excluded(v, o.Exclude) {
		if logged {
			reraise(v) // keeps the mark, so that no outer Catch logs it again
		}
		panic(v)
	}
	exc := core.PanicException(v)
	if !logged {
		var found bool
		exc.Stack, exc.Caught, found = panicFrames(pcs, fn, name)
		l.logPanic(exc, o, found)
		if o.OnPanic != nil {
			l.callOnPanic(o.OnPanic, v)
		}
	}
	if o.Reraise {
		l.completeWithin(l.core.panicFlushWait)
		reraise(v)
	}
	return &PanicError{Value: v, Exception: exc}
}

// completeWithin completes the logger, waiting at most d: a panic about to end the
// process must not hang on a sink that never returns. On a time-out the Complete goes on
// in its goroutine (which ends when the sink does) and the handlers' OnError is told.
func (l *Logger) completeWithin(d time.Duration) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.Complete()
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		c := l.core
		c.reportAll(c.state.Load(), errors.New("Catch: the handlers were not complete after "+d.String()+"; the panic goes on without waiting for them"))
	}
}

// reraise panics again with v. It is a function of its own so that an outer Catch can
// tell, from the frame that called runtime.gopanic, that the panic was logged already.
//
//go:noinline
func reraise(v any) { panic(v) }

func excluded(v any, list []any) bool {
	for _, x := range list {
		switch x := x.(type) {
		case error:
			if err, ok := v.(error); ok && errors.Is(err, x) {
				return true
			}
		case reflect.Type:
			if reflect.TypeOf(v) == x {
				return true
			}
			if err, ok := v.(error); ok && x.Implements(errorType) && asType(err, x) {
				return true
			}
		default:
			if safeEqual(v, x) {
				return true
			}
		}
	}
	return false
}

var errorType = reflect.TypeFor[error]()

// asType reports whether err's chain holds an error of type t, as errors.As would.
func asType(err error, t reflect.Type) bool {
	target := reflect.New(t)
	return errors.As(err, target.Interface())
}

func safeEqual(a, b any) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false // not comparable
		}
	}()
	return a == b
}

// panicFrames resolves the stack of a panic as seen from a deferred Catch: the frames of
// the runtime and of logru are left out. The caught region runs from the panic to the
// guarded function, named by its entry PC fn or by its name (the innermost frame of
// that name); found reports whether it was. Without either, or when neither is on the
// stack, the region runs to the last frame before the standard library (the test
// runner, net/http, the runtime's goroutine start).
func panicFrames(pcs []uintptr, fn uintptr, name string) (shown []Frame, caught int, found bool) {
	// Skip up to the runtime's panic function: what comes before is Catch's own
	// machinery.
	gopanic := stack.Panic()
	frames := runtime.CallersFrames(pcs)
	var start int
	for i := 0; ; i++ {
		f, more := frames.Next()
		if gopanic.Is(&f) {
			start = i + 1
			break
		}
		if !more {
			start = 0
			break
		}
	}
	var out []Frame
	caught = -1
	all := runtime.CallersFrames(pcs)
	stdRoot := ""
	for i := 0; ; i++ {
		f, more := all.Next()
		if stdRoot == "" && stack.PackageOf(f.Function) == runtimePkg {
			stdRoot = goroot(f.File)
		}
		if i >= start && f.Function != "" && !hiddenFrame(f) {
			out = append(out, Frame{Function: f.Function, File: f.File, Line: f.Line})
			if caught < 0 && (fn != 0 && f.Entry == fn || name != "" && f.Function == name) {
				caught = len(out)
			}
		}
		if !more || len(out) == 128 {
			break
		}
	}
	found = caught >= 0
	if !found {
		caught = len(out)
		for i, f := range out {
			if isStd(f, stdRoot) {
				caught = i
				break
			}
		}
	}
	// out is innermost first; Exception.Stack is outermost first.
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, caught, found
}

// goroot returns the directory holding the standard library's sources, from the file of
// a runtime frame ("/usr/local/go/src/runtime/panic.go" -> "/usr/local/go/src/"); "" when
// paths are trimmed.
func goroot(file string) string {
	if i := strings.Index(file, "/src/runtime/"); i > 0 {
		return file[:i+len("/src/")]
	}
	return ""
}

// isStd reports whether a frame is standard-library code: under GOROOT's sources when
// those are known, else a package path whose first element has no dot (but main).
func isStd(f Frame, root string) bool {
	if root != "" {
		return strings.HasPrefix(f.File, root)
	}
	pkg, _ := splitFuncName(f.Function)
	first, _, _ := strings.Cut(pkg, "/")
	return pkg != "main" && !strings.Contains(first, ".")
}

// logPanic writes the Catch record. Its caller fields name the guarded function when
// it is known (the function that deferred Catch, or the one Run or Go runs: the outer
// end of the caught region), else the frame where the panic surfaced (the inner end).
func (l *Logger) logPanic(exc *ExceptionInfo, o CatchOptions, guarded bool) {
	if l.opts.Colors {
		// The message holds the panic's text, which must not be read as markup.
		nc := *l
		nc.opts.Colors = false
		l = &nc
	}
	c := l.core
	st := c.state.Load()
	lv := st.levels.builtin[idxError]
	if o.Level != "" {
		n, err := parseLevel(st.levels, o.Level)
		if found, ok := levelByNo(st.levels, n); err == nil && ok {
			lv = found
		} else {
			c.reportAll(st, errors.New("Catch: level "+strconv.Quote(o.Level)+" does not exist; logging at ERROR"))
		}
	}
	if int64(lv.No) < c.minLevel.Load() {
		return
	}
	e := getEntry()
	defer putEntry(e)
	e.rec.Level = lv
	fn := "<unknown>"
	r := &e.rec
	r.Function, r.File, r.FilePath = fn, fn, fn
	if n := len(exc.Stack); n > 0 {
		f := exc.Stack[n-1]
		if guarded && exc.Caught > 0 && exc.Caught <= n {
			f = exc.Stack[n-exc.Caught]
		}
		pkg, name := splitFuncName(f.Function)
		r.Name, r.Function, r.FilePath, r.Line = pkg, name, f.File, f.Line
		r.Module = pkg[strings.LastIndexByte(pkg, '/')+1:]
		r.File = f.File[strings.LastIndexByte(f.File, '/')+1:]
		fn = name
	}
	if !st.enabledFor(&callerInfo{name: r.Name}) {
		return
	}
	msg := o.Message
	if msg == "" {
		msg = DefaultCatchMessage
	}
	// The panic's text is data: its control characters (newlines included) are escaped
	// so that it cannot forge a line; the message's own literal text keeps its own.
	msg = strings.NewReplacer(
		"{function}", escapeText(fn),
		"{goroutine}", strconv.FormatUint(goroutineID(), 10),
		"{type}", escapeText(exc.Type),
		"{value}", escapeText(exc.Value),
	).Replace(msg)
	r.Exception = exc
	l.finish(e, st, msg, false)
}

func (l *Logger) callOnPanic(f func(any), v any) {
	defer func() {
		if r := recover(); r != nil {
			st := l.core.state.Load()
			l.core.reportAll(st, panicError("Catch's OnPanic", r))
		}
	}()
	f(v)
}

// escapeText returns s with every control character escaped (see encode.AppendTextString).
func escapeText(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return string(encode.AppendTextString(nil, s))
		}
	}
	return s
}
