package logru

import (
	"os"
	"os/signal"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
)

// FlushOnSignal closes l, so that every buffered record reaches its sink, when the
// process receives one of sigs (by default os.Interrupt and SIGTERM), then raises the
// signal again with logru's interest in it withdrawn, so that it does what it would have
// done without logru (by default: end the process). Go's default handling of SIGINT and
// SIGTERM exits without running deferred calls, so a deferred Close alone does not flush
// on Ctrl-C; this is the opt-in remedy.
//
// A signal the process ignores (signal.Ignored: for instance SIGINT for a program
// started in the background by a shell, or after signal.Ignore) is left alone, so that
// it stays ignored. While Close runs, a second signal takes its default course at once:
// a sink stalled for good cannot keep the process from ending.
//
// It returns a function that withdraws the handling; Close withdraws it too. If other
// code also listens for the signal (signal.Notify), that code decides what happens
// after logru has flushed.
func (l *Logger) FlushOnSignal(sigs ...os.Signal) (stop func()) {
	if len(sigs) == 0 {
		sigs = []os.Signal{os.Interrupt, syscall.SIGTERM}
	}
	sigs = slices.DeleteFunc(slices.Clone(sigs), signal.Ignored)
	if len(sigs) == 0 {
		return func() {}
	}
	c := l.core
	ch := make(chan os.Signal, 1)
	quit := make(chan struct{})
	done := make(chan struct{})
	var once sync.Once
	var firing atomic.Bool
	stop = func() {
		once.Do(func() {
			signal.Stop(ch)
			close(quit)
		})
		if !firing.Load() { // Close called from the signal goroutine must not wait for it
			<-done
		}
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		close(done)
		return func() {}
	}
	c.stops = append(c.stops, stop)
	c.mu.Unlock()

	signal.Notify(ch, sigs...)
	go func() {
		defer close(done)
		select {
		case sig := <-ch:
			firing.Store(true)
			signal.Stop(ch)
			if err := l.Close(); err != nil {
				c.reportAll(c.state.Load(), err) // the sinks' close errors have no caller here
			}
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				_ = p.Signal(sig)
			}
		case <-quit:
		}
	}()
	return stop
}

// FlushOnSignal closes the default logger when the process receives one of sigs; see
// [Logger.FlushOnSignal].
func FlushOnSignal(sigs ...os.Signal) (stop func()) { return Default().FlushOnSignal(sigs...) }
