package benchmarks

import (
	"io"

	"github.com/sirupsen/logrus"
)

func logrusJSON(s scenario, w io.Writer) func() {
	l := logrus.New()
	l.SetOutput(w)
	l.SetLevel(logrus.InfoLevel)
	l.SetFormatter(&logrus.JSONFormatter{})
	if s == console || s == staticText || s == accumulatedText {
		l.SetFormatter(&logrus.TextFormatter{DisableColors: true, FullTimestamp: true, TimestampFormat: "2006-01-02 15:04:05.000"})
	}
	l.SetReportCaller(s == withCaller || s == console)
	switch s {
	case disabled:
		return func() { l.WithFields(logrus.Fields{"user": tUser, "tries": tTries, "ok": fBool}).Debug(staticMsg) }
	case static, staticText, withCaller, console:
		return func() { l.Info(staticMsg) }
	case tenFields:
		return func() { l.WithFields(logrusTen()).Info(staticMsg) }
	case accumulated, accumulatedText:
		e := l.WithFields(logrusTen())
		return func() { e.Info(staticMsg) }
	case template:
		return func() { l.Infof("user %s logged in from %s after %d tries", tUser, tIP, tTries) }
	}
	return nil
}

func logrusTen() logrus.Fields {
	return logrus.Fields{"int": fInt, "string": fString, "bool": fBool, "float": fFloat,
		"time": fTime, "strings": fStrings, "error": fErr, "dur": fDur,
		"stringer": fStringer, "int64": fInt64}
}
