package logru

import (
	"runtime"
	"sync"
	"testing"
	"unsafe"
)

// A sharded counter's Load is the exact sum of every add and Add, whatever the shards,
// the shard numbers (any uint32) and the goroutines that added.
func TestShardedCounterExactUnderConcurrency(t *testing.T) {
	tests := []struct {
		name   string
		shards int // 0: the zero value, never initialised
	}{
		{"zero value", 0},
		{"one shard", 1},
		{"two shards", 2},
		{"max shards", maxShards},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c shardedCounter
			c.init(tt.shards)
			const goroutines, perG = 8, 5000
			var wg sync.WaitGroup
			for g := range goroutines {
				wg.Add(1)
				go func() {
					defer wg.Done()
					shard := uint32(g) * 0x9e3779b9 // big, odd, spread numbers: reduced by add
					for i := range perG {
						if i%10 == 0 {
							c.Add(2) // the base word
						} else {
							c.add(shard+uint32(i%3), 1)
						}
					}
				}()
			}
			wg.Wait()
			const want = goroutines * (perG/10*2 + perG - perG/10)
			if got := c.Load(); got != want {
				t.Errorf("Load = %d, want %d", got, want)
			}
		})
	}
}

// Every shard number lands on some shard, and consecutive numbers (the round-robin of
// new entries) on different ones.
func TestShardedCounterSpreadsConsecutiveShards(t *testing.T) {
	var c shardedCounter
	c.init(8)
	for i := range uint32(8) {
		c.add(i+5, uint64(1)<<i)
	}
	seen := 0
	for i := range c.shards {
		v := c.shards[i].n.Load()
		if v == 0 || v&(v-1) != 0 {
			t.Fatalf("shard %d holds %b: want exactly one add", i, v)
		}
		seen++
	}
	if seen != 8 || c.Load() != 0xff || c.base.Load() != 0 {
		t.Errorf("shards %d, Load %#x, base %d", seen, c.Load(), c.base.Load())
	}
}

// The shard count is a power of two, at least four per core when there is more than
// one, at most maxShards; and a shard fills its cache line.
func TestShardCount(t *testing.T) {
	if s := unsafe.Sizeof(counterShard{}); s != cacheLine {
		t.Errorf("counterShard is %d bytes, want %d", s, cacheLine)
	}
	for _, procs := range []int{1, 2, 3, 8, 64} {
		prev := runtime.GOMAXPROCS(procs)
		n := shardCount()
		runtime.GOMAXPROCS(prev)
		if n&(n-1) != 0 || n > maxShards || procs > 1 && n < min(4*procs, maxShards) || procs == 1 && n != 1 {
			t.Errorf("GOMAXPROCS %d: %d shards", procs, n)
		}
	}
}

// Stats sums a handler's shards: records written from entries of every shard are all
// counted, exactly.
func TestStatsSumsShards(t *testing.T) {
	l := New()
	id, err := l.Add(Handler{Sink: discardWriter{}, Format: "{message}"})
	if err != nil {
		t.Fatal(err)
	}
	const goroutines, perG = 4, 500
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perG {
				l.Info("x")
			}
		}()
	}
	wg.Wait()
	if got := l.Stats(); len(got) != 1 || got[0].ID != id || got[0].Records != goroutines*perG ||
		got[0].Dropped != 0 || got[0].Errors != 0 {
		t.Errorf("Stats = %+v, want %d records", got, goroutines*perG)
	}
}

// discardWriter is an io.Writer that is user code (not io.Discard, not a file).
type discardWriter struct{}

func (discardWriter) Write(p []byte) (int, error) { return len(p), nil }
