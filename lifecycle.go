package logru

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/logru/logru/internal/render"
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
		c.announceDrops(hd)
	}
	c.flushNotes(st)
}

// flushNotes tells the notes the rate limits held back (see rateLimiter), on stderr.
func (c *loggerCore) flushNotes(st *coreState) {
	for _, hd := range st.handlers {
		flushNotes(c.errOut, &hd.notes, "handler "+strconv.Itoa(hd.id)+" ("+hd.sinkName+")")
	}
	flushNotes(c.errOut, &c.notes, "logger")
}

// Close completes the logger, closes the sinks logru opened (files, after their
// compression and retention work is done) and Sinks with a Close method, stops every
// goroutine logru started for it (FlushOnSignal included), and returns the sinks'
// errors, joined. After Close the logger writes nothing: a record logged later is
// dropped and counted in Stats().Dropped, and Add fails. Close is safe to call twice (the
// second call does nothing) and while other goroutines log. Children share the closed
// core. Called from inside a sink's write (a sink that closes its logger on a critical
// record), Close marks the logger closed and returns nil at once: the record being
// written still goes to every handler, and the handlers are closed once it has, before
// that log call returns; their close errors go to their OnError (or stderr). Remove,
// RemoveAll and Configure called from inside a sink likewise let the record reach every
// handler first.
func (l *Logger) Close() error {
	c := l.core
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	st := c.state.Load()
	stops := c.stops
	c.stops = nil
	c.mu.Unlock()
	for _, stop := range stops {
		stop()
	}
	// The handlers stay listed, so that Stats goes on counting what is dropped after
	// Close; each is closed once and drops what reaches it from then on.
	var errs []error
	for _, hd := range st.handlers {
		errs = append(errs, hd.close())
		c.announceDrops(hd)
	}
	c.flushNotes(st)
	return errors.Join(errs...)
}

var processInfo = sync.OnceValues(func() (int, string) {
	return os.Getpid(), filepath.Base(os.Args[0])
})

// formatOptions gives a handler's template the process it runs in and its exception
// settings.
func formatOptions(h Handler) *render.Options {
	pid, name := processInfo()
	return &render.Options{PID: pid, ProcessName: name,
		Exception: render.ExceptionOptions{Backtrace: h.Backtrace, Diagnose: h.Diagnose}}
}
