package encode

import (
	stdjson "encoding/json"
	"log/slog"
	"strconv"
	"time"
)

// appendCommon encodes the values most often logged beside the scalar kinds (errors,
// Stringers, and slices of strings, ints, floats, bools or of those in an []any)
// without the slow path's set-up and without reflection, as the slow path would encode
// them: in JSON when json is set, else as text. It reports false, having written
// nothing, for anything else, for a slice the slow path would cut (more than maxItems
// elements or maxBytes of output), and for any value whose method panics, all of which
// the slow path then reports.
func appendCommon(dst []byte, x any, json bool) ([]byte, bool) {
	// The slices first: they have no methods, and a concrete type costs a compare where
	// an interface (error, Stringer) costs a look-up.
	switch x := x.(type) {
	case []string:
		if x == nil {
			return appendNilList(dst, json), true
		}
		if len(x) > maxItems {
			return dst, false
		}
		start := len(dst)
		dst = append(dst, '[')
		for i, s := range x {
			if len(dst)-start > maxBytes {
				return dst[:start], false // the slow path cuts it
			}
			switch {
			case !json:
				if i > 0 {
					dst = append(dst, ' ')
				}
				dst = AppendTextString(dst, s)
			case i > 0:
				dst = AppendJSONString(append(dst, ','), s)
			default:
				dst = AppendJSONString(dst, s)
			}
		}
		return append(dst, ']'), true
	case []int:
		return appendList(dst, x, json, func(dst []byte, n int, _ bool) ([]byte, bool) {
			return strconv.AppendInt(dst, int64(n), 10), true
		})
	case []int64:
		return appendList(dst, x, json, func(dst []byte, n int64, _ bool) ([]byte, bool) {
			return strconv.AppendInt(dst, n, 10), true
		})
	case []float64:
		return appendList(dst, x, json, func(dst []byte, f float64, json bool) ([]byte, bool) {
			return appendFloat(dst, f, json), true
		})
	case []bool:
		return appendList(dst, x, json, func(dst []byte, b bool, _ bool) ([]byte, bool) {
			return strconv.AppendBool(dst, b), true
		})
	case []any:
		return appendList(dst, x, json, appendAnyItem)
	case stdjson.Marshaler, stdjson.Number, slog.Value, slog.Attr, time.Time, []byte:
		// What the slow path serves before Error and String, x being the value of a
		// slog.Value of kind Any (so never a slog.LogValuer): tested in this switch,
		// one look-up of x's type for all its interfaces, not in one of their own.
		return dst, false
	case error:
		s, _, ok := callError(x)
		if !ok {
			return dst, false
		}
		return appendStr(dst, s, json), true
	case stringer:
		s, _, ok := callString(x)
		if !ok {
			return dst, false
		}
		return appendStr(dst, s, json), true
	}
	return dst, false
}

// appendList writes a slice as the slow path writes one: [a b c] or a JSON array, nil
// as null in JSON and [] in text. el writes one element, or reports false for one the
// fast path does not write; the whole slice then goes to the slow path, as does one
// longer than the slow path writes in full (maxItems, maxBytes).
func appendList[T any](dst []byte, x []T, json bool, el func([]byte, T, bool) ([]byte, bool)) ([]byte, bool) {
	if x == nil {
		return appendNilList(dst, json), true
	}
	if len(x) > maxItems {
		return dst, false
	}
	start := len(dst)
	dst = append(dst, '[')
	for i, v := range x {
		if len(dst)-start > maxBytes {
			return dst[:start], false // the slow path cuts it
		}
		if i > 0 {
			dst = appendSep(dst, json)
		}
		var ok bool
		if dst, ok = el(dst, v, json); !ok {
			return dst[:start], false
		}
	}
	return append(dst, ']'), true
}

// appendAnyItem writes one element of a []any: nil, a string, an int, an int64, a
// float64 or a bool; any other value reports false.
func appendAnyItem(dst []byte, el any, json bool) ([]byte, bool) {
	switch el := el.(type) {
	case nil:
		if json {
			return append(dst, "null"...), true
		}
		return append(dst, markNil...), true
	case string:
		return appendStr(dst, el, json), true
	case int:
		return strconv.AppendInt(dst, int64(el), 10), true
	case int64:
		return strconv.AppendInt(dst, el, 10), true
	case float64:
		return appendFloat(dst, el, json), true
	case bool:
		return strconv.AppendBool(dst, el), true
	}
	return dst, false
}

func appendNilList(dst []byte, json bool) []byte {
	if json {
		return append(dst, "null"...)
	}
	return append(dst, "[]"...)
}

func appendSep(dst []byte, json bool) []byte {
	if json {
		return append(dst, ',')
	}
	return append(dst, ' ')
}

// appendStr writes s as a JSON string or as escaped text.
func appendStr(dst []byte, s string, json bool) []byte {
	if json {
		return AppendJSONString(dst, s)
	}
	return AppendTextString(dst, s)
}

func appendFloat(dst []byte, f float64, json bool) []byte {
	if json {
		return appendJSONFloat(dst, f, 64)
	}
	return appendTextFloat(dst, f, 64)
}
