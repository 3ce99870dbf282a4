package sinks

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// guard is how long a test waits for something that should happen at once before it
// declares a hang. It only bounds failures: no test waits for it when it passes.
const guard = 10 * time.Second

// within fails the test unless f returns within guard.
func within(t testing.TB, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(guard):
		buf := make([]byte, 1<<16)
		t.Fatalf("%s did not return within %v (hang)\n%s", what, guard, buf[:runtime.Stack(buf, true)])
	}
}

// waitUntil spins, yielding the processor, until cond holds; it fails the test after
// guard.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(guard)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		runtime.Gosched()
	}
}

// recorder collects what an Async writes and releases.
type recorder struct {
	mu       sync.Mutex
	written  []any // the Ctx of every written item, in order
	batches  int
	released map[any]int // Ctx → number of Release calls

	entered chan struct{} // gets a value when the first Write starts (buffered 1)
	hold    chan struct{} // when not nil, the first Write waits for it to be closed
	first   atomic.Bool
}

func newRecorder(held bool) *recorder {
	r := &recorder{released: map[any]int{}, entered: make(chan struct{}, 1)}
	if held {
		r.hold = make(chan struct{})
	}
	return r
}

func (r *recorder) write(items []Item) {
	if r.first.CompareAndSwap(false, true) {
		r.entered <- struct{}{}
		if r.hold != nil {
			<-r.hold
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batches++
	for _, it := range items {
		r.written = append(r.written, it.Ctx)
	}
}

func (r *recorder) release(it Item) {
	r.mu.Lock()
	r.released[it.Ctx]++
	r.mu.Unlock()
}

func (r *recorder) got() []any {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.written)
}

// releasedOnce fails the test unless each of the n items 0..n-1 (Ctx ints) was
// released exactly once.
func (r *recorder) releasedOnce(t testing.TB, n int) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.released) != n {
		t.Errorf("%d distinct items released, want %d", len(r.released), n)
	}
	for ctx, c := range r.released {
		if c != 1 {
			t.Errorf("item %v released %d times", ctx, c)
		}
	}
}

func (r *recorder) options(size int, overflow string) AsyncOptions {
	return AsyncOptions{QueueSize: size, Overflow: overflow, Write: r.write, Release: r.release}
}

func newAsync(t testing.TB, opts AsyncOptions) *Async {
	t.Helper()
	a, err := NewAsync(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if !t.Failed() { // after a hang, Close could hang too
			a.Close()
		}
	})
	return a
}

// counts fails the test unless a wrote and dropped exactly that many items.
func counts(t testing.TB, a *Async, written, dropped uint64) {
	t.Helper()
	if w, d := a.Written(), a.Dropped(); w != written || d != dropped {
		t.Errorf("Written %d, Dropped %d; want %d and %d", w, d, written, dropped)
	}
}

func ints(from, to int) []any {
	var s []any
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}

// TestAsyncBlockLosesNothing: a small queue (always full) and a large one (whose ring
// grows while the writer takes items out) write every item, in order per goroutine.
func TestAsyncBlockLosesNothing(t *testing.T) {
	t.Parallel()
	for _, size := range []int{16, 100_000} {
		t.Run(strconv.Itoa(size), func(t *testing.T) { testBlockLosesNothing(t, size) })
	}
}

