// Command quickstart is a tour of logru: message templates, bound fields shown after the
// message, a custom level, colours on a terminal and a plain file sink.
//
//	go run ./examples/quickstart
package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/logru/logru"
)

func main() {
	// The default logger writes to stderr, coloured when stderr is a terminal. Close
	// flushes and closes every handler when main returns.
	defer logru.Close()

	// Message templates: {key} takes the value of the argument named key; a spec after a
	// colon formats it the way Python's str.format does.
	logru.Info("Server started on {host}:{port}", "host", "0.0.0.0", "port", 8000)
	logru.Debug("cache warmed in {ms:.1f} ms", "ms", 12.345)
	logru.Success("{n:,} records imported", "n", 1234567)

	// Bind returns a child logger whose records carry fields; the parent is unchanged.
	req := logru.Bind("request_id", "abc-123", "user", "alice")
	req.Info("checking credentials")
	req.Warning("password expires in {days} days", "days", 3)

	// The default format shows, dimmed after the message, every field the message did not
	// use: bound ones, contextual ones and the call's own. A slog.Group is flattened.
	req.Info("charged {amount:.2f} EUR", "amount", 42.5, "order", "A-17")
	logru.Info("request served", slog.Group("req", slog.String("method", "GET"), slog.String("path", "/cart"), slog.Int("status", 200)))

	// A custom level, with its own colour and icon.
	if _, err := logru.AddLevel(logru.Level{Name: "AUDIT", No: 35, Color: "<magenta><bold>", Icon: "🔎"}); err != nil {
		logru.Error("cannot add the level: {err}", "err", err)
	}
	logru.Log("AUDIT", "user {user} changed their password", "user", "alice")

	// Markup in the message itself, when asked for; values are never parsed.
	logru.Opt(logru.Options{Colors: true}).Info("<green>green</green>, <yellow>yellow</yellow> and {v}", "v", "<red>not red</red>")

	// Errors and values that could forge lines are shown safely.
	logru.Opt(logru.Options{Exception: fmt.Errorf("charge card: %w", errors.New("connection reset"))}).
		Error("order {id} failed", "id", 7)
	logru.Warning("user input: {input}", "input", "bob\nINFO admin logged in")

	// A plain file sink: appended to, created 0600 with its directories.
	path := filepath.Join(os.TempDir(), "logru-quickstart", "app.log")
	id, err := logru.Add(logru.Handler{Sink: path, Level: "INFO", Format: "{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {message} | {extra}"})
	if err != nil {
		logru.Critical("cannot open the log file: {err}", "err", err)
		return
	}
	req.Info("this line also goes to {path}", "path", path)
	logru.LogAttrs(logru.LevelInfo, "done in {elapsed}", slogDuration("elapsed", 1500*time.Millisecond))
	if err := logru.Remove(id); err != nil {
		logru.Error("closing the file: {err}", "err", err)
	}

	data, err := os.ReadFile(path)
	if err != nil {
		logru.Error("reading back {path}: {err}", "path", path, "err", err)
		return
	}
	fmt.Fprintf(os.Stderr, "\n%s now ends with:\n%s", path, lastLines(data, 2))
}
