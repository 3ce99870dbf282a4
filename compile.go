package logru

// Add's work before a handler is published: buildHandler checks every option of a
// Handler once and compiles its filters (filter.go) and format, opening nothing; open
// then opens its sink (an adapter of sink.go) and starts its queue.

import (
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"github.com/logru/logru/internal/render"
	"github.com/logru/logru/sinks"
)

// handler is one added Handler, compiled.
type handler struct {
	id int
	// reentryWait and lockWaits: see emit. lockWaits counts the bounded waits begun.
	reentryWait time.Duration
	lockWaits   atomic.Int64
	recordFilter
	tmpl    *render.Template
	raw     *render.Template // {message}, for Options.Raw
	json    *render.JSON
	fmtFunc func(*Record) string
	color   bool
	needs   needs
	onError func(error)

	mu      sync.Mutex // serializes writes (and every call of the sink), guards removed
	removed bool
	sinkInfo
	// gate admits the writes of a lock-free handler (sinkInfo.lockFree), which take no
	// lock (see gate.go).
	gate writeGate

	async   *queued     // set with Enqueue
	closing atomic.Bool // close has begun: what the queue drops from now on is for that reason
	// closeLater: a close called from inside this handler's sink is left to the holder
	// of mu (see close).
	closeLater atomic.Bool
	// reporting counts the OnError calls under way, so that enqueue walks the stack
	// (inOnError) only then.
	reporting atomic.Int32

	prevFile *sinks.File // set by Configure before open: the file to take over
	prevHd   *handler    // the handler prevFile belongs to
	// handedOff says this handler's file went to a new handler by Configure's hand-off
	// (guarded by mu): closing the handler then closes its File (which touches nothing
	// and passes later writes on) and leaves the handler writable.
	handedOff bool
	core      *loggerCore // for sinkDone
	// While inSink is set, the goroutine holding mu is inside a call of a sink that
	// reports errors from inside it (sinkInfo.pends), and those wait in pending (see
	// fileError and sinkNote).
	inSink atomic.Bool
	// While held is above zero, Configure holds the logger's lock and works on this
	// handler's sink (opening it, taking its file over, closing it in a rollback): the
	// sink's errors wait in pending too, reported once the lock is released, so that an
	// OnError calling Add, Remove or Configure does not wait for that lock.
	held     atomic.Int32
	pendMu   sync.Mutex
	pending  []error
	nPending atomic.Int32 // len(pending), read without pendMu by sinkDone

	// The per-record counters, sharded (see counters.go): Stats sums them.
	records shardedCounter
	dropped shardedCounter
	errors  shardedCounter
	notes   rateLimiter
}

func compileHandler(c *loggerCore, h Handler, levels *levelTable) (*handler, error) {
	hd, err := buildHandler(h, levels)
	if err != nil {
		return nil, err
	}
	if err := hd.open(c, h); err != nil {
		return nil, err
	}
	return hd, nil
}

// buildHandler checks every option of h and compiles it, without opening anything: the
// sink is opened by open, once every handler of a configuration is known to be valid.
func buildHandler(h Handler, levels *levelTable) (*handler, error) {
	hd := &handler{onError: h.OnError, fmtFunc: h.FormatFunc, raw: render.MustParse("{message}")}
	if err := hd.compileFilter(h, levels); err != nil {
		return nil, err
	}

	switch h.Colorize {
	case ColorAuto, ColorAlways, ColorNever:
	default:
		return nil, configErr("Handler.Colorize", int(h.Colorize), "want ColorAuto, ColorAlways or ColorNever")
	}
	if err := checkUnsupported(h); err != nil {
		return nil, err
	}

	switch {
	case h.Serialize && (h.Format != "" || h.FormatFunc != nil):
		return nil, configErr("Handler.Format", h.Format, "Format and FormatFunc cannot be used with Serialize")
	case h.Format != "" && h.FormatFunc != nil:
		return nil, configErr("Handler.Format", h.Format, "Format and FormatFunc cannot both be set")
	case h.Serialize:
		hd.json = render.NewJSON(formatOptions(h))
		hd.needs.caller = true
	case h.FormatFunc != nil:
		hd.needs.caller = true
	default:
		src := h.Format
		if src == "" {
			src = render.DefaultFormat
		}
		t, err := render.Parse(src+"\n{exception}", formatOptions(h))
		if err != nil {
			return nil, &ConfigError{Field: "Handler.Format", Value: h.Format, Err: err}
		}
		hd.tmpl = t
		n := t.Needs()
		hd.needs = needs{caller: n.Caller, goroutine: n.Goroutine}
	}
	if hd.needsCaller() {
		hd.needs.caller = true
	}
	return hd, nil
}

