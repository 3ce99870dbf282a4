package logru

import (
	"runtime"
	"slices"
	"strings"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/stack"
)

// Logru finds itself on a stack by the entry program counters of functions it holds
// (package internal/stack), never by their names (ARCHITECTURE rule 7): in a fork, a
// renamed module or next to a user's function of the same name, the re-entrancy guards
// keep working and logru hides exactly its own frames.

// The functions the guards look for on a stack. Each must keep a frame of its own: it
// is marked //go:noinline. They are set once, by init, and never written again: a
// variable's initialiser cannot name them, since each leads back to the guard that
// reads the variable (an initialisation cycle).
var (
	fnFinish      stack.Func // (*Logger).finish: a record's dispatch to the handlers
	fnEmit        stack.Func // (*handler).emit: a line on its way into a sink
	fnEmitLocked  stack.Func // (*handler).emitLocked: a sink's write, under its lock
	fnCallOnError stack.Func // callOnError: a user's OnError callback
	fnReraise     stack.Func // reraise: a panic Catch logged already
)

func init() {
	fnFinish = stack.Of((*Logger).finish)
	fnEmit = stack.Of((*handler).emit)
	fnEmitLocked = stack.Of((*handler).emitLocked)
	fnCallOnError = stack.Of(callOnError)
	fnReraise = stack.Of(reraise)
}

// onStack reports whether f has a frame above the caller of the function that calls
// onStack (inEmit's caller, emit, is not counted: only an outer emit is). It unwinds the
// whole stack: slow paths only.
func onStack(f stack.Func) bool {
	// Skipped: onStack, inEmit (or its kind) and that one's caller.
	return f.In(stack.Callers(3))
}

// inEmit reports whether the calling goroutine is already inside a handler's emit, that
// is, running a sink's code. It reads the stack, so it runs only when a handler's lock is
// found taken and its sink is user code.
func inEmit() bool { return onStack(fnEmit) }

// inSinkCall reports whether the calling goroutine is inside a handler's sink call (a
// sink's Write, func or Handle, called with the handler's lock held). It reads the
// stack: only Close, Remove and Complete use it, when a handler's lock is found taken.
func inSinkCall() bool { return onStack(fnEmitLocked) }

// inOnError reports whether the calling goroutine is inside callOnError. It reads the
// stack, so it runs only on the error path.
func inOnError() bool { return onStack(fnCallOnError) }

// dispatchDepth returns how many record dispatches (Logger.finish) are under way on the
// calling goroutine, and whether it is inside a sink's write. It reads the whole stack.
func dispatchDepth() (depth int, inSink bool) {
	pcs := stack.Callers(1)
	return fnFinish.Count(pcs), fnEmitLocked.In(pcs)
}

// isReraise reports whether the panic being handled, whose stack pcs is (taken in a
// deferred call), was raised by reraise: whether the runtime's panic function, at its
// innermost frame, was called by reraise.
func isReraise(pcs []uintptr) bool {
	p := stack.Panic()
	return p != 0 && p.Caller(pcs) == fnReraise
}

// runtimePkg is the import path of the Go runtime's package, whose frames no stack shows.
var runtimePkg = stack.Of(runtime.Callers).Package()

// rootPkg is the import path of this package, whatever the module is called.
var rootPkg = stack.Of(New).Package()

// ownPackageDirs lists logru's own packages, by directory below the root's: their frames
// are logru's machinery (log calls, dispatch, formatting, sinks, bridges), hidden from the
// stacks of records. Any other package, even one living under the module's path (an
// example, a package a fork adds), is the user's, and shown. TestOwnPackagesListed
// checks the list against the module's packages.
var ownPackageDirs = []string{
	"accesslog", "bridge", "core", "events", "format", "integration/otel", "logrutest", "sinks",
	"internal/archive", "internal/ascii", "internal/buffer", "internal/clock", "internal/config",
	"internal/editdist", "internal/encode", "internal/fsys", "internal/leaktest",
	"internal/ptytest", "internal/pyfmt", "internal/render", "internal/rotspec",
	"internal/stack", "internal/timefmt",
}

// ownPackage reports whether pkg (an import path) is one of logru's own packages.
func ownPackage(pkg string) bool {
	if pkg == rootPkg {
		return true
	}
	rel, ok := strings.CutPrefix(pkg, rootPkg+"/")
	return ok && slices.Contains(ownPackageDirs, rel)
}

// hiddenFrame reports whether a frame is left out of a record's stack: a frame of the Go
// runtime or of one of logru's own packages, told by exact package path.
func hiddenFrame(f runtime.Frame) bool {
	pkg := stack.PackageOf(f.Function)
	return pkg == runtimePkg || ownPackage(pkg)
}

// newException is core.NewException without logru's own frames.
func newException(err error) *core.Exception { return core.NewExceptionHiding(err, hiddenFrame) }
