package logru

import (
	"sync/atomic"
	"time"
)

// recordClock gives each record its time with one read of the monotonic clock instead of
// time.Now's two reads (the wall clock and the monotonic clock, each a vDSO call that is
// slow on some virtual machines). It keeps an anchor, a time.Now taken at a known
// instant, and returns anchor + time.Since(anchor): time.Since of a time that carries a
// monotonic reading reads only the monotonic clock. The result is in the anchor's zone
// (time.Local, as time.Now's) and carries a monotonic reading, as time.Now's does.
//
// Both clocks run at the same rate (NTP slewing adjusts the monotonic clock too), so the
// two can part only when the wall clock is stepped (settimeofday, an NTP step) or the
// machine is suspended (the monotonic clock stops, the wall clock does not). An anchor
// is therefore used for at most anchorMaxAge of monotonic time: after a step or a
// resume, records are again stamped with time.Now's wall time within that bound, which
// is far below what a log reader can notice and long enough that the anchor is renewed
// at most ten times a second (one small allocation each time).
//
// The zero recordClock is ready to use. read is safe for concurrent use: goroutines that
// renew the anchor at the same time each store a fresh one, and every anchor is a
// time.Now.
type recordClock struct {
	anchor atomic.Pointer[clockAnchor]
	// now and since stand in for time.Now and time.Since in tests; nil means those.
	// They are set before the clock is first read and never changed.
	now   func() time.Time
	since func(time.Time) time.Duration
}

// clockAnchor is an anchor and its distance from the start the clock was read against,
// so that a record's elapsed time is a sum, not a time.Time subtraction.
type clockAnchor struct {
	t       time.Time
	elapsed time.Duration // t.Sub(start)
}

// anchorMaxAge is how long an anchor serves: the longest a wall-clock step or a
// suspend goes unseen.
const anchorMaxAge = 100 * time.Millisecond

// read returns the current time (see recordClock) and its distance from start, the
// time.Sub of the two. start must be the same at every read of one clock (the core's
// start).
func (k *recordClock) read(start time.Time) (time.Time, time.Duration) {
	if a := k.anchor.Load(); a != nil {
		var d time.Duration
		if k.since == nil {
			d = time.Since(a.t)
		} else {
			d = k.since(a.t)
		}
		if uint64(d) < uint64(anchorMaxAge) { // a negative d renews the anchor too
			return a.t.Add(d), a.elapsed + d
		}
	}
	return k.renew(start)
}

// renew takes a new anchor and returns it, with its distance from start.
func (k *recordClock) renew(start time.Time) (time.Time, time.Duration) {
	var t time.Time
	if k.now == nil {
		t = time.Now()
	} else {
		t = k.now()
	}
	a := &clockAnchor{t: t, elapsed: t.Sub(start)}
	k.anchor.Store(a)
	return t, a.elapsed
}
