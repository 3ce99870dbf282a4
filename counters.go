package logru

// Per-record counters without a shared cache line: every record adds to its handler's
// records (or dropped, or errors) counter, and on many cores one atomic word written by
// every record is contended. A shardedCounter spreads the adds over padded shards; the
// shard is the record's entry's (entry.shard), which sync.Pool keeps per P, so records
// logged on different cores mostly add to different cache lines. Load sums the shards.

import (
	"math/bits"
	"runtime"
	"sync/atomic"
)

// cacheLine is the padding unit of the shards: one cache line on every platform Go
// runs on commonly (64 bytes; the shards are allocated together, so a 128-byte
// prefetch pair holds at most two neighbours).
const cacheLine = 64

// maxShards bounds the shards of one counter (64 cache lines).
const maxShards = 64

// shardSeq numbers the entries as they are made, so that entries made on different
// cores start on different shards (see entry.shard).
var shardSeq atomic.Uint32

// nextShard returns the shard index of a new entry: round-robin.
func nextShard() uint32 { return shardSeq.Add(1) }

// shardCount is the number of shards of a handler's counters: a power of two, four per
// GOMAXPROCS at the time the handler is added (so that two cores' entries rarely share
// one), at most maxShards; 1 with one core.
func shardCount() int {
	p := runtime.GOMAXPROCS(0)
	if p <= 1 {
		return 1
	}
	return min(1<<bits.Len(uint(4*p-1)), maxShards)
}

// counterShard is one padded shard of a shardedCounter.
type counterShard struct {
	n atomic.Uint64
	_ [cacheLine - 8]byte
}

// shardedCounter is a uint64 counter that many goroutines add to at once without
// sharing a cache line. The zero value is a counter of one shard (its base word) and
// is ready to use; init gives it its shards. Add, add and Load are safe for concurrent
// use; init is not (it is called before the handler is published).
type shardedCounter struct {
	base   atomic.Uint64 // Add's word, and every add's until init
	shards []counterShard
	// gated, on a handler's records counter, is the handler's gate, whose shards count
	// the records written through it (see emitGated): Load adds them. It is set when
	// the handler is first published (see loggerCore.publish) and never changed.
	gated *writeGate
}

// init gives c n shards (n a power of two); n <= 1 keeps the base word alone.
func (c *shardedCounter) init(n int) {
	if n > 1 {
		c.shards = make([]counterShard, n)
	}
}

// Add adds n to the base word: for the rare paths (a queue's writer, a file sink's
// background errors), which have no shard of their own.
func (c *shardedCounter) Add(n uint64) { c.base.Add(n) }

// add adds n to the shard numbered shard (any number: it is reduced to the shards).
func (c *shardedCounter) add(shard uint32, n uint64) {
	if len(c.shards) == 0 {
		c.base.Add(n)
		return
	}
	c.shards[int(shard)&(len(c.shards)-1)].n.Add(n)
}

// Load returns the sum of every add. Each shard is read atomically: a Load concurrent
// with adds sees some of them, and a Load after they returned sees them all.
func (c *shardedCounter) Load() uint64 {
	n := c.base.Load()
	for i := range c.shards {
		n += c.shards[i].n.Load()
	}
	if c.gated != nil {
		n += c.gated.written()
	}
	return n
}