func testBlockLosesNothing(t *testing.T, size int) {
	const goroutines, per = 8, 5000
	r := newRecorder(false)
	a := newAsync(t, r.options(size, ""))
	type tag struct{ g, i int }
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range per {
				if !a.Enqueue(Item{Data: []byte("x"), Ctx: tag{g, i}}) {
					t.Errorf("Enqueue(%d, %d) dropped with Block", g, i)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	counts(t, a, goroutines*per, 0)
	next := make([]int, goroutines)
	for _, c := range r.got() {
		tg := c.(tag)
		if tg.i != next[tg.g] {
			t.Fatalf("goroutine %d: item %d written after item %d", tg.g, tg.i, next[tg.g]-1)
		}
		next[tg.g]++
	}
	for g, n := range next {
		if n != per {
			t.Errorf("goroutine %d: %d items written, want %d", g, n, per)
		}
	}
	if r.batches >= goroutines*per {
		t.Errorf("%d batches for %d items: the writer does not batch", r.batches, goroutines*per)
	}
	if a.Len() != 0 {
		t.Errorf("Len after Close = %d", a.Len())
	}
}

// fillHeld makes an Async of 16 items whose first Write holds item 0, then fills the
// queue with items 1..16.
func fillHeld(t *testing.T, overflow string) (*Async, *recorder) {
	t.Helper()
	r := newRecorder(true)
	a := newAsync(t, r.options(16, overflow))
	if !a.Enqueue(Item{Ctx: 0}) {
		t.Fatal("Enqueue into an empty queue dropped")
	}
	<-r.entered // the writer holds item 0 in Write
	for i := 1; i <= 16; i++ {
		if !a.Enqueue(Item{Ctx: i}) {
			t.Fatalf("Enqueue(%d) into a queue with room dropped", i)
		}
	}
	if n := a.Len(); n != 16 {
		t.Fatalf("Len = %d, want 16", n)
	}
	return a, r
}

func TestAsyncDropNewestNeverBlocks(t *testing.T) {
	t.Parallel()
	a, r := fillHeld(t, DropNewest)
	within(t, "Enqueue on a full DropNewest queue", func() {
		for i := 17; i < 1017; i++ {
			if a.Enqueue(Item{Ctx: i}) {
				t.Errorf("Enqueue(%d) on a full queue reported it queued", i)
			}
		}
	})
	if d := a.Dropped(); d != 1000 {
		t.Errorf("Dropped = %d while held, want 1000", d)
	}
	close(r.hold)
	a.Close()
	counts(t, a, 17, 1000)
	if got, want := r.got(), ints(0, 17); !slices.Equal(got, want) {
		t.Errorf("written %v, want %v", got, want)
	}
	r.releasedOnce(t, 1017)
}

func TestAsyncDropOldestKeepsNewest(t *testing.T) {
	t.Parallel()
	a, r := fillHeld(t, DropOldest)
	within(t, "Enqueue on a full DropOldest queue", func() {
		for i := 17; i < 1017; i++ {
			if !a.Enqueue(Item{Ctx: i}) {
				t.Errorf("Enqueue(%d) reported its own item dropped", i)
			}
		}
	})
	if d, n := a.Dropped(), a.Len(); d != 1000 || n != 16 {
		t.Errorf("Dropped = %d, Len = %d while held; want 1000 and 16", d, n)
	}
	close(r.hold)
	a.Close()
	counts(t, a, 17, 1000)
	// Item 0 was in flight; the newest 16 were queued.
	if got, want := r.got(), append([]any{0}, ints(1001, 1017)...); !slices.Equal(got, want) {
		t.Errorf("written %v, want %v", got, want)
	}
	r.releasedOnce(t, 1017)
}

func TestAsyncBlockWaitsForSpace(t *testing.T) {
	t.Parallel()
	a, r := fillHeld(t, Block)
	done := make(chan bool)
	go func() { done <- a.Enqueue(Item{Ctx: 17}) }()
	waitUntil(t, "the Enqueue to wait for space", func() bool {
		a.mu.Lock()
		defer a.mu.Unlock()
		return a.waiters == 1
	})
	select {
	case <-done:
		t.Fatal("Enqueue on a full Block queue returned")
	default:
	}
	// Close while it waits: its item is still written.
	closed := make(chan struct{})
	go func() { a.Close(); close(closed) }()
	waitUntil(t, "Close to mark the Async closed", func() bool {
		a.mu.Lock()
		defer a.mu.Unlock()
		return a.closed
	})
	close(r.hold)
	if !<-done {
		t.Error("an Enqueue waiting when Close came dropped its item")
	}
	<-closed
	counts(t, a, 18, 0)
	if got, want := r.got(), ints(0, 18); !slices.Equal(got, want) {
		t.Errorf("written %v, want %v", got, want)
	}
	r.releasedOnce(t, 18)
}

func TestAsyncEnqueueAfterClose(t *testing.T) {
	t.Parallel()
	for _, policy := range []string{Block, DropNewest, DropOldest} {
		t.Run(policy, func(t *testing.T) {
			t.Parallel()
			r := newRecorder(false)
			a := newAsync(t, r.options(4, policy))
			for i := range 3 {
				a.Enqueue(Item{Ctx: i})
			}
			if err := a.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			counts(t, a, 3, 0) // Close drained the queue
			for i := 3; i < 13; i++ {
				if a.Enqueue(Item{Ctx: i}) {
					t.Errorf("Enqueue(%d) after Close reported it queued", i)
				}
			}
			within(t, "a second Close", func() {
				if err := a.Close(); err != nil {
					t.Errorf("second Close: %v", err)
				}
			})
			within(t, "Flush after Close", a.Flush)
			counts(t, a, 3, 10)
			r.releasedOnce(t, 13)
		})
	}
}

func TestAsyncCloseConcurrentWithEnqueue(t *testing.T) {
	t.Parallel()
	for _, policy := range []string{Block, DropNewest, DropOldest} {
		t.Run(policy, func(t *testing.T) {
			t.Parallel()
			const goroutines, per = 32, 2000
			r := newRecorder(false)
			a := newAsync(t, r.options(8, policy))
			var wg sync.WaitGroup
			var queued atomic.Uint64
			start := make(chan struct{})
			for g := range goroutines {
				wg.Go(func() {
					<-start
					for i := range per {
						if a.Enqueue(Item{Ctx: g*per + i}) {
							queued.Add(1)
						}
					}
				})
			}
			var closers sync.WaitGroup
			for range 3 {
				closers.Go(func() {
					<-start
					for range 100 { // let some items through first
						runtime.Gosched()
					}
					a.Close()
				})
			}
			close(start)
			within(t, "Enqueue and Close", func() { wg.Wait(); closers.Wait() })
			total := uint64(goroutines * per)
			if w, d := a.Written(), a.Dropped(); w+d != total {
				t.Errorf("Written %d + Dropped %d = %d, want %d", w, d, w+d, total)
			}
			if got := r.got(); uint64(len(got)) != a.Written() {
				t.Errorf("%d items written, Written() = %d", len(got), a.Written())
			}
			if policy != DropOldest && queued.Load() != a.Written() {
				t.Errorf("%d Enqueues reported queued, %d written", queued.Load(), a.Written())
			}
			r.releasedOnce(t, int(total))
		})
	}
}

// TestAsyncReentrant has Write enqueue into its own Async: each item below depth 4
// enqueues three children, far more than the queue of 2 holds.
func TestAsyncReentrant(t *testing.T) {
	t.Parallel()
	for _, policy := range []string{Block, DropNewest, DropOldest} {
		t.Run(policy, func(t *testing.T) {
			t.Parallel()
			var a *Async
			var enqueued, inner atomic.Uint64
			enqueue := func(depth int) {
				enqueued.Add(1)
				a.Enqueue(Item{Ctx: depth})
			}
			a = newAsync(t, AsyncOptions{QueueSize: 2, Overflow: policy, Write: func(items []Item) {
				for _, it := range items {
					if d := it.Ctx.(int); d > 0 {
						inner.Add(1)
					}
					if d := it.Ctx.(int); d < 4 {
						for range 3 {
							enqueue(d + 1)
						}
					}
				}
			}})
			within(t, "a re-entrant Async", func() {
				for range 10 {
					enqueue(0)
					a.Flush()
				}
				a.Close()
			})
			if w, d, e := a.Written(), a.Dropped(), enqueued.Load(); w+d != e {
				t.Errorf("Written %d + Dropped %d != %d enqueued", w, d, e)
			}
			if a.Dropped() == 0 {
				t.Error("nothing dropped: the full-queue path was not exercised")
			}
			if inner.Load() == 0 {
				t.Error("no item enqueued from Write was written")
			}
		})
	}
}

// TestAsyncReentrantOther has the Write of one Async enqueue into another, full and
// held: the Block enqueue drops instead of waiting.
func TestAsyncReentrantOther(t *testing.T) {
	t.Parallel()
	r := newRecorder(true)
	held := newAsync(t, r.options(1, Block))
	held.Enqueue(Item{Ctx: 0})
	<-r.entered
	held.Enqueue(Item{Ctx: 1}) // the queue is full now
	results := make(chan bool, 1)
	a := newAsync(t, AsyncOptions{Write: func([]Item) {
		results <- held.Enqueue(Item{Ctx: 2})
	}})
	a.Enqueue(Item{})
	within(t, "a Block Enqueue from inside Write into a full queue", func() {
		if <-results {
			t.Error("Enqueue from inside Write into a full Block queue reported it queued")
		}
	})
	close(r.hold)
	held.Close()
	counts(t, held, 2, 1)
}

func TestAsyncFlush(t *testing.T) {
	t.Parallel()
	r := newRecorder(true)
	a := newAsync(t, r.options(0, ""))
	for i := range 5 {
		a.Enqueue(Item{Ctx: i})
	}
	<-r.entered
	flushed := make(chan struct{})
	go func() { a.Flush(); close(flushed) }()
	waitUntil(t, "Flush to wait", func() bool {
		a.mu.Lock()
		defer a.mu.Unlock()
		return a.flushers == 1
	})
	select {
	case <-flushed:
		t.Fatal("Flush returned while Write was held")
	default:
	}
	close(r.hold)
	<-flushed
	if got := r.got(); !slices.Equal(got, ints(0, 5)) {
		t.Errorf("after Flush, written %v, want items 0..4", got)
	}
	if w := a.Written(); w != 5 {
		t.Errorf("after Flush, Written = %d, want 5", w)
	}
	within(t, "Flush of an empty queue", a.Flush)
}

func TestAsyncFlushAfterDropOldest(t *testing.T) {
	t.Parallel()
	a, r := fillHeld(t, DropOldest)
	for i := 17; i < 40; i++ {
		a.Enqueue(Item{Ctx: i})
	}
	flushed := make(chan struct{})
	go func() { a.Flush(); close(flushed) }()
	waitUntil(t, "Flush to wait", func() bool {
		a.mu.Lock()
		defer a.mu.Unlock()
		return a.flushers == 1
	})
	// Evictions while the writer is held must not end the Flush: item 0 is in flight.
	for i := 40; i < 80; i++ {
		a.Enqueue(Item{Ctx: i})
	}
	select {
	case <-flushed:
		t.Fatal("Flush returned while item 0 was in Write")
	default:
	}
	close(r.hold)
	<-flushed
	// Flush waited for items 0..39 only: 0 written, the others evicted.
	if got := r.got(); len(got) == 0 || got[0] != 0 {
		t.Errorf("after Flush, written %v, want item 0 first", got)
	}
	a.Close()
	counts(t, a, 17, 63)
	if got, want := r.got(), append([]any{0}, ints(64, 80)...); !slices.Equal(got, want) {
		t.Errorf("written %v, want %v", got, want)
	}
	r.releasedOnce(t, 80)
}

func TestAsyncFlushAndCloseInsideWrite(t *testing.T) {
	t.Parallel()
	var a *Async
	var calls atomic.Int32
	a = newAsync(t, AsyncOptions{QueueSize: 4, Write: func(items []Item) {
		calls.Add(1)
		a.Flush()
		if items[0].Ctx == "close" {
			a.Close()
		}
	}})
	within(t, "Flush from inside Write", func() {
		a.Enqueue(Item{Ctx: 1})
		a.Flush()
	})
	within(t, "Close from inside Write", func() {
		a.Enqueue(Item{Ctx: "close"})
		a.Close()
	})
	counts(t, a, 2, 0)
	if a.Enqueue(Item{}) {
		t.Error("Enqueue after a Close from inside Write reported it queued")
	}
}

// TestAsyncCloseLeavesNoGoroutine is not parallel: it counts the process's goroutines.
// Each Close must have seen its writer goroutine end; synctest.Test then fails on its own
// if a goroutine of the bubble is left blocked.
func TestAsyncCloseLeavesNoGoroutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		base := settleGoroutines(runtime.NumGoroutine())
		policies := []string{Block, DropNewest, DropOldest}
		for i := range 100 {
			a, err := NewAsync(AsyncOptions{QueueSize: 4, Overflow: policies[i%3], Write: func([]Item) {}})
			if err != nil {
				t.Fatal(err)
			}
			for j := range i % 10 {
				a.Enqueue(Item{Ctx: j})
			}
			if err := a.Close(); err != nil {
				t.Fatal(err)
			}
			select {
			case <-a.exited:
			default:
				t.Fatal("the writer goroutine is still running after Close")
			}
		}
		synctest.Wait()
		// A writer that has closed exited is still counted until it has finished
		// exiting, which under the race detector can take longer than the ten thousand
		// yields of settleGoroutines: allow more, still without sleeping.
		n := runtime.NumGoroutine()
		for i := 0; i < 10_000_000 && n > base; i++ {
			runtime.Gosched()
			n = runtime.NumGoroutine()
		}
		if n > base {
			buf := make([]byte, 1<<16)
			t.Errorf("%d goroutines before, %d after\n%s", base, n, buf[:runtime.Stack(buf, true)])
		}
	})
}

