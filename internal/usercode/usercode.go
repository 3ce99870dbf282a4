// Package usercode stands for a user's code that happens to live under logru's module
// path (an example program, a package a fork adds), with functions named like logru's
// own: logru must show its frames in the stacks of records and never take its functions
// for its own. Test support only: no logru package imports it.
package usercode

import "runtime"

// Call calls f; Call's frame stays on the stack meanwhile.
//
//go:noinline
func Call(f func()) { f() }

// Panic panics with v from a frame of this package.
//
//go:noinline
func Panic(v any) { panic(v) }

// handler is named like logru's internal handler.
type handler struct{}

// emit is named like the method of logru's handler that hands a line to a sink.
//
//go:noinline
func (*handler) emit(f func()) { f() }

// emitLocked is named like the method of logru's handler that calls the sink.
//
//go:noinline
func (*handler) emitLocked(f func()) { f() }

// Emit calls f inside handler.emit and handler.emitLocked.
func Emit(f func()) { new(handler).emit(func() { new(handler).emitLocked(f) }) }

// callOnError is named like the function that calls logru's OnError callbacks.
//
//go:noinline
func callOnError(f func()) { f() }

// CallOnError calls f inside callOnError.
func CallOnError(f func()) { callOnError(f) }

// StackError is an error that records the stack where NewStackError was called, in the
// shape github.com/pkg/errors-like packages give it (Callers() []uintptr).
type StackError struct{ pcs []uintptr }

// NewStackError returns a StackError whose innermost frame is NewStackError's.
//
//go:noinline
func NewStackError() *StackError {
	pcs := make([]uintptr, 64)
	return &StackError{pcs: pcs[:runtime.Callers(1, pcs)]}
}

// Error says what the error is.
func (e *StackError) Error() string { return "user error with a stack" }

// Callers returns the program counters recorded, innermost first.
func (e *StackError) Callers() []uintptr { return e.pcs }
