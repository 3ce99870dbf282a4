package logru

import (
	"reflect"
	"time"
)

// lazyValue calls v for Options.Lazy when it is a function of no arguments and exactly
// one result (func() any, func() string, func() []byte, a named func type…), and reports
// whether it did. The usual kinds of function and of value are told by a type switch;
// reflection runs only for other types, and only on this lazy path. A call that panics
// gives a placeholder naming the panic instead of its result, and the record is logged.
func lazyValue(v any) (any, bool) {
	switch f := v.(type) {
	case nil, string, int, int64, uint64, float64, bool, error, time.Duration, time.Time, []byte:
		return v, false
	case func() any:
		return callLazy(f), true
	case func() string:
		return callLazy(func() any { return f() }), true
	case func() int:
		return callLazy(func() any { return f() }), true
	case func() int64:
		return callLazy(func() any { return f() }), true
	case func() uint64:
		return callLazy(func() any { return f() }), true
	case func() float64:
		return callLazy(func() any { return f() }), true
	case func() bool:
		return callLazy(func() any { return f() }), true
	case func() error:
		return callLazy(func() any { return f() }), true
	case func() []byte:
		return callLazy(func() any { return f() }), true
	case func() time.Duration:
		return callLazy(func() any { return f() }), true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Func {
		return v, false
	}
	if t := rv.Type(); t.NumIn() != 0 || t.NumOut() != 1 {
		return v, false
	}
	return callLazy(func() any { return rv.Call(nil)[0].Interface() }), true
}
