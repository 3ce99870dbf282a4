package logru

import (
	"context"
	"log/slog"

	"github.com/logru/logru/core"
)

type ctxKey struct{}

// ctxFields are the fields a context carries for Ctx, and the flow it is part of (see
// flow.go); never modified once stored. The flow rides here, beside its flow_id field,
// so that a record finds both with the one lookup Ctx makes anyway.
type ctxFields struct {
	extra core.Extra
	flow  *flowState
}

// Contextualize returns a copy of ctx carrying the given fields (key/value pairs, as log
// arguments take them) in addition to those ctx already carries; a later key wins. A
// logger's Ctx(ctx) child adds them to its records, below bound fields and call
// arguments in precedence. A nil ctx is taken as context.Background().
func Contextualize(ctx context.Context, args ...any) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	var f ctxFields
	if p := ctxFieldsOf(ctx); p != nil {
		f.extra = p.extra.Clone()
		f.flow = p.flow
	}
	var attrs [16]slog.Attr
	for _, a := range appendArgs(attrs[:0], args, false) {
		f.extra.SetAttr(a)
	}
	return context.WithValue(ctx, ctxKey{}, &f)
}

// fieldsOf returns the fields ctx carries, or nil (see ctxFieldsOf).
func fieldsOf(ctx context.Context) *core.Extra {
	if p := ctxFieldsOf(ctx); p != nil {
		return &p.extra
	}
	return nil
}

// ctxFieldsOf returns what ctx carries for Ctx, or nil. A context whose Value method
// panics (a user's own Context type) carries nothing: the record is still written.
func ctxFieldsOf(ctx context.Context) (f *ctxFields) {
	defer func() {
		if recover() != nil {
			f = nil
		}
	}()
	f, _ = ctx.Value(ctxKey{}).(*ctxFields)
	return f
}
