package logru

// How a record leaves a handler: emit takes the handler's lock (refusing a sink that
// logs into its own handler), emitLocked calls the handler's sinkAdapter, which hands
// the line (or the record) to the sink the user gave. A sink that needs no lock (an
// *os.File, io.Discard, the console, a file logru opened without a RotateFunc) is
// written through emitGated instead (gate.go). The adapters
// of slog.Handler and sinks.RecordWriter sinks are in slogsink.go and recordsink.go.

import (
	"io"
	"runtime"

	"github.com/logru/logru/sinks"
)

// Message is what a func(logru.Message) sink or a [Sink] receives: the formatted line and
// the record it came from. Both are valid only during the call; copy what must be kept.
type Message struct {
	// Text is the formatted line, newline included (for a Raw record, exactly the message).
	Text []byte
	// Record is the record the line was formatted from.
	Record *Record
}

// Sink is a custom destination. Write is called with one complete line at a time, never
// concurrently for one handler. A Sink may also have Flush() error (called by Complete)
// and Close() error (called when its handler is removed and by Close); both are detected
// by type assertion.
type Sink interface {
	Write(m Message) error
}

// emit hands one formatted line to the sink, under the handler's lock. A sink that logs
// into its own handler would wait for the lock it holds: such a record is refused with
// errReentrant instead (dropped, counted and reported), never a deadlock. inEmit looks
// for its frame: never inlined.
//
//go:noinline
func (hd *handler) emit(b []byte, r *Record) (err error) {
	if hd.viaLog && inLogOutput() {
		return errReentrant
	}
	if !hd.mu.TryLock() && !(hd.userCode && hd.lockSoon()) {
		// The lock stays taken: another goroutine's write is slow, or this goroutine
		// holds it (a sink of this handler logging into it).
		if hd.userCode && inEmit() {
			// This goroutine is inside a sink's write. If it holds hd's lock itself (a
			// sink logging into its own handler), waiting would never end; if another
			// goroutine holds it (a sink of one logger feeding another), it is released
			// soon. The stack cannot tell which handler's lock this goroutine holds, so
			// wait a bounded time, then refuse.
			if !hd.lockWithin(hd.reentryWait) {
				return errReentrant
			}
		} else {
			hd.mu.Lock()
		}
	}
	defer hd.mu.Unlock()
	if hd.removed {
		return errRemoved
	}
	return hd.emitLocked(b, r)
}

// lockSpins and lockYields bound lockSoon's retries: rounds of lockSpins TryLocks
// (a load, then a compare-and-swap only when the lock looks free), the processor
// yielded after each round.
const (
	lockSpins  = 16
	lockYields = 3
)

// lockSoon retries hd.mu cheaply, for a contended handler whose sink is user code: the
// holder is most often another goroutine finishing a short write, and the stack walk
// that tells a re-entrant sink (inEmit) costs far more than a few retries. It reports
// whether it took the lock.
func (hd *handler) lockSoon() bool {
	for range lockYields {
		for range lockSpins {
			if hd.mu.TryLock() {
				return true
			}
		}
		runtime.Gosched()
	}
	return hd.mu.TryLock()
}

// emitLocked writes one line to the sink; hd.mu is held. A panicking sink is contained.
// inSinkCall and dispatchDepth look for its frame: never inlined.
//
//go:noinline
func (hd *handler) emitLocked(b []byte, r *Record) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = panicError("the sink", v)
		}
	}()
	if hd.pends {
		hd.inSink.Store(true) // the sink's errors and notices wait until hd.mu is released
		defer hd.inSink.Store(false)
	}
	return hd.out.write(b, r)
}

