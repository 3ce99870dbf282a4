package benchmarks

import (
	"io"
	"log/slog"

	"github.com/logru/logru"
)

func newLogru(w io.Writer, h logru.Handler) *logru.Logger {
	l := logru.New()
	h.Sink = w
	if h.Level == "" {
		h.Level = "INFO"
	}
	if _, err := l.Add(h); err != nil {
		panic(err)
	}
	return l
}

func logruHandler(s scenario) logru.Handler {
	switch s {
	case staticText:
		return logru.Handler{Format: "{time} {level} {message}", Colorize: logru.ColorNever}
	case console:
		return logru.Handler{Colorize: logru.ColorNever} // the default format: loguru's look
	case accumulatedText:
		return logru.Handler{Format: "{time} {level} {message} {extra}", Colorize: logru.ColorNever}
	default:
		return logru.Handler{Serialize: true} // logru's JSON always carries the caller
	}
}

// logruAttrs drives logru through LogAttrs, as peers are driven through typed APIs.
func logruAttrs(s scenario, w io.Writer) func() {
	l := newLogru(w, logruHandler(s))
	switch s {
	case disabled:
		return func() {
			l.LogAttrs(logru.LevelDebug, staticMsg, slog.String("user", tUser), slog.Int("tries", tTries), slog.Bool("ok", fBool))
		}
	case static, staticText, withCaller, console:
		return func() { l.LogAttrs(logru.LevelInfo, staticMsg) }
	case tenFields:
		return func() {
			l.LogAttrs(logru.LevelInfo, staticMsg,
				slog.Int("int", fInt), slog.String("string", fString), slog.Bool("bool", fBool),
				slog.Float64("float", fFloat), slog.Time("time", fTime), slog.Any("strings", fStrings),
				slog.Any("error", fErr), slog.Duration("dur", fDur), slog.Any("stringer", fStringer),
				slog.Int64("int64", fInt64))
		}
	case accumulated, accumulatedText:
		l = l.Bind(tenBound()...)
		return func() { l.LogAttrs(logru.LevelInfo, staticMsg) }
	case template:
		return func() {
			l.LogAttrs(logru.LevelInfo, "user {user} logged in from {ip} after {tries} tries",
				slog.String("user", tUser), slog.String("ip", tIP), slog.Int("tries", tTries))
		}
	}
	return nil
}

// logruAny drives logru through its ...any pairs, the loguru-like way.
func logruAny(s scenario, w io.Writer) func() {
	l := newLogru(w, logruHandler(s))
	switch s {
	case disabled:
		return func() { l.Debug(staticMsg, "user", tUser, "tries", tTries, "ok", fBool) }
	case static, staticText, withCaller, console:
		return func() { l.Info(staticMsg) }
	case tenFields:
		return func() {
			l.Info(staticMsg, "int", fInt, "string", fString, "bool", fBool, "float", fFloat,
				"time", fTime, "strings", fStrings, "error", fErr, "dur", fDur,
				"stringer", fStringer, "int64", fInt64)
		}
	case accumulated, accumulatedText:
		l = l.Bind(tenBound()...)
		return func() { l.Info(staticMsg) }
	case template:
		return func() {
			l.Info("user {user} logged in from {ip} after {tries} tries", "user", tUser, "ip", tIP, "tries", tTries)
		}
	}
	return nil
}

func tenBound() []any {
	return []any{"int", fInt, "string", fString, "bool", fBool, "float", fFloat,
		"time", fTime, "strings", fStrings, "error", fErr, "dur", fDur,
		"stringer", fStringer, "int64", fInt64}
}
