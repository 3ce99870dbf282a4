// Package logru is a logging library in the spirit of Python's loguru: one chainable
// logger, message templates, colour markup, custom levels, and handlers that send
// records to the console, files, functions or any io.Writer.
//
// # Quick start
//
// The package-level functions log through [Default], which writes to stderr at DEBUG
// with colours on a terminal; every Logger method has one ([Info], [Exception],
// [Configure], …):
//
//	defer logru.Close()
//	logru.Info("Server started on {host}:{port}", "host", "0.0.0.0", "port", 8000)
//
// An independent logger starts with no handlers:
//
//	l := logru.New()
//	id, err := l.Add(logru.Handler{Sink: os.Stdout, Level: "INFO", Format: "{level} | {message}"})
//
// # Message templates
//
// Arguments are key/value pairs, as in log/slog: "user", "alice", "n", 3. A slog.Attr
// counts as one pair and a [Fields] map as all its pairs. In the message, {key} is
// replaced by the value of that key and {key:spec} formats it with Python's format-spec
// mini-language ({ms:.1f}, {name:>10}, {n:,}); {{ and }} are literal braces. A
// placeholder whose key is not given stays as written, and a spec that does not suit the
// value writes the value plainly. A message logged without arguments is never parsed.
//
// Every pair also becomes one of the record's extra fields. A value without a string key
// is kept under the key !BADKEY, never dropped; the next such value of the record under
// !BADKEY2, then !BADKEY3…, so that no key repeats in any output, JSON included.
// slog.LogValuer values are resolved.
// Values are data: they are never read as templates or markup, and their control
// characters are escaped in text output, so no value can forge a line.
//
// # Handlers, formats and colours
//
// A [Handler] names a sink (an io.Writer, "stdout", "stderr", a file path, a
// func(logru.Message) or a [Sink]), a minimum level, filters and a format. The default
// format is loguru's followed by the fields the message did not show, dimmed:
//
//	<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> | <level>{level: <8}</level> | <cyan>{name}</cyan>:<cyan>{function}</cyan>:<cyan>{line}</cyan> - <level>{message}</level><dim>{fields}</dim>
//
// so that bound, contextual and call fields are seen without asking:
//
//	l.Bind("user", "alice").Info("charged {amount}", "amount", 42.5, "order", "A-17")
//	2026-03-26 14:30:00.123 | INFO     | main:main:42 - charged 42.5 user=alice order=A-17
//
// {fields} writes " key=value" for each field the message's template did not substitute
// (values quoted and escaped as in {extra}, groups flattened as req.method=GET), and
// nothing at all when there is none, so such a line ends at the message.
// [LoguruFormat] is loguru's default exactly, without the fields.
//
// Formats name record fields ({time}, {level}, {message}, {name}, {function}, {line},
// {extra}, {extra[key]}, {fields}, {exception}, …; see package format) and may hold colour markup:
// <red>…</red>, <bold>, <fg #ff8800>, <bg 208>, </> to close the innermost tag, and
// <level> for the record's level colour. Markup becomes ANSI codes when the handler
// colours its output (Colorize: automatic on terminals, honouring NO_COLOR and
// FORCE_COLOR) and is stripped otherwise. Serialize writes one JSON object per line
// instead.
//
// # Files
//
// A Handler whose Sink is a path writes a file (created 0600, directories made) that can
// rotate (Rotation: "500 MB", "1 week", "daily", "00:00", "monday at 12:00", or several
// joined by " or "), keep a bounded history (Retention: "10", "7 days", "1 GB") and
// compress rotated files on a background worker (Compression: "gz", "zst", "tar.xz", …)
// that Close waits for. See package sinks for the naming rules and guarantees.
//
// # Levels
//
// TRACE (5), DEBUG (10), INFO (20), SUCCESS (25), WARNING (30), ERROR (40) and
// CRITICAL (50) are built in, with loguru's colours and icons. [Logger.AddLevel] adds
// more, and [Logger.Log] logs at any of them by name. For hot loops, [Logger.LogAttrs]
// takes a level number and typed slog.Attr values and allocates nothing for the common
// kinds.
//
// # Children and context
//
// A *Logger is immutable. [Logger.Bind] adds fields, [Logger.Patch] adds a function that
// may change each record, [Logger.Opt] sets per-call [Options] (Lazy, Exception, Depth,
// Raw, Colors) and [Logger.Ctx] attaches a context whose fields ([Contextualize]) join the
// record. Children share the parent's handlers, levels and activation rules. Field
// precedence, lowest first: context fields, bound fields, the call's own arguments.
//
// # Flows
//
// A flow follows one unit of work (a request, a job, a checkout) through the functions
// it calls, and ends with one record holding its whole timeline. It lives in the
// context.Context:
//
//	ctx, flow := l.Flow(ctx, "checkout", "order", id) // flow_start; id "checkout-3a7e2b1f"
//	defer flow.End(&err)                               // flow_end: success, or failed at ERROR
//
//	func charge(ctx context.Context) (err error) {
//		defer logru.Step(ctx, "charge_card")(&err) // one entry of the flow's timeline
//		...
//	}
//
// Every record logged through l.Ctx(ctx), or through log/slog with ctx, carries the
// flow's id as flow_id ([FlowID] reads it). flow_end has flow_status, total_ms, steps,
// a [Timeline] ({fn, ms, status} per step, a JSON array in serialized output, one line
// in text: "[validate 0.1ms ok, charge 11.9ms failed]") and, when the flow failed,
// failed_at, step ("2/3") and flow_error; its message says the same in words ("flow
// checkout failed at charge_card (2/3) after 14.5ms: card declined"), so the default
// format's {fields} does not repeat those fields. Steps nest and may run in parallel
// goroutines; a step costs one small allocation and no lock shared between flows; a
// panic through End or a step is recorded and goes on. A flow begun inside a flow joins
// it as a step; a timeline keeps [MaxTimeline] entries and counts the rest. Outside a
// flow, Step is a timed scope, as [Logger.Timed] is:
//
//	defer l.Timed("database migration")(&err) // "database migration done in 12.3ms"
//
// [IsFlowRecord] as a Handler's FilterFunc routes flows to a file of their own;
// [Config].Flows sets their level and whether steps log records of their own. Package
// accesslog makes each HTTP request a flow (Options.Flow), and package events writes
// metric, audit and security records.
//
// # Modules
//
// A record's Name is the Go package path of the code that logged it.
// [Logger.Disable] silences a package and those below it, by whole path segments, and
// [Logger.Enable] turns them back on; the longest matching prefix wins. The caller is
// resolved through a per-PC cache, and only when some handler, filter or rule needs it.
//
// # Exceptions and Catch
//
// defer l.Catch() recovers a panic in the function that deferred it, logs it at ERROR
// with its stack ("An error has been caught in function 'F', goroutine N", F being that
// function), and lets the function return normally; it is the way to guard goroutines
// and handlers:
//
//	go func() {
//		defer l.Catch()
//		work()
//	}()
//
// [CatchOptions] set the level and the message, re-panic after logging (Reraise, which
// first completes every handler so the record is not lost when the panic ends the
// process), call a function with the value (OnPanic), and leave chosen panics alone
// (Exclude). [Logger.Run] and [Logger.Go] run a function under Catch and return its
// error, or the caught panic as a *[PanicError]. Nested Catches never log one panic twice.
// Every kind of panic is described: panic(nil) (a *runtime.PanicNilError), runtime
// errors (a nil map write, an index out of range, a nil dereference), errors and custom
// values, and a panic raised by a deferred function. runtime.Goexit is not a panic:
// Catch lets it go on.
//
// An error attached with Opt(Options{Exception: err}), or given to [Logger.Exception],
// becomes the record's Exception (an [ExceptionInfo], that is a core.Exception) and is
// rendered by {exception}: its type and message, the errors it wraps (errors.Unwrap
// and errors.Join, as a tree), and its stack when it carries one (a StackTrace or
// Callers method, found without importing any errors package). A handler's Backtrace
// shows the whole goroutine stack instead of only the frames between the panic and the
// catching function, marked with "> "; Diagnose adds each error's %+v where it says more
// than the message. Frames of the Go runtime and of logru are left out. With colours,
// the rendering is coloured as loguru colours tracebacks; errors' texts are never read
// as markup and their control characters are escaped. A Serialize handler writes the
// exception as an object: {"type", "value", "chain": [{"type", "value"}…], "stack":
// [{"function", "file", "line"}…]}.
//
// # Queues and the life cycle
//
// A handler with Enqueue formats each record in the caller (so the values written are
// those of the call) and hands the line to one goroutine through a bounded queue
// (QueueSize, default 10,000). Overflow chooses what a full queue does: "block" (the
// default) waits, "drop_newest" and "drop_oldest" never wait; Stats().Dropped counts
// every dropped record and a rate-limited note says how many. [Logger.Complete] waits
// until everything queued is written and flushed; [Logger.Close] drains the queues, waits
// for compression and retention, closes the sinks and stops every goroutine logru
// started. Call it with defer in main; [Logger.FlushOnSignal] does it on SIGINT and
// SIGTERM too, then lets the signal end the process as it would have.
//
// # Bridges
//
// Package bridge routes log/slog ([bridge.NewSlogHandler], a slog.Handler) and the
// standard log package ([bridge.StdLog]) into a logger, keeping their callers. The
// other way, a Handler's Sink may be any slog.Handler (OpenTelemetry's otelslog, for
// one): it receives each record as a slog.Record with the record's context. Levels map
// between the two scales with [LevelFromSlog] and [SlogLevel]. Bridges log through
// [Logger.LogEvent], which takes the caller, time and level a bridge already knows.
// [Logger.Add] refuses a sink that would send records back into its own logger.
//
// # Configuration
//
// [Logger.Configure] applies a whole [Config] at once: it replaces the handlers, adds
// levels, sets the core's base extra fields and patcher (shared by every child, under
// their own bound fields and patchers) and applies activation rules. It checks
// everything and opens the new sinks before it changes anything, so an invalid
// configuration returns an error and leaves the old one in force. [LoadConfig] reads a
// Config from a YAML or JSON file with snake_case keys (handlers, levels, extra,
// activation; sink, level, format, rotation, mode: "0640", …); an unknown key or a bad
// value is an error naming the file, the line, the key's path (handlers[1].levle) and
// the value. [Logger.SetLevel] changes one handler's level while the program runs.
//
// The default logger reads the environment once, at its first use: LOGRU_LEVEL,
// LOGRU_FORMAT, LOGRU_COLORIZE and LOGRU_SERIALIZE shape its stderr handler, and
// LOGRU_CONFIG=path configures it from a file instead. A bad value is reported in one
// line on stderr and the default stays.
//
// # Errors
//
// Logging never panics and never returns an error. A sink's failure goes to its
// handler's OnError (by default a rate-limited note on stderr) and other handlers carry
// on; a panicking sink, patcher or value method is contained. Configuration errors are
// returned by [Logger.Add], [Logger.AddLevel], [Logger.Configure] and [LoadConfig] and
// name the field and the value.
//
// # Performance
//
// The level gate is one atomic load inlined into the caller. Records are pooled, formats
// are compiled once into append operations, and lines are built in pooled buffers; the
// timestamp text is cached per second or millisecond. The caller is resolved once per
// call site and cached; on amd64 and arm64 a call finds its call site by reading its return
// address from the frame-pointer chain, so a record with its caller costs no stack
// unwinding (build with -tags purego to unwind with runtime.Callers instead). Bound
// fields are rendered once, at Bind, in each form the handlers write (JSON, {extra},
// {fields}), and message templates are compiled once they repeat. bench_test.go holds the allocation budgets; the benchmarks module
// (benchmarks/README.md) compares logru with slog, zap, zerolog, phuslu/log and logrus.
//
// # Concurrency
//
// Every Logger method is safe for concurrent use. Each handler receives one complete line
// per write, so lines from many goroutines never interleave, and Add and Remove never
// block logging; Configure and SetLevel take effect while other goroutines log.
package logru
