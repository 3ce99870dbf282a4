package sinks

import (
	"errors"
	"net"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/logru/logru/internal/stack"
)

// link is the connection the syslog and journal sinks share: it writes frames on the
// caller's goroutine while connected; while not, it holds them in a bounded queue and
// one background goroutine reconnects with capped exponential backoff and sends what
// was held, in order, before new frames go straight out again.
type link struct {
	name string // "syslog" or "journal", for messages
	o    linkOptions

	mu      sync.Mutex
	conn    net.Conn // nil while disconnected
	queue   [][]byte // frames held while disconnected, oldest first (copies)
	closed  bool
	closing chan struct{} // non-nil once a close began; closed when that close returns
	gaveUp  bool          // a Block wait timed out: drop at once until the queue has room
	changed chan struct{} // closed and replaced when the queue shrinks or conn is set
	outage  bool          // disconnected since the last notice

	wake chan struct{} // a reconnect attempt is wanted now
	stop chan struct{}
	done chan struct{} // closed when the goroutine has returned

	dropped    atomic.Uint64
	unreported atomic.Uint64 // drops not announced yet
	dropNoted  atomic.Bool   // this outage's first drop was announced
	onError    atomic.Pointer[func(error)]
	// renotice asks the goroutine to report its current failure again: the notice it
	// made before an OnError was set went nowhere.
	renotice atomic.Bool
}

type linkOptions struct {
	dial func() (net.Conn, error)
	// send writes one frame with a deadline. A *sendError with fatal set means the
	// frame can never be sent (too large): it is not held nor retried.
	send         func(c net.Conn, frame []byte) error
	bufferSize   int
	overflow     string
	blockTimeout time.Duration
	flushTimeout time.Duration
	minBackoff   time.Duration
	maxBackoff   time.Duration
}

// fatalError marks an error about the frame itself, not the connection.
type fatalError struct{ err error }

func (e fatalError) Error() string { return e.err.Error() }
func (e fatalError) Unwrap() error { return e.err }

func isFatal(err error) bool {
	var f fatalError
	return errors.As(err, &f)
}

// chunk is the most held frames sent per lock taken while draining.
const chunk = 64

func newLink(name string, o linkOptions) *link {
	l := &link{name: name, o: o, changed: make(chan struct{}), wake: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{}), outage: true}
	if c, err := o.dial(); err == nil { // the first attempt: records logged at once go out
		l.conn, l.outage = c, false
	}
	go l.run()
	return l
}

// The methods the sinks' Dropped, SetOnError, Flush and Close call take a nil *link
// (a sink with a configuration error has none) as a link with nothing to do.

func (l *link) droppedCount() uint64 {
	if l == nil {
		return 0
	}
	return l.dropped.Load()
}

func (l *link) setOnError(f func(error)) {
	if l == nil {
		return
	}
	if f == nil {
		l.onError.Store(nil)
		return
	}
	l.onError.Store(&f)
	// A sink is made before logru's handler sets its OnError, and the goroutine may have
	// noted meanwhile that it cannot connect: that notice is made again, now, on it.
	l.renotice.Store(true)
	l.kick()
}

// report hands err to the OnError function; never called with l.mu held.
func (l *link) report(err error) {
	if f := l.onError.Load(); f != nil {
		(*f)(err)
	}
}

// DropError is the notice of records a syslog or journal sink dropped: N of them, and why.
// It goes to the function given to SetOnError (logru's handler: its OnError); the
// records are also counted by Dropped.
type DropError struct {
	Sink   string // "syslog" or "journal"
	N      uint64 // how many records were dropped since the last notice
	Reason string // why, e.g. "the buffer was full while disconnected"
}

// Error returns "sinks: syslog: dropped 3 records: the buffer was full while disconnected".
func (e *DropError) Error() string {
	s := "s"
	if e.N == 1 {
		s = ""
	}
	return "sinks: " + e.Sink + ": dropped " + strconv.FormatUint(e.N, 10) + " record" + s + ": " + e.Reason
}

// drop counts n dropped records. The first drop of an outage is announced at once, the
// others when the link is back or at Close (announceDrops), so that an outage makes at
// most a few notices.
func (l *link) drop(n uint64, reason string) {
	l.dropped.Add(n)
	l.unreported.Add(n)
	if l.dropNoted.CompareAndSwap(false, true) {
		l.announceDrops(reason)
	}
}

