package sinks

import (
	"errors"
	"fmt"
	"time"
)

// This file holds Handoff: a File passing its open file to a File with new options, as a
// logger's Configure does when the new configuration keeps a file sink on the same path.

// Handoff returns a new File on f's path with opts that continues f's open file: no second
// open, the lines f holds in its buffer are written by the new File, and nothing of the file
// is renamed, compressed or deleted by f from now on. f stays usable: its Writes, Flushes and
// Syncs go to the new File, and its Close (which no longer touches the file) waits for
// the background work f had queued. The new File shares f's protection of the file names
// it works on, so neither's retention deletes a file the other compresses.
//
// Closing the new File while f is still open hands the file back to f (so that a
// configuration that could not be applied as a whole undoes its hand-offs). Once f is
// closed, the new File owns the file alone.
//
// Invalid opts are an error, and f keeps its file. When f is closed or closing, Handoff
// waits for its Close and opens the path anew, as NewFile does. Handoff is safe for
// concurrent use with f's other methods.
func (f *File) Handoff(opts *FileOptions) (*File, error) {
	var o FileOptions
	if opts != nil {
		o = *opts
	}
	g, err := prepareFile(f.given, &o, f.clk, f.fs)
	if err != nil {
		return nil, err
	}
	g.w.names = f.w.names
	g.regKey = f.regKey // the key f holds, even if a directory link changed since
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		<-f.closeDone
		return newFile(f.given, opts, f.clk, f.fs)
	}
	if f.heir != nil {
		f.mu.Unlock()
		return nil, errors.New("sinks: Handoff: the file was handed off already")
	}
	if f.file != nil && !f.info.Mode().IsRegular() && g.touches() {
		f.mu.Unlock()
		return nil, g.notRegular(f.path, f.info.Mode())
	}
	if f.shared != g.shared {
		f.mu.Unlock()
		return nil, fmt.Errorf("sinks: Shared: cannot change from %v to %v on an open file", f.shared, g.shared)
	}
	ferr := f.flush() // the buffered lines go first, in order
	g.mu.Lock()
	moveFile(f, g)
	f.heir, g.origin = g, f
	succeed(f, g)
	g.mu.Unlock()
	stop, done := f.tickStop, f.tickDone
	f.tickStop = nil
	if stop != nil {
		f.stopping = done // Close waits for it (see finishClose)
	}
	f.mu.Unlock()
	if stop != nil { // f's flusher: f has nothing left to flush
		close(stop)
		if !onFlusher() { // called from OnError on that flusher: it ends as OnError returns
			<-done
		}
	}
	g.startFlusher()
	f.report(ferr)
	return g, nil
}

// moveFile moves the open file and its state from f to g, with both locked and f's
// buffer flushed.
func moveFile(f, g *File) {
	g.file, g.info, g.path, g.size, g.created = f.file, f.info, f.path, f.size, f.created
	g.torn, g.reuse, g.lastWatch = f.torn, f.reuse, f.lastWatch
	g.active, f.active = f.active, "" // the name's protection moves with it (the set is shared)
	if len(f.buf) > 0 {
		g.buf = append([]byte(nil), f.buf...)
	}
	g.next, g.retryAt = time.Time{}, time.Time{}
	// The interval grid stays the one the first file fixed (see openPath): a hand-off is
	// not a restart.
	g.grid = f.grid
	if g.grid.IsZero() {
		g.grid = g.created
	}
	if g.hasTime && g.file != nil {
		g.next = g.rot.NextOnGrid(g.grid, g.created)
	}
	f.file, f.info, f.buf, f.size = nil, nil, nil, 0
}

// giveBack hands f's file back to the File it came from, when that one is still open,
// and reports whether it did; f is then closed.
func (f *File) giveBack() bool {
	gave, err := f.giveBackLocked()
	f.report(err) // with no lock held: OnError may write to either File
	return gave
}

// giveBackLocked is giveBack's work, under both Files' locks; it returns the error of
// flushing f's lines, for giveBack to report.
func (f *File) giveBackLocked() (bool, error) {
	f.mu.Lock()
	o := f.origin
	f.mu.Unlock()
	if o == nil {
		return false, nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.origin != o || f.closed || o.closed || o.heir != f {
		return false, nil
	}
	f.closed = true
	err := f.flush()
	moveFile(f, o)
	o.heir, f.origin = nil, nil
	succeed(f, o)
	if o.bufCap > 0 && o.tickStop == nil {
		o.startFlusher()
	}
	return true, err
}
