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
// on a cache line of its own, and the records those writes wrote: n's low 32 bits are
// the writes under way, its high 32 bits the records written (see leaveWritten). One
// atomic add as a write leaves both ends it and counts its record, where a counter of
// their own would take a second add (a locked instruction, several nanoseconds even
// uncontended).
type gateShard struct {
	n atomic.Uint64
	_ [cacheLine - 8]byte
}

const (
	// underWay masks the writes under way in a gateShard's n.
	underWay = 1<<32 - 1
	// oneWritten is one record written, in a gateShard's n.
	oneWritten = 1 << 32
	// foldAt is the count of records written at which a shard's count moves to the
	// handler's records counter (see leaveWritten), long before its 32 bits could
	// overflow.
	foldAt = 1 << 31
)

// writeGate admits the concurrent writes of a lock-free handler until it is shut. A
// writer adds itself to its shard's count, then checks shut; shut sets shut, then waits
// until every shard's count is 0. Go's atomics are sequentially consistent, so either
// the writer sees shut (and leaves without writing) or shut sees the writer (and waits
// for it). The zero value is not ready: init it (openSink does, for lock-free sinks
// only) before enter; init is not safe for concurrent use (it is called before the
// handler is published), enter, leave and shut are.
//
// The shards also count the records written through the gate (leaveWritten): the
// handler's records counter adds them (see shardedCounter.gated).
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
		s.n.Add(^uint64(0)) // -1
		return nil
	}
	return s
}

// leave ends a write enter admitted that wrote no record.
func (s *gateShard) leave() { s.n.Add(^uint64(0)) }

// leaveWritten ends a write enter admitted that wrote its record, and counts the
// record, in one atomic add. The one writer whose add makes the count foldAt moves
// foldAt records out of the shard and returns foldAt, for the caller to add to the
// handler's records counter; every other call returns 0. Each add raises the count by
// one, so exactly one writer sees each crossing, and no record is lost or counted
// twice (a Stats read between the two adds misses foldAt records under way, as it may
// miss any record under way).
func (s *gateShard) leaveWritten() uint64 {
	if s.n.Add(oneWritten-1)>>32 != foldAt {
		return 0
	}
	s.n.Add(^uint64(foldAt*oneWritten - 1)) // subtracts foldAt records
	return foldAt
}

// written returns the records counted in the shards (by leaveWritten) and not yet
// moved to the handler's records counter. A gate not initialised has written none.
func (g *writeGate) written() uint64 {
	var n uint64
	for i := range g.shards {
		n += g.shards[i].n.Load() >> 32
	}
	return n
}

// busy reports whether some write is inside the gate. It reads every shard: for the
// error path only (see gatedNote). A gate not initialised is never busy.
func (g *writeGate) busy() bool {
	for i := range g.shards {
		if g.shards[i].n.Load()&underWay != 0 {
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
		for try, pause := 0, time.Microsecond; s.n.Load()&underWay != 0; try++ {
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
// when the handler is closed. A line written is counted in the handler's records as it
// leaves the gate (leaveWritten); the caller counts the others. The sink runs no user
// code and cannot panic (an *os.File, io.Discard, the console, a file logru opened
// without a RotateFunc), so nothing is recovered here. The errors a file raised
// meanwhile wait in hd.pending (see gatedNote) and are reported here, outside the gate:
// one load of a bool for the other sinks, and one atomic load for a file.
func (hd *handler) emitGated(b []byte, shard uint32) error {
	s := hd.gate.enter(shard)
	if s == nil {
		return errRemoved
	}
	_, err := hd.gate.w.Write(b)
	if err == nil {
		if n := s.leaveWritten(); n != 0 {
			hd.records.add(shard, n)
		}
	} else {
		s.leave()
	}
	if hd.pends && hd.nPending.Load() > 0 {
		hd.core.reportPending(hd)
	}
	return err
}
