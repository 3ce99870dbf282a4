package benchmarks

import (
	"io"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

func zapJSON(s scenario, w io.Writer) func() {
	enc := zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig())
	return zapOps(s, enc, w)
}

func zapConsole(s scenario, w io.Writer) func() {
	if s != console && s != staticText && s != accumulatedText {
		return nil
	}
	cfg := zap.NewDevelopmentEncoderConfig()
	cfg.EncodeTime = zapcore.TimeEncoderOfLayout("2006-01-02 15:04:05.000")
	cfg.ConsoleSeparator = " | "
	return zapOps(s, zapcore.NewConsoleEncoder(cfg), w)
}

func zapOps(s scenario, enc zapcore.Encoder, w io.Writer) func() {
	core := zapcore.NewCore(enc, zapcore.AddSync(w), zapcore.InfoLevel)
	var opts []zap.Option
	if s == withCaller || s == console {
		opts = append(opts, zap.AddCaller())
	}
	l := zap.New(core, opts...)
	switch s {
	case disabled:
		return func() { l.Debug(staticMsg, zap.String("user", tUser), zap.Int("tries", tTries), zap.Bool("ok", fBool)) }
	case static, staticText, withCaller, console:
		return func() { l.Info(staticMsg) }
	case tenFields:
		return func() { l.Info(staticMsg, zapTen()...) }
	case accumulated, accumulatedText:
		l = l.With(zapTen()...)
		return func() { l.Info(staticMsg) }
	case template:
		sugar := l.Sugar()
		return func() { sugar.Infof("user %s logged in from %s after %d tries", tUser, tIP, tTries) }
	}
	return nil
}

func zapTen() []zap.Field {
	return []zap.Field{zap.Int("int", fInt), zap.String("string", fString), zap.Bool("bool", fBool),
		zap.Float64("float", fFloat), zap.Time("time", fTime), zap.Strings("strings", fStrings),
		zap.Error(fErr), zap.Duration("dur", fDur), zap.Stringer("stringer", fStringer),
		zap.Int64("int64", fInt64)}
}
