package logru

// The end of a handler's life and of a logger's: Complete, Close, Stats, and a
// handler's flush and close (which may be called from inside its own sink).

import (
	"errors"
	"strconv"
)

// Complete returns once every record logged before it was called is written and every
// buffered sink is flushed. Flush errors go to the handlers' OnError.
func (l *Logger) Complete() {
	c := l.core
	st := c.state.Load()
	for _, hd := range st.handlers {
		if err := hd.flush(); err != nil {
			c.report(hd, err)
		}
		c.announceDrops(hd)
	}
	c.flushNotes(st)
}

// flushNotes tells the notes the rate limits held back (see rateLimiter), on stderr.
func (c *loggerCore) flushNotes(st *coreState) {
	for _, hd := range st.handlers {
		flushNotes(c.errOut, &hd.notes, "handler "+strconv.Itoa(hd.id)+" ("+hd.sinkName+")")
	}
	flushNotes(c.errOut, &c.notes, "logger")
}

// Close completes the logger, closes the sinks logru opened (files, after their
// compression and retention work is done) and Sinks with a Close method, stops every
// goroutine logru started for it (FlushOnSignal included), and returns the sinks'
// errors, joined. After Close the logger writes nothing: a record logged later is
// dropped and counted in Stats().Dropped, and Add fails. Close is safe to call twice (the
// second call does nothing) and while other goroutines log. Children share the closed
// core. Called from inside a sink's write (a sink that closes its logger on a critical
// record), Close marks the logger closed and returns nil at once: the record being
// written still goes to every handler, and the handlers are closed once it has, before
// that log call returns; their close errors go to their OnError (or stderr). Remove,
// RemoveAll and Configure called from inside a sink likewise let the record reach every
// handler first. Called from an OnError that runs on one of logru's background goroutines
// (a file's flusher or compression worker, a syslog or journal connection, a queue's
// writer), Close does not wait for the background goroutines of the sinks it closes, as
// any of them may be the caller or wait for it: they end on their own once their work
// is done, and its errors go to OnError (see [sinks.File.Close]).
func (l *Logger) Close() error {
	c := l.core
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	st := c.state.Load()
	stops := c.stops
	c.stops = nil
	c.mu.Unlock()
	for _, stop := range stops {
		stop()
	}
	// The handlers stay listed, so that Stats goes on counting what is dropped after
	// Close; each is closed once and drops what reaches it from then on.
	var errs []error
	for _, hd := range st.handlers {
		errs = append(errs, hd.close())
		c.announceDrops(hd)
	}
	// Closes left to a sink's goroutine (see handler.closeNow). Not from a sink or an
	// OnError: a Remove or Configure under way may be waiting for this very goroutine
	// (a queue's writer), and would never end.
	if !inSinkCall() && !inOnError() {
		c.lateCloses.Wait()
	}
	c.flushNotes(st)
	return errors.Join(errs...)
}

// HandlerStats counts what one handler did. See [Logger.Stats].
type HandlerStats struct {
	ID      int    // the id Add returned
	Level   string // the handler's level name
	Sink    string // "stderr", "stdout", a file path, or the sink's Go type
	Records uint64 // records written (for a syslog or journal sink: handed to it)
	Dropped uint64 // records dropped (queue overflow, after Close, a syslog or journal sink's buffer)
	Errors  uint64 // failed writes
}

// Stats returns one entry per handler, in the order they were added. Safe for
// concurrent use with logging: each counter is summed from atomic reads, so a Stats
// concurrent with log calls sees some of the records under way, and one after the calls
// returned counts every record exactly once.
func (l *Logger) Stats() []HandlerStats {
	st := l.core.state.Load()
	out := make([]HandlerStats, 0, len(st.handlers))
	for _, h := range st.handlers {
		out = append(out, HandlerStats{
			ID:      h.id,
			Level:   levelName(st.levels, int(h.level.Load())),
			Sink:    h.sinkName,
			Records: h.records.Load(),
			Dropped: h.dropped.Load() + h.queueDropped() + h.sinkDropped(),
			Errors:  h.errors.Load(),
		})
	}
	return out
}

// sinkDropped is what a syslog or journal sink dropped.
func (hd *handler) sinkDropped() uint64 {
	return hd.out.dropped()
}

