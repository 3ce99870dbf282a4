package logru

import (
	"sync"
	"sync/atomic"
)

// A close asked for from inside a sink, while this goroutine dispatches a record to the
// handlers (Close, Remove, RemoveAll or Configure called by a sink on a critical record),
// waits until that dispatch ends: the record goes to every handler first, as it does
// when the close comes from another goroutine. The close then runs on the dispatching
// goroutine, before its log call returns. Dispatches nest (a sink that logs, into this
// logger or another): the close waits for the outermost one on the goroutine.
//
// The goroutine is told by its id, read from its stack: this is the slow path of a
// rare event; the logging path pays one atomic load (pendingCloses.n).
var pendingCloses struct {
	n   atomic.Int32 // closes waiting, on every goroutine
	mu  sync.Mutex
	byG map[uint64][]*handler // goroutine id → handlers to close, in order
}

// deferClose leaves hd's close to the end of the outermost dispatch under way on this
// goroutine, when it is called from a sink's write during one; it reports whether it
// did. A close from anywhere else (another goroutine, a queue's writer) runs at once.
func deferClose(hd *handler) bool {
	if depth, inSink := dispatchDepth(); depth == 0 || !inSink {
		return false
	}
	g := goroutineID()
	pendingCloses.mu.Lock()
	if pendingCloses.byG == nil {
		pendingCloses.byG = map[uint64][]*handler{}
	}
	pendingCloses.byG[g] = append(pendingCloses.byG[g], hd)
	pendingCloses.n.Add(1)
	pendingCloses.mu.Unlock()
	return true
}

// runPendingCloses closes the handlers left to this goroutine, once its outermost
// dispatch has handed the record to every handler (finish calls it last). A close error
// goes to the handler's OnError or a note, since its caller has returned long ago.
func runPendingCloses() {
	if depth, _ := dispatchDepth(); depth > 1 {
		return // an outer dispatch on this goroutine is still under way
	}
	g := goroutineID()
	pendingCloses.mu.Lock()
	hds := pendingCloses.byG[g]
	delete(pendingCloses.byG, g)
	pendingCloses.n.Add(-int32(len(hds)))
	pendingCloses.mu.Unlock()
	for _, hd := range hds {
		err := hd.closeNow()
		if hd.core == nil {
			continue
		}
		if err != nil {
			hd.core.report(hd, err)
		}
		hd.core.announceDrops(hd)
	}
}
