package sinks

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// FuzzQueueSize: for every QueueSize, NewAsync either refuses it naming the field and
// the value (negative, or over MaxQueueSize) or gives a queue that holds exactly that
// many items (10,000 for 0) under each overflow policy, drops and counts exactly the
// rest, writes what it kept in order, and holds a ring no larger than twice what is
// queued (never the whole bound up front).
func FuzzQueueSize(f *testing.F) {
	for _, size := range []int{0, 1, 2, 3, 63, 64, 65, 127, 1000, DefaultQueueSize, MaxQueueSize,
		MaxQueueSize + 1, 1e9, 2e8, -1, math.MaxInt64, math.MinInt64} {
		for p := range uint8(3) {
			f.Add(size, uint16(200), p)
			f.Add(size, uint16(4500), p)
		}
	}
	f.Fuzz(func(t *testing.T, size int, n uint16, p uint8) {
		policy := []string{Block, DropNewest, DropOldest}[p%3]
		fill := int(n % 5000)
		r := newRecorder(true)
		a, err := NewAsync(r.options(size, policy))
		if size < 0 || size > MaxQueueSize {
			if err == nil {
				close(r.hold)
				a.Close()
				t.Fatalf("NewAsync accepted QueueSize %d", size)
			}
			msg := err.Error()
			if !strings.Contains(msg, "QueueSize") || !strings.Contains(msg, strconv.Itoa(size)) {
				t.Errorf("error %q does not name QueueSize and %d", msg, size)
			}
			if size > 0 && !strings.Contains(msg, "10,000,000") {
				t.Errorf("error %q does not name the limit", msg)
			}
			return
		}
		if err != nil {
			t.Fatalf("QueueSize %d: %v", size, err)
		}
		bound := size
		if bound == 0 {
			bound = DefaultQueueSize
		}
		if len(a.buf) > initialRing {
			t.Errorf("QueueSize %d: a ring of %d slots before anything is queued", size, len(a.buf))
		}
		a.Enqueue(Item{Ctx: 0})
		<-r.entered // the writer holds item 0
		if policy == Block {
			fill = min(fill, bound) // one more would wait for the held writer
		}
		for i := 1; i <= fill; i++ {
			queued := a.Enqueue(Item{Ctx: i})
			if want := i <= bound || policy == DropOldest; queued != want {
				t.Fatalf("%s, QueueSize %d: Enqueue(%d) = %v", policy, size, i, queued)
			}
		}
		kept := min(fill, bound)
		if got := a.Len(); got != kept {
			t.Errorf("%s, QueueSize %d: Len = %d after %d enqueued, want %d", policy, size, got, fill, kept)
		}
		if len(a.buf) > max(initialRing, 2*kept) || len(a.buf) > bound {
			t.Errorf("%s, QueueSize %d: a ring of %d slots for %d items", policy, size, len(a.buf), kept)
		}
		close(r.hold)
		a.Close()
		counts(t, a, uint64(1+kept), uint64(fill-kept))
		want := append([]any{0}, ints(1, kept+1)...)
		if policy == DropOldest {
			want = append([]any{0}, ints(fill-kept+1, fill+1)...)
		}
		if got := r.got(); !slices.Equal(got, want) {
			t.Errorf("%s, QueueSize %d: written %v, want %v", policy, size, got, want)
		}
		r.releasedOnce(t, fill+1)
	})
}
