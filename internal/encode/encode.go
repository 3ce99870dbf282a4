package encode

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"reflect"
	"strconv"
	"time"
	"unicode/utf8"
)

// Limits of one top-level Append call. They bound the time, the stack and the
// memory that a hostile or accidental value can cost; see the package comment.
const (
	maxDepth     = 32           // nested containers: groups, structs, maps, slices, arrays
	maxNest      = 4 * maxDepth // recursion of any sort, also through pointers, interfaces and LogValuers
	maxItems     = 1000         // elements written per collection
	maxValues    = 100_000      // values visited per call
	maxBytes     = 1 << 20      // collections stop growing once the call has written this much
	maxLogValues = 100          // LogValue calls to resolve one value, as in log/slog

	// panicCost is what a recovered panic takes from the values budget:
	// unwinding costs microseconds, so one call recovers at most
	// maxValues/panicCost of them.
	panicCost = 100
)

// Markers written in place of a value. In JSON output, markNil is null and
// the others are JSON strings.
const (
	markNil      = "<nil>"
	markMaxDepth = "<max depth>"
	markBudget   = "…"
)

// AppendJSON appends the JSON encoding of v to dst and returns the extended
// buffer. The output is always valid JSON and valid UTF-8, and a value that
// cannot be encoded becomes a JSON string describing the problem; see the
// package comment for the form of each kind.
//
// Strings, numbers, bools, durations and times, errors and Stringers, and
// slices of strings, ints, floats and bools (or an []any of those) are written
// without reflection and without allocating unless dst must grow. AppendJSON never
// panics, and it is safe for concurrent use.
func AppendJSON(dst []byte, v slog.Value) []byte {
	switch v.Kind() {
	case slog.KindString:
		return AppendJSONString(dst, v.String())
	case slog.KindInt64:
		return strconv.AppendInt(dst, v.Int64(), 10)
	case slog.KindUint64:
		return strconv.AppendUint(dst, v.Uint64(), 10)
	case slog.KindFloat64:
		return appendJSONFloat(dst, v.Float64(), 64)
	case slog.KindBool:
		return strconv.AppendBool(dst, v.Bool())
	case slog.KindDuration:
		return appendJSONDuration(dst, v.Duration())
	case slog.KindTime:
		return appendJSONTime(dst, v.Time())
	case slog.KindAny:
		if out, ok := appendCommon(dst, v.Any(), true); ok {
			return out
		}
	}
	return appendSlow(dst, v, true)
}

// AppendJSONMember appends "key":value, the member of a JSON object that holds v
// under key, as AppendJSONString and AppendJSON write them, after a comma when comma
// is set. A key that needs no escaping (most do not) is copied with its quotes and the
// colon at once. It never panics, and it is safe for concurrent use.
func AppendJSONMember(dst []byte, comma bool, key string, v slog.Value) []byte {
	// keys of 4 to 8 bytes, the most common, are tested here, without a call
	if n := len(key); n >= 4 && n <= 8 && jsonSafe8(load4(key, 0)|load4(key, n-4)<<32) ||
		(n < 4 || n > 8) && n <= 16 && jsonSafeShort(key) {
		if comma {
			dst = append(dst, ',', '"')
		} else {
			dst = append(dst, '"')
		}
		dst = append(dst, key...)
		dst = append(dst, '"', ':')
	} else {
		if comma {
			dst = append(dst, ',')
		}
		dst = append(AppendJSONString(dst, key), ':')
	}
	// AppendJSON's switch, here so that a member costs one call less
	switch v.Kind() {
	case slog.KindString:
		return AppendJSONString(dst, v.String())
	case slog.KindInt64:
		return strconv.AppendInt(dst, v.Int64(), 10)
	case slog.KindBool:
		return strconv.AppendBool(dst, v.Bool())
	case slog.KindFloat64:
		return appendJSONFloat(dst, v.Float64(), 64)
	case slog.KindDuration:
		return appendJSONDuration(dst, v.Duration())
	case slog.KindTime:
		return appendJSONTime(dst, v.Time())
	case slog.KindAny:
		if out, ok := appendCommon(dst, v.Any(), true); ok {
			return out
		}
		return appendSlow(dst, v, true)
	}
	return AppendJSON(dst, v)
}

// AppendJSONAny appends the JSON encoding of x to dst, as
// AppendJSON(dst, slog.AnyValue(x)) does. It is safe for concurrent use.
func AppendJSONAny(dst []byte, x any) []byte {
	return AppendJSON(dst, slog.AnyValue(x))
}

