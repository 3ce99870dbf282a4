package sinks

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/logru/logru/internal/stack"
)

// Item is one queued record: its formatted bytes and an opaque value the caller gets back.
type Item struct {
	Data []byte // owned by the queue once enqueued; handed to Write, then to Release
	Ctx  any    // the caller's own value, handed back to Write and Release untouched
}

// Overflow policies: what [Async.Enqueue] does when the queue is full.
const (
	Block      = "block"       // wait for space (the default); nothing is lost
	DropNewest = "drop_newest" // drop the item being enqueued; never wait
	DropOldest = "drop_oldest" // drop the oldest queued item to make room; never wait
)

// DefaultQueueSize is the number of items an [Async] queue holds when
// AsyncOptions.QueueSize is 0.
const DefaultQueueSize = 10000

// MaxQueueSize is the largest AsyncOptions.QueueSize NewAsync accepts: 10,000,000
// items. A larger queue is refused rather than risk exhausting memory: each queued item
// holds a copy of its line.
const MaxQueueSize = 10_000_000

// initialRing is the number of slots an Async allocates at first; the ring doubles as
// it fills, up to the queue's size, so that a large QueueSize costs memory only when
// that many items are actually waiting.
const initialRing = 64

// maxBatch is the most items the writer hands to one call of Write.
const maxBatch = 256

// AsyncOptions configures an [Async]. Only Write is required: the zero value of every
// other field gives a queue of 10,000 items with the Block policy and no Release.
type AsyncOptions struct {
	QueueSize int    // items; 0 means 10,000; negative or over MaxQueueSize is an error
	Overflow  string // "" or Block (default), DropNewest, DropOldest; anything else is an error

	// Write receives batches of items in enqueue order, on the writer goroutine only, never
	// concurrently with itself; it must not keep the slice. Required.
	Write func(items []Item)

	// Release, when set, receives each item once Write returned (or when it was dropped),
	// so that the caller can recycle Data. Called on whatever goroutine dropped or wrote it.
	Release func(it Item)
}

// Async is a bounded queue of items with one writer goroutine, which hands the queued
// items, in batches of up to 256 in enqueue order, to AsyncOptions.Write. It decouples
// the goroutines that log from a slow destination: Enqueue costs a lock and a copy of
// the Item, and does not allocate, except when the queue grows: its ring starts small
// and doubles as it fills, up to QueueSize items, so memory follows what is queued, not
// the bound.
//
// Items from one goroutine reach Write in the order of its Enqueue calls; items from
// different goroutines in the order they took the queue's lock. When the queue is full,
// the Overflow policy decides: Block waits for space, DropNewest drops the new item,
// DropOldest drops the oldest queued one. Every item is either handed to Write or
// dropped and counted, so that once the Async is closed, the number of Enqueue calls is
// exactly Written() + Dropped().
//
// An Async is safe for concurrent use. Its Write callback may itself call Enqueue and
// Flush on any Async, this one included, without deadlocking (see [Async.Enqueue] and
// [Async.Flush]). Close drains the queue and stops the writer goroutine; an Async
// holds no goroutine after Close returns. A panic in Write or Release is not recovered.
type Async struct {
	// Set once by NewAsync.
	write   func([]Item)
	release func(Item)
	policy  string

	written atomic.Uint64
	dropped atomic.Uint64

	mu       sync.Mutex
	notEmpty sync.Cond // the writer waits for items
	notFull  sync.Cond // Block enqueuers wait for space
	progress sync.Cond // Flush waits for items to be done
	size     int       // the bound: the most items queued at once
	buf      []Item    // the ring; it grows (doubling) up to size slots
	head     int       // index of the oldest queued item
	n        int       // items queued
	pushed   uint64    // items ever put in the ring
	popped   uint64    // items ever taken out of the ring (to write, or dropped by DropOldest)
	busy     bool      // the writer is handling a batch taken out of the ring
	busyFrom uint64    // the sequence number of that batch's first item
	idle     bool      // the writer waits on notEmpty
	waiters  int       // Block enqueuers waiting on notFull
	flushers int       // Flush callers waiting on progress
	closed   bool

	exited chan struct{} // closed when the writer goroutine returns
}

