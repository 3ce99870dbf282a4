package logru_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/logru/logru"
)

func ExampleConfigure() {
	// Configure replaces the default logger's handlers (its stderr handler too) and
	// levels; level names match in any case.
	err := logru.Configure(logru.Config{
		Handlers: []logru.Handler{{Sink: os.Stdout, Format: "{level} | {message}", Level: "info"}},
	})
	fmt.Println(err)
	logru.Debug("below the handler's level: not written")
	logru.Log("warning", "disk {pct}% full", "pct", 91)

	// Back to the default set-up for what follows: stderr at DEBUG.
	logru.Configure(logru.Config{Handlers: []logru.Handler{{Sink: "stderr"}}})
	// Output:
	// <nil>
	// WARNING | disk 91% full
}

func ExampleException() {
	// For the output check, the default logger's records go to a function only.
	logru.Configure(logru.Config{Handlers: []logru.Handler{{Sink: func(m logru.Message) {
		exc := m.Record.Exception
		fmt.Printf("%s %s:%s | %s\n", m.Record.Level, m.Record.Function, m.Record.Message, exc.Value)
	}}}})
	defer logru.Configure(logru.Config{Handlers: []logru.Handler{{Sink: "stderr"}}})

	err := fmt.Errorf("charge card: %w", errors.New("connection reset"))
	logru.Exception("order {id} failed", "id", 7, "err", err)
	// Output:
	// ERROR ExampleException:order 7 failed | charge card: connection reset
}
