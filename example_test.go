package logru_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
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
	// connection reset
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

func ExampleDefault() {
	// The package-level functions log through Default(), which starts with one handler:
	// stderr at DEBUG in the default format. For the output check this example quiets
	// that handler and adds one on stdout, then puts things back.
	stderr := logru.Stats()[0].ID // 0, unless the default logger was configured again
	logru.SetLevel(stderr, "CRITICAL")
	id, _ := logru.Add(logru.Handler{Sink: os.Stdout, Format: "{level} {message} {extra}"})

	logru.Info("through the default logger", "port", 8000)
	// Bound fields are extra fields; only the call's own arguments fill the template.
	logru.Bind("user", "alice").Warning("{user} is not substituted, {n} is", "n", 1)

	logru.Remove(id)
	logru.SetLevel(stderr, "DEBUG")
	// Output:
	// INFO through the default logger port=8000
	// WARNING {user} is not substituted, 1 is user=alice n=1
}

func ExampleFields() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{message} | {extra}"})

	// Key/value pairs, a slog.Attr (one pair) and a Fields map (all its pairs, in key
	// order) can be mixed; all become extra fields, and a later key wins.
	l.Info("order {id} for {user}", "id", 7, slog.String("user", "alice"), logru.Fields{"total": 9.5, "id": 8})
	// A key without a value, or a key that is not a string, is kept under !BADKEY.
	l.Info("odd arguments", "lone")
	l.Info("odd arguments", 42, "x", "y")
	// Output:
	// order 8 for alice | id=8 user=alice total=9.5
	// odd arguments | !BADKEY=lone
	// odd arguments | !BADKEY=42 x=y
}

func ExampleLogger_Info_formatSpec() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{message}"})

	// {key:spec} uses Python's format-spec mini language.
	l.Info("[{s:<6}] [{s:>6}] [{s:*^7}] [{s:.2}]", "s", "abc")
	l.Info("{n:d} {n:+d} {n:08d} {n:,} {n:_} {n:x} {n:#X} {n:o} {n:b}", "n", 1234)
	l.Info("{f:.2f} {f:10.3f} {f:e} {f:.3g} {p:.1%}", "f", 3.14159, "p", 0.256)
	// A missing key stays as written, a spec that does not fit the value is ignored,
	// and {{ }} are literal braces.
	l.Info("{missing} {n:q} {{literal}}", "n", 5)
	// Output:
	// [abc   ] [   abc] [**abc**] [ab]
	// 1234 +1234 00001234 1,234 1_234 4d2 0X4D2 2322 10011010010
	// 3.14      3.142 3.141590e+00 3.14 25.6%
	// {missing} 5 {literal}
}

func ExampleHandler_filter() {
	l := logru.New()
	format := "{level} {message}"
	// Filter keeps the records of one package and the packages below it.
	l.Add(logru.Handler{Sink: os.Stdout, Format: "filter: " + format, Filter: "github.com/acme"})
	// FilterLevels sets a minimum level per package prefix; "" is the default.
	l.Add(logru.Handler{Sink: os.Stdout, Format: "levels: " + format, FilterLevels: map[string]string{
		"":                            "ERROR",
		"github.com/logru/logru_test": "INFO",
	}})
	// FilterFunc sees the whole record.
	l.Add(logru.Handler{Sink: os.Stdout, Format: "func: " + format, FilterFunc: func(r *logru.Record) bool {
		v, _ := r.Extra.Get("user")
		return v == "alice"
	}})

	l.Debug("below INFO for this package")
	l.Info("for alice", "user", "alice")
	// Output:
	// levels: INFO for alice
	// func: INFO for alice
}

func ExampleHandler_formatFunc() {
	l := logru.New()
	// FormatFunc builds the whole line itself: no newline or exception is added.
	l.Add(logru.Handler{Sink: os.Stdout, FormatFunc: func(r *logru.Record) string {
		return fmt.Sprintf("%s|%d|%s\n", r.Level.Name, r.Level.No, r.Message)
	}})
	l.Warning("disk {pct}% full", "pct", 93)
	// Output:
	// WARNING|30|disk 93% full
}

// upperSink is a custom Sink: it receives each formatted line with its record.
type upperSink struct{ lines []string }

func (s *upperSink) Write(m logru.Message) error {
	s.lines = append(s.lines, strings.ToUpper(string(m.Text)))
	return nil
}

func ExampleSink() {
	l := logru.New()
	s := &upperSink{}
	l.Add(logru.Handler{Sink: s, Format: "{level} {message}"})
	l.Info("to a custom sink")
	fmt.Printf("%q\n", s.lines)
	// Output:
	// ["INFO TO A CUSTOM SINK\n"]
}

func ExampleColorMode() {
	l := logru.New()
	show := func(m logru.Message) { fmt.Printf("%q\n", m.Text) }
	format := "<green>{level}</green> <level>{message}</level>"
	l.Add(logru.Handler{Sink: show, Format: format, Colorize: logru.ColorAlways})
	l.Add(logru.Handler{Sink: show, Format: format, Colorize: logru.ColorNever})
	// ColorAuto (the zero value) would colour only a terminal: see ColorAuto.
	l.Error("failed")
	// Output:
	// "\x1b[32mERROR\x1b[0m \x1b[31m\x1b[1mfailed\x1b[0m\n"
	// "ERROR failed\n"
}
