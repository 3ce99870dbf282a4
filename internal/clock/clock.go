// Package clock is the time seam of logru's sinks: production code uses [System], tests
// use [Fake], injected per instance so that time-based rotation and periodic flushing are
// tested without sleeping and in parallel.
package clock

import (
	"sync"
	"time"
)

// Clock tells the time and makes tickers. Implementations are safe for concurrent use.
type Clock interface {
	Now() time.Time
	// NewTicker returns a ticker that sends on C every d, as time.NewTicker does.
	NewTicker(d time.Duration) Ticker
}

// Ticker is the part of *time.Ticker logru uses.
type Ticker interface {
	C() <-chan time.Time
	Stop()
}

// System is the real clock. Its zero value is ready to use.
type System struct{}

// Now returns time.Now().
func (System) Now() time.Time { return time.Now() }

// NewTicker returns a real ticker.
func (System) NewTicker(d time.Duration) Ticker { return sysTicker{time.NewTicker(d)} }

type sysTicker struct{ t *time.Ticker }

func (s sysTicker) C() <-chan time.Time { return s.t.C }
func (s sysTicker) Stop()               { s.t.Stop() }

// Fake is a clock that moves only when told to. Tickers fire (at most one pending tick
// each, as real tickers drop ticks) when Advance or Set moves the time past their next
// tick. The zero Fake starts at the zero time; use NewFake to start elsewhere.
type Fake struct {
	mu      sync.Mutex
	now     time.Time
	tickers []*fakeTicker
}

// NewFake returns a fake clock reading t.
func NewFake(t time.Time) *Fake { return &Fake{now: t} }

// Now returns the fake time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// Advance moves the clock forward by d and fires the tickers that are due.
func (f *Fake) Advance(d time.Duration) { f.Set(f.Now().Add(d)) }

// Set moves the clock to t (backwards too) and fires the tickers that are due.
func (f *Fake) Set(t time.Time) {
	f.mu.Lock()
	f.now = t
	tickers := append([]*fakeTicker(nil), f.tickers...)
	f.mu.Unlock()
	for _, tk := range tickers {
		tk.fire(t)
	}
}

// NewTicker returns a ticker driven by Advance and Set.
func (f *Fake) NewTicker(d time.Duration) Ticker {
	if d <= 0 {
		panic("clock: non-positive ticker interval")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	tk := &fakeTicker{f: f, d: d, next: f.now.Add(d), c: make(chan time.Time, 1)}
	f.tickers = append(f.tickers, tk)
	return tk
}

// Tickers returns how many tickers are running, so tests can check that Close stopped
// them.
func (f *Fake) Tickers() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.tickers)
}

type fakeTicker struct {
	f    *Fake
	d    time.Duration
	mu   sync.Mutex
	next time.Time
	c    chan time.Time
}

func (t *fakeTicker) C() <-chan time.Time { return t.c }

func (t *fakeTicker) fire(now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if now.Before(t.next) {
		return
	}
	for !now.Before(t.next) {
		t.next = t.next.Add(t.d)
	}
	select {
	case t.c <- now:
	default: // a tick is already pending: drop this one, as time.Ticker does
	}
}

func (t *fakeTicker) Stop() {
	f := t.f
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, tk := range f.tickers {
		if tk == t {
			f.tickers = append(f.tickers[:i], f.tickers[i+1:]...)
			return
		}
	}
}
