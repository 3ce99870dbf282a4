package bridge_test

import (
	"log"
	"log/slog"
	"os"

	"github.com/logru/logru"
	"github.com/logru/logru/bridge"
)

func ExampleNewSlogHandler() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level: <8} | {function} | {message} | {extra}"})

	logger := slog.New(bridge.NewSlogHandler(l))
	logger.Info("user logged in", "user", "ann")
	logger.WithGroup("req").Warn("slow request", "ms", 812)
	// Output:
	// INFO     | ExampleNewSlogHandler | user logged in | user=ann
	// WARNING  | ExampleNewSlogHandler | slow request | req={ms=812}
}

func ExampleStdLog() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level: <8} | {function} | {message}"})

	restore, err := bridge.StdLog(l, "INFO")
	if err != nil {
		panic(err)
	}
	defer restore()
	log.Printf("from the log package, with a %s", "newline\nINFO forged")
	// Output:
	// INFO     | ExampleStdLog | from the log package, with a newline\nINFO forged
}

func ExampleNewStdLogger() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level: <8} | {message}"})

	errorLog, err := bridge.NewStdLogger(l, "ERROR") // e.g. http.Server{ErrorLog: errorLog}
	if err != nil {
		panic(err)
	}
	errorLog.Print("http: TLS handshake error")
	// Output:
	// ERROR    | http: TLS handshake error
}

func Example_slogSink() {
	// The other way: a handler's Sink may be any slog.Handler.
	l := logru.New()
	l.Add(logru.Handler{Sink: slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{} // no time, for a stable output
			}
			return a
		},
	})})
	l.Bind("user", "ann").Warning("quota at {pct}%", "pct", 91)
	l.Success("backup done")
	// Output:
	// level=WARN msg="quota at 91%" user=ann pct=91
	// level=INFO+2 msg="backup done"
}
