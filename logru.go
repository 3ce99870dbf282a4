package logru

import (
	"context"
	"log/slog"

	"github.com/logru/logru/core"
)

// Record is everything known about one log call. See [core.Record].
type Record = core.Record

// Extra is a record's ordered fields. See [core.Extra].
type Extra = core.Extra

// ExceptionInfo is an error or panic attached to a record (Record.Exception): its type,
// text, wrap chain and stack. See [core.Exception]; the name Exception is the logging
// function's ([Exception], [Logger.Exception]).
type ExceptionInfo = core.Exception

// Frame is one call in an exception's stack. See [core.Frame].
type Frame = core.Frame

// Fields is a set of fields given at once: as a log argument, it counts as all its pairs
// (in key order).
type Fields map[string]any

// BadKey is the key that keeps a value given without a valid key; a record's later
// such values are kept under "!BADKEY2", "!BADKEY3"…, so no key repeats. See
// [core.BadKey].
const BadKey = core.BadKey

// Logger writes records to its handlers. A Logger is immutable and safe for concurrent
// use: Bind, Patch, Opt and Ctx return children that share the parent's core (its
// handlers, levels and activation rules) and never change the parent.
//
// Loggers come from [New], [Default] or a parent's child methods: the zero Logger is not
// usable, and methods on a nil *Logger panic as on any nil pointer (the level gate is
// kept small enough to be inlined into the caller).
type Logger struct {
	core     *loggerCore
	bound    core.Extra      // fields added by Bind; never modified once set
	boundEnc *boundEncoding  // bound rendered once; shared by children with the same bound
	patchers []func(*Record) // never modified once set
	opts     Options
	ctx      context.Context
}

// New returns an independent logger with no handlers: it writes nothing until
// [Logger.Add] is called. Its levels are the seven built-in ones.
func New() *Logger {
	return &Logger{core: newCore()}
}

func (l *Logger) child() *Logger {
	c := *l
	return &c
}

// Bind returns a child whose records carry the given fields, key/value pairs as log
// arguments take them (a slog.Attr or a Fields counts as its pairs). A later key wins over
// the same key bound earlier; a log call's own arguments win over bound ones.
//
// Bind renders the values once, when bound, as slog.Logger.With does: every line shows
// them as they were then, in JSON, {extra}, {fields} and {extra[key]} alike (for a
// handler added after Bind, as they were at its first record), so a slice, map, pointer,
// error or Stringer changed later is not seen. A value that must be read at each record
// is bound as a slog.LogValuer, resolved for every record, or, on a logger with
// Options.Lazy, as a function of no arguments and one result, called for every record.
// Record.Extra holds the bound values themselves (LogValuers and lazy functions
// resolved), for filters, patchers and record sinks; a line that must be rendered from
// Record.Extra — a patcher is set, or a context or call field has a bound key — shows
// the values as they are then. Bind itself costs the rendering; the child's records
// cost a copy of the rendered bytes. A child's Bind extends its parent's bytes unless
// it binds a key again.
func (l *Logger) Bind(args ...any) *Logger {
	c := l.child()
	var attrs [16]slog.Attr
	added := bindArgs(attrs[:0], args)
	c.bound = l.bound.Clone()
	for _, a := range added {
		c.bound.SetAttr(a)
	}
	c.boundEnc = l.newBoundEncoding(&c.bound, len(added))
	return c
}

// Patch returns a child that runs f on each of its records, after the message is
// formatted and before any handler sees the record; patchers run in the order they were
// added. A patcher may change any field. Text it puts in Message, Name, Function or File
// is written as it is, not escaped as call arguments are: put untrusted text in an extra
// field (always escaped) instead. A panicking patcher is contained and reported through
// the handlers' OnError.
func (l *Logger) Patch(f func(*Record)) *Logger {
	c := l.child()
	if f != nil {
		c.patchers = append(l.patchers[:len(l.patchers):len(l.patchers)], f)
	}
	return c
}

// Ctx returns a child whose records carry the fields of ctx (see [Contextualize]) and
// ctx itself as Record.Context.
func (l *Logger) Ctx(ctx context.Context) *Logger {
	c := l.child()
	c.ctx = ctx
	return c
}

// enabled is the level gate: one atomic load. It is small enough to be inlined into
// every log method.
func (l *Logger) enabled(level int) bool {
	return int64(level) >= l.core.minLevel.Load()
}

// Enabled reports whether some handler would take a record at level (a level number, such
// as LevelDebug). Filters and activation rules are not consulted.
func (l *Logger) Enabled(level int) bool { return l.enabled(level) }

// Trace logs at TRACE (5). msg is a template: {key} and {key:spec} are replaced by the
// values of args, key/value pairs that also become the record's extra fields.
func (l *Logger) Trace(msg string, args ...any) {
	if l.enabled(LevelTrace) {
		l.logArgs(idxTrace, msg, args)
	}
}

// Debug logs at DEBUG (10); see [Logger.Trace] for msg and args.
func (l *Logger) Debug(msg string, args ...any) {
	if l.enabled(LevelDebug) {
		l.logArgs(idxDebug, msg, args)
	}
}

// Info logs at INFO (20); see [Logger.Trace] for msg and args.
func (l *Logger) Info(msg string, args ...any) {
	if l.enabled(LevelInfo) {
		l.logArgs(idxInfo, msg, args)
	}
}

// Success logs at SUCCESS (25); see [Logger.Trace] for msg and args.
func (l *Logger) Success(msg string, args ...any) {
	if l.enabled(LevelSuccess) {
		l.logArgs(idxSuccess, msg, args)
	}
}

// Warning logs at WARNING (30); see [Logger.Trace] for msg and args.
func (l *Logger) Warning(msg string, args ...any) {
	if l.enabled(LevelWarning) {
		l.logArgs(idxWarning, msg, args)
	}
}

// Error logs at ERROR (40); see [Logger.Trace] for msg and args.
func (l *Logger) Error(msg string, args ...any) {
	if l.enabled(LevelError) {
		l.logArgs(idxError, msg, args)
	}
}

// Critical logs at CRITICAL (50); see [Logger.Trace] for msg and args.
func (l *Logger) Critical(msg string, args ...any) {
	if l.enabled(LevelCritical) {
		l.logArgs(idxCritical, msg, args)
	}
}

// Exception logs at ERROR with an exception: the first error among args, given as a
// value or as a slog.Attr's (the args still become fields), else the Options.Exception
// of an Opt child, else the current goroutine's stack (from the caller outward, without
// the runtime's and logru's frames). msg and args are as for [Logger.Trace].
func (l *Logger) Exception(msg string, args ...any) {
	if l.enabled(LevelError) {
		l.logException(msg, args)
	}
}

// Log logs at the level registered under name (a built-in or one added with AddLevel),
// matched without regard to case ("warning" logs at WARNING; the record carries the
// registered name). An unknown name is not logged under a made-up name: the problem,
// with the message and the nearest level name when one is close, goes to every
// handler's OnError (or to stderr).
func (l *Logger) Log(level string, msg string, args ...any) {
	l.logNamed(level, msg, args)
}

// LogAttrs logs at a level number with typed attributes: the fast path for hot loops, as
// slog's LogAttrs is. level is a built-in constant (LevelInfo…) or a registered level's
// number; a number no level has is reported like an unknown name in Log.
func (l *Logger) LogAttrs(level int, msg string, attrs ...slog.Attr) {
	if l.enabled(level) {
		l.logAttrs(level, msg, attrs)
	}
}
