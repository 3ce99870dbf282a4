package timefmt

import (
	"encoding/binary"
	"slices"
	"sync/atomic"
	"time"
)

// grain is the finest unit of time a format's output depends on.
type grain uint8

const (
	grainSecond grain = iota // the text changes at most once a second
	grainMilli               // at most once a millisecond (S, SS, SSS)
	grainFine                // more often (SSSS and finer, x, %f): never cached
)

// grainOf returns the grain of a token that is n letters long.
func grainOf(k opKind, n int) grain {
	switch {
	case k == opFraction && n <= 3:
		return grainMilli
	case k == opFraction, k == opUnixMicro:
		return grainFine
	}
	return grainSecond
}

// widen returns the finer of g and h.
func (g grain) widen(h grain) grain { return max(g, h) }

func (g grain) cacheable() bool { return g < grainFine }

// key returns the cache key of t: its Unix second and, at millisecond grain, the
// millisecond within it.
func (g grain) key(t time.Time) (sec, frac int64) {
	sec = t.Unix()
	if g == grainMilli {
		frac = int64(t.Nanosecond() / 1e6)
	}
	return sec, frac
}

// cacheWords bounds the cached text: longer text is rendered every time.
const (
	cacheWords = 8
	cacheBytes = cacheWords * 8
)

// cache holds the text a Format rendered last and the key it was rendered for:
// the time truncated to the format's grain and the time's location (nil for
// formats that convert to UTC). A *time.Location never changes once made, so the
// pair fixes the text.
//
// It is a sequence lock built only from atomic words, so readers never block, the
// race detector sees no race, and neither a hit nor a miss allocates. seq is odd
// while a writer is updating; a reader that sees seq change, or odd, treats the
// read as a miss and renders the text itself.
type cache struct {
	seq  atomic.Uint64
	sec  atomic.Int64
	frac atomic.Int64
	loc  atomic.Pointer[time.Location]
	n    atomic.Uint64
	text [cacheWords]atomic.Uint64
}

// load appends the cached text to dst if it was rendered for the given key.
func (c *cache) load(dst []byte, sec, frac int64, loc *time.Location) ([]byte, bool) {
	s := c.seq.Load()
	if s == 0 || s&1 != 0 {
		return dst, false
	}
	if c.sec.Load() != sec || c.frac.Load() != frac || c.loc.Load() != loc {
		return dst, false
	}
	n := int(c.n.Load())
	if n > cacheBytes {
		return dst, false
	}
	start := len(dst)
	words := (n + 7) / 8
	dst = slices.Grow(dst, words*8)
	b := dst[start : start+words*8]
	for w := range words {
		binary.LittleEndian.PutUint64(b[w*8:], c.text[w].Load())
	}
	if c.seq.Load() != s {
		return dst[:start], false
	}
	return dst[:start+n], true
}

// store remembers text as the rendering for the given key. It gives up, leaving
// the cache as it is, when the text is too long or another goroutine is storing.
func (c *cache) store(sec, frac int64, loc *time.Location, text []byte) {
	if len(text) > cacheBytes {
		return
	}
	s := c.seq.Load()
	if s&1 != 0 || !c.seq.CompareAndSwap(s, s+1) {
		return
	}
	c.sec.Store(sec)
	c.frac.Store(frac)
	c.loc.Store(loc)
	c.n.Store(uint64(len(text)))
	for i := 0; i < len(text); i += 8 {
		var w [8]byte
		copy(w[:], text[i:])
		c.text[i/8].Store(binary.LittleEndian.Uint64(w[:]))
	}
	c.seq.Store(s + 2)
}
