package logru_test

import (
	"context"
	"testing"

	"github.com/logru/logru"
)

// stepsPerFlow keeps a benchmark's flows below MaxTimeline, so every step is recorded.
const stepsPerFlow = 500

// TestFlowAllocations: the allocation budgets of issue 15.
func TestFlowAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	l := discard(t, logru.Handler{Level: "INFO"})
	ctx, flow := l.Flow(context.Background(), "bench")
	defer flow.End(nil)
	plain := logru.Contextualize(context.Background(), "flow_id", "bench-00000000")
	for _, tt := range []struct {
		name string
		max  float64
		f    func()
	}{
		// The end function is the one allocation; the timeline's growth is amortized.
		{"a step inside a flow", 1, func() { logru.Step(ctx, "step")(nil) }},
		{"Ctx with a flow, disabled", 0, func() { l.Ctx(ctx).Debug("x") }},
		{"Ctx with a flow", 1, func() { l.Ctx(ctx).Info("x") }},
		{"Ctx with a field", 1, func() { l.Ctx(plain).Info("x") }},
	} {
		if tt.name == "a step inside a flow" {
			// A fresh flow, so the timeline does not fill up during the run.
			ctx, flow = l.Flow(context.Background(), "bench")
			defer flow.End(nil)
		}
		if got := testing.AllocsPerRun(200, tt.f); got > tt.max {
			t.Errorf("%s: %.1f allocations, want at most %.0f", tt.name, got, tt.max)
		}
	}
}

// BenchmarkStep: steps in flows of their own, one per goroutine (flows share nothing).
func BenchmarkStep(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO"})
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		ctx, flow := l.Flow(context.Background(), "bench")
		n := 0
		for pb.Next() {
			if n++; n == stepsPerFlow {
				flow.End(nil)
				ctx, flow = l.Flow(context.Background(), "bench")
				n = 0
			}
			logru.Step(ctx, "step")(nil)
		}
		flow.End(nil)
	})
}

// BenchmarkFlow: a whole flow with three steps, flow_start and flow_end written (text).
func BenchmarkFlow(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Format: "{time} {level} {message} {extra}"})
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			ctx, flow := l.Flow(context.Background(), "checkout")
			logru.Step(ctx, "validate")(nil)
			logru.Step(ctx, "reserve")(nil)
			logru.Step(ctx, "charge")(nil)
			flow.End(nil)
		}
	})
}

// BenchmarkFlowDisabled: a whole flow whose records no handler takes.
func BenchmarkFlowDisabled(b *testing.B) {
	l := discard(b, logru.Handler{Level: "ERROR"})
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			ctx, flow := l.Flow(context.Background(), "checkout")
			logru.Step(ctx, "validate")(nil)
			flow.End(nil)
		}
	})
}

// BenchmarkCtxFlow measures a record through Ctx(ctx): with a flow's ctx, with a ctx
// holding one Contextualize field, and with a bare ctx. The first minus the last is what
// a flow adds to a record.
// The format leaves the fields out, so that only the lookup and the merge are measured.
func BenchmarkCtxFlow(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Format: "{level} {message}"})
	flowCtx, flow := l.Flow(context.Background(), "bench")
	defer flow.End(nil)
	for _, c := range []struct {
		name string
		ctx  context.Context
	}{
		{"flow", flowCtx},
		{"field", logru.Contextualize(context.Background(), "flow_id", "bench-00000000")},
		{"bare", context.Background()},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.Ctx(c.ctx).Info("handled")
			}
		})
	}
}
