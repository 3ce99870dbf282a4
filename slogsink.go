package logru

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"reflect"
	"runtime"
	"strings"
)

// A Forwarder is a sink that writes into a logru [Logger]: package bridge's slog.Handler
// and standard-log writer are Forwarders. [Logger.Add] refuses a Forwarder that writes
// into the logger it is added to, or into any logger sharing its core (a child): each
// record would come back to the handler that sent it, for ever.
type Forwarder interface {
	// ForwardsTo returns the logger the sink writes into.
	ForwardsTo() *Logger
}

// errLoop is the reason Add gives for a sink that writes back into its own logger.
var errLoop = errors.New("the sink writes into this logger: every record would come back to it")

// checkLoop refuses a sink that sends records back into c: a Forwarder into c, or
// slog's default handler (which writes through package log) while package log's output
// is a Forwarder into c. Loops that Add cannot see (a sink added before the standard
// log package was routed into the logger) are broken at run time: see inLogOutput.
func (c *loggerCore) checkLoop(sink any) error {
	if f, ok := sink.(Forwarder); ok && forwardsInto(f, c) {
		return &ConfigError{Field: "Handler.Sink", Value: reflect.TypeOf(sink).String(), Err: errLoop}
	}
	if h, ok := sink.(slog.Handler); ok && isSlogDefault(h) {
		w := log.Writer()
		if isSlogHandlerWriter(w) {
			// slog.SetDefault routed package log into slog's default handler.
			if f, ok := slog.Default().Handler().(Forwarder); ok && forwardsInto(f, c) {
				return &ConfigError{Field: "Handler.Sink", Value: "slog's default handler", Err: errLoop}
			}
		}
		if f, ok := w.(Forwarder); ok && forwardsInto(f, c) {
			return &ConfigError{Field: "Handler.Sink", Value: "slog's default handler", Err: errLoop}
		}
	}
	return nil
}

func forwardsInto(f Forwarder, c *loggerCore) (into bool) {
	defer func() {
		if recover() != nil {
			into = false
		}
	}()
	l := f.ForwardsTo()
	return l != nil && l.core == c
}

// isSlogDefault reports whether h is slog's built-in default handler, the one
// slog.Default() has until slog.SetDefault is called: it writes through package log.
func isSlogDefault(h slog.Handler) bool {
	return reflect.TypeOf(h).String() == "*slog.defaultHandler"
}

// isSlogHandlerWriter reports whether w is the writer slog.SetDefault gives package log,
// which sends log's output to slog's default handler.
func isSlogHandlerWriter(w any) bool {
	return w != nil && reflect.TypeOf(w).String() == "*slog.handlerWriter"
}

// inLogOutput reports whether the calling goroutine is inside package log's output,
// which holds log's lock while it writes: a record that reaches slog's default handler
// from there would wait for that lock for ever. It reads the stack, so it runs only for
// handlers whose sink is slog's default handler.
func inLogOutput() bool {
	var buf [64]uintptr
	pcs := buf[:runtime.Callers(3, buf[:])]
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		if f.Function == "log.(*Logger).output" {
			return true
		}
		if !more {
			return false
		}
	}
}

// openSlog makes hd send records to a slog.Handler. Format, FormatFunc and Serialize do
// not apply: the slog handler formats records itself.
func (hd *handler) openSlog(s slog.Handler, h Handler) error {
	if v := reflect.ValueOf(s); v.Kind() == reflect.Pointer && v.IsNil() {
		return configErr("Handler.Sink", reflect.TypeOf(s).String()+"(nil)", "a nil slog.Handler")
	}
	switch {
	case h.Serialize:
		return configErr("Handler.Serialize", h.Serialize, "a slog.Handler sink formats records itself")
	case h.Format != "":
		return configErr("Handler.Format", h.Format, "a slog.Handler sink formats records itself")
	case h.FormatFunc != nil:
		return configErr("Handler.FormatFunc", "func", "a slog.Handler sink formats records itself")
	}
	hd.sinkInfo = sinkInfo{out: &slogSink{h: s}, sinkName: reflect.TypeOf(s).String(), userCode: true,
		takesRecord: true, lineless: true, viaLog: isSlogDefault(s)}
	hd.needs = needs{caller: true} // the record's PC
	return nil
}

// slogSink is the sinkAdapter of a slog.Handler sink: it receives records, not lines.
type slogSink struct {
	noExtras
	h slog.Handler
}

// write hands r to the slog.Handler as a slog.Record: the time, the level
// mapped by SlogLevel, the message, the caller's PC, the extra fields as attributes and
// the exception as an "error" attribute, with the record's context (or
// context.Background()), once the slog handler's Enabled agrees.
func (s *slogSink) write(_ []byte, r *Record) error {
	ctx := r.Context
	if ctx == nil {
		ctx = context.Background()
	}
	lv := SlogLevel(r.Level.No)
	if !s.h.Enabled(ctx, lv) {
		return nil
	}
	rec := slog.NewRecord(r.Time, lv, r.Message, r.PC)
	rec.AddAttrs(r.Extra.Attrs()...)
	if x := r.Exception; x != nil && (x.Err != nil || x.Value != "") {
		err := x.Err
		if err == nil {
			err = exceptionError{x.Type, x.Value}
		}
		rec.AddAttrs(slog.Any("error", err))
	}
	return s.h.Handle(ctx, rec)
}

// exceptionError is the error a slog.Handler sink receives for an exception that is not
// an error (a panic value).
type exceptionError struct{ typ, value string }

func (e exceptionError) Error() string {
	if e.typ == "" || strings.HasPrefix(e.value, e.typ) {
		return e.value
	}
	return e.typ + ": " + e.value
}
