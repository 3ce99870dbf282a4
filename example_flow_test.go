package logru_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/logru/logru"
)

// stepsFormat prints a record's level and message and, for flow_end, each timeline
// entry's name and status: durations and flow ids vary from run to run, so the time in
// flow_end's message ("flow checkout succeeded in 12.3ms") is cut off.
func stepsFormat(r *logru.Record) string {
	msg := r.Message
	if i := strings.LastIndex(msg, " in "); i >= 0 {
		msg = msg[:i]
	}
	if i := strings.LastIndex(msg, " after "); i >= 0 {
		msg = msg[:i]
	}
	s := r.Level.Name + " " + msg
	if tl, ok := r.Extra.Get("timeline"); ok {
		for _, st := range tl.(logru.Timeline) {
			s += " | " + st.Fn + " " + st.Status
		}
	}
	return s + "\n"
}

var errDeclined = errors.New("card declined")

func chargeCard(ctx context.Context, amount float64) (err error) {
	defer logru.Step(ctx, "charge_card")(&err)
	if amount > 100 {
		return errDeclined
	}
	return nil
}

func ExampleLogger_Flow() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, FormatFunc: stepsFormat})
	defer l.Close()

	checkout := func(ctx context.Context, amount float64) (err error) {
		ctx, flow := l.Flow(ctx, "checkout", "amount", amount)
		defer flow.End(&err)

		func() { defer logru.Step(ctx, "validate")(nil) }()
		l.Ctx(ctx).Info("charging") // carries flow_id
		if err := chargeCard(ctx, amount); err != nil {
			return fmt.Errorf("checkout: %w", err)
		}
		func() { defer logru.Step(ctx, "send_receipt")(nil) }()
		return nil
	}
	_ = checkout(context.Background(), 30)
	_ = checkout(context.Background(), 300)
	// Output:
	// INFO flow checkout started
	// INFO charging
	// INFO flow checkout succeeded | validate ok | charge_card ok | send_receipt ok
	// INFO flow checkout started
	// INFO charging
	// ERROR flow checkout failed at charge_card (2/2) | validate ok | charge_card failed
}

func ExampleStep() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, FormatFunc: stepsFormat})
	defer l.Close()

	ctx, flow := l.Flow(context.Background(), "import")
	func() {
		defer logru.Step(ctx, "download")(nil)
		func() { defer logru.Step(ctx, "verify checksum")(nil) }() // steps nest
	}()
	done := make(chan struct{})
	go func() { // and run in other goroutines
		defer close(done)
		defer logru.Step(ctx, "index")(nil)
	}()
	<-done
	flow.End(nil)
	// Output:
	// INFO flow import started
	// INFO flow import succeeded | download ok | verify checksum ok | index ok
}

func ExampleLogger_Timed() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Level: "DEBUG", FormatFunc: func(r *logru.Record) string {
		// The message ends with the time taken: "… done in 12.3ms"; cut it off.
		msg, _, _ := strings.Cut(r.Message, " in ")
		msg, _, _ = strings.Cut(msg, " after ")
		_, timed := r.Extra.Get("duration_ms")
		return fmt.Sprintf("%s %s (duration_ms: %v)\n", r.Level.Name, msg, timed)
	}})
	defer l.Close()

	migrate := func() (err error) {
		defer l.Timed("database migration", "table", "users")(&err)
		return nil
	}
	_ = migrate()
	// Output:
	// DEBUG database migration started (duration_ms: false)
	// INFO database migration done (duration_ms: true)
}
