// Command slog routes log/slog and the standard log package into one logru logger, and
// one logru handler into a slog.Handler (slog's JSON handler here; otelslog in
// examples/otel).
//
//	go run ./examples/slog
package main

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"os"

	"github.com/logru/logru"
	"github.com/logru/logru/bridge"
)

func main() {
	l := logru.New()
	defer l.Close()
	l.Add(logru.Handler{Sink: os.Stdout, Level: "DEBUG",
		Format: "{time:HH:mm:ss.SSS} | {level: <8} | {name}:{function}:{line} - {message} {extra}"})

	// slog → logru: every slog call, and every library logging through slog, now goes
	// to l's handlers, with slog's caller, level and attributes.
	slog.SetDefault(slog.New(bridge.NewSlogHandler(l)))
	slog.Info("server started", "port", 8080)
	slog.Debug("cache warmed", "entries", 1200)
	req := slog.With("request_id", "abc-123").WithGroup("req")
	req.Warn("slow request", "method", "GET", "path", "/api/users", "ms", 812)
	slog.Log(context.Background(), slog.Level(2), "slog level 2 is SUCCESS")

	// log → logru: the standard log package too, at INFO, with log's caller.
	restore, err := bridge.StdLog(l, "INFO")
	if err != nil {
		panic(err)
	}
	defer restore()
	log.Printf("from the log package: %d items", 3)
	log.Print("a log line is data: newline\nCRITICAL forged")

	// logru → slog: a handler whose sink is any slog.Handler receives records as
	// slog.Records (here slog's JSON handler, on stderr).
	json := slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{AddSource: true})
	if _, err := l.Add(logru.Handler{Sink: json, Level: "WARNING"}); err != nil {
		panic(err)
	}
	l.Bind("user", "ann").Opt(logru.Options{Exception: errors.New("card declined")}).Error("payment {id} failed", "id", 7)

	// A handler that would send records back into l is refused.
	_, err = l.Add(logru.Handler{Sink: slog.Default().Handler()})
	l.Info("adding the bridge as its own sink: {err}", "err", err)
}
