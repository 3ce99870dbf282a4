package logru

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/logru/logru/format"
)

// Complete returns once every record logged before it was called is written and every
// buffered sink is flushed. Flush errors go to the handlers' OnError.
func (l *Logger) Complete() {
	c := l.core
	st := c.state.Load()
	for _, hd := range st.handlers {
		if err := hd.flush(); err != nil {
			c.report(hd, err)
		}
	}
}

// Close completes the logger, removes every handler and closes the sinks logru opened
// (files) and Sinks with a Close method; it returns their errors, joined. After Close the
// logger writes nothing and Add fails. Close is safe to call twice (the second call does
// nothing) and while other goroutines log. Children share the closed core.
func (l *Logger) Close() error {
	c := l.core
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	return c.detachAll()
}

var processInfo = sync.OnceValues(func() (int, string) {
	return os.Getpid(), filepath.Base(os.Args[0])
})

// formatOptions gives a handler's template the process it runs in and its exception
// settings.
func formatOptions(h Handler) *format.Options {
	pid, name := processInfo()
	return &format.Options{PID: pid, ProcessName: name,
		Exception: format.ExceptionOptions{Backtrace: h.Backtrace, Diagnose: h.Diagnose}}
}
