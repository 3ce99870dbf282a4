package sinks

import (
	"errors"
	"os"
	"sync"
)

// ErrClosed is returned by a Write to a sink that was closed.
var ErrClosed = errors.New("sinks: write to a closed sink")

// Console writes lines to a standard stream, usually os.Stdout or os.Stderr.
//
// A Console is safe for concurrent use: each Write is one write to the stream, made
// under the Console's lock. Closing a Console does not close the stream.
type Console struct {
	mu     sync.Mutex
	f      *os.File
	color  bool
	closed bool
}

// NewConsole returns a Console writing to f, colour-capable as [ColorEnabled] decides.
func NewConsole(f *os.File) *Console {
	return &Console{f: f, color: ColorEnabled(f)}
}

// ColorCapable reports whether the Console's stream should get colours when colours are
// automatic.
func (c *Console) ColorCapable() bool { return c.color }

// Write writes p to the stream in one call.
func (c *Console) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, ErrClosed
	}
	return c.f.Write(p)
}

// Sync commits the stream's data where that means something. Terminals and pipes cannot
// be synced; their error is not reported.
func (c *Console) Sync() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.f.Sync(); err != nil && !isUnsyncable(c.f) {
		return err
	}
	return nil
}

// Close stops the Console from writing; the stream itself stays open.
func (c *Console) Close() error {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	return nil
}

func isUnsyncable(f *os.File) bool {
	fi, err := f.Stat()
	return err != nil || fi.Mode()&(os.ModeCharDevice|os.ModeNamedPipe|os.ModeSocket) != 0
}