// NewAsync validates opts and returns an Async whose writer goroutine is running.
// Invalid options are reported naming the field and its value.
func NewAsync(opts AsyncOptions) (*Async, error) {
	if opts.QueueSize < 0 {
		return nil, fmt.Errorf("sinks: QueueSize %d is negative", opts.QueueSize)
	}
	if opts.QueueSize > MaxQueueSize {
		return nil, fmt.Errorf("sinks: QueueSize %d is over the limit of 10,000,000 items", opts.QueueSize)
	}
	switch opts.Overflow {
	case "", Block, DropNewest, DropOldest:
	default:
		return nil, fmt.Errorf("sinks: Overflow %q: want %q (the default), %q or %q",
			opts.Overflow, Block, DropNewest, DropOldest)
	}
	if opts.Write == nil {
		return nil, fmt.Errorf("sinks: Write is nil: AsyncOptions.Write is required")
	}
	size := opts.QueueSize
	if size == 0 {
		size = DefaultQueueSize
	}
	policy := opts.Overflow
	if policy == "" {
		policy = Block
	}
	a := &Async{
		write:   opts.Write,
		release: opts.Release,
		policy:  policy,
		size:    size,
		buf:     make([]Item, min(size, initialRing)),
		exited:  make(chan struct{}),
	}
	a.notEmpty.L = &a.mu
	a.notFull.L = &a.mu
	a.progress.L = &a.mu
	go asyncWriter(a)
	return a, nil
}

// Enqueue queues it. With Block it waits for space; with DropNewest it drops it (never
// waits); with DropOldest it drops the oldest queued item to make room (never waits).
// It reports false when it dropped `it` itself. After Close it drops and counts. A
// dropped item goes to Release at once, on the calling goroutine.
//
// It never blocks forever on its own logger: when the queue is full and the caller is
// running some Async's Write callback (a sink that logs into its own logger), a Block
// enqueue drops the item instead of waiting, since the writer that would make room may
// be the caller itself. Telling is done only when a Block enqueue finds the queue full
// and some Write callback is running at that moment: it then walks the caller's stack
// (runtime.Callers, a few microseconds and a few allocations), looking for the frame of
// the writer goroutine. The fast path, with room in the queue, does none of that.
//
// An Enqueue that is waiting for space when Close is called still gets its item queued
// and written; one that starts after Close drops it.
func (a *Async) Enqueue(it Item) bool {
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		a.drop(it)
		return false
	}
	if a.n == a.size {
		switch a.policy {
		case DropNewest:
			a.mu.Unlock()
			a.drop(it)
			return false
		case DropOldest:
			old := a.buf[a.head]
			a.buf[a.head] = Item{}
			a.head++
			if a.head == len(a.buf) {
				a.head = 0
			}
			a.n--
			a.popped++
			a.push(it)
			if a.flushers > 0 && !a.busy {
				a.progress.Broadcast() // the eviction may complete what a Flush waits for
			}
			a.mu.Unlock()
			a.drop(old)
			return true
		default: // Block
			checked := false
			for a.n == a.size {
				if !checked {
					// Walk the stack without the lock: it is slow, and the callback
					// that called us may hold nothing the writer needs anyway.
					a.mu.Unlock()
					reentrant := inAsyncWriter()
					a.mu.Lock()
					checked = true
					if reentrant || a.closed {
						// Closed while we looked: the writer may be gone already.
						a.mu.Unlock()
						a.drop(it)
						return false
					}
					continue // the queue may have room now
				}
				a.waiters++
				a.notFull.Wait()
				a.waiters--
			}
			// Admitted even when Close came while we waited: the writer drains the
			// queue until no waiter is left.
		}
	}
	a.push(it)
	a.mu.Unlock()
	return true
}

// push appends it to the ring, growing the ring when it is full (the queue is not: a.n
// < a.size), and wakes the writer. a.mu is held.
func (a *Async) push(it Item) {
	if a.n == len(a.buf) {
		a.grow()
	}
	i := a.head + a.n
	if i >= len(a.buf) {
		i -= len(a.buf)
	}
	a.buf[i] = it
	a.n++
	a.pushed++
	if a.idle {
		a.notEmpty.Signal()
	}
}

// grow doubles the ring, up to a.size slots, keeping the queued items in order from
// index 0. a.mu is held; the ring is full and smaller than a.size.
func (a *Async) grow() {
	next := make([]Item, min(max(2*len(a.buf), 1), a.size))
	k := copy(next, a.buf[a.head:])
	copy(next[k:], a.buf[:a.head])
	a.buf, a.head = next, 0
}

// drop counts it as dropped and releases it. a.mu is not held.
func (a *Async) drop(it Item) {
	a.dropped.Add(1)
	if a.release != nil {
		a.release(it)
	}
}

