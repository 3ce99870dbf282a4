package logru_test

import (
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/sinks"
)

// An OnError that closes the logger, called on a goroutine Close would wait for, must
// not deadlock. Each case fails (times out) on code that waits for its own goroutine.

// The note of a failed flush comes from the file's flusher goroutine.
func TestCloseFromOnErrorOnFileFlusher(t *testing.T) {
	l := logru.New()
	var once sync.Once
	closed := make(chan error, 1)
	if _, err := l.Add(logru.Handler{Sink: "/dev/full", Buffering: 4096, Format: "{message}", OnError: func(error) {
		once.Do(func() { closed <- l.Close() })
	}}); err != nil {
		t.Fatal(err)
	}
	l.Info("held in the buffer; the flusher's write fails")
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("deadlock: Close from OnError on the file's flusher waits for that flusher")
	}
}

// The note that a syslog sink cannot connect comes from its link goroutine.
func TestCloseFromOnErrorOnLinkGoroutine(t *testing.T) {
	l := logru.New()
	s := sinks.Syslog(sinks.SyslogOptions{Network: "tcp", Addr: "127.0.0.1:1", WriteTimeout: 200 * time.Millisecond})
	var once sync.Once
	closed := make(chan error, 1)
	if _, err := l.Add(logru.Handler{Sink: s, Format: "{message}", OnError: func(error) {
		once.Do(func() { closed <- l.Close() })
	}}); err != nil {
		t.Fatal(err)
	}
	l.Info("x")
	select {
	case <-closed:
	case <-time.After(15 * time.Second):
		t.Fatal("deadlock: Close from OnError on the link goroutine waits for that goroutine")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("boom") }

// A queue's writer runs OnError while Remove, on another goroutine, waits for that
// writer to stop; the OnError's Close must not wait for Remove in turn.
func TestCloseFromOnErrorWhileRemoveWaits(t *testing.T) {
	l := logru.New()
	entered, release := make(chan struct{}), make(chan struct{})
	closed := make(chan error, 1)
	var once sync.Once
	id, err := l.Add(logru.Handler{Sink: failingWriter{}, Format: "{message}", Enqueue: true, OnError: func(error) {
		once.Do(func() {
			close(entered)
			<-release
			closed <- l.Close()
		})
	}})
	if err != nil {
		t.Fatal(err)
	}
	l.Info("x")
	<-entered
	removed := make(chan error, 1)
	go func() { removed <- l.Remove(id) }()
	// Remove counts its close before the handler leaves the state: once Stats no longer
	// lists it, Close would have to wait for Remove, which waits for the writer.
	for len(l.Stats()) > 0 {
		runtime.Gosched()
	}
	close(release)
	select {
	case <-removed:
	case <-time.After(10 * time.Second):
		t.Fatal("deadlock: Remove waits for the queue's writer, whose OnError's Close waits for Remove")
	}
	<-closed
}

// Configure takes a buffered file over from the old handler on the same path; the old
// File's flush of its buffer fails (/dev/full) and its note goes to OnError on the
// goroutine that runs Configure. An OnError that calls Remove (which takes the
// logger's lock) must not wait for the lock Configure holds.
func TestOnErrorCallingRemoveDuringConfigure(t *testing.T) {
	l := logru.New() // not closed on failure: Close would wait for the deadlock
	var once sync.Once
	removed := make(chan error, 1)
	onError := func(error) { once.Do(func() { removed <- l.Remove(1 << 30) }) }
	h := logru.Handler{Sink: "/dev/full", Buffering: 1 << 20, Format: "{message}", OnError: onError}
	if _, err := l.Add(h); err != nil {
		t.Fatal(err)
	}
	l.Info("held in the buffer; the hand-over's flush fails")
	done := make(chan error, 1)
	go func() { done <- l.Configure(logru.Config{Handlers: []logru.Handler{h}}) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Configure: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("deadlock: OnError called under Configure's lock calls Remove")
	}
	select {
	case err := <-removed:
		if err == nil {
			t.Error("Remove of an unknown id: nil error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the failed flush was never reported")
	}
	if err := l.Close(); err != nil {
		t.Errorf("Close with nothing buffered: %v", err)
	}
}
