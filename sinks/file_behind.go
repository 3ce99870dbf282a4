package sinks

import (
	"errors"
	"fmt"

	"github.com/logru/logru/internal/fsys"
)

// This file holds a buffered File's write behind. When the buffer is full (and
// Buffering is writeBehindMin or more), the goroutine that filled it does not write
// it: it hands it to a goroutine of its own, takes the File's second buffer, and goes
// on logging while the system call copies the first into the file. At most one write is behind at a time, and everything else that uses
// the file (a direct write, Flush, Sync, rotation, Close, Handoff, a watch or
// deleted-file reopen) first waits for it (settle), so lines reach the file in the order
// they were written and never into a file that was closed, rotated or handed off.
//
// The lines of a write behind are lost only as those of a synchronous buffer flush are
// (the write failed, or found the file deleted); the error, with the count of bytes
// lost, goes to OnError, like that of any flush a Write caused.

// writeBehindMin is the smallest Buffering written behind. Handing a buffer to another
// goroutine costs a wake-up of a thread (futexes, and on a virtual machine an
// interrupt between CPUs: tens of microseconds of CPU, measured 2026-12 on the flood),
// about what writing 64 KiB costs; from 128 KiB up the hand-off is a small part of
// the write it takes off the logging path. Below, the Write that fills the buffer
// writes it.
const writeBehindMin = 128 << 10

// behind is the write in flight. Its fields other than busy are the writing
// goroutine's from the moment it starts until it sends on done.
type behind struct {
	busy    bool          // a write is in flight (guarded by the File's lock)
	done    chan struct{} // capacity 1: the goroutine sends when its write is done
	start   func()        // run, made once: go start() allocates nothing
	file    fsys.File
	path    string
	regular bool
	torn    bool
	p       []byte
	res     outcome
}

// run writes the buffer, then tells settle. A panic of the file's Write (a wrapped
// filesystem's) is its outcome's error, not the program's end.
func (b *behind) run() {
	defer func() {
		if v := recover(); v != nil {
			b.res = outcome{torn: true, err: fmt.Errorf("sinks: panic writing %s: %v", b.path, v)}
		}
		b.done <- struct{}{}
	}()
	b.res = writeOut(b.file, b.path, b.regular, b.torn, b.p)
}

// flushBehind starts writing the full buffer behind, after the write in flight (whose
// lost lines' error it returns), and gives the buffer that write emptied to the next
// lines. It writes nothing when the file was found deleted: the lines stay held for the
// file the next write opens.
func (f *File) flushBehind() error {
	err := f.settleErr()
	if f.file == nil || f.unlinked || len(f.buf) == 0 {
		return err
	}
	b := &f.behind
	if b.done == nil {
		b.done, b.start = make(chan struct{}, 1), b.run
	}
	b.file, b.path, b.regular, b.torn, b.p = f.file, f.path, f.regular(), f.torn, f.buf
	b.busy = true
	f.buf, f.spare = f.spare[:0], nil
	go b.start()
	return err
}

// settleErr waits for the write behind, if one is in flight, takes its outcome into the
// File and returns the error of the lines it lost. The buffer it wrote becomes the
// spare.
func (f *File) settleErr() error {
	b := &f.behind
	if !b.busy {
		return nil
	}
	<-b.done
	b.busy = false
	held := len(b.p)
	n, err := f.apply(b.res)
	f.size -= int64(held) // apply counted the bytes written; the buffer counted them all
	f.spare = b.p[:0]
	b.file, b.p, b.res = nil, nil, outcome{}
	if err != nil {
		return fmt.Errorf("%w (%d buffered bytes lost)", err, held-n)
	}
	return nil
}

// settle is settleErr keeping the error for takeLost.
func (f *File) settle() {
	if err := f.settleErr(); err != nil {
		f.lost = errors.Join(f.lost, err)
	}
}

// takeLost returns and forgets the errors settle kept, for OnError.
func (f *File) takeLost() error {
	err := f.lost
	f.lost = nil
	return err
}
