package logru_test

import (
	"context"
	"testing"

	"github.com/logru/logru"
)

func TestContextualize(t *testing.T) {
	l, buf := newTest(t, "{message} {extra}")
	ctx := logru.Contextualize(context.Background(), "trace_id", "xyz", "who", "ctx")
	ctx2 := logru.Contextualize(ctx, "span", 2)
	l.Ctx(ctx).Info("a")
	l.Ctx(ctx2).Info("b")
	l.Bind("who", "bound").Ctx(ctx).Info("c")
	l.Bind("who", "bound").Ctx(ctx).Info("d", "who", "call")
	l.Info("e")
	var got context.Context
	l.Patch(func(r *logru.Record) { got = r.Context }).Ctx(ctx2).Info("f")
	expect(t, buf, "a trace_id=xyz who=ctx\nb trace_id=xyz who=ctx span=2\nc trace_id=xyz who=bound\nd trace_id=xyz who=call\ne \nf trace_id=xyz who=ctx span=2\n")
	if got != ctx2 {
		t.Error("Record.Context is not the context given to Ctx")
	}
}

// panicCtx is a user's Context whose Value method panics.
type panicCtx struct{ context.Context }

func (panicCtx) Value(any) any { panic("bad context") }

func TestCtxPanickingValue(t *testing.T) {
	l, buf := newTest(t, "{message} {extra}")
	ctx := panicCtx{context.Background()}
	l.Ctx(ctx).Info("still written", "k", 1)
	l.LogEvent(&logru.Event{Level: logru.LevelInfo, Message: "event", Context: ctx})
	expect(t, buf, "still written k=1\nevent \n")
}
