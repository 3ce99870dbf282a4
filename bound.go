package logru

import (
	"sync/atomic"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/render"
)

// boundEncoding holds the encodings of a logger's bound fields, made at the first
// record that needs one, so that bound fields are stored once and not re-encoded per
// record (see [render.Prefix] for which values are kept as bytes). A Bind makes a new
// one; Patch, Opt and Ctx children share their parent's, as they share its fields.
type boundEncoding struct {
	prefix atomic.Pointer[render.Prefix]
}

// json returns the JSON encoding of bound, making it on first use. Two goroutines may
// both make it; either result is the same.
func (b *boundEncoding) json(bound *core.Extra) *render.Prefix {
	if p := b.prefix.Load(); p != nil {
		return p
	}
	p := render.NewPrefix(bound.Attrs())
	b.prefix.Store(p)
	return p
}
