package logru

import (
	"runtime"
	"sync/atomic"
)

// The fast caller path. A log* function (logArgs, logAttrs, …) is called by one public
// entry point (Logger.Info, the package-level Info, …), which is usually inlined into the
// user's function. callerPC, called in the log* function, gives the return address into
// that entry point's physical caller: one load instead of runtime.Callers' unwinding.
//
// The first record from a call site resolves its caller with runtime.Callers, as always,
// and remembers it under the return address when the address lies in the same physical
// function as the caller found (the entry point was inlined there, so the address stands
// for that one call site). Otherwise (the entry point was not inlined, and its one return
// address serves every caller) the address is remembered as unusable, and calls through
// it keep unwinding.

// retCache maps return addresses to resolved callers, set associative like callerCache.
type retCache struct {
	slots [callerSlots]atomic.Pointer[retEntry]
}

// retEntry is one remembered return address; ci is nil when the address is unusable.
type retEntry struct {
	ret uintptr
	ci  *callerInfo
}

// resolveAtSkip is callerSkip seen from resolveAt, which begin calls.
const resolveAtSkip = callerSkip + 2

// resolveAt resolves the caller from ret, the return address into the entry point's
// caller (0 when unknown). Like resolve, it applies the activation rules and reports
// whether the record may go on.
func (l *Logger) resolveAt(e *entry, st *coreState, ret uintptr) bool {
	if ret == 0 || l.opts.Depth != 0 {
		// Two frames more than the entry function's: this function and begin (inlined
		// or not, they count).
		return l.resolve(e, st, runtime.Callers(resolveAtSkip+l.opts.Depth, e.pcs[:]))
	}
	set := l.core.retCallers.slots[callerSet(ret):][:callerWays]
	for i := range set {
		if re := set[i].Load(); re != nil && re.ret == ret {
			if re.ci != nil {
				return l.accept(e, st, re.ci)
			}
			return l.resolve(e, st, runtime.Callers(resolveAtSkip, e.pcs[:]))
		}
	}
	ci := unknownCaller
	if runtime.Callers(resolveAtSkip, e.pcs[:]) == 1 {
		ci = l.core.callers.lookup(e.pcs[0])
	}
	re := &retEntry{ret: ret}
	if ci != unknownCaller && samePhysicalFunc(ret, ci.pc) {
		re.ci = ci
	}
	stored := false
	for i := range set {
		if stored = set[i].CompareAndSwap(nil, re); stored {
			break
		}
	}
	if !stored {
		set[callerWay(ret)].Store(re)
	}
	return l.accept(e, st, ci)
}

// samePhysicalFunc reports whether the return addresses a and b lie in the same compiled
// function (inlined frames belong to the function they were inlined into).
func samePhysicalFunc(a, b uintptr) bool {
	fa, fb := runtime.FuncForPC(a-1), runtime.FuncForPC(b-1)
	return fa != nil && fb != nil && fa.Entry() == fb.Entry()
}
