package core

import (
	"errors"
	"reflect"
)

// Exception is an error or a recovered panic attached to a record, with what is known
// about it: its type and message, the errors it wraps and the stack where one is known.
//
// The zero Exception describes nothing. An Exception is plain data, safe to copy and to
// read from several goroutines.
type Exception struct {
	// Type is the Go type of the error or panic value ("*fs.PathError").
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
	Stack []Frame
}

// Cause is one error in an exception's wrap chain.
type Cause struct {
	// Type is the error's Go type.
	Type string
	// Value is the error's message.
	Value string
	// Depth is the nesting level in the wrap tree: 1 for errors Err wraps directly, 2 for
	// the errors those wrap, and so on (errors.Join branches share a depth).
	Depth int
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
// and Unwrap() []error). It returns nil for a nil err. A panicking Error or Unwrap
// method is contained and reported in the text.
func NewException(err error) *Exception {
	if err == nil {
		return nil
	}
	e := &Exception{Type: TypeName(err), Value: safeError(err), Err: err}
	var walk func(err error, depth int)
	walk = func(err error, depth int) {
		for _, c := range unwrap(err) {
			if len(e.Chain) >= maxChain || c == nil {
				return
			}
			e.Chain = append(e.Chain, Cause{Type: TypeName(c), Value: safeError(c), Depth: depth})
			walk(c, depth+1)
		}
	}
	walk(err, 1)
	return e
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
