// Package buffer provides the pooled byte buffers that logru formats records into.
package buffer

import "sync"

// Buffer is a growable byte slice taken from a pool. Use [New] to get one and
// [Buffer.Free] to return it; a Buffer must not be used after Free.
type Buffer []byte

const (
	initialSize = 1 << 10
	// maxPooled is the largest buffer returned to the pool; bigger ones are left to the
	// garbage collector so one huge record does not pin memory forever.
	maxPooled = 16 << 10
)

var pool = sync.Pool{New: func() any {
	b := make(Buffer, 0, initialSize)
	return &b
}}

// New returns an empty buffer from the pool.
func New() *Buffer { return pool.Get().(*Buffer) }

// Free returns b to the pool.
func (b *Buffer) Free() {
	if cap(*b) <= maxPooled {
		*b = (*b)[:0]
		pool.Put(b)
	}
}
