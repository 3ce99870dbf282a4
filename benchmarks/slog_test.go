package benchmarks

import (
	"context"
	"fmt"
	"io"
	"log/slog"
)

func slogJSON(s scenario, w io.Writer) func() {
	return slogOps(s, func(o *slog.HandlerOptions) slog.Handler { return slog.NewJSONHandler(w, o) })
}

func slogText(s scenario, w io.Writer) func() {
	return slogOps(s, func(o *slog.HandlerOptions) slog.Handler { return slog.NewTextHandler(w, o) })
}

func slogOps(s scenario, h func(*slog.HandlerOptions) slog.Handler) func() {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo, AddSource: s == withCaller || s == console}
	l := slog.New(h(opts))
	ctx := context.Background()
	switch s {
	case disabled:
		return func() {
			l.LogAttrs(ctx, slog.LevelDebug, staticMsg, slog.String("user", tUser), slog.Int("tries", tTries), slog.Bool("ok", fBool))
		}
	case static, staticText, withCaller, console:
		return func() { l.LogAttrs(ctx, slog.LevelInfo, staticMsg) }
	case tenFields:
		return func() {
			l.LogAttrs(ctx, slog.LevelInfo, staticMsg,
				slog.Int("int", fInt), slog.String("string", fString), slog.Bool("bool", fBool),
				slog.Float64("float", fFloat), slog.Time("time", fTime), slog.Any("strings", fStrings),
				slog.Any("error", fErr), slog.Duration("dur", fDur), slog.Any("stringer", fStringer),
				slog.Int64("int64", fInt64))
		}
	case accumulated, accumulatedText:
		l = l.With(tenBound()...)
		return func() { l.LogAttrs(ctx, slog.LevelInfo, staticMsg) }
	case template:
		// slog has no message templates: the idiomatic message is formatted first.
		return func() {
			l.LogAttrs(ctx, slog.LevelInfo, fmt.Sprintf("user %s logged in from %s after %d tries", tUser, tIP, tTries))
		}
	}
	return nil
}
