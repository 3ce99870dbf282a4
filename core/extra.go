package core

import (
	"iter"
	"log/slog"
	"slices"
	"strconv"
)

// BadKey is the key under which a value without a valid key is kept: a lone trailing
// value, or a value whose key is not a string. Such values never replace each other:
// in an [Extra] the first is kept under BadKey, the next under "!BADKEY2", then
// "!BADKEY3"…, so every key is unique and no value is lost in any output, JSON
// included (a JSON parser keeps one value per key).
const BadKey = "!BADKEY"

// Extra is an ordered set of fields, one value per key. Setting a key that is present
// replaces its value and keeps its position, as a Python dict does. Keys made of
// [BadKey] and a number ("!BADKEY2") are reserved: a value set under BadKey or under one
// of them is always appended, under the next bad key this Extra has not used (values
// merged from another Extra are renumbered in order). It is a slice, not a map: past
// 16 fields set one at a time, or 64 added in bulk ([Extra.Merge] into an empty Extra,
// [Extra.AppendAttrs]), it indexes its keys, so any number of fields costs O(1) each;
// below that, a scan is cheaper than building the index.
//
// The zero Extra is empty and ready to use. An Extra is not safe for concurrent
// mutation; copying an Extra value shares its storage, use [Extra.Clone] for an
// independent copy.
type Extra struct {
	attrs []slog.Attr
	mask  uint64 // one bit per key hash: a cheap "maybe present" test before scanning
	// byKey indexes attrs by key once they outnumber indexAbove, so that a record with
	// many fields costs O(1) per field, not O(n); nil below that size, where a scan is
	// faster than a map and allocates nothing.
	byKey map[string]int
	bad   int // bad keys handed out: the next one is badKeyName(bad+1)
	// shared is set while attrs views another Extra's fields ([Extra.MergeFrozen]),
	// which never change: the first change to e copies them into own, e's own storage,
	// kept meanwhile for that.
	shared bool
	own    []slog.Attr
}

// isBadKey reports whether key is BadKey or BadKey followed by digits.
func isBadKey(key string) bool {
	if len(key) < len(BadKey) || key[0] != '!' || key[:len(BadKey)] != BadKey {
		return false
	}
	for i := len(BadKey); i < len(key); i++ {
		if key[i] < '0' || key[i] > '9' {
			return false
		}
	}
	return true
}

// badKeyName returns the n-th bad key: BadKey, then "!BADKEY2", "!BADKEY3"…
func badKeyName(n int) string {
	switch n {
	case 1:
		return BadKey
	case 2:
		return BadKey + "2"
	case 3:
		return BadKey + "3"
	case 4:
		return BadKey + "4"
	}
	return BadKey + strconv.Itoa(n)
}

// reserve makes room for n more fields. The storage it allocates holds a multiple of
// eight fields (8 × 40 bytes = five 64-byte cache lines), so that its size is a
// multiple of a cache line: a pooled record's fields, rewritten by every record, then
// never share a cache line with a neighbour in memory, such as another core's record
// (append's sizes, 416 bytes for ten fields, made two cores' records slow each other
// down by half, depending on where the allocator put them).
func (e *Extra) reserve(n int) {
	if cap(e.attrs)-len(e.attrs) >= n {
		return
	}
	c := max(2*cap(e.attrs), len(e.attrs)+n)
	c = (c + 7) &^ 7
	a := make([]slog.Attr, len(e.attrs), c)
	copy(a, e.attrs)
	e.attrs = a
}

// indexAbove is the number of fields above which an Extra indexes its keys.
const indexAbove = 16

// bulkAbove is the number of fields above which a bulk addition indexes the keys; up to
// it, AppendAttrs compares a key with the others only when its bit is already in the
// mask (at most bulkAbove² comparisons, and none in the usual case), and allocates
// nothing.
const bulkAbove = 64

func keyBit(key string) uint64 {
	if key == "" {
		return 1
	}
	return 1 << ((uint(len(key)) + 7*uint(key[0]) + uint(key[len(key)-1])) & 63)
}

// Len returns the number of fields.
func (e *Extra) Len() int { return len(e.attrs) }

// Attrs returns the fields in order. The slice is e's storage (after
// [Extra.MergeFrozen], the storage of the Extra it views): read it, do not modify or
// keep it; it is valid until e is next changed.
func (e *Extra) Attrs() []slog.Attr { return e.attrs }