// queueDropped is what the handler's queue dropped.
func (hd *handler) queueDropped() uint64 {
	if hd.async == nil {
		return 0
	}
	return hd.async.q.Dropped()
}

// close detaches the handler's sink and closes it if logru owns it. Writes that were
// under way finish first; later ones are dropped and counted.
//
// Called from inside a sink's own write (a sink that closes its logger, or removes its
// handler), this goroutine may hold hd.mu itself: after a bounded wait the close is left
// to the holder of the lock, which does it as it lets go (sinkDone), and close returns
// at once instead of deadlocking.
//
// Called from inside a sink while this goroutine dispatches a record, the close waits
// until the record has reached every handler (see pendingCloses) and close returns nil.
func (hd *handler) close() error {
	if deferClose(hd) {
		return nil
	}
	return hd.closeNow()
}

// closeNow is close, at once.
func (hd *handler) closeNow() error {
	hd.closing.Store(true)
	if hd.async != nil {
		hd.async.q.Close() // writes what is queued, then stops the writer goroutine
	}
	if hd.lockFree {
		// Its writes take no lock and run no user code: once the gate is shut and
		// empty, nothing more reaches the sink, and hd.mu guards the rest. A file
		// handed off by Configure stays open: the records still on their way to this
		// handler pass through its File to the new handler's (see closeLocked). The
		// writes in the gate never wait for hd.mu, so shut may wait holding it.
		hd.mu.Lock()
		if !hd.handedOff {
			hd.gate.shut()
		}
		return hd.closeLocked()
	}
	if !hd.mu.TryLock() {
		if !inSinkCall() {
			hd.mu.Lock()
		} else if !hd.lockWithin(hd.reentryWait) {
			if hd.closeLater.CompareAndSwap(false, true) {
				hd.lateClose(1)
			}
			if !hd.mu.TryLock() {
				return nil // the holder closes the handler as it lets go
			}
			if !hd.closeLater.CompareAndSwap(true, false) {
				hd.mu.Unlock()
				return nil // the holder has done it
			}
			defer hd.lateClose(-1)
		}
	}
	return hd.closeLocked()
}

// lateClose counts a close left to the holder of hd.mu (+1) or done (-1), for Close to
// wait on.
func (hd *handler) lateClose(delta int) {
	if hd.core != nil {
		hd.core.lateCloses.Add(delta)
	}
}

// closeLocked does close's work; hd.mu is held, and released.
func (hd *handler) closeLocked() error {
	if hd.removed {
		hd.mu.Unlock()
		return nil
	}
	if hd.handedOff {
		// The new configuration writes this file: the File closes without touching
		// it, and records still on their way to this handler pass through it to the
		// new handler's File, instead of being dropped.
		hd.handedOff = false
		hd.inSink.Store(true)
		err := hd.out.close()
		hd.inSink.Store(false)
		hd.mu.Unlock()
		hd.sinkDone()
		return err
	}
	hd.removed = true
	hd.inSink.Store(true)
	var err error
	if hd.flushes {
		err = hd.out.flush()
	}
	err = errors.Join(err, hd.out.close())
	hd.inSink.Store(false)
	hd.mu.Unlock()
	hd.sinkDone()
	return err
}

// closeDeferred runs a close left to this goroutine, which has just released hd.mu.
func (hd *handler) closeDeferred() {
	if hd.closeLater.CompareAndSwap(true, false) {
		defer hd.lateClose(-1)
		hd.mu.Lock()
		if err := hd.closeLocked(); err != nil && hd.core != nil {
			hd.core.report(hd, err)
		}
	}
}

// flush flushes the handler's sink, when it buffers.
func (hd *handler) flush() error {
	if hd.async != nil {
		hd.async.q.Flush()
	}
	if !hd.flushes {
		return nil
	}
	if !hd.mu.TryLock() {
		if !inSinkCall() {
			hd.mu.Lock()
		} else if !hd.lockWithin(hd.reentryWait) {
			return nil // a sink's own write holds the lock: the flush would never come
		}
	}
	if hd.removed {
		hd.mu.Unlock()
		return nil
	}
	hd.inSink.Store(true)
	err := hd.out.flush()
	hd.inSink.Store(false)
	hd.mu.Unlock()
	hd.sinkDone()
	return err
}