// sinkAdapter is where a handler's records leave: one small adapter per kind of
// Handler.Sink (an io.Writer, a func(Message), a Sink, a file logru opened, a
// sinks.RecordWriter, a slog.Handler), made by openSink. The handler calls it holding
// hd.mu, never concurrently, except the write of a lock-free sink (sinkInfo.lockFree,
// see gate.go), called concurrently inside the handler's gate; what the handler must
// know of it besides is in sinkInfo.
type sinkAdapter interface {
	// write hands one record to the sink: line is its formatted line (empty for a sink
	// that formats records itself, sinkInfo.lineless), r the record (nil for lines
	// joined from a queue, sinkInfo.joins).
	write(line []byte, r *Record) error
	// flush writes what the sink buffers (called only when sinkInfo.flushes).
	flush() error
	// close closes the sink if logru owns it (a file it opened, a Sink or RecordWriter
	// with a Close method); a second call does nothing.
	close() error
	// dropped is what the sink dropped itself (a syslog or journal sink's buffer).
	dropped() uint64
}

// sinkInfo is what a handler knows of its sink, set once by openSink.
type sinkInfo struct {
	out      sinkAdapter
	sinkName string // "stderr", "stdout", a file path, or the sink's Go type: for Stats and notes
	// userCode: the sink runs user code, which may log back into this handler.
	userCode bool
	// takesRecord: the sink reads the record, not only the line (func, Sink, RecordWriter
	// and slog.Handler sinks): a queued line carries a copy of the record.
	takesRecord bool
	// lineless: the sink formats records itself (slog.Handler); no line is made.
	lineless bool
	// viaLog: the sink is slog's default handler, which writes through package log.
	viaLog bool
	// pends: the sink reports errors or notices from inside write, flush and close,
	// which wait in hd.pending until hd.mu is released (a file logru opened, a
	// RecordWriter), or, for a file written through the gate, until the writes in it
	// have left (see gatedNote).
	pends bool
	// flushes: the sink buffers, and flush writes what it holds.
	flushes bool
	// joins: the lines of a queued batch go to the sink in one write (a file logru
	// opened).
	joins bool
	// lockFree: the sink needs no lock of the handler's (see gate.go): a record is
	// written through emitGated, without hd.mu.
	lockFree bool
}

// noExtras gives an adapter the sinkAdapter methods it has nothing to do for.
type noExtras struct{}

func (noExtras) flush() error    { return nil }
func (noExtras) close() error    { return nil }
func (noExtras) dropped() uint64 { return 0 }

// writerSink is an io.Writer sink ("stdout" and "stderr" included); flusher, when set,
// is its Flush (or the console's Sync).
type writerSink struct {
	noExtras
	w       io.Writer
	flusher func() error
}

func (s *writerSink) write(line []byte, _ *Record) error {
	_, err := s.w.Write(line)
	return err
}

func (s *writerSink) flush() error { return s.flusher() }

// funcSink is a func(Message) sink.
type funcSink struct {
	noExtras
	fn func(Message)
}

func (s *funcSink) write(line []byte, r *Record) error {
	s.fn(Message{Text: line, Record: r})
	return nil
}

// userSink is a Sink, with its Flush and Close methods when it has them.
type userSink struct {
	s       Sink
	flusher func() error
	closer  io.Closer
}

func (s *userSink) write(line []byte, r *Record) error {
	return s.s.Write(Message{Text: line, Record: r})
}

func (s *userSink) flush() error { return s.flusher() }

func (s *userSink) close() error {
	if s.closer == nil {
		return nil
	}
	c := s.closer
	s.closer = nil
	return c.Close()
}

func (s *userSink) dropped() uint64 { return 0 }

// fileSink is a file logru opened. Its File also closes when Configure hands it to a
// new handler (see closeLocked), and later records pass through it to the new one.
type fileSink struct {
	noExtras
	f      *sinks.File
	path   string // the absolute path, as given, for Configure's hand-off
	closed bool
}

func (s *fileSink) write(line []byte, _ *Record) error {
	_, err := s.f.Write(line)
	return err
}

func (s *fileSink) flush() error { return s.f.Flush() }

func (s *fileSink) close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.f.Close()
}

// file returns the handler's file when its sink is a file logru opened, else nil.
func (hd *handler) file() *fileSink {
	fs, _ := hd.out.(*fileSink)
	return fs
}
