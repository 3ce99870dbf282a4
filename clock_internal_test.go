package logru

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The real clock: a record's time lies between two time.Now taken around the read (in
// monotonic terms exactly; its wall time within a millisecond), is in the Local zone and
// carries a monotonic reading, through every path of read (first read, anchored read).
func TestRecordClockReal(t *testing.T) {
	var k recordClock
	for i := range 3 {
		before := time.Now()
		got, elapsed := k.read(clockStart)
		after := time.Now()
		if elapsed != got.Sub(clockStart) {
			t.Errorf("read %d: elapsed %v, want %v", i, elapsed, got.Sub(clockStart))
		}
		if got.Before(before) || got.After(after) {
			t.Errorf("read %d: %v not within [%v, %v]", i, got, before, after)
		}
		const tol = time.Millisecond
		if w := got.Round(0); w.Before(before.Round(0).Add(-tol)) || w.After(after.Round(0).Add(tol)) {
			t.Errorf("read %d: wall time %v not within %v of [%v, %v]", i, w, tol, before.Round(0), after.Round(0))
		}
		if got.Location() != time.Local {
			t.Errorf("read %d: zone %v, want Local", i, got.Location())
		}
		if !strings.Contains(got.String(), " m=") {
			t.Errorf("read %d: %v has no monotonic reading", i, got)
		}
	}
}

// fakeClock scripts recordClock's two sources: each now returns the next of walls, each
// since the next of ds.
type fakeClock struct {
	walls   []time.Time
	ds      []time.Duration
	nowN    int
	sinceOf []time.Time // the anchors since was asked about
}

func (f *fakeClock) install(k *recordClock) {
	k.now = func() time.Time { f.nowN++; return f.walls[f.nowN-1] }
	k.since = func(a time.Time) time.Duration {
		f.sinceOf = append(f.sinceOf, a)
		d := f.ds[0]
		f.ds = f.ds[1:]
		return d
	}
}

// An anchor serves while it is younger than anchorMaxAge; an older one (or a clock that
// went back) is renewed from the wall clock, so a stepped wall clock is followed.
func TestRecordClockRenews(t *testing.T) {
	t0 := time.Now()
	step := t0.Add(time.Hour) // the wall clock was stepped an hour ahead
	back := t0.Add(-time.Minute)
	for _, tt := range []struct {
		name  string
		ds    []time.Duration // since's answers after the first read
		walls []time.Time     // now's answers after the first (t0)
		want  []time.Time     // read's results after the first (t0)
	}{
		{"young anchor", []time.Duration{0, time.Millisecond, anchorMaxAge - 1},
			nil, []time.Time{t0, t0.Add(time.Millisecond), t0.Add(anchorMaxAge - 1)}},
		{"old anchor renewed", []time.Duration{anchorMaxAge, 5 * time.Millisecond},
			[]time.Time{step}, []time.Time{step, step.Add(5 * time.Millisecond)}},
		{"clock went back", []time.Duration{-time.Nanosecond, time.Millisecond},
			[]time.Time{back}, []time.Time{back, back.Add(time.Millisecond)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var k recordClock
			f := &fakeClock{walls: append([]time.Time{t0}, tt.walls...), ds: tt.ds}
			f.install(&k)
			if got := k.readChecked(t); !got.Equal(t0) || f.nowN != 1 {
				t.Fatalf("first read: %v after %d wall reads, want %v after 1", got, f.nowN, t0)
			}
			for i, want := range tt.want {
				if got := k.readChecked(t); !got.Equal(want) || got.Round(0) != want.Round(0) {
					t.Errorf("read %d: %v, want %v", i+1, got, want)
				}
			}
			if f.nowN != len(f.walls) {
				t.Errorf("%d wall reads, want %d", f.nowN, len(f.walls))
			}
		})
	}
}

// A logger stamps its records (and their Elapsed) from its core's clock, one reading
// per record.
func TestRecordTimeFromCoreClock(t *testing.T) {
	l := New()
	t0 := time.Now()
	f := &fakeClock{walls: []time.Time{t0}, ds: []time.Duration{7 * time.Millisecond}}
	f.install(&l.core.clock)
	var times []time.Time
	var elapsed []time.Duration
	if _, err := l.Add(Handler{Format: "{message}", Sink: func(m Message) {
		times = append(times, m.Record.Time)
		elapsed = append(elapsed, m.Record.Elapsed)
	}}); err != nil {
		t.Fatal(err)
	}
	l.Info("one")
	l.Info("two")
	want := []time.Time{t0, t0.Add(7 * time.Millisecond)}
	if len(times) != 2 || !times[0].Equal(want[0]) || !times[1].Equal(want[1]) {
		t.Fatalf("times %v, want %v", times, want)
	}
	if d := elapsed[1] - elapsed[0]; d != 7*time.Millisecond {
		t.Errorf("Elapsed grew by %v, want 7ms", d)
	}
	if elapsed[0] != t0.Sub(l.core.start) {
		t.Errorf("Elapsed %v, want %v", elapsed[0], t0.Sub(l.core.start))
	}
	if f.nowN != 1 || len(f.ds) != 0 {
		t.Errorf("%d wall reads and %d unused since answers, want 1 and 0", f.nowN, len(f.ds))
	}
}

// Goroutines reading one clock while its anchor is renewed every few reads each get a
// time between two time.Now taken around their read (run with -race: the anchor is
// shared without a lock).
func TestRecordClockConcurrent(t *testing.T) {
	var k recordClock
	var reads atomic.Int64
	k.since = func(a time.Time) time.Duration {
		if reads.Add(1)%5 == 0 {
			return anchorMaxAge // renew now
		}
		return time.Since(a)
	}
	const workers, each = 4, 2000
	errs := make(chan string, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				before := time.Now()
				got, elapsed := k.read(clockStart)
				after := time.Now()
				if elapsed != got.Sub(clockStart) {
					errs <- fmt.Sprintf("elapsed %v, want %v", elapsed, got.Sub(clockStart))
					return
				}
				if got.Before(before) || got.After(after) {
					errs <- fmt.Sprintf("%v not within [%v, %v]", got, before, after)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if reads.Load() < workers*each-1 {
		t.Errorf("%d anchored reads, want about %d", reads.Load(), workers*each)
	}
}

// clockStart is the start the tests read their clocks against.
var clockStart = time.Now().Add(-time.Minute)

// readChecked reads k against clockStart and checks that the elapsed time read with it
// is the time's distance from clockStart.
func (k *recordClock) readChecked(t *testing.T) time.Time {
	t.Helper()
	got, elapsed := k.read(clockStart)
	if want := got.Sub(clockStart); elapsed != want {
		t.Errorf("elapsed %v for %v, want %v", elapsed, got, want)
	}
	return got
}
