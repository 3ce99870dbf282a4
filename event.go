package logru

import (
	"context"
	"log/slog"
	"time"

	"github.com/logru/logru/internal/buffer"
	"github.com/logru/logru/internal/encode"
)

// Event is a log call made through another logging API, such as log/slog or the
// standard log package, that a bridge hands to [Logger.LogEvent]. The bridge knows
// things a logru call finds out for itself: the caller, the time, the level number.
//
// The zero Event is a message-less record at level 0 with no caller and a zero time.
type Event struct {
	// Time is the record's time, taken as is: a zero Time stays zero (the JSON
	// serializer writes it as null).
	Time time.Time
	// Level is a level number (see [LevelFromSlog] for slog's). A number no registered
	// level has is logged under the name "Level N".
	Level int
	// Message is the message as text: it is never read as a template or as markup,
	// and its control characters are escaped (a newline is written as \n), so it
	// cannot forge a line.
	Message string
	// PC is the program counter of the logging call, as runtime.Callers reports it
	// (slog.Record.PC is one); 0 means the caller is unknown. Activation rules
	// ([Logger.Disable]), filters and {name}, {function}, {file} and {line} use it.
	PC uintptr
	// Context, when not nil, is the record's Context (in place of the one given with
	// Logger.Ctx), and the fields it carries ([Contextualize]) join the record's.
	Context context.Context
}

// LogEvent logs a call made through another logging API: it is the one entry point
// the bridges of package bridge use, and it goes through everything a logru call does
// (the level gate, activation, patchers, filters, every handler). attrs become the
// record's extra fields, after the logger's bound ones: LogValuers are resolved, an
// empty Attr is dropped and a group with an empty key is inlined, as slog handlers do.
// (They are a parameter of their own, as in [Logger.LogAttrs], so that the caller's
// array can stay on its stack.) The logger's bound
// fields, patchers and Options.Exception apply; Options.Depth and Options.Colors do
// not (the caller is ev.PC, and the message is text, never markup).
//
// LogEvent keeps neither ev nor attrs; it is safe for concurrent use, never panics and reports
// problems to the handlers' OnError like any logging call. A nil ev logs nothing.
func (l *Logger) LogEvent(ev *Event, attrs ...slog.Attr) {
	if ev != nil && l.enabled(ev.Level) {
		l.logEvent(ev, attrs, nil)
	}
}

// logShown is LogEvent for logru's own records whose message already shows some of
// their fields ("x done in 12.3ms" shows duration_ms): shown are those keys, added to
// the record's MessageKeys so that {fields} does not repeat them. shown is not kept.
func (l *Logger) logShown(ev *Event, shown []string, attrs ...slog.Attr) {
	if l.enabled(ev.Level) {
		l.logEvent(ev, attrs, shown)
	}
}

// eventInfo is what finish needs of an Event, copied into the pooled entry so that
// the caller's Event never escapes.
type eventInfo struct {
	on    bool
	t     time.Time
	ctx   context.Context
	shown []string // keys the message shows (logShown)
}

// times returns the record's Time and Elapsed: the event's time as is, and the time
// elapsed until it (until now, for a zero time).
func (ev *eventInfo) times(start time.Time) (time.Time, time.Duration) {
	if ev.t.IsZero() {
		return ev.t, time.Since(start)
	}
	return ev.t, ev.t.Sub(start)
}

// mergeContext makes the event's context the record's and adds its fields.
func (ev *eventInfo) mergeContext(r *Record) {
	r.Context = ev.ctx
	if f := fieldsOf(ev.ctx); f != nil {
		r.Extra.Merge(f)
	}
}

func (l *Logger) logEvent(ev *Event, attrs []slog.Attr, shown []string) {
	if l.opts.Colors {
		c := *l // the message is text: no markup, whatever the child's options
		c.opts.Colors = false
		l = &c
	}
	st := l.core.state.Load()
	lv, ok := levelByNo(st.levels, ev.Level)
	if !ok {
		lv = Level{Name: levelName(st.levels, ev.Level), No: ev.Level}
	}
	e := getEntry()
	e.rec.Level = lv
	e.pcs[0] = ev.PC
	n := 0
	if ev.PC != 0 {
		n = 1
	}
	if !l.wantCaller(st) || l.resolve(e, st, n) {
		for _, a := range attrs {
			e.args = appendAttr(e.args, a)
		}
		e.ev = eventInfo{on: true, t: ev.Time, ctx: ev.Context, shown: shown}
		l.finish(e, st, dataMessage(ev.Message), false)
		e.ev = eventInfo{}
	}
	putEntry(e)
}

// dataMessage escapes the control characters of a message that came from outside
// (newlines included) so that it cannot forge a line; other bytes are left to the
// message rendering, which escapes what must be. Without control characters, msg is
// returned as is, with no allocation.
func dataMessage(msg string) string {
	for i := 0; i < len(msg); i++ {
		if msg[i] < 0x20 || msg[i] == 0x7f {
			buf := buffer.New()
			b := encode.AppendTextString((*buf)[:0], msg)
			s := string(b)
			*buf = b
			buf.Free()
			return s
		}
	}
	return msg
}