// open opens the sink of a built handler (creating a file sink's file) and starts its
// queue. It comes last, so a file is created only once everything else is valid.
func (hd *handler) open(c *loggerCore, h Handler) error {
	hd.reentryWait, hd.core = c.reentryWait, c
	if err := hd.openSink(c, h); err != nil {
		return err
	}
	if h.Enqueue {
		if err := hd.startQueue(c, h); err != nil {
			return errors.Join(err, hd.out.close())
		}
	}
	return nil
}

// checkUnsupported rejects options for features this version does not have, and file
// options given for sinks that are not files.
func checkUnsupported(h Handler) error {
	if h.QueueSize < 0 {
		return configErr("Handler.QueueSize", h.QueueSize, "must not be negative")
	}
	if h.QueueSize > sinks.MaxQueueSize {
		return configErr("Handler.QueueSize", h.QueueSize, "over the limit of 10,000,000 records")
	}
	switch h.Overflow {
	case "", "block", "drop_newest", "drop_oldest":
	default:
		return configErr("Handler.Overflow", h.Overflow, "want block, drop_newest or drop_oldest")
	}
	path, isPath := h.Sink.(string)
	isPath = isPath && path != "stdout" && path != "stderr"
	fileOnly := []struct {
		name string
		set  bool
		val  any
	}{
		{"Rotation", h.Rotation != "", h.Rotation},
		{"Retention", h.Retention != "", h.Retention},
		{"Compression", h.Compression != "", h.Compression},
		{"Watch", h.Watch, h.Watch},
		{"Naming", h.Naming != "", h.Naming},
		{"RotateFunc", h.RotateFunc != nil, "func"},
		{"RetainFunc", h.RetainFunc != nil, "func"},
		{"CompressFunc", h.CompressFunc != nil, "func"},
		{"Delay", h.Delay, h.Delay},
		{"Mode", h.Mode != 0, h.Mode},
		{"Buffering", h.Buffering != 0, h.Buffering},
		{"Shared", h.Shared, h.Shared},
	}
	for _, o := range fileOnly {
		if o.set && !isPath {
			return configErr("Handler."+o.name, o.val, "only file sinks (a path) take this option")
		}
	}
	if isPath {
		// The file options are checked by the sinks package, once: NewFile checks
		// them again only because it is also called directly.
		if err := fileOptions(h).Validate(); err != nil {
			return fileConfigError(path, err)
		}
	}
	return nil
}

// fileOptions gives a file sink h's options.
func fileOptions(h Handler) *sinks.FileOptions {
	return &sinks.FileOptions{
		Mode: h.Mode, Delay: h.Delay, Buffering: h.Buffering, Watch: h.Watch, Naming: h.Naming,
		Rotation: h.Rotation, RotateFunc: h.RotateFunc,
		Retention: h.Retention, RetainFunc: h.RetainFunc,
		Compression: h.Compression, CompressFunc: h.CompressFunc, Shared: h.Shared,
	}
}