// AppendText appends the human-readable text form of v to dst and returns the
// extended buffer. Every string inside v, keys included, is escaped as
// [AppendTextString] does, so the output is valid UTF-8 without control
// characters whatever v holds; see the package comment for the form of each
// kind.
//
// Strings, numbers, bools, durations and times, errors and Stringers, and
// slices of strings, ints, floats and bools (or an []any of those) are written
// without reflection and without allocating unless dst must grow. AppendText never
// panics, and it is safe for concurrent use.
func AppendText(dst []byte, v slog.Value) []byte {
	switch v.Kind() {
	case slog.KindString:
		return AppendTextString(dst, v.String())
	case slog.KindInt64:
		return strconv.AppendInt(dst, v.Int64(), 10)
	case slog.KindUint64:
		return strconv.AppendUint(dst, v.Uint64(), 10)
	case slog.KindFloat64:
		return appendTextFloat(dst, v.Float64(), 64)
	case slog.KindBool:
		return strconv.AppendBool(dst, v.Bool())
	case slog.KindDuration:
		return appendDuration(dst, v.Duration())
	case slog.KindTime:
		return appendRFC3339Nano(dst, v.Time())
	case slog.KindAny:
		if out, ok := appendCommon(dst, v.Any(), false); ok {
			return out
		}
	}
	return appendSlow(dst, v, false)
}

// AppendTextAny appends the text form of x to dst, as
// AppendText(dst, slog.AnyValue(x)) does. It is safe for concurrent use.
func AppendTextAny(dst []byte, x any) []byte {
	return AppendText(dst, slog.AnyValue(x))
}

// appendSlow encodes groups, LogValuers and arbitrary values. It recovers a
// panic of its own making (a bug, since every call into user code is guarded
// where it happens) by replacing what it wrote with a marker, so that the
// record survives even then.
func appendSlow(dst []byte, v slog.Value, json bool) (out []byte) {
	start := len(dst)
	defer func() {
		if r := recover(); r != nil {
			msg := "<encoder panic: " + reflect.TypeOf(r).String() + ">"
			if json {
				out = AppendJSONString(dst[:start], msg)
			} else {
				out = AppendTextString(dst[:start], msg)
			}
		}
	}()
	e := encoder{json: json, values: maxValues, start: start}
	return e.value(dst, v)
}

// encoder carries the state of one slow-path call through the recursive walk
// of groups and reflected values.
type encoder struct {
	json   bool // JSON output, else text
	depth  int  // containers open
	nest   int  // recursion steps open
	values int  // values left to visit
	start  int  // len(dst) when the call began

	// The path: the pointers, maps and slices being encoded, outermost
	// first. The first few live in the encoder itself, which stays on the
	// stack, so that common values need no allocation for it.
	npath int
	path  [4]visit
	pathN []visit // entries after the first len(path)
}

// visit identifies a pointer, map or slice on the path from the root to the
// value being encoded. Seeing one again means the value contains itself.
type visit struct {
	ptr uintptr
	len int // slices only: s[:1] within s is not a cycle
	typ reflect.Type
}

// onPath reports whether k is on the path. The path is at most maxNest long,
// since each entry is a level of recursion, so a linear scan is all it needs.
func (e *encoder) onPath(k visit) bool {
	for _, p := range e.path[:min(e.npath, len(e.path))] {
		if p == k {
			return true
		}
	}
	for _, p := range e.pathN {
		if p == k {
			return true
		}
	}
	return false
}

func (e *encoder) push(k visit) {
	if e.npath < len(e.path) {
		e.path[e.npath] = k
	} else {
		e.pathN = append(e.pathN, k)
	}
	e.npath++
}

func (e *encoder) pop() {
	e.npath--
	if e.npath < len(e.path) {
		e.path[e.npath] = visit{}
	} else {
		e.pathN = e.pathN[:len(e.pathN)-1]
	}
}

// enter begins one recursion step. It returns the marker to write instead of
// the value when a limit is reached, or "".
func (e *encoder) enter() string {
	if e.nest >= maxNest {
		return markMaxDepth
	}
	if e.values <= 0 {
		return markBudget
	}
	e.nest++
	e.values--
	return ""
}

func (e *encoder) leave() { e.nest-- }

// full reports whether collections should stop adding elements.
func (e *encoder) full(dst []byte) bool {
	return e.values <= 0 || len(dst)-e.start > maxBytes
}

// null writes the nil value: null in JSON, <nil> in text.
func (e *encoder) null(dst []byte) []byte {
	if e.json {
		return append(dst, "null"...)
	}
	return append(dst, markNil...)
}

