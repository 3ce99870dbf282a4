package logru

import (
	"errors"
	"io"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/logru/logru/internal/encode"
)

func timeNow() time.Time { return time.Now() }

// rateLimiter holds back notes that come too often. allow lets one through per
// interval, whatever it is about (the queue-drop notes, which sum their counts).
// writeNote lets one through per interval for each distinct problem (see noteKey), up to
// maxNoteKeys problems at a time; what it holds back is counted and told: in the next
// note about the same problem, or by flushNotes (Complete and Close). The zero value lets
// everything through at first.
type rateLimiter struct {
	last       atomic.Int64 // unix nanoseconds of the last note let through
	suppressed atomic.Uint64
	keyed      keyedLimiter
}

const noteInterval = time.Second

// noteClock is the clock of writeNote's rate limit; tests replace it.
var noteClock = time.Now

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

// maxNoteKeys bounds the distinct problems a limiter tells apart at once; notes about
// more problems than that within one interval are held back and counted together.
const maxNoteKeys = 16

// keyedLimiter is the per-problem limit of writeNote. It runs only when something is
// wrong, so a mutex is cheap enough.
type keyedLimiter struct {
	mu    sync.Mutex
	slots [maxNoteKeys]noteSlot
	other uint64 // notes held back because every slot was busy, not told yet
}

type noteSlot struct {
	key     string
	last    int64  // unix nanoseconds of its last note let through; 0 for a free slot
	held    uint64 // notes about it held back since
	heldErr error  // the last of them
}

// allow reports whether the note about key may be written at now; when it may, held is
// the number of notes about key held back since its last one, and other the number of
// notes about problems beyond the set, held back since any note was written.
func (k *keyedLimiter) allow(key string, now int64, err error) (ok bool, held, other uint64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	free := -1
	for i := range k.slots {
		sl := &k.slots[i]
		if sl.last != 0 && sl.key == key {
			if now-sl.last < int64(noteInterval) {
				sl.held++
				sl.heldErr = err
				return false, 0, 0
			}
			held, other = sl.held, k.other
			sl.last, sl.held, sl.heldErr, k.other = now, 0, nil, 0
			return true, held, other
		}
		if free < 0 && (sl.last == 0 || now-sl.last >= int64(noteInterval)) {
			free = i
		}
	}
	if free < 0 {
		k.other++ // every slot is busy with another problem this interval
		return false, 0, 0
	}
	k.other += k.slots[free].held // a stale problem's count is not lost with its slot
	k.slots[free] = noteSlot{key: key, last: now}
	other, k.other = k.other, 0
	return true, 0, other
}

// drain returns what was held back and not told, and forgets it.
func (k *keyedLimiter) drain() (held []noteSlot, other uint64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i := range k.slots {
		if sl := &k.slots[i]; sl.held > 0 {
			held = append(held, *sl)
			sl.held, sl.heldErr = 0, nil
		}
	}
	other, k.other = k.other, 0
	return held, other
}

// keyedError is an error whose notes are rate-limited by a key of its own (the problem,
// without the details that differ from one occurrence to the next).
type keyedError struct {
	key string
	error
}

func (e keyedError) Unwrap() error { return e.error }

// noteKey names the problem err is about, for the rate limit: a keyedError's key, else
// the error's text (at most 256 bytes of it).
func noteKey(err error) string {
	var ke keyedError
	if errors.As(err, &ke) {
		return ke.key
	}
	b := encode.AppendTextAny(make([]byte, 0, 64), err)
	return string(b[:min(len(b), 256)])
}

// writeNote writes one line about err to w, rate-limited by r per distinct problem.
// Errors writing the note are ignored: there is nowhere left to report them. It never
// panics.
func writeNote(w io.Writer, r *rateLimiter, who string, err error) {
	ok, held, other := r.keyed.allow(noteKey(err), noteClock().UnixNano(), err)
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
		b = append(b, " more like it held back)"...)
	}
	b = appendOther(b, other)
	b = append(b, '\n')
	_, _ = w.Write(b)
}

func appendOther(b []byte, other uint64) []byte {
	if other == 0 {
		return b
	}
	b = append(b, " (and "...)
	b = strconv.AppendUint(b, other, 10)
	return append(b, " notes about other problems held back)"...)
}

// flushNotes tells, one line per problem, the notes r held back and has not told yet:
// Complete and Close call it, so that no note vanishes without a count.
func flushNotes(w io.Writer, r *rateLimiter, who string) {
	held, other := r.keyed.drain()
	if w == nil || len(held) == 0 && other == 0 {
		return
	}
	var b []byte
	for _, sl := range held {
		b = append(b, "logru: "...)
		b = append(b, who...)
		b = append(b, ": "...)
		b = strconv.AppendUint(b, sl.held, 10)
		b = append(b, " more like it held back, the last: "...)
		b = encode.AppendTextAny(b, sl.heldErr)
		b = append(b, '\n')
	}
	if other > 0 {
		b = append(b, "logru: "...)
		b = append(b, who...)
		b = append(b, ": "...)
		b = strconv.AppendUint(b, other, 10)
		b = append(b, " notes about other problems held back\n"...)
	}
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
// sinkDone), so that an OnError that logs into this handler cannot deadlock. gated says
// the handler writes the file through its gate (see gate.go): see gatedNote.
func (c *loggerCore) fileError(hd *handler, gated bool, err error) {
	hd.errors.Add(1)
	if gated {
		c.gatedNote(hd, err)
		return
	}
	c.sinkNote(hd, err)
}

// gatedNote is sinkNote for a file written through the handler's gate. Its Write reports
// from the writing goroutine, inside the gate (after the File's lock is released): an
// OnError run there that closed or removed the handler would wait for the gate to empty,
// that is for itself. So while any write is inside the gate, or the holder of hd.mu is
// inside the File (flush, close: inSink), err waits in hd.pending, and the writers report
// it as they leave the gate (emitGated), the holder of hd.mu as it lets go (sinkDone).
// An error raised on a goroutine that holds neither (the File's flusher and worker, when
// no write is under way) is reported at once. Whoever leaves last after err was queued
// sees it: a writer leaves the gate before it looks at hd.nPending, and err is counted
// in nPending before the gate is looked at again here.
func (c *loggerCore) gatedNote(hd *handler, err error) {
	if !hd.holdsNotes() {
		c.report(hd, err)
		return
	}
	hd.pendMu.Lock()
	hd.pending = append(hd.pending, err)
	hd.nPending.Add(1)
	hd.pendMu.Unlock()
	if !hd.holdsNotes() {
		c.reportPending(hd) // every holder may have looked before err was queued
	}
}

// holdsNotes reports whether a file's notices must wait in hd.pending: a write is inside
// the gate, or the holder of hd.mu is inside the sink.
func (hd *handler) holdsNotes() bool {
	return hd.inSink.Load() || hd.held.Load() > 0 || hd.gate.busy()
}

// sinkDone runs after hd.mu is released by a goroutine that wrote to the sink: it
// reports the errors the file sink raised meanwhile, and does a close that was called
// from inside the sink (see close). Two atomic loads when there is nothing to do.
func (hd *handler) sinkDone() {
	if hd.pends && hd.core != nil && hd.nPending.Load() > 0 {
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

// panicError turns a recovered panic value into an error.
func panicError(what string, v any) error {
	if e, ok := v.(error); ok {
		return errors.Join(errors.New(what+" panicked"), e)
	}
	return errors.New(what + " panicked: " + textOf(v))
}