func (hd *handler) openSink(c *loggerCore, h Handler) error {
	n := shardCount()
	hd.records.init(n)
	hd.dropped.init(n)
	hd.errors.init(n)
	auto := h.Colorize == ColorAuto
	hd.color = h.Colorize == ColorAlways
	if err := c.checkLoop(h.Sink); err != nil {
		return err
	}
	switch s := h.Sink.(type) {
	case nil:
		return configErr("Handler.Sink", "nil", "a sink is required")
	case string:
		switch s {
		case "stdout", "stderr":
			f := os.Stdout
			if s == "stderr" {
				f = os.Stderr
			}
			con := sinks.NewConsole(f)
			hd.sinkInfo = sinkInfo{out: &writerSink{w: con, flusher: con.Sync}, sinkName: s, flushes: true, lockFree: true}
			hd.color = hd.color || auto && con.ColorCapable()
		case "":
			return configErr("Handler.Sink", s, "empty path")
		default:
			opts := fileOptions(h)
			// The File serialises its writes and runs no user code while writing,
			// unless a RotateFunc asks before every write: without one, the handler
			// writes it through its gate, without hd.mu (see gate.go). The gate is
			// ready before the File exists, whose flusher may report at once.
			gated := h.RotateFunc == nil
			if gated {
				hd.gate.init(n, nil)
			}
			// Background errors (rotation, compression, retention, flushing) count as
			// the handler's errors and reach its OnError.
			opts.OnError = func(err error) { c.fileError(hd, gated, err) }
			var f *sinks.File
			var err error
			if hd.prevFile != nil {
				// Configure keeps a file sink on this path: the open file passes from
				// the old handler's File to this one (see Configure).
				f, err = hd.prevFile.Handoff(opts)
				hd.prevFile = nil
			} else {
				f, err = sinks.NewFile(s, opts)
			}
			if err != nil {
				return fileConfigError(s, err)
			}
			abs, _ := filepath.Abs(s)
			hd.sinkInfo = sinkInfo{out: &fileSink{f: f, path: abs}, sinkName: f.Path(),
				pends: true, flushes: true, joins: true, lockFree: gated}
			hd.gate.w = f
		}
	case sinks.RecordWriter:
		return hd.openRecordWriter(c, s)
	case Sink:
		us := &userSink{s: s}
		if c, ok := s.(io.Closer); ok {
			us.closer = c
		}
		if f, ok := s.(interface{ Flush() error }); ok {
			us.flusher = f.Flush
		}
		hd.sinkInfo = sinkInfo{out: us, sinkName: reflect.TypeOf(s).String(), userCode: true,
			takesRecord: true, flushes: us.flusher != nil}
		hd.needs.caller = true
	case func(Message):
		if s == nil {
			return configErr("Handler.Sink", "nil func", "a sink is required")
		}
		hd.sinkInfo = sinkInfo{out: &funcSink{fn: s}, sinkName: "func", userCode: true, takesRecord: true}
		hd.needs.caller = true
	case slog.Handler:
		return hd.openSlog(s, h)
	case io.Writer:
		if v := reflect.ValueOf(s); v.Kind() == reflect.Pointer && v.IsNil() {
			return configErr("Handler.Sink", reflect.TypeOf(s).String()+"(nil)", "a nil writer")
		}
		ws := &writerSink{w: s}
		if f, ok := s.(interface{ Flush() error }); ok {
			ws.flusher = f.Flush
		}
		hd.sinkInfo = sinkInfo{out: ws, sinkName: reflect.TypeOf(s).String(), userCode: true, flushes: ws.flusher != nil}
		if f, ok := s.(*os.File); ok {
			hd.sinkName, hd.userCode = f.Name(), false
			hd.color = hd.color || auto && sinks.ColorEnabled(f)
		}
		if lockFreeWriter(s) {
			hd.userCode, hd.lockFree = false, true
		}
	default:
		return configErr("Handler.Sink", reflect.TypeOf(s).String(), "want an io.Writer, a path, \"stdout\", \"stderr\", a func(logru.Message), a logru.Sink, a sinks.RecordWriter or a slog.Handler")
	}
	switch out := hd.out.(type) {
	case *writerSink:
		if hd.lockFree {
			hd.gate.init(n, out.w)
		}
	case *fileSink: // its gate is set above
	default:
		hd.lockFree = false
	}
	return nil
}

// fileConfigError turns an error of the sinks package about a file sink into a
// *ConfigError: an *sinks.OptionError names the Handler field it is about (its path, the
// Sink), any other error is about the Sink.
func fileConfigError(path string, err error) *ConfigError {
	var oe *sinks.OptionError
	if !errors.As(err, &oe) {
		return &ConfigError{Field: "Handler.Sink", Value: path, Err: err}
	}
	if oe.Option == "path" {
		return &ConfigError{Field: "Handler.Sink", Value: oe.Value, Err: oe.Err}
	}
	value := oe.Value
	if value == "" {
		value = "func" // a function option
	}
	return &ConfigError{Field: "Handler." + oe.Option, Value: value, Err: oe.Err}
}

var processInfo = sync.OnceValues(func() (int, string) {
	return os.Getpid(), filepath.Base(os.Args[0])
})

// formatOptions gives a handler's template the process it runs in and its exception
// settings.
func formatOptions(h Handler) *render.Options {
	pid, name := processInfo()
	return &render.Options{PID: pid, ProcessName: name,
		Exception: render.ExceptionOptions{Backtrace: h.Backtrace, Diagnose: h.Diagnose}}
}