func (l *link) announceDrops(reason string) {
	if n := l.unreported.Swap(0); n > 0 {
		l.report(&DropError{Sink: l.name, N: n, Reason: reason})
	}
}

func (l *link) kick() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *link) signalLocked() {
	close(l.changed)
	l.changed = make(chan struct{})
}

// write sends frame, or holds a copy of it while disconnected. It returns an error only
// for a frame that cannot be sent at all, or after close.
func (l *link) write(frame []byte) error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return ErrClosed
	}
	if l.conn != nil {
		err := l.o.send(l.conn, frame)
		if err == nil {
			l.mu.Unlock()
			return nil
		}
		if isFatal(err) {
			l.mu.Unlock()
			return err
		}
		l.conn.Close()
		l.conn = nil
		l.outage = true
		held := l.holdLocked(frame)
		l.kick()
		l.report(errors.New("sinks: " + l.name + ": connection lost (" + err.Error() + "); holding records and reconnecting"))
		return held
	}
	return l.holdLocked(frame)
}

// holdLocked queues a copy of frame under the overflow policy; l.mu is held and released.
func (l *link) holdLocked(frame []byte) error {
	if len(l.queue) >= l.o.bufferSize {
		switch l.o.overflow {
		case DropNewest:
			l.mu.Unlock()
			l.drop(1, "the buffer was full while disconnected (drop_newest)")
			return nil
		case DropOldest:
			l.queue[0] = nil
			l.queue = l.queue[1:]
			l.queue = append(l.queue, append([]byte(nil), frame...))
			l.mu.Unlock()
			l.drop(1, "the buffer was full while disconnected (drop_oldest)")
			return nil
		}
		// Block: wait for room, up to blockTimeout; once a wait has timed out, drop at
		// once until there is room again, so that a long outage does not make every call
		// wait.
		if l.gaveUp {
			l.mu.Unlock()
			l.drop(1, "the buffer was full while disconnected (block timed out)")
			return nil
		}
		t := time.NewTimer(l.o.blockTimeout)
		defer t.Stop()
		for len(l.queue) >= l.o.bufferSize && !l.closed {
			ch := l.changed
			l.mu.Unlock()
			select {
			case <-ch:
				l.mu.Lock()
			case <-t.C:
				l.mu.Lock()
				if len(l.queue) >= l.o.bufferSize {
					l.gaveUp = true
					l.mu.Unlock()
					l.drop(1, "the buffer was full while disconnected (block timed out)")
					return nil
				}
			}
		}
		if l.closed {
			l.mu.Unlock()
			return ErrClosed
		}
		if l.conn != nil && len(l.queue) == 0 { // reconnected meanwhile
			err := l.o.send(l.conn, frame)
			if err == nil || isFatal(err) {
				l.mu.Unlock()
				return err
			}
			l.conn.Close()
			l.conn = nil
			l.kick()
			l.queue = append(l.queue, append([]byte(nil), frame...))
			l.mu.Unlock()
			l.report(errors.New("sinks: " + l.name + ": connection lost (" + err.Error() + "); holding records and reconnecting"))
			return nil
		}
	}
	l.queue = append(l.queue, append([]byte(nil), frame...))
	l.mu.Unlock()
	return nil
}

// fnLinkRun is the link goroutine's function, which close looks for on a stack.
var fnLinkRun = stack.Of((*link).run)

// run is the background goroutine: it connects whenever the link is down. close looks
// for its frame: never inlined.
//
//go:noinline
func (l *link) run() {
	defer close(l.done)
	backoff := l.o.minBackoff
	var lastErr string
	for {
		l.mu.Lock()
		up := l.conn != nil
		l.mu.Unlock()
		if up {
			select {
			case <-l.wake:
				continue
			case <-l.stop:
				return
			}
		}
		c, err := l.o.dial()
		if err == nil {
			if err = l.drain(c); err == nil {
				backoff, lastErr = l.o.minBackoff, ""
				l.announceDrops("the buffer was full while disconnected")
				l.dropNoted.Store(false)
				continue
			}
			c.Close()
			if err == ErrClosed {
				return
			}
		}
		again := l.renotice.Swap(false)
		if msg := err.Error(); msg != lastErr || again { // one notice per kind of failure
			lastErr = msg
			l.report(errors.New("sinks: " + l.name + ": cannot connect (" + msg + "); retrying in " + backoff.String() + ", holding records"))
		}
		t := time.NewTimer(backoff)
		select {
		case <-t.C:
		case <-l.wake:
			t.Stop()
		case <-l.stop:
			t.Stop()
			return
		}
		backoff = min(2*backoff, l.o.maxBackoff)
	}
}

