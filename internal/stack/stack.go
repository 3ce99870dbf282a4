// Package stack finds functions on a goroutine's stack by their entry program counters,
// never by their names (ARCHITECTURE rule 7): a fork, a renamed module or a user's
// function that happens to share a name changes nothing.
//
// A function is identified by a [Func], taken from a func value logru holds ([Of]). A
// frame belongs to it when the frame is a physical call of it: a call that was inlined
// has no frame of its own (its frame carries the entry of the function it was inlined
// into), so a function looked for on a stack must be marked //go:noinline.
//
// Everything here unwinds the stack: slow paths only (a lock found taken, an error, a
// panic). The package holds no mutable state but the memoised result of one probe
// ([Panic]).
package stack

import (
	"reflect"
	"runtime"
	"strings"
	"sync"
)

// A Func identifies one compiled function by its entry program counter. The zero Func
// is no function: it matches no frame. Funcs are comparable values, safe to share.
type Func uintptr

// Of returns the Func of fn: a func value naming a top-level function or a method
// expression ((*T).M). A method value (x.M) names a compiler-made wrapper, not M, and
// anything that is not a non-nil func gives the zero Func.
func Of(fn any) Func {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func || v.IsNil() {
		return 0
	}
	// The code pointer of a func value is the entry of its function; FuncForPC confirms
	// it (and moves any other PC inside a function to that function's entry).
	f := runtime.FuncForPC(v.Pointer())
	if f == nil {
		return 0
	}
	return Func(f.Entry())
}

// Name returns f's name as the runtime spells it ("example.com/p.(*T).M"), "" for the
// zero Func. It is for messages and for deriving package paths ([Func.Package]), never
// for telling functions apart.
func (f Func) Name() string {
	if f == 0 {
		return ""
	}
	if rf := runtime.FuncForPC(uintptr(f)); rf != nil {
		return rf.Name()
	}
	return ""
}

// Package returns the import path of f's package, "" for the zero Func.
func (f Func) Package() string { return PackageOf(f.Name()) }

// Is reports whether fr is a physical frame of f (not one of a function inlined into f).
func (f Func) Is(fr *runtime.Frame) bool {
	return f != 0 && fr.Func != nil && fr.Entry == uintptr(f)
}

// Count returns how many calls of f are under way in pcs (program counters as
// runtime.Callers gives them): the number of f's physical frames.
func (f Func) Count(pcs []uintptr) int {
	n := 0
	frames := runtime.CallersFrames(pcs)
	for {
		fr, more := frames.Next()
		if f.Is(&fr) {
			n++
		}
		if !more {
			return n
		}
	}
}

// In reports whether f has a frame in pcs.
func (f Func) In(pcs []uintptr) bool {
	frames := runtime.CallersFrames(pcs)
	for {
		fr, more := frames.Next()
		if f.Is(&fr) {
			return true
		}
		if !more {
			return false
		}
	}
}

// Caller returns the function whose physical frame, in pcs, calls the innermost frame
// of f (the next physical frame outwards); the zero Func when f has no frame in pcs or
// its frame is the outermost.
func (f Func) Caller(pcs []uintptr) Func {
	frames := runtime.CallersFrames(pcs)
	found := false
	for {
		fr, more := frames.Next()
		if fr.Func != nil {
			if found {
				return Func(fr.Entry)
			}
			found = f.Is(&fr)
		}
		if !more {
			return 0
		}
	}
}

// Callee returns the function whose physical frame, in pcs, the innermost frame of f
// calls (the physical frame just inwards); the zero Func when f has no frame in pcs or
// calls nothing there.
func (f Func) Callee(pcs []uintptr) Func {
	frames := runtime.CallersFrames(pcs)
	var inner Func
	for {
		fr, more := frames.Next()
		if fr.Func != nil {
			if f.Is(&fr) {
				return inner
			}
			inner = Func(fr.Entry)
		}
		if !more {
			return 0
		}
	}
}

// Callers returns the program counters of the calling goroutine's whole stack,
// innermost first, leaving out the skip innermost frames: with skip 0 the first is the
// function that calls Callers.
func Callers(skip int) []uintptr {
	pcs := make([]uintptr, 64)
	for {
		// runtime.Callers counts itself and this function.
		n := runtime.Callers(skip+2, pcs)
		if n < len(pcs) {
			return pcs[:n]
		}
		pcs = make([]uintptr, 2*len(pcs))
	}
}

// PackageOf returns the import path of the package of a function named as the runtime
// names it (runtime.Frame.Function, runtime.Func.Name): "example.com/p" for
// "example.com/p.(*T).M.func1". It parses the name; it matches nothing.
func PackageOf(function string) string {
	// Type arguments ("F[...]") may hold any path: they come after the function's own.
	if i := strings.IndexByte(function, '['); i >= 0 {
		function = function[:i]
	}
	// The last path element ends at its first dot: dots in it are escaped ("%2e").
	slash := strings.LastIndexByte(function, '/')
	if dot := strings.IndexByte(function[slash+1:], '.'); dot >= 0 {
		return function[:slash+1+dot]
	}
	return ""
}

// Panic returns the runtime's function that a panic calls (runtime.gopanic today), the
// frame that a deferred function's stack shows between it and the function that
// panicked. It is found once by observing a panic, not by its name; the zero Func if
// that observation failed.
func Panic() Func { return panicFunc() }

var panicFunc = sync.OnceValue(probePanic)

// probePanic panics and recovers; its deferred function finds the function that the
// panic called: the physical frame just inside probePanic's. probePanic must keep a
// frame of its own: never inlined.
//
//go:noinline
func probePanic() (f Func) {
	defer func() {
		f = Of(probePanic).Callee(Callers(0))
		_ = recover()
	}()
	panic("stack: probing the runtime's panic function")
}
