package logru

import (
	"log/slog"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/logru/logru/internal/pyfmt"
	"github.com/logru/logru/sinks"
)

// The Enqueue path: the caller formats the record (so its values are captured at the
// call) and hands a copy of the line to the handler's queue; one goroutine per handler
// writes the queued lines in batches.

// queued is the part of a handler that exists with Enqueue.
type queued struct {
	q        *sinks.Async
	dropSeen atomic.Uint64 // drops already announced in a note
	// closedDrops counts the records dropped once the handler was closing (logged
	// after Close), not announced yet: the note tells them from a full queue's.
	closedDrops atomic.Uint64
	notes       rateLimiter
}

// queuedLine is what waits in a queue: a copy of the formatted line and, for func and
// Sink sinks, a copy of the record. They are recycled.
type queuedLine struct {
	data []byte
	rec  *Record
	// fromOnError marks a record logged by the handler's OnError: if writing it fails,
	// the error goes to the stderr note, not to OnError again (which would log again,
	// and so on without end, as report prevents for handlers without a queue).
	fromOnError bool
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
				ql.data, ql.rec, ql.fromOnError = ql.data[:0], nil, false
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
	ql.fromOnError = hd.reporting.Load() > 0 && inOnError()
	if hd.takesRecord {
		ql.rec = r.Clone() // func, Sink, RecordWriter and slog.Handler sinks receive the record too
		freezeExtra(ql.rec)
	}
	if !hd.async.q.Enqueue(sinks.Item{Data: ql.data, Ctx: ql}) && hd.closing.Load() {
		hd.async.closedDrops.Add(1)
	}
	if d := hd.async.q.Dropped(); d != hd.async.dropSeen.Load() {
		c.noteDrops(hd)
	}
}

// freezeExtra makes the values of a queued record's fields independent of the caller's:
// the maps, slices and arrays they hold (also inside structs, interfaces and groups) are
// copied, and LogValuers inside groups resolved, so that a slog.Handler, func or Sink
// sink that reads the record on the writer goroutine sees the values of the call, and
// does not race with a caller that goes on mutating them. Pointers are not followed: what
// they point to is shared. Only enqueued record-consuming sinks pay for it, and only for
// values of those kinds.
func freezeExtra(r *Record) {
	as := r.Extra.Attrs()
	for i := range as {
		as[i].Value = freezeValue(as[i].Value, 0)
	}
}

// maxFreezeDepth bounds the copy of nested values (and ends it on a cycle, such as a map
// that holds itself): deeper values are shared.
const maxFreezeDepth = 16

func freezeValue(v slog.Value, depth int) slog.Value {
	switch v.Kind() {
	case slog.KindGroup:
		g := v.Group()
		out := make([]slog.Attr, len(g))
		for i, a := range g {
			out[i] = slog.Attr{Key: a.Key, Value: freezeValue(a.Value.Resolve(), depth+1)}
		}
		return slog.GroupValue(out...)
	case slog.KindAny:
		x := v.Any()
		if x == nil {
			return v
		}
		rv := reflect.ValueOf(x)
		switch rv.Kind() {
		case reflect.Map, reflect.Slice, reflect.Array, reflect.Struct:
			if hasRefs(rv.Type(), 0) {
				return slog.AnyValue(deepCopy(rv, depth).Interface())
			}
		}
	}
	return v
}

