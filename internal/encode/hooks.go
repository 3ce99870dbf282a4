package encode

import (
	"encoding"
	"encoding/json"
	"log/slog"
	"reflect"
)

// stringer is fmt.Stringer, declared here so that this package never imports
// fmt: fmt's %v recurses without limit into self-referencing maps and slices,
// which is a fatal stack overflow that recover cannot catch.
type stringer interface {
	String() string
}

// The call* functions call one method of a value the caller logged. A panic in
// the method is recovered and returned as p with ok false; ok is tracked
// separately because a recovered value can be nil (panic(nil) under
// GODEBUG=panicnil=1).

func callString(x stringer) (s string, p any, ok bool) {
	defer func() {
		if !ok {
			p = recover()
		}
	}()
	return x.String(), nil, true
}

func callError(x error) (s string, p any, ok bool) {
	defer func() {
		if !ok {
			p = recover()
		}
	}()
	return x.Error(), nil, true
}

func callMarshalText(x encoding.TextMarshaler) (b []byte, p any, ok bool, err error) {
	defer func() {
		if !ok {
			p = recover()
		}
	}()
	b, err = x.MarshalText()
	return b, nil, true, err
}

func callMarshalJSON(x json.Marshaler) (b []byte, p any, ok bool, err error) {
	defer func() {
		if !ok {
			p = recover()
		}
	}()
	b, err = x.MarshalJSON()
	return b, nil, true, err
}

func callLogValue(x slog.LogValuer) (v slog.Value, p any, ok bool) {
	defer func() {
		if !ok {
			p = recover()
		}
	}()
	return x.LogValue(), nil, true
}

// isNil reports whether x holds a nil pointer, map, slice, func, channel or
// unsafe.Pointer: a nil receiver, for which a panicking method means "nothing
// here" (fmt prints <nil> in that case too).
func isNil(x any) bool {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return v.IsNil()
	}
	return false
}

// isNilPointer reports whether x holds a nil pointer.
func isNilPointer(x any) bool {
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// hookPanic writes what stands for a value whose method panicked: nil for a
// nil receiver, otherwise <PANIC=Method method: message>.
func (e *encoder) hookPanic(dst []byte, method string, x, p any) []byte {
	e.values -= panicCost
	if isNil(x) {
		return e.null(dst)
	}
	return e.str(dst, "<PANIC="+method+" method: "+e.describe(p)+">")
}

// hookError writes <Method error: message> for a method that returned an error.
func (e *encoder) hookError(dst []byte, method string, err error) []byte {
	return e.str(dst, "<"+method+" error: "+e.describe(err)+">")
}

// describe returns the message of a recovered panic value or of an error, for
// a marker. The marker is escaped as a whole when it is written, so a string,
// an Error or a String result is returned as it is. A method that panics in
// turn, or any other value, is rendered as text by the same guarded path as a
// logged value; chains of panicking panic values end at the recursion limit.
func (e *encoder) describe(x any) string {
	switch x := x.(type) {
	case string:
		return x
	case error:
		if s, _, ok := callError(x); ok {
			return s
		}
		e.values -= panicCost
	case stringer:
		if s, _, ok := callString(x); ok {
			return s
		}
		e.values -= panicCost
	}
	saved := e.json
	e.json = false
	b := e.any(nil, x)
	e.json = saved
	return string(b)
}
