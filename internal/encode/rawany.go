package encode

import (
	"log/slog"
	"unsafe"
)

// The value of a slog.Value of kind Any, read in one load. v.Any() finds the kind
// first, and slog.Value.Kind tests the value against six types, one an interface
// (LogValuer), before it says Any: an encoder that has just switched on v.Kind()
// would pay for it twice. rawAny reads the value where slog keeps it, through a
// struct of slog.Value's layout, once init has checked that the layout is the one
// expected (the same size, and a value of kind Any read back as itself); otherwise it
// calls v.Any().
//
// rawAny(v) differs from v.Any() for one value only: slog.AnyValue of a slog.Kind,
// which slog keeps wrapped in an unexported type and v.Any() unwraps. The wrapper has
// no methods and is no type appendCommon writes, so such a value takes the slow path,
// which reads v itself, and is written as before.

// valueLayout has slog.Value's fields, in its order.
type valueLayout struct {
	_   [0]func()
	num uint64
	any any
}

// rawLayout is set when slog.Value's layout is valueLayout's.
var rawLayout = checkLayout()

func checkLayout() bool {
	if unsafe.Sizeof(slog.Value{}) != unsafe.Sizeof(valueLayout{}) {
		return false
	}
	probe := new(int)
	v := slog.AnyValue(probe)
	n := slog.Int64Value(-12345)
	l, ln := (*valueLayout)(unsafe.Pointer(&v)), (*valueLayout)(unsafe.Pointer(&n))
	p, ok := l.any.(*int)
	return ok && p == probe && ln.num == uint64(0xffffffffffffcfc7) // -12345
}

// rawAny returns the value of v, a Value of kind Any (see above).
func rawAny(v slog.Value) any {
	if rawLayout {
		return (*valueLayout)(unsafe.Pointer(&v)).any
	}
	return v.Any()
}