// hasRefs reports whether a value of type t holds maps, slices or interfaces that the
// caller could mutate after the call.
func hasRefs(t reflect.Type, depth int) bool {
	if depth > maxFreezeDepth {
		return false
	}
	switch t.Kind() {
	case reflect.Map, reflect.Slice, reflect.Interface:
		return true
	case reflect.Array:
		return t.Len() > 0 && hasRefs(t.Elem(), depth+1)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && hasRefs(f.Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// deepCopy returns a copy of rv in which maps, slices, arrays, interfaces and the
// exported fields of structs are copied in turn, down to maxFreezeDepth.
func deepCopy(rv reflect.Value, depth int) reflect.Value {
	if depth > maxFreezeDepth {
		return rv
	}
	t := rv.Type()
	switch rv.Kind() {
	case reflect.Map:
		if rv.IsNil() {
			return rv
		}
		out := reflect.MakeMapWithSize(t, rv.Len())
		for it := rv.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), deepCopy(it.Value(), depth+1))
		}
		return out
	case reflect.Slice:
		if rv.IsNil() {
			return rv
		}
		out := reflect.MakeSlice(t, rv.Len(), rv.Len())
		reflect.Copy(out, rv)
		if hasRefs(t.Elem(), 0) {
			for i := range rv.Len() {
				out.Index(i).Set(deepCopy(rv.Index(i), depth+1))
			}
		}
		return out
	case reflect.Array:
		out := reflect.New(t).Elem()
		out.Set(rv)
		if hasRefs(t.Elem(), 0) {
			for i := range rv.Len() {
				out.Index(i).Set(deepCopy(rv.Index(i), depth+1))
			}
		}
		return out
	case reflect.Interface:
		if rv.IsNil() {
			return rv
		}
		out := reflect.New(t).Elem()
		out.Set(deepCopy(rv.Elem(), depth+1))
		return out
	case reflect.Struct:
		out := reflect.New(t).Elem()
		out.Set(rv)
		for i := range rv.NumField() {
			if f := out.Field(i); f.CanSet() && hasRefs(f.Type(), 0) {
				f.Set(deepCopy(rv.Field(i), depth+1))
			}
		}
		return out
	}
	return rv
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
	n := total - prev
	closed := min(a.closedDrops.Swap(0), n)
	err := error(dropError{full: n - closed, closed: closed})
	if hd.onError != nil {
		callOnError(hd.onError, err)
		return
	}
	var always rateLimiter // the drop note is rate-limited already
	writeNote(c.errOut, &always, "handler "+strconv.Itoa(hd.id)+" ("+hd.sinkName+")", err)
}

// dropError is the note for records a queue dropped: because it was full, or because
// the handler was closed (records logged after Close).
type dropError struct{ full, closed uint64 }

func (e dropError) Error() string {
	switch {
	case e.closed == 0:
		return "queue full: dropped " + records(e.full)
	case e.full == 0:
		return "closed: dropped " + records(e.closed)
	}
	return "queue full: dropped " + records(e.full) + "; closed: dropped " + records(e.closed)
}

// records says "1 record" or "1,234 records".
func records(n uint64) string {
	if n == 1 {
		return "1 record"
	}
	return groupThousands(n) + " records"
}

func dropNote(n uint64) error { return dropError{full: n} }

// groupThousands writes n with commas, as the message spec "{n:,}" does: 1234 -> "1,234".
func groupThousands(n uint64) string {
	sp, err := pyfmt.Parse(",")
	if err != nil { // "," always parses
		return strconv.FormatUint(n, 10)
	}
	b, _ := sp.AppendUint(make([]byte, 0, 26), n)
	return string(b)
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
	if hd.joins && len(items) > 1 {
		hd.writeJoined(c, items)
		return
	}
	var errs []error
	var noteOnly []bool
	for _, it := range items {
		ql := it.Ctx.(*queuedLine)
		if err := hd.emitLocked(it.Data, ql.rec); err != nil {
			hd.errors.Add(1)
			errs = append(errs, err)
			noteOnly = append(noteOnly, ql.fromOnError)
		} else {
			hd.records.Add(1)
		}
	}
	hd.mu.Unlock()
	hd.sinkDone()
	for i, err := range errs {
		if noteOnly[i] {
			c.note(hd, err)
		} else {
			c.report(hd, err)
		}
	}
}

// writeJoined writes a batch's lines in one write; hd.mu is held, and released.
func (hd *handler) writeJoined(c *loggerCore, items []sinks.Item) {
	p := lineBufs.Get().(*[]byte)
	b := (*p)[:0]
	for _, it := range items {
		b = append(b, it.Data...)
	}
	err := hd.emitLocked(b, nil)
	hd.mu.Unlock()
	hd.sinkDone()
	if err != nil {
		hd.errors.Add(uint64(len(items)))
		if slices.ContainsFunc(items, func(it sinks.Item) bool { return !it.Ctx.(*queuedLine).fromOnError }) {
			c.report(hd, err)
		} else {
			c.note(hd, err)
		}
	} else {
		hd.records.Add(uint64(len(items)))
	}
	*p = b[:0]
	if cap(b) <= 1<<20 {
		lineBufs.Put(p)
	}
}
