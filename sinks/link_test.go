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
