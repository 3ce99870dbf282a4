package logru

import (
	"errors"
	"io"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/logru/logru/internal/encode"
)

func timeNow() time.Time { return time.Now() }

// rateLimiter lets one note through per interval and counts the ones it holds back.
type rateLimiter struct {
	last       atomic.Int64 // unix nanoseconds of the last note let through
	suppressed atomic.Uint64
}

const noteInterval = time.Second

// allow reports whether a note may be written now, and how many were held back since
// the last one.
func (r *rateLimiter) allow(now time.Time) (bool, uint64) {
	last := r.last.Load()
	if now.UnixNano()-last < int64(noteInterval) || !r.last.CompareAndSwap(last, now.UnixNano()) {
		r.suppressed.Add(1)
		return false, 0
	}
	return true, r.suppressed.Swap(0)
}

// writeNote writes one line about err to w, rate-limited by r. Errors writing the note
// are ignored: there is nowhere left to report them. It never panics.
func writeNote(w io.Writer, r *rateLimiter, who string, err error) {
	ok, held := r.allow(time.Now())
	if !ok || w == nil {
		return
	}
	b := make([]byte, 0, 128)
	b = append(b, "logru: "...)
	b = append(b, who...)
	b = append(b, ": "...)
	// The error may come from user code: its text is escaped so that it stays on one
	// line, and an Error method that panics is shown as such instead of crashing the
	// log call.
	b = encode.AppendTextAny(b, err)
	if held > 0 {
		b = append(b, " (and "...)
		b = strconv.AppendUint(b, held, 10)
		b = append(b, " more notes held back)"...)
	}
	b = append(b, '\n')
	_, _ = w.Write(b)
}

// report sends err to the handler's OnError, or as a rate-limited note to stderr. An
// error met while this goroutine runs an OnError already (an OnError that logs into a
// handler that fails) goes to the note instead, so that the two cannot call each other
// without end.
func (c *loggerCore) report(hd *handler, err error) {
	if hd.onError != nil && !inOnError() {
		hd.reporting.Add(1)
		callOnError(hd.onError, err)
		hd.reporting.Add(-1)
		return
	}
	c.note(hd, err)
}

// note writes err as a rate-limited line on stderr naming the handler.
func (c *loggerCore) note(hd *handler, err error) {
	writeNote(c.errOut, &hd.notes, "handler "+strconv.Itoa(hd.id)+" ("+hd.sinkName+")", err)
}

// fileError is the OnError of a handler's file sink: its background errors (rotation,
// compression, retention, flushing) count as the handler's errors and reach its OnError.
// The File reports some of them from inside Write, Flush or Close, which the handler
// calls holding hd.mu: those wait in hd.pending until the lock is released (see
// sinkDone), so that an OnError that logs into this handler cannot deadlock.
func (c *loggerCore) fileError(hd *handler, err error) {
	hd.errors.Add(1)
	if hd.inSink.Load() {
		hd.pendMu.Lock()
		hd.pending = append(hd.pending, err)
		hd.nPending.Add(1)
		hd.pendMu.Unlock()
		if hd.inSink.Load() {
			return
		}
		// The holder of the lock may have drained before we appended: drain ourselves.
		c.reportPending(hd)
		return
	}
	c.report(hd, err)
}

// sinkDone runs after hd.mu is released by a goroutine that wrote to the sink: it
// reports the errors the file sink raised meanwhile, and does a close that was called
// from inside the sink (see close). Two atomic loads when there is nothing to do.
func (hd *handler) sinkDone() {
	if (hd.file != nil || hd.rw != nil) && hd.core != nil && hd.nPending.Load() > 0 {
		hd.core.reportPending(hd)
	}
	if hd.closeLater.Load() {
		hd.closeDeferred()
	}
}

func (c *loggerCore) reportPending(hd *handler) {
	hd.pendMu.Lock()
	errs := hd.pending
	hd.pending = nil
	hd.nPending.Store(0)
	hd.pendMu.Unlock()
	for _, err := range errs {
		c.report(hd, err)
	}
}

// reportAll sends err to every handler's OnError; when some handler has none (or there
// is no handler), one rate-limited note goes to stderr.
func (c *loggerCore) reportAll(st *coreState, err error) {
	note := len(st.handlers) == 0
	for _, hd := range st.handlers {
		if hd.onError != nil {
			callOnError(hd.onError, err)
		} else {
			note = true
		}
	}
	if note {
		writeNote(c.errOut, &c.notes, "logger", err)
	}
}

// callOnError calls a user's error callback, containing a panic in it. inOnError looks
// for its frame: never inlined.
//
//go:noinline
func callOnError(f func(error), err error) {
	defer func() { _ = recover() }()
	f(err)
}

// inOnError reports whether the calling goroutine is inside callOnError. It reads the
// stack, so it runs only on the error path.
func inOnError() bool { return onStack("github.com/logru/logru.callOnError") }

// panicError turns a recovered panic value into an error.
func panicError(what string, v any) error {
	if e, ok := v.(error); ok {
		return errors.Join(errors.New(what+" panicked"), e)
	}
	return errors.New(what + " panicked: " + textOf(v))
}
