package render

import (
	"cmp"
	"log/slog"
	"slices"
	"strings"
	"sync"
)

// argScanMax is the number of arguments up to which a placeholder's key is always
// found by scanning them: the common case, as fast as it gets and allocation-free.
const argScanMax = 16

// argScansBeforeIndex is the number of scans a message makes of more than argScanMax
// arguments before it indexes them: a message with a placeholder or two among many
// fields is not worth sorting for, one with many placeholders is.
const argScansBeforeIndex = 4

// argIndex finds the argument a placeholder names among more than argScanMax: the last
// one with its key, as a scan from the end finds it. It scans them for the first
// argScansBeforeIndex lookups, then sorts their positions by key once per message, so
// that a message with n placeholders over n arguments costs O(n log n), not O(n²). The
// sorted positions live in a pooled slice: indexing allocates nothing in the steady
// state. With argScanMax arguments or fewer, a renderer scans them (lastArg) and uses
// no argIndex: the common case costs what it did.
//
// An argIndex lives on the caller's stack for one message; release must be called
// when the message is written. It is not safe for concurrent use.
type argIndex struct {
	args  []slog.Attr
	order *[]int // positions in args sorted by key, then by position; nil until built
	scans int    // the scans left before indexing
}

// orderPool holds the slices argIndex sorts positions in.
var orderPool = sync.Pool{New: func() any { return new([]int) }}

// find returns the position in args of the last argument whose key is key, or -1.
func (x *argIndex) find(key string) int {
	if x.scans > 0 {
		x.scans--
		return lastArg(x.args, key)
	}
	return x.search(key)
}

// search is find through the sorted positions, sorting them first if need be.
func (x *argIndex) search(key string) int {
	if x.order == nil {
		x.build()
	}
	args, order := x.args, *x.order
	// The first position whose key sorts after key; the one before it, when it has
	// key, is key's last occurrence (equal keys are in position order).
	hi, lo := len(order), 0
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if args[order[m]].Key <= key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo > 0 && args[order[lo-1]].Key == key {
		return order[lo-1]
	}
	return -1
}

func (x *argIndex) build() {
	p := orderPool.Get().(*[]int)
	order := (*p)[:0]
	for i := range x.args {
		order = append(order, i)
	}
	args := x.args
	slices.SortFunc(order, func(a, b int) int {
		if c := strings.Compare(args[a].Key, args[b].Key); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	*p = order
	x.order = p
}

// release returns the index's storage to the pool.
func (x *argIndex) release() {
	if x.order != nil {
		x.put()
	}
}

//go:noinline
func (x *argIndex) put() {
	*x.order = (*x.order)[:0]
	orderPool.Put(x.order)
	x.order = nil
}

// lastArg returns the position of the last argument in args whose key is key, or -1.
func lastArg(args []slog.Attr, key string) int {
	i := len(args) - 1
	for ; i >= 0 && args[i].Key != key; i-- {
	}
	return i
}
