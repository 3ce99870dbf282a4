package encode

import (
	"cmp"
	"encoding"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// reflect encodes v by its kind, without looking at its methods: callers use
// elem for values whose type may have some.
func (e *encoder) reflect(dst []byte, v reflect.Value) []byte {
	if m := e.enter(); m != "" {
		return e.str(dst, m)
	}
	dst = e.reflectInner(dst, v)
	e.leave()
	return dst
}

// elem encodes a value reached by reflection: a struct field, an element, a
// map key or value, or what a pointer points to. A value whose type has
// methods goes through any, so that LogValue, MarshalJSON, Error, String and
// MarshalText apply at every depth (a LogValuer can redact a nested secret).
// Only the value's own method set counts, as in fmt: a method with a pointer
// receiver is not used for a struct field that is not a pointer.
func (e *encoder) elem(dst []byte, v reflect.Value) []byte {
	if hasMethods(v.Type()) && v.CanInterface() {
		return e.any(dst, v.Interface())
	}
	return e.reflect(dst, v)
}

// hasMethods reports whether a value of type t can have methods: t is an
// interface (whose dynamic type may have them) or has exported methods.
func hasMethods(t reflect.Type) bool {
	return t.Kind() == reflect.Interface || t.NumMethod() > 0
}

func (e *encoder) reflectInner(dst []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.Invalid:
		return e.null(dst)
	case reflect.Bool:
		return strconv.AppendBool(dst, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(dst, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(dst, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		if e.json {
			return appendJSONFloat(dst, v.Float(), v.Type().Bits())
		}
		return appendTextFloat(dst, v.Float(), v.Type().Bits())
	case reflect.Complex64, reflect.Complex128:
		if e.json {
			dst = append(dst, '"')
			dst = appendComplex(dst, v.Complex(), v.Type().Bits())
			return append(dst, '"')
		}
		return appendComplex(dst, v.Complex(), v.Type().Bits())
	case reflect.String:
		return e.str(dst, v.String())
	case reflect.Interface:
		if v.IsNil() {
			return e.null(dst)
		}
		return e.elem(dst, v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return e.null(dst)
		}
		return e.followed(dst, v, 0)
	case reflect.Slice:
		if v.IsNil() {
			switch {
			case e.json:
				return append(dst, "null"...)
			case isBytes(v.Type()):
				return dst
			}
			return append(dst, "[]"...)
		}
		if isBytes(v.Type()) {
			return e.bytes(dst, v.Bytes())
		}
		return e.followed(dst, v, v.Len())
	case reflect.Array:
		return e.list(dst, v)
	case reflect.Map:
		if v.IsNil() {
			if e.json {
				return append(dst, "null"...)
			}
			return append(dst, "map[]"...)
		}
		return e.followed(dst, v, 0)
	case reflect.Struct:
		return e.structure(dst, v)
	}
	// Chan, Func, UnsafePointer: nothing to show but the type.
	return e.str(dst, "<"+v.Type().String()+">")
}

// isBytes reports whether t is a slice of plain bytes, which is written as a
// string (base64 in JSON) rather than as a list of numbers.
func isBytes(t reflect.Type) bool {
	return t.Elem().Kind() == reflect.Uint8 && t.Elem().NumMethod() == 0
}

// followed encodes the non-nil pointer, slice or map v, keeping it on the path
// while its contents are written so that a value which contains itself is
// written once and then as <cycle T>. n is the length of a slice.
func (e *encoder) followed(dst []byte, v reflect.Value, n int) []byte {
	key := visit{ptr: v.Pointer(), len: n, typ: v.Type()}
	if e.onPath(key) {
		return e.str(dst, "<cycle "+key.typ.String()+">")
	}
	e.push(key)
	switch v.Kind() {
	case reflect.Pointer:
		dst = e.elem(dst, v.Elem())
	case reflect.Slice:
		dst = e.list(dst, v)
	default:
		dst = e.mapping(dst, v)
	}
	e.pop()
	return dst
}

// list writes a slice or array as [a b c] or a JSON array, cut after maxItems
// elements with a marker element.
func (e *encoder) list(dst []byte, v reflect.Value) []byte {
	if e.depth >= maxDepth {
		return e.str(dst, markMaxDepth)
	}
	e.depth++
	methods := hasMethods(v.Type().Elem())
	n := v.Len()
	dst = append(dst, '[')
	for i := range n {
		if i > 0 {
			dst = e.sep(dst)
		}
		if i >= maxItems || e.full(dst) {
			dst = e.more(dst, n-i)
			break
		}
		if methods {
			dst = e.elem(dst, v.Index(i))
		} else {
			dst = e.reflect(dst, v.Index(i))
		}
	}
	dst = append(dst, ']')
	e.depth--
	return dst
}

// structure writes the exported fields of a struct as {Name:alice Age:3} or a
// JSON object. Both outputs leave out fields tagged `json:"-"`; JSON also
// honours the tag's name and its omitempty and omitzero options. An embedded
// struct is written as a field named after its type, not flattened.
func (e *encoder) structure(dst []byte, v reflect.Value) []byte {
	if e.depth >= maxDepth {
		return e.str(dst, markMaxDepth)
	}
	e.depth++
	t := v.Type()
	dst = append(dst, '{')
	n := 0
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		fv := v.Field(i)
		if e.json && opts != "" {
			if hasOption(opts, "omitempty") && isEmpty(fv) || hasOption(opts, "omitzero") && fv.IsZero() {
				continue
			}
		}
		if n > 0 {
			dst = e.sep(dst)
		}
		n++
		if e.json {
			if name == "" {
				name = f.Name
			}
			dst = AppendJSONString(dst, name)
		} else {
			dst = AppendTextString(dst, f.Name)
		}
		dst = append(dst, ':')
		dst = e.elem(dst, fv)
	}
	dst = append(dst, '}')
	e.depth--
	return dst
}

// hasOption reports whether the comma-separated tag options opts hold opt.
func hasOption(opts, opt string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == opt {
			return true
		}
	}
	return false
}

// isEmpty is encoding/json's test for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// Sort classes of map keys: numbers sort by value, everything else by text.
const (
	classInt int8 = iota
	classUint
	classFloat
	classText
)

// mapEntry is one map entry being sorted.
type mapEntry struct {
	key    string // the key: the string itself if plain, else its rendered text
	plain  bool   // key is a string to be escaped on output
	class  int8
	i      int64
	u      uint64
	f      float64
	ks, ke int // where a rendered key lies in the scratch buffer
	val    int // index of the value in the slice of values
}

func compareEntries(a, b mapEntry) int {
	if c := cmp.Compare(a.class, b.class); c != 0 {
		return c
	}
	switch a.class {
	case classInt:
		return cmp.Compare(a.i, b.i)
	case classUint:
		return cmp.Compare(a.u, b.u)
	case classFloat:
		return cmp.Compare(a.f, b.f)
	}
	return strings.Compare(a.key, b.key)
}

// mapping writes a map as map[a:1 b:2] or a JSON object, with keys sorted.
// Numeric keys sort by value and other keys by their text. A map longer than
// maxItems is cut: which entries are kept is then unspecified (it follows Go's
// map iteration order), they are sorted, and a marker entry ends the map.
func (e *encoder) mapping(dst []byte, v reflect.Value) []byte {
	if e.depth >= maxDepth {
		return e.str(dst, markMaxDepth)
	}
	e.depth++
	n := v.Len()
	keep := min(n, maxItems)
	entries := make([]mapEntry, 0, keep)
	// Keys and values are copied out through SetIterKey and SetIterValue,
	// into one reusable key and one slice of values, rather than by
	// MapIter.Key and Value, which allocate for each entry.
	t := v.Type()
	var key, vals reflect.Value
	if keep > 0 {
		key = reflect.New(t.Key()).Elem()
		vals = reflect.MakeSlice(reflect.SliceOf(t.Elem()), keep, keep)
	}
	var scratch []byte
	rendered := false
	var it reflect.MapIter
	it.Reset(v)
	for len(entries) < keep && it.Next() {
		vals.Index(len(entries)).SetIterValue(&it)
		key.SetIterKey(&it)
		ent := mapEntry{class: classText}
		k := key
		if k.Kind() == reflect.Interface && !k.IsNil() {
			k = k.Elem()
		}
		switch k.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			ent.class, ent.i = classInt, k.Int()
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			ent.class, ent.u = classUint, k.Uint()
		case reflect.Float32, reflect.Float64:
			ent.class, ent.f = classFloat, k.Float()
		}
		if k.Kind() == reflect.String && (e.json || k.Type().NumMethod() == 0) {
			// As in encoding/json, a string key is the string, whatever
			// methods its type has.
			ent.key, ent.plain = k.String(), true
		} else {
			ent.ks = len(scratch)
			scratch = e.mapKey(scratch, k)
			ent.ke = len(scratch)
			rendered = true
		}
		ent.val = len(entries)
		entries = append(entries, ent)
	}
	if rendered {
		s := string(scratch)
		for i := range entries {
			if !entries[i].plain {
				entries[i].key = s[entries[i].ks:entries[i].ke]
			}
		}
	}
	slices.SortFunc(entries, compareEntries)

	if e.json {
		dst = append(dst, '{')
	} else {
		dst = append(dst, "map["...)
	}
	i := 0
	for ; i < len(entries); i++ {
		if i > 0 {
			dst = e.sep(dst)
		}
		if e.full(dst) {
			break
		}
		ent := &entries[i]
		switch {
		case e.json:
			dst = AppendJSONString(dst, ent.key)
		case ent.plain:
			dst = AppendTextString(dst, ent.key)
		default:
			dst = append(dst, ent.key...)
		}
		dst = append(dst, ':')
		dst = e.elem(dst, vals.Index(ent.val))
	}
	if i < n {
		if i == len(entries) && i > 0 {
			dst = e.sep(dst)
		}
		dst = e.moreKey(dst, n-i)
	}
	if e.json {
		dst = append(dst, '}')
	} else {
		dst = append(dst, ']')
	}
	e.depth--
	return dst
}

// mapKey renders a map key that is not a plain string. In JSON a key is the
// output of its MarshalText method if it has one, as in encoding/json; any
// other key is written in its text form, which JSON output then quotes.
func (e *encoder) mapKey(dst []byte, k reflect.Value) []byte {
	saved := e.json
	e.json = false
	defer func() { e.json = saved }()
	if saved && k.Kind() != reflect.Interface && k.Type().NumMethod() > 0 && k.CanInterface() {
		x := k.Interface()
		if tm, ok := x.(encoding.TextMarshaler); ok {
			b, p, ok, err := callMarshalText(tm)
			switch {
			case !ok:
				return e.hookPanic(dst, "MarshalText", x, p)
			case err != nil:
				return e.hookError(dst, "MarshalText", err)
			}
			return append(dst, b...)
		}
	}
	return e.elem(dst, k)
}
