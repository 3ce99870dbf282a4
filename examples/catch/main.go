// Command catch shows logru's panic and error handling: defer l.Catch() in a function
// and in a goroutine, Run returning a caught panic as an error, Reraise, wrapped and
// joined errors, and the Backtrace and Diagnose renderings.
//
//	go run ./examples/catch
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/logru/logru"
)

type config struct{ workers map[string]int }

func (c *config) set(name string, n int) { c.workers[name] = n } // nil map: panics

func loadConfig(l *logru.Logger) {
	defer l.Catch() // logs the panic with its stack, then loadConfig returns normally
	var c config
	c.set("fetch", 4)
}

func main() {
	l := logru.New()
	defer l.Close()
	l.Add(logru.Handler{Sink: os.Stderr})

	loadConfig(l)
	l.Info("loadConfig returned; the program goes on")

	// A goroutine guarded by Go: its panic is logged and comes back as an error.
	err := <-l.Go(func() error {
		items := []string{"a", "b"}
		i := len(items) + 1
		return errors.New(items[i]) // index out of range
	})
	l.Warning("the worker ended with: {err}", "err", err)

	// Run returns the function's own error untouched.
	err = l.Run(func() error { return fmt.Errorf("open settings: %w", fs.ErrNotExist) })
	l.Opt(logru.Options{Exception: err}).Error("Run returned an error")

	// Errors wrapping errors render as a tree of causes.
	joined := fmt.Errorf("saving order 7: %w", errors.Join(fs.ErrPermission, errors.New("disk full")))
	l.Exception("could not save", "err", joined)

	// A second handler shows the whole goroutine stack and each cause's %+v.
	id, _ := l.Add(logru.Handler{Sink: os.Stdout, Level: "CRITICAL", Backtrace: true, Diagnose: true,
		Format: "<red>{level}</red> {message}"})
	func() {
		defer l.Catch(logru.CatchOptions{Level: "CRITICAL", Message: "caught {type}: {value}"})
		panic(fmt.Errorf("shutting down: %w", errors.New("signal received")))
	}()
	l.Remove(id)

	// Reraise: logged, every handler flushed, then the panic goes on (here to a recover).
	func() {
		defer func() { l.Info("recovered after Reraise: {v}", "v", recover()) }()
		defer l.Catch(logru.CatchOptions{Reraise: true})
		panic("fatal for this request")
	}()
}
