package benchmarks

import (
	"io"

	"github.com/rs/zerolog"
)

func zerologJSON(s scenario, w io.Writer) func() {
	var out io.Writer = w
	if s == console {
		out = zerolog.ConsoleWriter{Out: w, NoColor: true, TimeFormat: "2006-01-02 15:04:05.000"}
	}
	ctx := zerolog.New(out).Level(zerolog.InfoLevel).With().Timestamp()
	if s == withCaller || s == console {
		ctx = ctx.Caller()
	}
	l := ctx.Logger()
	switch s {
	case disabled:
		return func() { l.Debug().Str("user", tUser).Int("tries", tTries).Bool("ok", fBool).Msg(staticMsg) }
	case static, staticText, withCaller, console:
		return func() { l.Info().Msg(staticMsg) }
	case tenFields:
		return func() {
			l.Info().Int("int", fInt).Str("string", fString).Bool("bool", fBool).Float64("float", fFloat).
				Time("time", fTime).Strs("strings", fStrings).Err(fErr).Dur("dur", fDur).
				Stringer("stringer", fStringer).Int64("int64", fInt64).Msg(staticMsg)
		}
	case accumulated, accumulatedText: // no text encoder: JSON
		l = l.With().Int("int", fInt).Str("string", fString).Bool("bool", fBool).Float64("float", fFloat).
			Time("time", fTime).Strs("strings", fStrings).Err(fErr).Dur("dur", fDur).
			Stringer("stringer", fStringer).Int64("int64", fInt64).Logger()
		return func() { l.Info().Msg(staticMsg) }
	case template:
		return func() { l.Info().Msgf("user %s logged in from %s after %d tries", tUser, tIP, tTries) }
	}
	return nil
}
