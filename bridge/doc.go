// Package bridge connects logru with the standard library's loggers, both ways, so
// that a program and its libraries log through one logger whichever API they use.
//
// # log/slog into logru
//
// [NewSlogHandler] returns a slog.Handler that logs into a *logru.Logger. Make it the
// default and every slog call, and every library that logs through slog, ends up in
// logru's handlers:
//
//	l := logru.New()
//	l.Add(logru.Handler{Sink: os.Stderr})
//	slog.SetDefault(slog.New(bridge.NewSlogHandler(l)))
//	slog.Info("user logged in", "user", "ann", slog.Group("req", "id", 7))
//
// The record keeps slog's caller (so {name}, {function}, {line} and
// Logger.Disable see the code that called slog), its time, and the context given to
// slog (Record.Context, where an OpenTelemetry span lives). Attributes become extra
// fields and groups nested values, written as JSON objects by Serialize. The handler
// passes testing/slogtest.
//
// # Levels
//
// slog's levels are numbers around 0, logru's around 20. [logru.LevelFromSlog] and
// [logru.SlogLevel] map one onto the other through these anchors, linearly between
// them (logru = 20 + 2.5×slog from slog -4 up):
//
//	slog   -8     -4     0     2        4        8      12
//	logru  TRACE  DEBUG  INFO  SUCCESS  WARNING  ERROR  CRITICAL
//
// A level between two anchors, such as slog 1 (logru 22), is logged as "Level 22"
// unless a level with that number was added (AUDIT 35 is slog 6).
//
// # The standard log package into logru
//
// [StdLog] sends the log package's output into a logger at one level, with the caller
// of log.Print… as the record's caller and without log's own flags and prefix; it
// returns a function that puts the log package back as it was. [NewStdLogger] makes a
// *log.Logger for libraries that take one, such as http.Server's ErrorLog:
//
//	restore, err := bridge.StdLog(l, "INFO")
//	defer restore()
//	log.Print("from a library")
//
// Messages that arrive through either bridge are data: they are never read as
// templates or markup, and their newlines and escape codes are escaped, so they cannot
// forge a line.
//
// # logru into any slog.Handler
//
// The other way needs no bridge: a logru Handler's Sink may be any slog.Handler, and
// receives each record as a slog.Record with its message, mapped level, time, caller
// PC, extra fields as attributes, exception as an "error" attribute, and the record's
// context, so an OpenTelemetry otelslog handler gets trace correlation:
//
//	l.Add(logru.Handler{Sink: otelslog.NewHandler("shop")})
//	l.Ctx(ctx).Info("order {id} paid", "id", 7)
//
// # Loops and deadlocks
//
// slog.SetDefault with this package's handler and StdLog on the same logger work
// together, in either order: each message arrives once. A handler that would send
// records back into the logger they came from (this package's handler or standard-log
// writer for that logger, or slog's default handler while package log writes into it)
// is refused by Logger.Add with a *logru.ConfigError; both bridges are
// [logru.Forwarder]s for that purpose. A loop Add cannot see, made by routing package
// log into the logger after such a handler was added, drops the record that comes back
// and reports it to the handler's OnError, instead of deadlocking on log's lock.
//
// # Concurrency
//
// Every type and function here is safe for concurrent use, except that StdLog and the
// function it returns change the log package's global output, flags and prefix, and
// should be called from one place, such as main.
package bridge
