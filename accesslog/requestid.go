package accesslog

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
)

// ridKey is the context key of the request id; its String names it in %v output, as
// net/http's context keys do.
type ridKey struct{}

func (ridKey) String() string { return "accesslog request id" }

// RequestID returns the request id the middleware gave the request whose context ctx is
// (or derives from), or "" when there is none. Inside a handler,
// l.Ctx(r.Context()) already carries it as the field request_id; RequestID is for
// passing it on, to a downstream call's header say.
func RequestID(ctx context.Context) string {
	if ctx == nil {
		return ""
	}
	id, _ := ctx.Value(ridKey{}).(string)
	return id
}

// validID reports whether a client-supplied id is kept: 1 to max characters, each a
// letter, a digit or one of "-_.:+/=@". Nothing in such an id needs escaping in a line
// or a header.
func validID(id string, max int) bool {
	if id == "" || len(id) > max {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '-', c == '_', c == '.', c == ':', c == '+', c == '/', c == '=', c == '@':
		default:
			return false
		}
	}
	return true
}

// randBuf holds random bytes from crypto/rand, read 512 at a time: one read costs about
// as much as a system call, so ids are cut from a buffer. Each byte is handed out once.
type randBuf struct {
	b   [512]byte
	off int
}

var randBufs = sync.Pool{New: func() any { return &randBuf{off: 512} }}

// newID returns 128 random bits from crypto/rand as 32 hex digits.
func newID() string {
	rb := randBufs.Get().(*randBuf)
	if rb.off+16 > len(rb.b) {
		rand.Read(rb.b[:]) // never fails (Go 1.24+: it crashes the program instead)
		rb.off = 0
	}
	var s [32]byte
	hex.Encode(s[:], rb.b[rb.off:rb.off+16])
	clear(rb.b[rb.off : rb.off+16])
	rb.off += 16
	randBufs.Put(rb)
	return string(s[:])
}
