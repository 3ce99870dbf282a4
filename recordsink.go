package logru

import (
	"reflect"

	"github.com/logru/logru/internal/encode"
	"github.com/logru/logru/sinks"
)

// A sinks.RecordWriter sink (syslog, the journal) receives each record's formatted
// text with its level, time, caller and extra fields (see sinks.Entry).

// recordWriter is the sinkAdapter of a sinks.RecordWriter sink, with the scratch space
// an Entry is built in, reused under the handler's lock.
type recordWriter struct {
	w      sinks.RecordWriter
	vals   []byte
	ends   []int
	fields []sinks.Field
}

// openRecordWriter makes rw the handler's sink. Its background notices (connection
// lost, records dropped) reach the handler's OnError without counting as errors.
func (hd *handler) openRecordWriter(c *loggerCore, rw sinks.RecordWriter) error {
	name := reflect.TypeOf(rw).String()
	if reflect.ValueOf(rw).IsNil() {
		return configErr("Handler.Sink", name+"(nil)", "a nil sink")
	}
	if err := rw.Err(); err != nil {
		return &ConfigError{Field: "Handler.Sink", Value: name, Err: err}
	}
	hd.sinkInfo = sinkInfo{out: &recordWriter{w: rw}, sinkName: name, userCode: true,
		takesRecord: true, pends: true, flushes: true}
	hd.needs.caller = true
	rw.SetOnError(func(err error) { c.sinkNote(hd, err) })
	return nil
}

// write hands the record to the writer; hd.mu is held. The field values are rendered as
// {extra} renders them, into one string.
func (w *recordWriter) write(text []byte, r *Record) error {
	e := sinks.Entry{Text: text, Time: r.Time, Level: r.Level.No, LevelName: r.Level.Name,
		File: r.FilePath, Line: r.Line, Func: r.Function}
	if e.File == "" {
		e.File = r.File
	}
	if attrs := r.Extra.Attrs(); len(attrs) > 0 {
		vals, ends := w.vals[:0], w.ends[:0]
		for _, a := range attrs {
			vals = encode.AppendText(vals, a.Value)
			ends = append(ends, len(vals))
		}
		s, start := string(vals), 0
		fields := w.fields[:0]
		for i, a := range attrs {
			fields = append(fields, sinks.Field{Key: a.Key, Value: s[start:ends[i]]})
			start = ends[i]
		}
		e.Fields = fields
		defer func() { clear(fields); w.fields = fields[:0] }()
		if cap(vals) <= 64<<10 {
			w.vals, w.ends = vals[:0], ends[:0]
		}
	}
	return w.w.WriteRecord(e)
}

func (w *recordWriter) flush() error    { return w.w.Flush() }
func (w *recordWriter) close() error    { return w.w.Close() }
func (w *recordWriter) dropped() uint64 { return w.w.Dropped() }

// sinkNote reports a notice a sink raised without counting an error (fileError counts,
// then calls it). One raised while the sink's caller holds hd.mu waits in hd.pending.
func (c *loggerCore) sinkNote(hd *handler, err error) {
	if hd.inSink.Load() || hd.held.Load() > 0 {
		hd.pendMu.Lock()
		hd.pending = append(hd.pending, err)
		hd.nPending.Add(1)
		hd.pendMu.Unlock()
		if hd.inSink.Load() || hd.held.Load() > 0 {
			return
		}
		// The holder of the lock may have drained before we appended: drain ourselves.
		c.reportPending(hd)
		return
	}
	c.report(hd, err)
}
