package logru_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/logru/logru"
)

// The examples write to os.Stdout with formats that leave out the time and colours, so
// their output can be checked.

func Example() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level: <8} | {message}"})

	l.Info("Server started on {host}:{port}", "host", "0.0.0.0", "port", 8000)
	l.Warning("disk {pct:.1%} full", "pct", 0.934)
	// Output:
	// INFO     | Server started on 0.0.0.0:8000
	// WARNING  | disk 93.4% full
}

func ExampleNew() {
	l := logru.New() // no handlers: nothing is written until Add
	l.Info("lost")
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{message}"})
	l.Info("written")
	// Output:
	// written
}

func ExampleLogger_Add() {
	l := logru.New()
	id, err := l.Add(logru.Handler{Sink: os.Stdout, Level: "WARNING", Format: "{level} {message} {extra}"})
	if err != nil {
		panic(err)
	}
	l.Info("too quiet")
	l.Error("payment failed", "order", 1234, "amount", 99.5)

	_, err = l.Add(logru.Handler{Sink: os.Stdout, Level: "LOUD"})
	fmt.Println(err)
	fmt.Println(l.Remove(id), l.Remove(id))
	// Output:
	// ERROR payment failed order=1234 amount=99.5
	// logru: Handler.Level "LOUD": level does not exist
	// <nil> logru: Remove: no handler with id 0
}

func ExampleLogger_Add_serialize() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Serialize: true})
	// A patcher pins the time and the caller so that the output is stable.
	l = l.Patch(func(r *logru.Record) {
		r.Time = time.Date(2026, 3, 26, 14, 30, 0, 123456000, time.UTC)
		r.Function, r.File, r.Line = "main", "main.go", 42
	})
	l.Info("user {user} logged in", "user", "alice", "tries", 3)
	// Output:
	// {"time":"2026-03-26T14:30:00.123456+00:00","level":"INFO","level_no":20,"message":"user alice logged in","name":"github.com/logru/logru_test","function":"main","file":"main.go","line":42,"extra":{"user":"alice","tries":3},"exception":null}
}

func ExampleLogger_Bind() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{message} | {extra}"})

	req := l.Bind("request_id", "abc-123", "user", "alice")
	req.Info("checking credentials")
	req.Info("override", "user", "bob")
	l.Info("the parent is unchanged")
	// Output:
	// checking credentials | request_id=abc-123 user=alice
	// override | request_id=abc-123 user=bob
	// the parent is unchanged |
}

func ExampleLogger_Patch() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{message} {extra[app]}"})
	p := l.Patch(func(r *logru.Record) { r.Extra.Set("app", "svc") })
	p.Info("patched")
	// Output:
	// patched svc
}

func ExampleContextualize() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{message} {extra}"})

	ctx := logru.Contextualize(context.Background(), "trace_id", "xyz")
	l.Ctx(ctx).Info("picked up from the context")
	// Output:
	// picked up from the context trace_id=xyz
}

func ExampleLogger_Opt() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level} {message}", Level: "INFO"})

	expensive := func() any { fmt.Println("(computed)"); return 42 }
	lazy := l.Opt(logru.Options{Lazy: true})
	lazy.Debug("stats {s}", "s", expensive) // below INFO: never computed
	lazy.Info("stats {s}", "s", expensive)

	l.Opt(logru.Options{Raw: true}).Info("written exactly as is\n")
	l.Opt(logru.Options{Exception: errors.New("connection reset")}).Error("order {id} failed", "id", 7)
	// Output:
	// (computed)
	// INFO stats 42
	// written exactly as is
	// ERROR order 7 failed
	// *errors.errorString: connection reset
}

func ExampleLogger_Opt_colors() {
	l := logru.New()
	show := func(m logru.Message) { fmt.Printf("%q\n", m.Text) }
	l.Add(logru.Handler{Sink: show, Format: "{message}", Colorize: logru.ColorAlways})
	l.Opt(logru.Options{Colors: true}).Info("<red>markup</red> in the message, not in {v}", "v", "<b>values</b>")
	// Output:
	// "\x1b[31mmarkup\x1b[0m in the message, not in <b>values</b>\n"
}

func ExampleLogger_AddLevel() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level.icon} {level} ({level.no}) {message}"})

	if _, err := l.AddLevel(logru.Level{Name: "AUDIT", No: 35, Color: "<cyan>", Icon: "@"}); err != nil {
		panic(err)
	}
	l.Log("AUDIT", "user {user} changed password", "user", "alice")
	lv, _ := l.GetLevel("AUDIT")
	fmt.Println(lv.Name, lv.No, lv.Color)

	_, err := l.AddLevel(logru.Level{Name: "DEBUG", No: 100})
	fmt.Println(err)
	// Output:
	// @ AUDIT (35) user alice changed password
	// AUDIT 35 <cyan>
	// logru: AddLevel "DEBUG": level exists with another number (10, not 100)
}

func ExampleLogger_Log_unknownLevel() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, OnError: func(err error) { fmt.Println("OnError:", err) }})
	l.Log("AUDTI", "typo in the level name")
	// Output:
	// OnError: Log: level "AUDTI" does not exist; record not logged: "typo in the level name"
}

func ExampleLogger_LogAttrs() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level} {message} {extra}"})
	l.LogAttrs(logru.LevelInfo, "user {user} logged in", slog.String("user", "alice"), slog.Int("tries", 3))
	if l.Enabled(logru.LevelTrace) {
		fmt.Println("not printed: the handler's level is DEBUG")
	}
	// Output:
	// INFO user alice logged in user=alice tries=3
}

func ExampleLogger_Disable() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{message}"})

	l.Disable("github.com/logru") // this example's package lies below it
	l.Info("silenced")
	l.Enable("github.com/logru/logru_test")
	l.Info("enabled again: the longer prefix wins")
	// Output:
	// enabled again: the longer prefix wins
}

func ExampleLogger_Stats() {
	l := logru.New()
	l.Add(logru.Handler{Sink: "stdout", Format: "{message}"})
	l.Info("one")
	l.Debug("two")
	for _, s := range l.Stats() {
		fmt.Printf("handler %d (%s, %s): %d records\n", s.ID, s.Sink, s.Level, s.Records)
	}
	// Output:
	// one
	// two
	// handler 0 (stdout, DEBUG): 2 records
}

func ExampleMessage() {
	l := logru.New()
	l.Add(logru.Handler{
		Format: "{level} {message}",
		Sink: func(m logru.Message) {
			fmt.Printf("%q from line >0: %v\n", m.Text, m.Record.Line > 0)
		},
	})
	l.Success("deployed")
	// Output:
	// "SUCCESS deployed\n" from line >0: true
}

func ExampleLogger_SetLevel() {
	l := logru.New()
	id, _ := l.Add(logru.Handler{Sink: os.Stdout, Format: "{level} {message}", Level: "WARNING"})
	l.Info("hidden")
	l.SetLevel(id, "INFO") // safe while other goroutines log
	l.Info("shown")
	// Output:
	// INFO shown
}

func ExampleLogger_Opt_depth() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{function}: {message}"})
	logVia := func(msg string) { l.Opt(logru.Options{Depth: 1}).Info(msg) }
	logVia("reported at my caller's line")
	// Output:
	// ExampleLogger_Opt_depth: reported at my caller's line
}

func ExampleLogger_Close() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{message}"})
	l.Info("before")
	fmt.Println(l.Close(), l.Close()) // safe to call twice
	l.Info("after Close: dropped")
	// Output:
	// before
	// <nil> <nil>
}
