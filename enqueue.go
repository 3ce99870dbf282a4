package logru

import (
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/logru/logru/sinks"
)

// The Enqueue path: the caller formats the record (so its values are captured at the
// call) and hands a copy of the line to the handler's queue; one goroutine per handler
// writes the queued lines in batches.

// queued is the part of a handler that exists with Enqueue.
type queued struct {
	q        *sinks.Async
	dropSeen atomic.Uint64 // drops already announced in a note
	notes    rateLimiter
}

// queuedLine is what waits in a queue: a copy of the formatted line and, for func and
// Sink sinks, a copy of the record. They are recycled.
type queuedLine struct {
	data []byte
	rec  *Record
}

var queuedLines = sync.Pool{New: func() any { return &queuedLine{data: make([]byte, 0, 256)} }}

// lineBufs recycles the buffers that join a batch of lines for a file.
var lineBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// startQueue gives hd its queue and writer goroutine.
func (hd *handler) startQueue(c *loggerCore, h Handler) error {
	q, err := sinks.NewAsync(sinks.AsyncOptions{
		QueueSize: h.QueueSize,
		Overflow:  h.Overflow,
		Write:     func(items []sinks.Item) { hd.writeBatch(c, items) },
		Release: func(it sinks.Item) {
			ql := it.Ctx.(*queuedLine)
			if cap(ql.data) <= 16<<10 {
				ql.data, ql.rec = ql.data[:0], nil
				queuedLines.Put(ql)
			}
		},
	})
	if err != nil {
		return &ConfigError{Field: "Handler.QueueSize", Value: strconv.Itoa(h.QueueSize), Err: err}
	}
	hd.async = &queued{q: q}
	return nil
}

// enqueue copies a formatted line into the queue; it never returns an error: a line the
// queue drops is counted (Stats().Dropped) and announced in a rate-limited note.
func (c *loggerCore) enqueue(hd *handler, b []byte, r *Record) {
	ql := queuedLines.Get().(*queuedLine)
	ql.data = append(ql.data[:0], b...)
	if hd.fn != nil || hd.sink != nil || hd.slogh != nil {
		ql.rec = r.Clone() // func, Sink and slog.Handler sinks receive the record too
	}
	hd.async.q.Enqueue(sinks.Item{Data: ql.data, Ctx: ql})
	if d := hd.async.q.Dropped(); d != hd.async.dropSeen.Load() {
		c.noteDrops(hd)
	}
}

// noteDrops reports, at most once a second, how many records the queue dropped since the
// last note.
func (c *loggerCore) noteDrops(hd *handler) {
	if ok, _ := hd.async.notes.allow(timeNow()); ok {
		c.announceDrops(hd)
	}
}

// announceDrops reports the drops not reported yet; Complete and Close call it so that
// no count is left unsaid.
func (c *loggerCore) announceDrops(hd *handler) {
	a := hd.async
	if a == nil {
		return
	}
	total := a.q.Dropped()
	prev := a.dropSeen.Swap(total)
	if total <= prev {
		return
	}
	err := dropNote(total - prev)
	if hd.onError != nil {
		callOnError(hd.onError, err)
		return
	}
	var always rateLimiter // the drop note is rate-limited already
	writeNote(c.errOut, &always, "handler "+strconv.Itoa(hd.id)+" ("+hd.sinkName+")", err)
}

type dropError struct{ n uint64 }

func (e dropError) Error() string {
	if e.n == 1 {
		return "queue full: dropped 1 record"
	}
	return "queue full: dropped " + groupThousands(e.n) + " records"
}

func dropNote(n uint64) error { return dropError{n} }

// groupThousands writes n with commas: 1234 -> "1,234".
func groupThousands(n uint64) string {
	s := strconv.FormatUint(n, 10)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// writeBatch runs on the queue's goroutine: it writes the lines in order, under the
// handler's lock, counting and reporting each outcome. Lines for a logru file sink are
// joined into one write.
func (hd *handler) writeBatch(c *loggerCore, items []sinks.Item) {
	hd.mu.Lock()
	removed := hd.removed
	if removed {
		hd.mu.Unlock()
		hd.dropped.Add(uint64(len(items)))
		return
	}
	if f, ok := hd.w.(*sinks.File); ok && len(items) > 1 {
		hd.writeJoined(c, f, items)
		return
	}
	var errs []error
	for _, it := range items {
		if err := hd.emitLocked(it.Data, it.Ctx.(*queuedLine).rec); err != nil {
			hd.errors.Add(1)
			errs = append(errs, err)
		} else {
			hd.records.Add(1)
		}
	}
	hd.mu.Unlock()
	for _, err := range errs {
		c.report(hd, err)
	}
}

func (hd *handler) writeJoined(c *loggerCore, f *sinks.File, items []sinks.Item) {
	p := lineBufs.Get().(*[]byte)
	b := (*p)[:0]
	for _, it := range items {
		b = append(b, it.Data...)
	}
	_, err := f.Write(b)
	hd.mu.Unlock()
	if err != nil {
		hd.errors.Add(uint64(len(items)))
		c.report(hd, err)
	} else {
		hd.records.Add(uint64(len(items)))
	}
	*p = b[:0]
	if cap(b) <= 1<<20 {
		lineBufs.Put(p)
	}
}
