package logru_test

import (
	"context"
	"fmt"

	"github.com/logru/logru"
)

type requestKey struct{}

// Ctx gives a record the context: the fields Contextualize put in it become extra
// fields, and the context itself reaches patchers, filters and sinks as Record.Context
// (where an OpenTelemetry span lives, for one).
func ExampleLogger_Ctx() {
	l := logru.New()
	l.Add(logru.Handler{Format: "{message}", Sink: func(m logru.Message) {
		user, _ := m.Record.Extra.Get("user")
		var request any
		if ctx := m.Record.Context; ctx != nil {
			request = ctx.Value(requestKey{})
		}
		fmt.Printf("%s: user=%v request=%v\n", m.Record.Message, user, request)
	}})

	ctx := context.WithValue(context.Background(), requestKey{}, "r-42")
	ctx = logru.Contextualize(ctx, "user", "ann")
	l.Ctx(ctx).Info("checking credentials")
	l.Info("no context here")
	// Output:
	// checking credentials: user=ann request=r-42
	// no context here: user=<nil> request=<nil>
}
