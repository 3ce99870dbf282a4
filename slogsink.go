package logru

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/logru/logru/internal/stack"
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
	return slogDefaultType != nil && reflect.TypeOf(h) == slogDefaultType
}

// slogDefaultType is the type of slog's built-in default handler, nil when it cannot be
// known. It is taken from slog itself, not matched by name (a user's package may be
// called slog and declare a defaultHandler). Package log/slog is initialised before
// this package, which imports it, and every package importing logru after it; so
// slog.Default() holds the built-in handler here unless a package initialised earlier,
// one that does not import logru, called slog.SetDefault. The type is trusted only when
// that cannot have happened:
//   - it is declared by package log/slog itself and not exported (no user's handler,
//     nor slog's TextHandler or JSONHandler, passes);
//   - package log does not write into a slog handler: slog.SetDefault with any handler
//     but the built-in one points package log at one.
var slogDefaultType = func() reflect.Type {
	t := reflect.TypeOf(slog.Default().Handler())
	if t == nil || t.Kind() != reflect.Pointer || isSlogHandlerWriter(log.Writer()) {
		return nil
	}
	e := t.Elem()
	if e.PkgPath() != reflect.TypeFor[slog.TextHandler]().PkgPath() || e.Name() == "" || isExported(e.Name()) {
		return nil
	}
	return t
}()

// isExported reports whether a Go identifier is exported.
func isExported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// isSlogHandlerWriter reports whether w is the writer slog.SetDefault gives package log,
// which sends log's output to slog's default handler.
func isSlogHandlerWriter(w any) bool {
	return w != nil && reflect.TypeOf(w) == slogHandlerWriterType
}

// slogHandlerWriterType is the type of the writer slog.SetDefault gives package log.
// slog.NewLogLogger makes a *log.Logger writing through the same type, without touching
// any global: its writer's type is taken from there, not matched by name.
var slogHandlerWriterType = reflect.TypeOf(slog.NewLogLogger(slog.DiscardHandler, slog.LevelInfo).Writer())

// inLogOutput reports whether the calling goroutine is inside package log's output,
// which holds log's lock while it writes: a record that reaches slog's default handler
// from there would wait for that lock for ever. It reads the stack, so it runs only for
// handlers whose sink is slog's default handler.
func inLogOutput() bool {
	f := logOutput()
	// Skipped: inLogOutput and its caller, emit.
	return f != 0 && f.In(stack.Callers(2))
}

// logOutput returns the function of package log that calls a *log.Logger's writer
// (log.(*Logger).output today, which holds the logger's lock meanwhile; every method of
// Logger and every function of log writes through it). It is found once, by watching a
// private *log.Logger call a writer of ours, not by its name: the function in the frame
// just outside the writer's Write. Zero if that failed.
var logOutput = sync.OnceValue(func() stack.Func {
	var w outputProbe
	_ = log.New(&w, "", 0).Output(1, "probe")
	return w.caller
})

// outputProbe is the writer logOutput watches package log with.
type outputProbe struct{ caller stack.Func }

// Write notes the function that called it. It must keep a frame of its own: never
// inlined.
//
//go:noinline
func (w *outputProbe) Write(b []byte) (int, error) {
	w.caller = stack.Of((*outputProbe).Write).Caller(stack.Callers(0))
	return len(b), nil
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
