package benchmarks

import (
	"io"

	plog "github.com/phuslu/log"
)

func phusluJSON(s scenario, w io.Writer) func() {
	l := plog.Logger{Level: plog.InfoLevel, Writer: plog.IOWriter{Writer: w}}
	if s == withCaller || s == console {
		l.Caller = 1
	}
	if s == console {
		l.Writer = &plog.ConsoleWriter{Writer: w, ColorOutput: false}
		l.TimeFormat = "2006-01-02 15:04:05.000"
	}
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
		l.Context = plog.NewContext(nil).Int("int", fInt).Str("string", fString).Bool("bool", fBool).
			Float64("float", fFloat).Time("time", fTime).Strs("strings", fStrings).Err(fErr).
			Dur("dur", fDur).Stringer("stringer", fStringer).Int64("int64", fInt64).Value()
		return func() { l.Info().Msg(staticMsg) }
	case template:
		return func() { l.Info().Msgf("user %s logged in from %s after %d tries", tUser, tIP, tTries) }
	}
	return nil
}
