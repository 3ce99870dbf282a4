package logru

import (
	"context"
	"log/slog"
	"os"
	"sync"
)

var (
	defaultOnce   sync.Once
	defaultLogger *Logger
)

// Default returns the default logger, which the package-level functions use. It is
// created at first use with one handler: stderr, level DEBUG, the default format,
// colours when stderr is a terminal. It is the only package-level state in logru.
//
// At that first use, and only then, it reads the environment. LOGRU_LEVEL (a level name,
// in any case, or a number), LOGRU_FORMAT (a format template), LOGRU_COLORIZE (auto,
// always, never, or a boolean) and LOGRU_SERIALIZE (a boolean: 1, true, yes, on or 0,
// false, no, off) shape the stderr handler. LOGRU_CONFIG=path configures the logger from
// a file instead, as LoadConfig and Configure do. A bad value is reported once, in one
// line on stderr, and the default it would have replaced stays.
func Default() *Logger {
	defaultOnce.Do(func() { defaultLogger = newDefault(os.Getenv, os.Stderr) })
	return defaultLogger
}

// Trace logs at TRACE on the default logger; see [Logger.Trace].
func Trace(msg string, args ...any) {
	if d := Default(); d.enabled(LevelTrace) {
		d.logArgs(idxTrace, msg, args)
	}
}

// Debug logs at DEBUG on the default logger; see [Logger.Trace].
func Debug(msg string, args ...any) {
	if d := Default(); d.enabled(LevelDebug) {
		d.logArgs(idxDebug, msg, args)
	}
}

// Info logs at INFO on the default logger; see [Logger.Trace].
func Info(msg string, args ...any) {
	if d := Default(); d.enabled(LevelInfo) {
		d.logArgs(idxInfo, msg, args)
	}
}

// Success logs at SUCCESS on the default logger; see [Logger.Trace].
func Success(msg string, args ...any) {
	if d := Default(); d.enabled(LevelSuccess) {
		d.logArgs(idxSuccess, msg, args)
	}
}

// Warning logs at WARNING on the default logger; see [Logger.Trace].
func Warning(msg string, args ...any) {
	if d := Default(); d.enabled(LevelWarning) {
		d.logArgs(idxWarning, msg, args)
	}
}

// Error logs at ERROR on the default logger; see [Logger.Trace].
func Error(msg string, args ...any) {
	if d := Default(); d.enabled(LevelError) {
		d.logArgs(idxError, msg, args)
	}
}

// Critical logs at CRITICAL on the default logger; see [Logger.Trace].
func Critical(msg string, args ...any) {
	if d := Default(); d.enabled(LevelCritical) {
		d.logArgs(idxCritical, msg, args)
	}
}

// Exception logs at ERROR with an exception on the default logger; see
// [Logger.Exception]. The record's caller is the function that calls Exception.
func Exception(msg string, args ...any) {
	if d := Default(); d.enabled(LevelError) {
		d.logException(msg, args)
	}
}

// Configure replaces the default logger's configuration; see [Logger.Configure]. The
// stderr handler Default starts with is replaced too, unless cfg lists it again.
func Configure(cfg Config) error { return Default().Configure(cfg) }

// Catch recovers a panic for the default logger; see [Logger.Catch]. Defer it directly:
// defer logru.Catch().
func Catch(opts ...CatchOptions) {
	v := recover() // recover works only when called by the deferred function itself
	if v == nil {
		return
	}
	o := firstOptions(opts)
	Default().handlePanic(v, o, 0, deferrer(callerPC()))
}

// Run calls f under Catch on the default logger; see [Logger.Run].
func Run(f func() error, opts ...CatchOptions) error { return Default().Run(f, opts...) }

// Go runs f in a goroutine under Catch on the default logger; see [Logger.Go].
func Go(f func() error, opts ...CatchOptions) <-chan error { return Default().Go(f, opts...) }

// Log logs at a named level on the default logger; see [Logger.Log].
func Log(level string, msg string, args ...any) { Default().logNamed(level, msg, args) }

// LogAttrs logs typed attributes on the default logger; see [Logger.LogAttrs].
func LogAttrs(level int, msg string, attrs ...slog.Attr) {
	if d := Default(); d.enabled(level) {
		d.logAttrs(level, msg, attrs)
	}
}

// Enabled reports whether the default logger would take a record at level.
func Enabled(level int) bool { return Default().enabled(level) }

// Bind returns a child of the default logger with fields; see [Logger.Bind].
func Bind(args ...any) *Logger { return Default().Bind(args...) }

// Patch returns a child of the default logger with a patcher; see [Logger.Patch].
func Patch(f func(*Record)) *Logger { return Default().Patch(f) }

// Ctx returns a child of the default logger carrying ctx; see [Logger.Ctx].
func Ctx(ctx context.Context) *Logger { return Default().Ctx(ctx) }

// Opt returns a child of the default logger with options; see [Logger.Opt].
func Opt(o Options) *Logger { return Default().Opt(o) }

// Add adds a handler to the default logger; see [Logger.Add].
func Add(h Handler) (int, error) { return Default().Add(h) }

// Remove removes a handler from the default logger; see [Logger.Remove].
func Remove(id int) error { return Default().Remove(id) }

// RemoveAll removes every handler of the default logger, its stderr handler included.
func RemoveAll() error { return Default().RemoveAll() }

// SetLevel changes a handler's level on the default logger; see [Logger.SetLevel].
func SetLevel(id int, level string) error { return Default().SetLevel(id, level) }

// Stats returns the default logger's handler counters; see [Logger.Stats].
func Stats() []HandlerStats { return Default().Stats() }

// AddLevel registers a level on the default logger; see [Logger.AddLevel].
func AddLevel(lv Level) (Level, error) { return Default().AddLevel(lv) }

// GetLevel looks a level up on the default logger; see [Logger.GetLevel].
func GetLevel(name string) (Level, bool) { return Default().GetLevel(name) }

// Enable turns a package path back on in the default logger; see [Logger.Enable].
func Enable(pkg string) { Default().Enable(pkg) }

// Disable silences a package path in the default logger; see [Logger.Disable].
func Disable(pkg string) { Default().Disable(pkg) }

// Complete flushes the default logger's handlers; see [Logger.Complete].
func Complete() { Default().Complete() }

// Close closes the default logger; see [Logger.Close]. Call it with defer in main.
func Close() error { return Default().Close() }
