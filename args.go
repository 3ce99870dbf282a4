package logru

import (
	"log/slog"
	"slices"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
)

// appendArgs turns log arguments into attributes: key/value pairs, slog.Attr values and
// Fields maps. A key without a value, or a key that is not a string, keeps its value
// under BadKey (the record's Extra numbers the later ones: !BADKEY2…). LogValuers are
// resolved; with lazy, functions of no arguments and one result are called (see
// lazyValue). The
// args slice itself is never kept.
func appendArgs(dst []slog.Attr, args []any, lazy bool) []slog.Attr {
	for i := 0; i < len(args); {
		switch a := args[i].(type) {
		case string:
			if i+1 == len(args) {
				dst = append(dst, slog.String(core.BadKey, a))
				i++
				continue
			}
			dst = append(dst, slog.Attr{Key: a, Value: toValue(args[i+1], lazy)})
			i += 2
		case slog.Attr:
			if lazy {
				a = lazyAttr(a)
			}
			dst = appendAttr(dst, a)
			i++
		case Fields:
			var buf [16]string // a usual map's keys, sorted on the stack
			keys := buf[:0]
			for k := range a {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				dst = append(dst, slog.Attr{Key: k, Value: toValue(a[k], lazy)})
			}
			i++
		default:
			dst = append(dst, slog.Attr{Key: core.BadKey, Value: toValue(a, lazy)})
			i++
		}
	}
	return dst
}

// plainAttrs reports whether appendAttr would copy attrs unchanged: no LogValuer to
// resolve and no empty key (an empty group to drop or a group to inline).
func plainAttrs(attrs []slog.Attr) bool {
	for i := range attrs {
		if k := attrs[i].Value.Kind(); attrs[i].Key == "" || k == slog.KindLogValuer || k == slog.KindGroup {
			return false
		}
	}
	return true
}

// appendAttr adds a slog.Attr: LogValuers resolved (inside groups too), an empty-keyed group inlined, an
// empty attribute dropped, as slog handlers do.
func appendAttr(dst []slog.Attr, a slog.Attr) []slog.Attr {
	if a.Value.Kind() == slog.KindLogValuer { // Resolve is not inlined: skip the call
		a.Value = a.Value.Resolve()
	}
	if a.Value.Kind() == slog.KindGroup && a.Key != "" {
		a.Value = resolveGroup(a.Value)
	}
	if a.Key == "" {
		if a.Value.Kind() == slog.KindGroup {
			for _, g := range a.Value.Group() {
				dst = appendAttr(dst, g)
			}
			return dst
		}
		if a.Value.Any() == nil {
			return dst
		}
	}
	return append(dst, a)
}

// lazyAttr calls a's value when it is a function lazyValue calls, for Options.Lazy: a
// slog.Attr made with slog.Any("k", f) is as lazy as the pair "k", f.
func lazyAttr(a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindAny {
		if v, called := lazyValue(a.Value.Any()); called {
			a.Value = toValue(v, false)
		}
	}
	return a
}

// resolveGroup resolves the LogValuers inside a group, at any depth, once, at the call:
// every handler then sees the same values, and an enqueued one does not resolve them
// later on its writer goroutine. A group without LogValuers is returned as is.
func resolveGroup(v slog.Value) slog.Value {
	g := v.Group()
	i := slices.IndexFunc(g, func(a slog.Attr) bool {
		k := a.Value.Kind()
		return k == slog.KindLogValuer || k == slog.KindGroup
	})
	if i < 0 {
		return v
	}
	out := slices.Clone(g)
	for ; i < len(out); i++ {
		switch out[i].Value.Kind() {
		case slog.KindLogValuer:
			out[i].Value = out[i].Value.Resolve()
			if out[i].Value.Kind() == slog.KindGroup {
				out[i].Value = resolveGroup(out[i].Value)
			}
		case slog.KindGroup:
			out[i].Value = resolveGroup(out[i].Value)
		}
	}
	return slog.GroupValue(out...)
}

// toValue makes a slog.Value of a log argument, resolving LogValuers and, when lazy,
// calling functions of no arguments and one result (see lazyValue; a panic in one is
// kept as the value's text).
func toValue(v any, lazy bool) slog.Value {
	if lazy {
		v, _ = lazyValue(v)
	}
	var sv slog.Value
	switch x := v.(type) {
	case string: // the usual values first, as AnyValue makes them, without its call
		return slog.StringValue(x)
	case int:
		return slog.IntValue(x)
	case slog.Value:
		sv = x
	default:
		// AnyValue tests for the scalar types before LogValuer: a scalar costs no
		// interface test here.
		sv = slog.AnyValue(v)
	}
	if k := sv.Kind(); k == slog.KindLogValuer || k == slog.KindGroup {
		sv = sv.Resolve()
		if sv.Kind() == slog.KindGroup {
			sv = resolveGroup(sv)
		}
	}
	return sv
}

func callLazy(f func() any) (v any) {
	defer func() {
		if r := recover(); r != nil {
			v = "<PANIC=lazy value: " + textOf(r) + ">"
		}
	}()
	return f()
}

// textOf renders any value as safe text (escaped, cycle- and panic-proof).
func textOf(v any) string {
	return string(encode.AppendTextAny(nil, v))
}
