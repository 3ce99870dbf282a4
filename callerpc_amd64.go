//go:build amd64 && !purego

package logru

// callerPC returns the return address of the function that calls it, that is, a program
// counter inside its caller's caller, read from the frame-pointer chain in one load
// instead of unwinding the stack as runtime.Callers does (which costs some 130 ns).
// The result is only a hint: lookupEntry checks what it resolves to and falls back to
// runtime.Callers when it is not a logging entry point. callerPC must be called directly
// from a function that has a frame and is never inlined.
func callerPC() uintptr
