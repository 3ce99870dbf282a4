package logru

import (
	"context"
	"log/slog"

	"github.com/logru/logru/core"
)

type ctxKey struct{}

// ctxFields are the fields a context carries for Ctx; never modified once stored.
type ctxFields struct{ extra core.Extra }

// Contextualize returns a copy of ctx carrying the given fields (key/value pairs, as log
// arguments take them) in addition to those ctx already carries; a later key wins. A
// logger's Ctx(ctx) child adds them to its records, below bound fields and call
// arguments in precedence. A nil ctx is taken as context.Background().
func Contextualize(ctx context.Context, args ...any) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	var f ctxFields
	if p := fieldsOf(ctx); p != nil {
		f.extra = p.Clone()
	}
	var attrs [16]slog.Attr
	for _, a := range appendArgs(attrs[:0], args, false) {
		f.extra.SetAttr(a)
	}
	return context.WithValue(ctx, ctxKey{}, &f)
}

// fieldsOf returns the fields ctx carries, or nil. A context whose Value method panics
// (a user's own Context type) carries none: the record is still written.
func fieldsOf(ctx context.Context) (e *core.Extra) {
	defer func() {
		if recover() != nil {
			e = nil
		}
	}()
	if p, ok := ctx.Value(ctxKey{}).(*ctxFields); ok {
		return &p.extra
	}
	return nil
}
