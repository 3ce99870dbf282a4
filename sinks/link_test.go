package sinks

import (
	"errors"
	"net"
	"sync"
	"testing"
	"time"
)

// TestLinkConcurrentClose: Close called from several goroutines at once returns, stops
// the goroutine once, and does not panic on closing stop twice.
func TestLinkConcurrentClose(t *testing.T) {
	l := newLink("syslog", linkOptions{
		dial:         func() (net.Conn, error) { return nil, errors.New("refused") },
		send:         func(net.Conn, []byte) error { return nil },
		bufferSize:   4,
		overflow:     DropNewest,
		blockTimeout: time.Millisecond,
		flushTimeout: time.Millisecond,
		minBackoff:   time.Millisecond,
		maxBackoff:   time.Millisecond,
	})
	if err := l.write([]byte("held")); err != nil {
		t.Fatalf("write: %v", err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); l.close() }()
	}
	wg.Wait()
	if got := l.dropped.Load(); got != 1 {
		t.Errorf("dropped = %d, want 1 (the held record, counted once)", got)
	}
	if err := l.write([]byte("late")); !errors.Is(err, ErrClosed) {
		t.Errorf("write after close = %v, want ErrClosed", err)
	}
}

// TestLinkDrainCountsTooLarge: a held frame the daemon refuses as too large, met while
// sending the held frames after a reconnect, is reported and counted as dropped.
func TestLinkDrainCountsTooLarge(t *testing.T) {
	up := make(chan struct{})
	var mu sync.Mutex
	var sent []string
	l := newLink("syslog", linkOptions{
		dial: func() (net.Conn, error) {
			select {
			case <-up:
				a, b := net.Pipe()
				b.Close()
				return a, nil
			default:
				return nil, errors.New("refused")
			}
		},
		send: func(_ net.Conn, f []byte) error {
			if string(f) == "big" {
				return fatalError{errors.New("too large")}
			}
			mu.Lock()
			sent = append(sent, string(f))
			mu.Unlock()
			return nil
		},
		bufferSize:   4,
		overflow:     DropNewest,
		blockTimeout: time.Millisecond,
		flushTimeout: time.Minute,
		minBackoff:   time.Millisecond,
		maxBackoff:   time.Millisecond,
	})
	errs := make(chan error, 16)
	l.setOnError(func(err error) { errs <- err })
	for _, f := range []string{"a", "big", "b"} {
		if err := l.write([]byte(f)); err != nil {
			t.Fatalf("write %q: %v", f, err)
		}
	}
	close(up)
	if err := l.flush(); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if err := l.close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if got := l.dropped.Load(); got != 1 {
		t.Errorf("dropped = %d, want 1", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(sent) != 2 || sent[0] != "a" || sent[1] != "b" {
		t.Errorf("sent %q, want [a b]", sent)
	}
	var fatal bool
	for len(errs) > 0 {
		if isFatal(<-errs) {
			fatal = true
		}
	}
	if !fatal {
		t.Error("the too-large frame was not reported to OnError")
	}
}
