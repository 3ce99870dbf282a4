package encode

import (
	"strconv"
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
		return appendList(dst, x, json, func(dst []byte, n int, _ bool) []byte {
			return strconv.AppendInt(dst, int64(n), 10)
		})
	case []int64:
		return appendList(dst, x, json, func(dst []byte, n int64, _ bool) []byte {
			return strconv.AppendInt(dst, n, 10)
		})
	case []float64:
		return appendList(dst, x, json, appendFloat)
	case []bool:
		return appendList(dst, x, json, func(dst []byte, b bool, _ bool) []byte {
			return strconv.AppendBool(dst, b)
		})
	case []any:
		if x == nil {
			return appendNilList(dst, json), true
		}
		if len(x) > maxItems {
			return dst, false
		}
		start := len(dst)
		dst = append(dst, '[')
		for i, el := range x {
			if len(dst)-start > maxBytes {
				return dst[:start], false // the slow path cuts it
			}
			if i > 0 {
				dst = appendSep(dst, json)
			}
			switch el := el.(type) {
			case nil:
				if json {
					dst = append(dst, "null"...)
				} else {
					dst = append(dst, markNil...)
				}
			case string:
				dst = appendStr(dst, el, json)
			case int:
				dst = strconv.AppendInt(dst, int64(el), 10)
			case int64:
				dst = strconv.AppendInt(dst, el, 10)
			case float64:
				dst = appendFloat(dst, el, json)
			case bool:
				dst = strconv.AppendBool(dst, el)
			default:
				return dst[:start], false
			}
		}
		return append(dst, ']'), true
	case error:
		if !plainMethods(x) {
			return dst, false
		}
		s, _, ok := callError(x)
		if !ok {
			return dst, false
		}
		return appendStr(dst, s, json), true
	case stringer:
		if !plainMethods(x) {
			return dst, false
		}
		s, _, ok := callString(x)
		if !ok {
			return dst, false
		}
		return appendStr(dst, s, json), true
	}
	return dst, false
}

// appendList writes a slice as the slow path writes one: [a b c] or a JSON array, nil
// as null in JSON and [] in text.
func appendList[T any](dst []byte, x []T, json bool, el func([]byte, T, bool) []byte) ([]byte, bool) {
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
		dst = el(dst, v, json)
	}
	return append(dst, ']'), true
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
