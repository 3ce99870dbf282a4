package sinks

import (
	"errors"
	"net"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testLinkOptions are the options of a test link with a 4-frame DropNewest buffer whose
// frames are sent to nowhere.
func testLinkOptions(dial func() (net.Conn, error), flushTimeout, backoff time.Duration) linkOptions {
	return linkOptions{
		dial:         dial,
		send:         func(net.Conn, []byte) error { return nil },
		bufferSize:   4,
		overflow:     DropNewest,
		blockTimeout: time.Millisecond,
		flushTimeout: flushTimeout,
		minBackoff:   backoff,
		maxBackoff:   backoff,
	}
}

func refused() (net.Conn, error) { return nil, errors.New("refused") }

// TestLinkConcurrentClose: Close called from several goroutines at once returns, stops
// the goroutine once, and does not panic on closing stop twice.
func TestLinkConcurrentClose(t *testing.T) {
	l := newLink("syslog", testLinkOptions(refused, time.Millisecond, time.Millisecond))
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

// TestLinkSecondCloseWaitsForFirst: a Close that finds another Close under way returns
// only when that one has finished (here: its flush timed out and the held record was
// counted as dropped), not at once with the record still held.
func TestLinkSecondCloseWaitsForFirst(t *testing.T) {
	l := newLink("syslog", testLinkOptions(refused, 200*time.Millisecond, time.Hour))
	if err := l.write([]byte("held")); err != nil {
		t.Fatalf("write: %v", err)
	}
	first := make(chan error, 1)
	go func() { first <- l.close() }()
	for {
		l.mu.Lock()
		started := l.closing != nil
		l.mu.Unlock()
		if started {
			break
		}
		runtime.Gosched()
	}
	if err := l.close(); err != nil {
		t.Errorf("second close: %v", err)
	}
	if got := l.dropped.Load(); got != 1 {
		t.Errorf("the second close returned with dropped = %d: before the first finished", got)
	}
	if err := <-first; err == nil {
		t.Error("first close: nil error, want the flush's still-held error")
	}
}

// TestLinkFlushOnOwnGoroutine: an OnError that flushes, called with the link
// goroutine's notice that it cannot connect, returns at once with the still-held
// error: waiting would wait for the goroutine it runs on (here for an hour).
func TestLinkFlushOnOwnGoroutine(t *testing.T) {
	ready := make(chan struct{}) // the goroutine's dials wait until OnError is set
	var up atomic.Bool           // then the dial succeeds, for the final close
	var calls atomic.Int32
	l := newLink("syslog", testLinkOptions(func() (net.Conn, error) {
		if calls.Add(1) > 1 {
			<-ready
		}
		if up.Load() {
			a, b := net.Pipe()
			b.Close()
			return a, nil
		}
		return nil, errors.New("refused")
	}, time.Hour, time.Millisecond))
	flushed := make(chan error, 1)
	var once sync.Once
	l.setOnError(func(error) { once.Do(func() { flushed <- l.flush() }) })
	if err := l.write([]byte("held")); err != nil {
		t.Fatalf("write: %v", err)
	}
	close(ready)
	select {
	case err := <-flushed:
		if err == nil {
			t.Error("flush on the link goroutine with a record held: nil error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("deadlock: a flush on the link goroutine waits for that goroutine")
	}
	up.Store(true)
	if err := l.close(); err != nil {
		t.Errorf("close once connected: %v", err)
	}
}

// TestLinkNoticeBeforeOnError: the goroutine's notice that it cannot connect, made
// before logru's handler set the sink's OnError, is made again once it is set, instead
// of going nowhere (the same failure is otherwise noticed once).
func TestLinkNoticeBeforeOnError(t *testing.T) {
	var calls atomic.Int32
	l := newLink("syslog", testLinkOptions(func() (net.Conn, error) {
		calls.Add(1)
		return nil, errors.New("refused")
	}, time.Millisecond, time.Hour))
	defer l.close()
	for calls.Load() < 2 { // the goroutine's first attempt failed
		runtime.Gosched()
	}
	notices := make(chan error, 4)
	l.setOnError(func(err error) { notices <- err })
	select {
	case err := <-notices:
		if !strings.Contains(err.Error(), "cannot connect (refused)") {
			t.Errorf("notice = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the failure noticed before OnError was set was never reported")
	}
}
