//go:build (amd64 || arm64) && !purego

package logru

// callerPC (callerpc_amd64.s, callerpc_arm64.s) returns the return address of the
// function that calls it, that is, a program counter inside its caller's caller, read
// from the frame-pointer chain in one load instead of unwinding the stack as
// runtime.Callers does (which costs some 130 ns). The result is only a hint:
// resolveAt and deferrer check what it resolves to and fall back to runtime.Callers
// when it is not what they expect. callerPC must be called directly from a function
// that has a frame and is never inlined.
func callerPC() uintptr