// str writes s as a JSON string or as escaped text.
func (e *encoder) str(dst []byte, s string) []byte {
	if e.json {
		return AppendJSONString(dst, s)
	}
	return AppendTextString(dst, s)
}

// sep writes the separator between elements of a collection.
func (e *encoder) sep(dst []byte) []byte {
	if e.json {
		return append(dst, ',')
	}
	return append(dst, ' ')
}

// more writes the element that stands for the n elements of a list left out.
func (e *encoder) more(dst []byte, n int) []byte {
	return e.str(dst, "…+"+strconv.Itoa(n)+" more")
}

// moreKey is more for objects: a "…" key in JSON.
func (e *encoder) moreKey(dst []byte, n int) []byte {
	if e.json {
		return AppendJSONString(append(dst, `"…":`...), "+"+strconv.Itoa(n)+" more")
	}
	return e.more(dst, n)
}

// value encodes a slog.Value.
func (e *encoder) value(dst []byte, v slog.Value) []byte {
	switch v.Kind() {
	case slog.KindGroup:
		return e.group(dst, v.Group())
	case slog.KindLogValuer:
		return e.value(dst, e.resolve(v))
	case slog.KindAny:
		return e.any(dst, v.Any())
	}
	if e.json {
		return AppendJSON(dst, v)
	}
	return AppendText(dst, v)
}

// resolve calls LogValue until the value is no LogValuer. Unlike
// slog.Value.Resolve, it reports a panic in the style of the other methods
// (slog's message carries a multi-line stack) and treats a panicking nil
// receiver as nil.
func (e *encoder) resolve(v slog.Value) slog.Value {
	for range maxLogValues {
		if v.Kind() != slog.KindLogValuer {
			return v
		}
		lv := v.LogValuer()
		nv, p, ok := callLogValue(lv)
		if !ok {
			e.values -= panicCost
			if isNil(lv) {
				return slog.AnyValue(nil)
			}
			return slog.StringValue("<PANIC=LogValue method: " + e.describe(p) + ">")
		}
		v = nv
	}
	if v.Kind() != slog.KindLogValuer {
		return v
	}
	return slog.StringValue(markMaxDepth)
}

// group writes a group as {k=v k2=v2} or a JSON object.
func (e *encoder) group(dst []byte, as []slog.Attr) []byte {
	if e.depth >= maxDepth {
		return e.str(dst, markMaxDepth)
	}
	e.depth++
	dst = append(dst, '{')
	n := 0
	dst, left := e.attrs(dst, as, &n)
	if left > 0 {
		if n > 0 {
			dst = e.sep(dst)
		}
		dst = e.moreKey(dst, left)
	}
	dst = append(dst, '}')
	e.depth--
	return dst
}

// attrs writes the members of a group, following the rules slog handlers
// follow: values are resolved first, an empty Attr is left out, so is a group
// with no members, and the members of a group with an empty key are written
// inline. n counts the members written so far. When the group must be cut,
// attrs stops and returns how many Attrs it left out.
func (e *encoder) attrs(dst []byte, as []slog.Attr, n *int) ([]byte, int) {
	for i, a := range as {
		if *n >= maxItems || e.full(dst) {
			return dst, len(as) - i
		}
		v := a.Value
		if v.Kind() == slog.KindLogValuer {
			v = e.resolve(v)
		}
		if a.Key == "" && v.Kind() == slog.KindAny && v.Any() == nil {
			continue
		}
		if v.Kind() == slog.KindGroup {
			g := v.Group()
			if len(g) == 0 {
				continue
			}
			if a.Key == "" && e.depth < maxDepth {
				e.depth++
				var left int
				dst, left = e.attrs(dst, g, n)
				e.depth--
				if left > 0 {
					return dst, left + len(as) - i - 1
				}
				continue
			}
		}
		if *n > 0 {
			dst = e.sep(dst)
		}
		*n++
		dst = e.attr(dst, a.Key, v)
	}
	return dst, 0
}

// attr writes key and value as "k":v, or as k=v quoted where needed (see
// [AppendTextPair]). v is resolved.
func (e *encoder) attr(dst []byte, key string, v slog.Value) []byte {
	if !e.json {
		return e.textAttr(dst, key, v)
	}
	dst = AppendJSONString(dst, key)
	dst = append(dst, ':')
	return e.value(dst, v)
}

// any encodes an arbitrary value: nil, the slog and time types, then the
// methods a type can use to describe itself, then reflection.
func (e *encoder) any(dst []byte, x any) []byte {
	if m := e.enter(); m != "" {
		return e.str(dst, m)
	}
	dst = e.anyInner(dst, x)
	e.leave()
	return dst
}