// Dropped returns the number of items dropped so far: by DropNewest or DropOldest, by a
// re-entrant Block enqueue on a full queue, or by an Enqueue after Close.
func (a *Async) Dropped() uint64 { return a.dropped.Load() }

// Written returns the number of items handed to Write so far, counted once Write and
// the items' Release calls have returned.
func (a *Async) Written() uint64 { return a.written.Load() }

// Len returns the number of items waiting in the queue, not counting those being
// written.
func (a *Async) Len() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.n
}

// Flush returns once every item enqueued before the call has been handed to Write and
// Write returned, or was dropped; for written items, Release has returned too. Items enqueued
// during Flush are not waited for, so a steady stream of logging cannot hold it up.
// Safe to call concurrently, and after Close (it returns at once).
//
// Called from inside a Write callback, of this Async or any other, it returns at once
// without waiting: the writer it would wait for may be the caller. Telling costs a walk
// of the caller's stack (a microsecond or two): Flush is not a hot path.
func (a *Async) Flush() {
	if inAsyncWriter() {
		return
	}
	a.mu.Lock()
	target := a.pushed
	for a.doneSeq() < target {
		a.flushers++
		a.progress.Wait()
		a.flushers--
	}
	a.mu.Unlock()
}

// doneSeq returns the number of the first item put in the ring that is not done: every
// item before it was written or dropped. The ring is FIFO and the writer takes batches
// from its head, so while a batch is being written that is the batch's first item (the
// items after it and before the head were evicted by DropOldest, and are done); else it
// is the head. a.mu is held.
func (a *Async) doneSeq() uint64 {
	if a.busy {
		return a.busyFrom
	}
	return a.popped
}

// Close flushes the queue, stops the writer goroutine and waits for it. Safe to call
// twice and concurrently with Enqueue; later Enqueues drop and count. Returns nil (the
// error is kept for io.Closer-like symmetry).
//
// Called from inside a Write callback, of this Async or any other, Close marks the
// Async closed and returns without waiting: the writer goroutine then writes what is
// queued and ends once the callback has returned.
func (a *Async) Close() error {
	a.mu.Lock()
	if !a.closed {
		a.closed = true
		a.notEmpty.Signal()
	}
	a.mu.Unlock()
	if inAsyncWriter() {
		return nil
	}
	<-a.exited
	return nil
}

// fnWriter is asyncWriter, the function every writer goroutine runs and calls Write
// from, identified by its entry PC (never by name: ARCHITECTURE rule 7).
var fnWriter = stack.Of(asyncWriter)

// inAsyncWriter reports whether the calling goroutine is running asyncWriter, that is,
// whether it is an Async's writer goroutine (inside its Write or Release callback).
// asyncWriter is at the bottom of its stack: the whole stack is read.
func inAsyncWriter() bool { return fnWriter.In(stack.Callers(1)) }

// asyncWriter is the writer goroutine of a: it takes every queued item (up to maxBatch)
// at once, and hands them to Write, then to Release, without the lock; it ends once a
// is closed, its queue is empty and no Enqueue waits for space. It must stay a
// function of its own, not inlined: inAsyncWriter looks for its frame.
//
//go:noinline
func asyncWriter(a *Async) {
	defer close(a.exited)
	batch := make([]Item, 0, min(maxBatch, a.size))
	a.mu.Lock()
	for {
		for a.n == 0 && (!a.closed || a.waiters > 0) {
			a.idle = true
			a.notEmpty.Wait()
			a.idle = false
		}
		if a.n == 0 {
			break // closed, drained, and nobody waits to enqueue
		}
		k := min(a.n, cap(batch))
		for range k {
			batch = append(batch, a.buf[a.head])
			a.buf[a.head] = Item{} // let the GC have Data once released
			a.head++
			if a.head == len(a.buf) {
				a.head = 0
			}
		}
		a.n -= k
		a.busy, a.busyFrom = true, a.popped
		a.popped += uint64(k)
		if a.waiters > 0 {
			a.notFull.Broadcast()
		}
		a.mu.Unlock()

		a.write(batch)
		if a.release != nil {
			for _, it := range batch {
				a.release(it)
			}
		}
		clear(batch)
		batch = batch[:0]
		a.written.Add(uint64(k))

		a.mu.Lock()
		a.busy = false
		if a.flushers > 0 {
			a.progress.Broadcast()
		}
	}
	a.mu.Unlock()
}
