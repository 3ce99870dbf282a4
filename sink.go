package logru

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
// errReentrant instead (dropped, counted and reported), never a deadlock.
func (hd *handler) emit(b []byte, r *Record) (err error) {
	if hd.viaLog && inLogOutput() {
		return errReentrant
	}
	if !hd.mu.TryLock() {
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

// emitLocked writes one line to the sink; hd.mu is held. A panicking sink is contained.
func (hd *handler) emitLocked(b []byte, r *Record) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = panicError("the sink", v)
		}
	}()
	switch {
	case hd.file != nil:
		hd.inSink.Store(true) // the file's errors wait until hd.mu is released
		defer hd.inSink.Store(false)
		_, err = hd.file.Write(b)
	case hd.w != nil:
		_, err = hd.w.Write(b)
	case hd.fn != nil:
		hd.fn(Message{Text: b, Record: r})
	case hd.sink != nil:
		err = hd.sink.Write(Message{Text: b, Record: r})
	case hd.rw != nil:
		hd.inSink.Store(true) // the sink's notices wait until hd.mu is released
		defer hd.inSink.Store(false)
		err = hd.rw.write(b, r)
	case hd.slogh != nil:
		err = hd.emitSlog(r)
	}
	return err
}
