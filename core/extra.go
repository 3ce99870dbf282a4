package core

import (
	"iter"
	"log/slog"
)

// BadKey is the key under which a value without a valid key is kept: a lone trailing
// value, or a value whose key is not a string. Entries under BadKey never replace each
// other, so no value is lost.
const BadKey = "!BADKEY"

// Extra is an ordered set of fields, one value per key. Setting a key that is present
// replaces its value and keeps its position, as a Python dict does; entries under
// [BadKey] are always appended. It is a slice, not a map: no map is built per record.
//
// The zero Extra is empty and ready to use. An Extra is not safe for concurrent
// mutation; copying an Extra value shares its storage, use [Extra.Clone] for an
// independent copy.
type Extra struct {
	attrs []slog.Attr
	mask  uint64 // one bit per key hash: a cheap "maybe present" test before scanning
}

func keyBit(key string) uint64 {
	if key == "" {
		return 1
	}
	return 1 << ((uint(len(key)) + 7*uint(key[0]) + uint(key[len(key)-1])) & 63)
}

// Len returns the number of fields.
func (e *Extra) Len() int { return len(e.attrs) }

// Attrs returns the fields in order. The slice is e's own storage: read it, do not
// modify or keep it; it is valid until e is next changed.
func (e *Extra) Attrs() []slog.Attr { return e.attrs }

func (e *Extra) index(key string) int {
	if e.mask&keyBit(key) == 0 {
		return -1
	}
	for i := len(e.attrs) - 1; i >= 0; i-- {
		if e.attrs[i].Key == key {
			return i
		}
	}
	return -1
}

// Lookup returns the value stored under key.
func (e *Extra) Lookup(key string) (slog.Value, bool) {
	if i := e.index(key); i >= 0 {
		return e.attrs[i].Value, true
	}
	return slog.Value{}, false
}

// Get returns the value stored under key as an any (see [slog.Value.Any]).
func (e *Extra) Get(key string) (any, bool) {
	v, ok := e.Lookup(key)
	if !ok {
		return nil, false
	}
	return v.Any(), true
}

// Set stores value under key: it replaces the value of an existing key in place, or
// appends a new field. A [slog.Value] is stored as is; any other value as
// [slog.AnyValue] makes it.
func (e *Extra) Set(key string, value any) {
	if v, ok := value.(slog.Value); ok {
		e.SetAttr(slog.Attr{Key: key, Value: v})
		return
	}
	e.SetAttr(slog.Any(key, value))
}

// SetAttr stores a field, with the same rule as [Extra.Set].
func (e *Extra) SetAttr(a slog.Attr) {
	if a.Key != BadKey {
		if i := e.index(a.Key); i >= 0 {
			e.attrs[i].Value = a.Value
			return
		}
	}
	e.mask |= keyBit(a.Key)
	e.attrs = append(e.attrs, a)
}

// Merge sets every field of o in e, in o's order.
func (e *Extra) Merge(o *Extra) {
	if len(e.attrs) == 0 {
		e.attrs = append(e.attrs, o.attrs...)
		e.mask = o.mask
		return
	}
	for _, a := range o.attrs {
		e.SetAttr(a)
	}
}

// Delete removes key and reports whether it was present. Deleting [BadKey] removes
// every entry under it.
func (e *Extra) Delete(key string) bool {
	found := false
	for i := e.index(key); i >= 0; i = e.index(key) {
		copy(e.attrs[i:], e.attrs[i+1:])
		e.attrs[len(e.attrs)-1] = slog.Attr{}
		e.attrs = e.attrs[:len(e.attrs)-1]
		found = true
	}
	return found
}

// All returns an iterator over the fields in order, as key and value (see
// [slog.Value.Any]).
func (e *Extra) All() iter.Seq2[string, any] {
	return func(yield func(string, any) bool) {
		for _, a := range e.attrs {
			if !yield(a.Key, a.Value.Any()) {
				return
			}
		}
	}
}

// Clone returns a copy of e that shares no storage with it.
func (e *Extra) Clone() Extra {
	if len(e.attrs) == 0 {
		return Extra{}
	}
	return Extra{attrs: append([]slog.Attr(nil), e.attrs...), mask: e.mask}
}

// Reset removes every field, keeping the storage for reuse.
func (e *Extra) Reset() {
	clear(e.attrs)
	e.attrs = e.attrs[:0]
	e.mask = 0
}