func (e *Extra) index(key string) int {
	if e.mask&keyBit(key) == 0 {
		return -1
	}
	if e.byKey != nil {
		if i, ok := e.byKey[key]; ok && i < len(e.attrs) && e.attrs[i].Key == key {
			return i
		}
		return -1
	}
	return e.scan(key)
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
func (e *Extra) SetAttr(a slog.Attr) { e.set(a, true) }

// set is SetAttr; with index false it leaves an Extra without an index unindexed past
// indexAbove fields (AppendAttrs, below bulkAbove).
func (e *Extra) set(a slog.Attr, index bool) {
	e.unshare()
	if len(a.Key) >= len(BadKey) && a.Key[0] == '!' && isBadKey(a.Key) {
		e.bad++
		a.Key = badKeyName(e.bad)
		for e.index(a.Key) >= 0 { // never: bad keys are only handed out here
			e.bad++
			a.Key = badKeyName(e.bad)
		}
	} else if i := e.index(a.Key); i >= 0 {
		e.attrs[i].Value = a.Value
		return
	}
	e.mask |= keyBit(a.Key)
	e.reserve(1)
	e.attrs = append(e.attrs, a)
	if e.byKey != nil {
		e.byKey[a.Key] = len(e.attrs) - 1
	} else if index && len(e.attrs) > indexAbove {
		e.buildIndex()
	}
}

// AppendAttrs stores every field of as in order, each as [Extra.SetAttr] would: a key
// that is present (set before, or earlier in as) keeps its position and takes the later
// value, and a bad key takes the next "!BADKEY" number. While e has no index and the
// fields number at most 64 in all, it first checks the keys, comparing one with the
// others only when its bit is already in the mask, and when they are all new and none is
// a bad key (the usual case) copies as in one go, without building an index: n fields
// cost O(n) and no allocation beyond the slice's growth.
func (e *Extra) AppendAttrs(as []slog.Attr) {
	if len(as) == 0 {
		return // a view of frozen fields stays one
	}
	e.unshare()
	if e.byKey != nil || len(e.attrs)+len(as) > bulkAbove {
		for _, a := range as {
			e.SetAttr(a)
		}
		return
	}
	mask := e.mask
	for i := range as {
		k := as[i].Key
		bit := keyBit(k)
		if len(k) >= len(BadKey) && k[0] == '!' && isBadKey(k) ||
			mask&bit != 0 && (e.scan(k) >= 0 || hasKey(as[:i], k)) {
			e.appendEach(as)
			return
		}
		mask |= bit
	}
	e.reserve(len(as))
	e.attrs = append(e.attrs, as...)
	e.mask = mask
}

// appendEach is AppendAttrs without an index, one field at a time.
func (e *Extra) appendEach(as []slog.Attr) {
	for _, a := range as {
		e.set(a, false)
	}
}

// hasKey reports whether one of as has key.
func hasKey(as []slog.Attr, key string) bool {
	for i := range as {
		if as[i].Key == key {
			return true
		}
	}
	return false
}

// scan returns the position of key, scanning the fields (no index); -1 when absent.
func (e *Extra) scan(key string) int {
	for i := len(e.attrs) - 1; i >= 0; i-- {
		if e.attrs[i].Key == key {
			return i
		}
	}
	return -1
}

// buildIndex indexes every field by key (the last one, for a repeated key).
func (e *Extra) buildIndex() {
	e.byKey = make(map[string]int, 2*len(e.attrs))
	for i, a := range e.attrs {
		e.byKey[a.Key] = i
	}
}

// Merge sets every field of o in e, in o's order.
func (e *Extra) Merge(o *Extra) {
	if len(e.attrs) == 0 { // never a view of frozen fields: that is never empty
		e.reserve(len(o.attrs))
		e.attrs = append(e.attrs, o.attrs...)
		e.mask = o.mask
		e.bad = o.bad
		if len(e.attrs) > bulkAbove {
			e.buildIndex()
		}
		return
	}
	e.AppendAttrs(o.attrs) // as SetAttr for each, without an index up to 64 fields
}

// MergeFrozen is [Extra.Merge] for an o that is never changed again, such as a
// logger's bound fields: while e is empty, e views o's fields instead of copying them,
// and copies them into its own storage only when it is next changed (Reset drops the
// view). The result is the same as Merge's; when e is not empty, or o has more than 64
// fields, it is Merge. It exists for logru's loggers, whose bound fields are frozen once
// bound; most callers want Merge.
//
// The caller promises that o is never changed, reset or merged into again while any
// Extra may view it; many Extras may view one o at once, from different goroutines.
// e itself is not safe for concurrent use (see [Extra]); [Extra.Clone] of a viewing e
// is a copy of its own.
func (e *Extra) MergeFrozen(o *Extra) {
	if len(e.attrs) != 0 || len(o.attrs) == 0 || len(o.attrs) > bulkAbove || e.byKey != nil || e.shared {
		e.Merge(o)
		return
	}
	e.own = e.attrs
	e.attrs = o.attrs[:len(o.attrs):len(o.attrs)]
	e.mask, e.bad, e.shared = o.mask, o.bad, true
}

// unshare gives e its own copy of the fields it views (MergeFrozen) before it changes
// them.
func (e *Extra) unshare() {
	if !e.shared {
		return
	}
	src := e.attrs
	e.attrs, e.own, e.shared = e.own[:0], nil, false
	e.reserve(len(src))
	e.attrs = append(e.attrs, src...)
}

// Delete removes key and reports whether it was present. Deleting [BadKey] removes
// every bad key ("!BADKEY", "!BADKEY2"…); deleting "!BADKEY2" removes that one only.
func (e *Extra) Delete(key string) bool {
	e.unshare()
	if key == BadKey && e.bad > 0 {
		n := len(e.attrs)
		e.attrs = slices.DeleteFunc(e.attrs, func(a slog.Attr) bool { return isBadKey(a.Key) })
		e.bad = 0
		if len(e.attrs) == n {
			return false
		}
	} else if e.index(key) < 0 {
		return false
	} else {
		e.attrs = slices.DeleteFunc(e.attrs, func(a slog.Attr) bool { return a.Key == key })
	}
	e.byKey = nil // positions moved: index again
	if len(e.attrs) > indexAbove {
		e.buildIndex()
	}
	return true
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
	c := Extra{attrs: append([]slog.Attr(nil), e.attrs...), mask: e.mask, bad: e.bad}
	if len(c.attrs) > indexAbove {
		c.buildIndex()
	}
	return c
}

// Reset removes every field, keeping the storage for reuse.
func (e *Extra) Reset() {
	if e.shared {
		e.attrs, e.own, e.shared = e.own[:0], nil, false // own was cleared when last reset
	} else {
		clear(e.attrs)
		e.attrs = e.attrs[:0]
	}
	e.mask = 0
	e.bad = 0
	e.byKey = nil // a copy made before Reset may still use it
}