func (e *encoder) anyInner(dst []byte, x any) []byte {
	switch x := x.(type) {
	case nil:
		return e.null(dst)
	case slog.Value:
		return e.value(dst, x)
	case slog.Attr:
		// slog.Attr and slog.Value have String methods that hand arbitrary
		// values to fmt; they must never be reached.
		if e.json {
			dst = append(dst, '{')
			dst = e.attr(dst, x.Key, x.Value)
			return append(dst, '}')
		}
		return e.attr(dst, x.Key, x.Value)
	case slog.LogValuer:
		return e.value(dst, e.resolve(slog.AnyValue(x)))
	case time.Time:
		return e.value(dst, slog.TimeValue(x))
	case []byte:
		return e.bytes(dst, x)
	}
	if e.json {
		switch x := x.(type) {
		case json.Number:
			if isJSONNumber(string(x)) {
				return append(dst, x...)
			}
			return AppendJSONString(dst, string(x))
		case json.Marshaler:
			return e.marshalJSON(dst, x)
		}
	}
	switch h := x.(type) {
	case error:
		s, p, ok := callError(h)
		if !ok {
			return e.hookPanic(dst, "Error", x, p)
		}
		return e.str(dst, s)
	case stringer:
		s, p, ok := callString(h)
		if !ok {
			return e.hookPanic(dst, "String", x, p)
		}
		return e.str(dst, s)
	case encoding.TextMarshaler:
		b, p, ok, err := callMarshalText(h)
		if !ok {
			return e.hookPanic(dst, "MarshalText", x, p)
		}
		if err != nil {
			return e.hookError(dst, "MarshalText", err)
		}
		return e.str(dst, string(b))
	}
	return e.reflect(dst, reflect.ValueOf(x))
}

// bytes writes b as a base64 JSON string, as encoding/json does, or as escaped
// text.
func (e *encoder) bytes(dst []byte, b []byte) []byte {
	if !e.json {
		return AppendTextString(dst, string(b))
	}
	if b == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '"')
	dst = base64.StdEncoding.AppendEncode(dst, b)
	return append(dst, '"')
}

// marshalJSON writes the output of x.MarshalJSON, compacted, when it is valid
// JSON, and a marker string otherwise. A nil pointer is null, without a call,
// as in encoding/json.
func (e *encoder) marshalJSON(dst []byte, x json.Marshaler) []byte {
	if isNilPointer(x) {
		return append(dst, "null"...)
	}
	out, p, ok, err := callMarshalJSON(x)
	if !ok {
		return e.hookPanic(dst, "MarshalJSON", x, p)
	}
	if err != nil {
		return e.hookError(dst, "MarshalJSON", err)
	}
	if !json.Valid(out) {
		return e.str(dst, "<invalid MarshalJSON output: "+preview(out)+">")
	}
	return appendCompactJSON(dst, out)
}

// appendCompactJSON appends the valid JSON text src without insignificant
// space. Bytes that are not valid UTF-8 become \ufffd, and DEL, the C1
// controls, U+2028 and U+2029 become \u escapes, as AppendJSONString writes
// them. In valid JSON every byte from 0x7f up lies inside a string, so the
// escapes can be added without tracking where strings start and end.
func appendCompactJSON(dst, src []byte) []byte {
	start := len(dst)
	buf := bytes.NewBuffer(dst)
	if err := json.Compact(buf, src); err != nil {
		return AppendJSONString(dst[:start], "<invalid MarshalJSON output>")
	}
	dst = buf.Bytes()
	i := start
	for i < len(dst) && dst[i] < 0x7f {
		i++
	}
	if i == len(dst) {
		return dst
	}
	rest := string(dst[i:])
	dst = dst[:i]
	for j := 0; j < len(rest); {
		b := rest[j]
		if b < 0x7f {
			dst = append(dst, b)
			j++
			continue
		}
		if b == 0x7f {
			dst = appendU4(dst, 0x7f)
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(rest[j:])
		switch {
		case size == 1:
			dst = append(dst, `\ufffd`...)
		case jsonEscapesRune(r):
			dst = appendU4(dst, r)
		default:
			dst = append(dst, rest[j:j+size]...)
		}
		j += size
	}
	return dst
}

// preview is the start of b, for a marker.
func preview(b []byte) string {
	const max = 64
	if len(b) <= max {
		return string(b)
	}
	n := max
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return string(b[:n]) + "…"
}
