package logru_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/logru/logru"
)

// show prints what a Catch record holds, leaving out the stack's file paths (they depend
// on the machine) and the goroutine id.
func show(m logru.Message) {
	r := m.Record
	msg, _, _ := strings.Cut(r.Message, ", goroutine")
	value, _ := strings.CutPrefix(r.Exception.Value, r.Exception.Type+": ") // "runtime error: …"
	fmt.Printf("%s %s | %s: %s\n", r.Level.Name, msg, r.Exception.Type, value)
}

// loadSettings guards its work: a panic in it, or in what it calls, is logged and
// loadSettings returns normally.
func loadSettings(l *logru.Logger) {
	defer l.Catch()
	var settings map[string]string
	//lint:ignore SA5000 the write to a nil map is the panic the example catches
	settings["mode"] = "fast" // a write to a nil map panics
}

func ExampleLogger_Catch() {
	l := logru.New()
	l.Add(logru.Handler{Sink: show})

	loadSettings(l)
	fmt.Println("still running")
	// Output:
	// ERROR An error has been caught in function 'loadSettings' | runtime error: assignment to entry in nil map
	// still running
}

func ExampleLogger_Catch_options() {
	l := logru.New()
	l.Add(logru.Handler{Sink: show})

	errShutdown := errors.New("shutting down")
	opts := logru.CatchOptions{
		Level:   "CRITICAL",
		Message: "worker crashed: {value}",
		OnPanic: func(v any) { fmt.Println("OnPanic got", v) },
		Exclude: []any{errShutdown}, // re-panicked, not logged
	}
	func() {
		defer l.Catch(opts)
		panic("out of cheese")
	}()
	func() {
		defer func() { fmt.Println("recovered by the caller:", recover()) }()
		func() {
			defer l.Catch(opts)
			panic(errShutdown)
		}()
	}()
	// Output:
	// CRITICAL worker crashed: out of cheese | panic: out of cheese
	// OnPanic got out of cheese
	// recovered by the caller: shutting down
}

func ExampleLogger_Run() {
	l := logru.New()
	l.Add(logru.Handler{Sink: show})

	err := l.Run(func() error {
		var p *struct{ n int }
		return fmt.Errorf("n=%d", p.n) // nil dereference
	})
	var pe *logru.PanicError
	fmt.Println(errors.As(err, &pe), err)
	// Output:
	// ERROR An error has been caught in function 'ExampleLogger_Run.func1' | runtime error: invalid memory address or nil pointer dereference
	// true panic: runtime error: invalid memory address or nil pointer dereference
}

func ExampleLogger_Go() {
	l := logru.New()
	l.Add(logru.Handler{Sink: show})

	done := l.Go(func() error { panic("in a goroutine") })
	fmt.Println(<-done)
	// Output:
	// ERROR An error has been caught in function 'ExampleLogger_Go.func1' | panic: in a goroutine
	// panic: in a goroutine
}

func ExampleLogger_Exception() {
	l := logru.New()
	l.Add(logru.Handler{Sink: func(m logru.Message) {
		fmt.Printf("%s | %s: %s\n", m.Record.Message, m.Record.Exception.Type, m.Record.Exception.Value)
	}})
	err := fmt.Errorf("charge card: %w", errors.New("connection reset"))
	l.Exception("order {id} failed", "id", 7, "err", err)
	// Output:
	// order 7 failed | error: charge card: connection reset
}

func ExampleCatchOptions_reraise() {
	l := logru.New()
	l.Add(logru.Handler{Sink: show})

	errFatal := errors.New("state corrupted")
	func() {
		defer func() {
			v := recover() // the original value: errors.Is and the type still work
			fmt.Println("recovered:", v, errors.Is(v.(error), errFatal))
		}()
		defer l.Catch(logru.CatchOptions{Reraise: true}) // logs, completes every handler, panics again
		panic(errFatal)
	}()
	// Output:
	// ERROR An error has been caught in function 'ExampleCatchOptions_reraise.func1' | panic: state corrupted
	// recovered: state corrupted true
}

// An error attached with Options.Exception is rendered by {exception}: its message
// (with its type when that is the program's own), then the errors it wraps, one per line, as a tree.
func ExampleOptions_exception() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level} {message}"}) // "\n{exception}" is appended

	err := fmt.Errorf("save order 7: %w", errors.Join(fs.ErrPermission, errors.New("disk full")))
	l.Opt(logru.Options{Exception: err}).Warning("order not saved")
	// Output:
	// WARNING order not saved
	// save order 7: permission denied\ndisk full
	//   caused by permission denied\ndisk full
	//     caused by permission denied
	//     caused by disk full
}