func TestAsyncInvalidOptions(t *testing.T) {
	t.Parallel()
	nop := func([]Item) {}
	for _, tc := range []struct {
		opts AsyncOptions
		want []string
	}{
		{AsyncOptions{QueueSize: -1, Write: nop}, []string{"QueueSize", "-1"}},
		{AsyncOptions{QueueSize: MaxQueueSize + 1, Write: nop}, []string{"QueueSize", "10000001", "10,000,000"}},
		{AsyncOptions{Overflow: "fast", Write: nop}, []string{"Overflow", `"fast"`}},
		{AsyncOptions{Overflow: "Block", Write: nop}, []string{"Overflow", `"Block"`}},
		{AsyncOptions{}, []string{"Write", "nil"}},
	} {
		a, err := NewAsync(tc.opts)
		if err == nil {
			a.Close()
			t.Errorf("NewAsync(%+v) succeeded", tc.opts)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "sinks: ") {
			t.Errorf("error %q lacks the sinks: prefix", msg)
		}
		for _, w := range tc.want {
			if !strings.Contains(msg, w) {
				t.Errorf("error %q does not mention %s", msg, w)
			}
		}
	}
	for _, o := range []string{"", Block, DropNewest, DropOldest} {
		a, err := NewAsync(AsyncOptions{Overflow: o, Write: nop})
		if err != nil {
			t.Errorf("Overflow %q: %v", o, err)
			continue
		}
		if a.size != DefaultQueueSize {
			t.Errorf("QueueSize 0 gave a queue of %d", a.size)
		}
		a.Close()
	}
}

func TestAsyncEnqueueDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	// Not parallel: AllocsPerRun counts the allocations of the whole process.
	for _, policy := range []string{Block, DropNewest, DropOldest} {
		a := newAsync(t, AsyncOptions{QueueSize: 64, Overflow: policy, Write: func([]Item) {}})
		data := []byte("line\n")
		allocs := testing.AllocsPerRun(1000, func() { a.Enqueue(Item{Data: data}) })
		a.Close()
		if allocs != 0 {
			t.Errorf("%s: Enqueue allocates %v times", policy, allocs)
		}
	}
}