// drain sends the held frames on c, then makes c the link's connection. New frames keep
// being held meanwhile, so order is kept.
func (l *link) drain(c net.Conn) error {
	for {
		l.mu.Lock()
		if l.closed {
			l.mu.Unlock()
			return ErrClosed
		}
		if len(l.queue) == 0 {
			l.conn, l.gaveUp, l.outage = c, false, false
			l.signalLocked()
			l.mu.Unlock()
			return nil
		}
		n := min(chunk, len(l.queue))
		batch := make([][]byte, n)
		copy(batch, l.queue)
		clear(l.queue[:n])
		l.queue = l.queue[n:]
		l.gaveUp = false
		l.signalLocked()
		l.mu.Unlock()
		for i, f := range batch {
			err := l.o.send(c, f)
			if err == nil {
				continue
			}
			if isFatal(err) {
				l.dropped.Add(1)
				l.report(err)
				continue
			}
			l.mu.Lock() // put back what was not sent, in front
			l.queue = append(batch[i:len(batch):len(batch)], l.queue...)
			l.mu.Unlock()
			return err
		}
	}
}

// flush waits until nothing is held, or for flushTimeout, asking for a prompt reconnect.
// On the link's own goroutine (an OnError that flushes or closes the logger, called with
// a notice from that goroutine) nothing can be sent while it waits, so it does not wait.
func (l *link) flush() error {
	if l == nil {
		return nil
	}
	l.kick()
	var t *time.Timer
	for {
		l.mu.Lock()
		n, ch := len(l.queue), l.changed
		l.mu.Unlock()
		if n == 0 {
			return nil
		}
		if t == nil {
			if fnLinkRun.In(stack.Callers(1)) {
				return l.stillHeld(n)
			}
			t = time.NewTimer(l.o.flushTimeout)
			defer t.Stop()
		}
		select {
		case <-ch:
		case <-t.C:
			return l.stillHeld(n)
		}
	}
}

func (l *link) stillHeld(n int) error {
	return errors.New("sinks: " + l.name + ": flush: " + strconv.Itoa(n) + " records still held: not connected")
}

// close sends what is held (waiting up to flushTimeout), stops the goroutine, closes the
// connection and counts what is left as dropped.
func (l *link) close() error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	if l.closing != nil {
		// Another close is under way or done: wait for it to finish, unless this is its
		// own OnError on the link goroutine, which that close may be waiting for.
		done := l.closing
		l.mu.Unlock()
		if !fnLinkRun.In(stack.Callers(1)) {
			<-done
		}
		return nil
	}
	done := make(chan struct{})
	l.closing = done
	l.mu.Unlock()
	defer close(done)
	ferr := l.flush()
	l.mu.Lock()
	l.closed = true
	l.signalLocked()
	l.mu.Unlock()
	close(l.stop)
	if !fnLinkRun.In(stack.Callers(1)) {
		// Called from OnError on the link's own goroutine (a note that it cannot
		// connect, whose OnError closes the logger), it cannot wait for itself: the
		// goroutine ends as OnError returns, seeing stop closed.
		<-l.done
	}
	l.mu.Lock()
	left := uint64(len(l.queue))
	l.queue = nil
	var err error
	if l.conn != nil {
		err = l.conn.Close()
		l.conn = nil
	}
	l.mu.Unlock()
	if left > 0 {
		l.drop(left, "still held when the sink was closed")
		l.announceDrops("still held when the sink was closed")
	} else {
		l.announceDrops("the buffer was full while disconnected")
	}
	if err == nil && left > 0 {
		err = ferr
	}
	return err
}
