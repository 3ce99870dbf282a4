package logru

// Writes without a lock, for the sinks that need none: an *os.File the user gave
// (os.Stdout and os.Stderr included) writes a whole line in one call under the file's
// own write lock, so lines never interleave; io.Discard keeps nothing; logru's console
// sink ("stdout", "stderr") serialises its writes and its Sync itself; a file logru
// opened (a path; a sinks.File) makes each write, its rotation, compression and
// retention under its own lock, and runs no user code while writing unless it has a
// RotateFunc (such a file stays on hd.mu). Its errors reach OnError outside the gate
// (see gatedNote). Their handlers
// take no lock per record: records write concurrently, each inside the handler's
// writeGate, which close shuts and then waits empty, so that no line is written after
// Remove, Close or Configure returns, and every record is either written and counted
// or dropped and counted.

import (
	"io"
	"os"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/logru/logru/sinks"
)

// gateShard counts the writes under way from the entries of one shard (see counters.go),
// on a cache line of its own.
type gateShard struct {
	n atomic.Int64
	_ [cacheLine - 8]byte
}

// writeGate admits the concurrent writes of a lock-free handler until it is shut. A
// writer adds itself to its shard's count, then checks shut; shut sets shut, then waits
// until every shard's count is 0. Go's atomics are sequentially consistent, so either
// the writer sees shut (and leaves without writing) or shut sees the writer (and waits
// for it). The zero value is not ready: init it (openSink does, for lock-free sinks
// only) before enter; init is not safe for concurrent use (it is called before the
// handler is published), enter, leave and shut are.
type writeGate struct {
	closed atomic.Bool
	shards []gateShard
	w      io.Writer // the sink's writer, called directly (see emitGated)
}

// init gives g n shards (n a power of two, at least 1) and the writer it admits writes to.
func (g *writeGate) init(n int, w io.Writer) {
	g.shards = make([]gateShard, max(n, 1))
	g.w = w
}

// enter admits one write from the entry of shard shard; nil means the gate is shut
// and nothing may be written. A non-nil result must be left.
func (g *writeGate) enter(shard uint32) *gateShard {
	s := &g.shards[int(shard)&(len(g.shards)-1)]
	s.n.Add(1)
	if g.closed.Load() {
		s.n.Add(-1)
		return nil
	}
	return s
}

// leave ends a write enter admitted.
func (s *gateShard) leave() { s.n.Add(-1) }

// busy reports whether some write is inside the gate. It reads every shard: for the
// error path only (see gatedNote). A gate not initialised is never busy.
func (g *writeGate) busy() bool {
	for i := range g.shards {
		if g.shards[i].n.Load() != 0 {
			return true
		}
	}
	return false
}

// shut stops admitting writes and returns once the writes admitted have left. It polls
// with growing pauses: writes are one write call each, and shut is a configuration
// path. Safe to call more than once and concurrently.
func (g *writeGate) shut() {
	g.closed.Store(true)
	for i := range g.shards {
		s := &g.shards[i]
		for try, pause := 0, time.Microsecond; s.n.Load() != 0; try++ {
			if try < 8 {
				runtime.Gosched()
				continue
			}
			time.Sleep(pause)
			pause = min(2*pause, time.Millisecond)
		}
	}
}

// lockFreeWriter reports whether w needs no lock of logru's: an *os.File, io.Discard,
// or logru's own console sink.
func lockFreeWriter(w io.Writer) bool {
	switch w.(type) {
	case *os.File, *sinks.Console:
		return true
	}
	return w == io.Discard
}

// emitGated writes one line to a lock-free handler's sink, inside its gate: errRemoved
// when the handler is closed. The sink runs no user code and cannot panic (an
// *os.File, io.Discard, the console, a file logru opened without a RotateFunc), so
// nothing is recovered here. The errors a file raised meanwhile wait in hd.pending (see
// gatedNote) and are reported here, outside the gate: one load of a bool for the other
// sinks, and one atomic load for a file.
func (hd *handler) emitGated(b []byte, shard uint32) error {
	s := hd.gate.enter(shard)
	if s == nil {
		return errRemoved
	}
	_, err := hd.gate.w.Write(b)
	s.leave()
	if hd.pends && hd.nPending.Load() > 0 {
		hd.core.reportPending(hd)
	}
	return err
}
