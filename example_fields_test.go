package logru_test

import (
	"log/slog"
	"os"

	"github.com/logru/logru"
)

// {fields} shows the fields the message did not use, bound or given with the call;
// the default format ends with it. A line without such fields ends at the message.
func Example_fields() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Colorize: logru.ColorNever, Format: "{level: <8} | {message}<dim>{fields}</dim>"})
	req := l.Bind("request_id", "abc-123")
	req.Info("charged {amount:.2f} EUR", "amount", 42.5, "order", "A-17")
	l.Info("request served", slog.Group("req", slog.String("method", "GET"), slog.Int("status", 200)))
	l.Warning("login by {user}", "user", "bob smith")
	// Output:
	// INFO     | charged 42.50 EUR request_id=abc-123 order=A-17
	// INFO     | request served req.method=GET req.status=200
	// WARNING  | login by bob smith
}
