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

// report sends err to the handler's OnError, or as a rate-limited note to stderr.
func (c *loggerCore) report(hd *handler, err error) {
	if hd.onError != nil {
		callOnError(hd.onError, err)
		return
	}
	writeNote(c.errOut, &hd.notes, "handler "+strconv.Itoa(hd.id)+" ("+hd.sinkName+")", err)
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

// callOnError calls a user's error callback, containing a panic in it.
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
