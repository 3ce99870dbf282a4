package logru_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"weak"

	"github.com/logru/logru"
	"github.com/logru/logru/bridge"
)

// flowRec is one captured record.
type flowRec struct {
	Level   string
	Message string
	Fields  map[string]any
	Text    string
}

// flowCapture is a logger whose records are kept, with a manual clock for its flows.
type flowCapture struct {
	L   *logru.Logger
	mu  sync.Mutex
	rs  []flowRec
	clk *manualClock
}

// manualClock moves only when told to.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newFlowCapture(t *testing.T, level string) *flowCapture {
	t.Helper()
	c := &flowCapture{L: logru.New(), clk: &manualClock{t: time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)}}
	logru.SetFlowClock(c.L, c.clk.Now)
	_, err := c.L.Add(logru.Handler{Level: level, Format: "{level} {message} {extra}", Colorize: logru.ColorNever,
		Sink: func(m logru.Message) {
			r := flowRec{Level: m.Record.Level.Name, Message: m.Record.Message, Fields: map[string]any{}, Text: string(m.Text)}
			for k, v := range m.Record.Extra.All() {
				r.Fields[k] = v
			}
			c.mu.Lock()
			c.rs = append(c.rs, r)
			c.mu.Unlock()
		}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.L.Close() })
	return c
}

func (c *flowCapture) records() []flowRec {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]flowRec(nil), c.rs...)
}

// ofType returns the records whose flow_type is typ.
func (c *flowCapture) ofType(typ string) []flowRec {
	var out []flowRec
	for _, r := range c.records() {
		if r.Fields["flow_type"] == typ {
			out = append(out, r)
		}
	}
	return out
}

// end returns the one flow_end record.
func (c *flowCapture) end(t *testing.T) flowRec {
	t.Helper()
	es := c.ofType(logru.FlowEnd)
	if len(es) != 1 {
		t.Fatalf("%d flow_end records, want 1: %+v", len(es), c.records())
	}
	return es[0]
}

var flowIDPattern = regexp.MustCompile(`^(.*-)?[0-9a-f]{8}$`)

func TestFlowID(t *testing.T) {
	c := newFlowCapture(t, "TRACE")
	seen := map[string]bool{}
	for _, label := range []string{"checkout", "", "a b", "checkout"} {
		ctx, f := c.L.Flow(context.Background(), label)
		id := logru.FlowID(ctx)
		if id != f.ID() || !flowIDPattern.MatchString(id) || !strings.HasPrefix(id, label) {
			t.Errorf("label %q: id %q, Flow.ID %q", label, id, f.ID())
		}
		if label == "" && len(id) != 8 {
			t.Errorf("no label: id %q, want 8 hex digits", id)
		}
		if seen[id] {
			t.Errorf("id %q repeated", id)
		}
		seen[id] = true
		f.End(nil)
	}
	//lint:ignore SA1012 FlowID documents that a nil context is allowed: this checks it
	if logru.FlowID(context.Background()) != "" || logru.FlowID(nil) != "" {
		t.Error("FlowID of a context without a flow is not empty")
	}
}

// TestFlowIDOnRecords: every way of logging with the flow's ctx carries flow_id.
func TestFlowIDOnRecords(t *testing.T) {
	c := newFlowCapture(t, "TRACE")
	ctx, f := c.L.Flow(context.Background(), "job")
	id := f.ID()
	c.L.Ctx(ctx).Info("root")
	c.L.Bind("k", 1).Ctx(ctx).Warning("child")
	c.L.Ctx(logru.Contextualize(ctx, "user", "bob")).Info("contextualized")
	slog.New(bridge.NewSlogHandler(c.L)).InfoContext(ctx, "through slog")
	c.L.Info("no ctx")
	f.End(nil)
	want := map[string]bool{"root": true, "child": true, "contextualized": true, "through slog": true, "no ctx": false}
	for _, r := range c.records() {
		has, ok := want[r.Message]
		if !ok {
			continue
		}
		if got := r.Fields["flow_id"] == id; got != has {
			t.Errorf("%q: flow_id %v, want it %v", r.Message, r.Fields["flow_id"], has)
		}
		delete(want, r.Message)
	}
	if len(want) > 0 {
		t.Errorf("records missing: %v", want)
	}
	if logru.FlowID(logru.Contextualize(ctx, "x", 1)) != id {
		t.Error("Contextualize lost the flow")
	}
}

func TestFlowStartAndEnd(t *testing.T) {
	errDeclined := errors.New("card declined")
	tests := []struct {
		name     string
		steps    []error // one step per entry, run in order; nil succeeds
		err      error   // what the flow returns
		level    string
		status   string
		failedAt string
		step     string
		flowErr  string
		message  string
		timeline string
	}{
		{"success", []error{nil, nil}, nil, "INFO", "success", "", "", "", "flow checkout succeeded in 3.0ms",
			"[step0 1.0ms ok, step1 2.0ms ok]"},
		{"a step fails", []error{nil, errDeclined, nil}, errDeclined, "ERROR", "failed", "step1", "2/3", "card declined",
			"flow checkout failed at step1 (2/3) after 6.0ms: card declined", "[step0 1.0ms ok, step1 2.0ms failed, step2 3.0ms ok]"},
		{"the flow fails itself", []error{nil}, &shopError{"out of stock"}, "ERROR", "failed", "checkout", "",
			"*logru_test.shopError: out of stock",
			"flow checkout failed after 1.0ms: *logru_test.shopError: out of stock", "[step0 1.0ms ok]"},
		{"a failed step the flow survives", []error{errDeclined}, nil, "INFO", "success", "", "", "", "flow checkout succeeded in 1.0ms",
			"[step0 1.0ms failed]"},
		{"no steps", nil, nil, "INFO", "success", "", "", "", "flow checkout succeeded in 0ms", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newFlowCapture(t, "TRACE")
			func() (err error) {
				ctx, flow := c.L.Flow(context.Background(), "checkout", "order", 7)
				defer flow.End(&err)
				for i, e := range tt.steps {
					func() (err error) {
						defer logru.Step(ctx, fmt.Sprintf("step%d", i))(&err)
						c.clk.Advance(time.Duration(i+1) * time.Millisecond)
						return e
					}()
				}
				return tt.err
			}()
			starts := c.ofType(logru.FlowStart)
			if len(starts) != 1 || starts[0].Message != "flow checkout started" || starts[0].Level != "INFO" || starts[0].Fields["order"] != int64(7) {
				t.Errorf("flow_start %+v", starts)
			}
			e := c.end(t)
			if e.Level != tt.level || e.Message != tt.message || e.Fields["flow_status"] != tt.status {
				t.Errorf("got %s %q %v, want %s %q %s", e.Level, e.Message, e.Fields["flow_status"], tt.level, tt.message, tt.status)
			}
			total := 0
			for i := range tt.steps {
				total += i + 1
			}
			if e.Fields["total_ms"] != float64(total) || e.Fields["steps"] != int64(len(tt.steps)) || e.Fields["order"] != int64(7) {
				t.Errorf("total_ms %v steps %v order %v", e.Fields["total_ms"], e.Fields["steps"], e.Fields["order"])
			}
			if tl := fmt.Sprint(e.Fields["timeline"]); tl != tt.timeline {
				t.Errorf("timeline %s, want %s", tl, tt.timeline)
			}
			for k, want := range map[string]string{"failed_at": tt.failedAt, "step": tt.step, "flow_error": tt.flowErr} {
				got, ok := e.Fields[k]
				if want == "" && ok || want != "" && got != want {
					t.Errorf("%s = %v, want %q", k, got, want)
				}
			}
			if _, ok := e.Fields["steps_dropped"]; ok {
				t.Error("steps_dropped without a dropped step")
			}
		})
	}
}

type shopError struct{ s string }

func (e *shopError) Error() string { return e.s }

// TestFlowPanics: a panic through a step, a flow's End or a timed scope is recorded as
// a failure with its value and goes on, unchanged.
func TestFlowPanics(t *testing.T) {
	c := newFlowCapture(t, "TRACE")
	type boom struct{ n int }
	v := recoverValue(func() {
		var err error
		ctx, flow := c.L.Flow(context.Background(), "checkout")
		defer flow.End(&err)
		defer logru.Step(ctx, "outer")(&err)
		defer logru.Step(ctx, "charge")(&err)
		panic(boom{7})
	})
	if v != (boom{7}) {
		t.Fatalf("the panic came out as %#v", v)
	}
	e := c.end(t)
	if e.Level != "ERROR" || e.Fields["flow_status"] != "failed" || e.Fields["failed_at"] != "charge" || e.Fields["step"] != "2/2" {
		t.Errorf("flow_end %+v", e)
	}
	if fe, _ := e.Fields["flow_error"].(string); !strings.HasPrefix(fe, "panic: ") || !strings.Contains(fe, "boom") {
		t.Errorf("flow_error %q", fe)
	}
	if tl := fmt.Sprint(e.Fields["timeline"]); tl != "[outer 0ms failed, charge 0ms failed]" {
		t.Errorf("timeline %s", tl)
	}

	// Timed, and a panic that is an error.
	perr := errors.New("bad state")
	v = recoverValue(func() {
		defer c.L.Timed("migration")(nil)
		panic(perr)
	})
	if v != perr {
		t.Fatalf("Timed changed the panic: %#v", v)
	}
	rs := c.records()
	last := rs[len(rs)-1]
	if last.Level != "ERROR" || last.Message != "migration failed after 0ms: panic: bad state" {
		t.Errorf("timed end %s %q", last.Level, last.Message)
	}
}

func recoverValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

// TestParallelSteps: steps in many goroutines are each recorded once (run with -race).
func TestParallelSteps(t *testing.T) {
	c := newFlowCapture(t, "TRACE")
	const n = 64
	ctx, flow := c.L.Flow(context.Background(), "fanout")
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if i%2 == 1 {
				err = errors.New("odd")
			}
			end := logru.Step(ctx, fmt.Sprintf("s%02d", i))
			c.L.Ctx(ctx).Debug("working")
			end(&err)
			end(&err) // a second call is ignored
		}()
	}
	wg.Wait()
	flow.End(nil)
	e := c.end(t)
	tl, ok := e.Fields["timeline"].(logru.Timeline)
	if !ok || len(tl) != n || e.Fields["steps"] != int64(n) {
		t.Fatalf("timeline %v", e.Fields["timeline"])
	}
	seen := map[string]bool{}
	failed := 0
	for _, s := range tl {
		if seen[s.Fn] {
			t.Errorf("%s twice", s.Fn)
		}
		seen[s.Fn] = true
		if s.Status == "failed" {
			failed++
		}
	}
	if failed != n/2 {
		t.Errorf("%d failed steps, want %d", failed, n/2)
	}
}

// TestStepsNest: a step inside a step is an entry of its own, in the order they began;
// a step still running when the flow ends says so.
func TestStepsNest(t *testing.T) {
	c := newFlowCapture(t, "TRACE")
	ctx, flow := c.L.Flow(context.Background(), "order")
	endOuter := logru.Step(ctx, "outer")
	c.clk.Advance(time.Millisecond)
	endInner := logru.Step(ctx, "inner")
	c.clk.Advance(2 * time.Millisecond)
	endInner(nil)
	c.clk.Advance(time.Millisecond)
	endOuter(nil)
	_ = logru.Step(ctx, "forgotten")
	c.clk.Advance(5 * time.Millisecond)
	flow.End(nil)
	late := logru.Step(ctx, "after the end")
	late(nil)
	e := c.end(t)
	if tl := fmt.Sprint(e.Fields["timeline"]); tl != "[outer 4.0ms ok, inner 2.0ms ok, forgotten 5.0ms running]" {
		t.Errorf("timeline %s", tl)
	}
}

// TestStepOutsideFlow: Step without a flow is Timed on the default logger.
func TestStepOutsideFlow(t *testing.T) {
	var buf lineBuffer
	id, err := logru.Default().Add(logru.Handler{Sink: &buf, Level: "TRACE", Format: "{level}|{message}|{extra}", FilterFunc: func(r *logru.Record) bool {
		return strings.HasPrefix(r.Message, "lonely step")
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logru.Default().Remove(id) })
	func() (err error) {
		defer logru.Step(logru.Contextualize(context.Background(), "req", "r1"), "lonely step", "k", "v")(&err)
		return errors.New("no luck")
	}()
	lines := buf.Lines()
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "DEBUG|lonely step started|req=r1 k=v") ||
		!strings.HasPrefix(lines[1], "ERROR|lonely step failed after ") || !strings.Contains(lines[1], "ms: no luck|req=r1 duration_ms=") {
		t.Errorf("%q", lines)
	}
}

func TestTimed(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		level string
		msg   string
	}{
		{"done", nil, "INFO", "database migration done in 12.3ms"},
		{"failed", &shopError{"disk full"}, "ERROR", "database migration failed after 12.3ms: *logru_test.shopError: disk full"},
		{"sub-millisecond", nil, "INFO", "database migration done in 0.042ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newFlowCapture(t, "TRACE")
			d := 12300 * time.Microsecond
			if tt.name == "sub-millisecond" {
				d = 42 * time.Microsecond
			}
			func() (err error) {
				defer c.L.Timed("database migration", "table", "users")(&err)
				c.clk.Advance(d)
				return tt.err
			}()
			rs := c.records()
			if len(rs) != 2 {
				t.Fatalf("%d records", len(rs))
			}
			if rs[0].Level != "DEBUG" || rs[0].Message != "database migration started" || rs[0].Fields["table"] != "users" {
				t.Errorf("start %+v", rs[0])
			}
			if rs[1].Level != tt.level || rs[1].Message != tt.msg || rs[1].Fields["table"] != "users" || rs[1].Fields["duration_ms"] != float64(d.Microseconds())/1e3 {
				t.Errorf("end %+v", rs[1])
			}
		})
	}
}

// TestNestedFlowJoins: a Flow begun inside a flow is a step of the outer one.
func TestNestedFlowJoins(t *testing.T) {
	c := newFlowCapture(t, "TRACE")
	ctx, outer := c.L.Flow(context.Background(), "request")
	func() (err error) {
		ctx2, inner := c.L.Flow(ctx, "payment")
		defer inner.End(&err)
		if logru.FlowID(ctx2) != outer.ID() || inner.ID() != outer.ID() {
			t.Errorf("the nested flow has id %q, want the outer %q", inner.ID(), outer.ID())
		}
		defer logru.Step(ctx2, "charge")(&err)
		return errors.New("declined")
	}()
	outer.End(nil)
	if n := len(c.ofType(logru.FlowStart)); n != 1 {
		t.Errorf("%d flow_start records, want 1", n)
	}
	joins := c.ofType(logru.FlowJoin)
	if len(joins) != 1 || joins[0].Level != "DEBUG" || joins[0].Fields["note"] == nil || joins[0].Fields["flow_id"] != outer.ID() {
		t.Errorf("join notes %+v", joins)
	}
	e := c.end(t)
	if tl := fmt.Sprint(e.Fields["timeline"]); tl != "[payment 0ms failed, charge 0ms failed]" {
		t.Errorf("timeline %s", tl)
	}
}

// TestTimelineCap: a timeline keeps MaxTimeline entries and counts the rest.
func TestTimelineCap(t *testing.T) {
	c := newFlowCapture(t, "TRACE")
	ctx, flow := c.L.Flow(context.Background(), "bulk")
	for range logru.MaxTimeline + 5 {
		logru.Step(ctx, "item")(nil)
	}
	flow.End(nil)
	e := c.end(t)
	tl := e.Fields["timeline"].(logru.Timeline)
	if len(tl) != logru.MaxTimeline || e.Fields["steps_dropped"] != int64(5) || e.Fields["steps"] != int64(logru.MaxTimeline+5) {
		t.Errorf("%d entries, steps_dropped %v, steps %v", len(tl), e.Fields["steps_dropped"], e.Fields["steps"])
	}
}

// TestNeverEndedFlowIsCollected: a flow nobody ends holds no goroutine and is garbage
// once its context is gone.
func TestNeverEndedFlowIsCollected(t *testing.T) {
	c := newFlowCapture(t, "TRACE")
	before := runtime.NumGoroutine()
	ctx, flow := c.L.Flow(context.Background(), "abandoned")
	logru.Step(ctx, "begun")
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("Flow started %d goroutines", n-before)
	}
	wf := weak.Make(flow)
	wc := weak.Make(&ctx)
	ctx, flow = nil, nil
	for range 10 {
		runtime.GC()
		if wf.Value() == nil && wc.Value() == nil {
			return
		}
	}
	t.Error("the flow is still reachable after its context is gone")
}

// TestFlowEndMessage: flow_end's message says how the flow ended and how long it took,
// and the default format's {fields} leaves out the fields it says.
func TestFlowEndMessage(t *testing.T) {
	for _, tt := range []struct {
		name, label string
		stepErr     error
		err         error
		want        string
	}{
		{"success", "job", nil, nil, "flow job succeeded in 2.0ms timeline=\"[a 2.0ms ok]\"\n"},
		{"no label", "", nil, errors.New("boom"), "flow failed after 2.0ms: boom timeline=\"[a 2.0ms ok]\"\n"},
		{"failed itself", "job", nil, errors.New("boom"), "flow job failed after 2.0ms: boom timeline=\"[a 2.0ms ok]\"\n"},
		{"failed at a step", "job", errors.New("no"), errors.New("boom"), "flow job failed at a (1/1) after 2.0ms: boom timeline=\"[a 2.0ms failed]\"\n"},
		{"error text is data", "job", nil, errors.New("x\n{y}"), "flow job failed after 2.0ms: x\\n{y} timeline=\"[a 2.0ms ok]\"\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newFlowCapture(t, "TRACE")
			var buf lineBuffer
			if _, err := c.L.Add(logru.Handler{Sink: &buf, Format: "{message}{fields}", FilterFunc: func(r *logru.Record) bool {
				v, _ := r.Extra.Get("flow_type")
				return v == logru.FlowEnd
			}}); err != nil {
				t.Fatal(err)
			}
			func() (err error) {
				ctx, flow := c.L.Flow(context.Background(), tt.label)
				defer flow.End(&err)
				func() (err error) {
					defer logru.Step(ctx, "a")(&err)
					c.clk.Advance(2 * time.Millisecond)
					return tt.stepErr
				}()
				return tt.err
			}()
			got := regexp.MustCompile(` flow_id=[0-9a-z-]+`).ReplaceAllString(buf.String(), "")
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestFlowRouting: IsFlowRecord as a FilterFunc sends flows to a sink of their own.
func TestFlowRouting(t *testing.T) {
	l := logru.New()
	var flows, app lineBuffer
	if _, err := l.Add(logru.Handler{Sink: &flows, Format: "{extra[flow_type]}", FilterFunc: logru.IsFlowRecord}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Add(logru.Handler{Sink: &app, Format: "{message}", FilterFunc: func(r *logru.Record) bool { return !logru.IsFlowRecord(r) }}); err != nil {
		t.Fatal(err)
	}
	ctx, flow := l.Flow(context.Background(), "checkout")
	l.Ctx(ctx).Info("charging")
	l.Info("flow_type is mine", "flow_type", "something else")
	flow.End(nil)
	expect(t, &flows, "flow_start\nflow_end\n")
	expect(t, &app, "charging\nflow_type is mine\n")
	if logru.IsFlowRecord(nil) {
		t.Error("IsFlowRecord(nil)")
	}
}

func TestFlowConfig(t *testing.T) {
	c := newFlowCapture(t, "TRACE")
	var buf lineBuffer
	err := c.L.Configure(logru.Config{
		Handlers: []logru.Handler{{Sink: &buf, Level: "TRACE", Format: "{level} {message} {extra[flow_type]}"}},
		Flows:    logru.FlowConfig{Level: "SUCCESS", StepRecords: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	func() (err error) {
		ctx, flow := c.L.Flow(context.Background(), "job")
		defer flow.End(&err)
		func() (err error) {
			defer logru.Step(ctx, "a", "n", 1)(&err)
			c.clk.Advance(time.Millisecond)
			return nil
		}()
		func() (err error) { defer logru.Step(ctx, "b")(&err); return errors.New("x") }()
		return nil
	}()
	expect(t, &buf, "SUCCESS flow job started flow_start\n"+
		"DEBUG a started step_start\n"+
		"SUCCESS a done in 1.0ms step_end\n"+
		"DEBUG b started step_start\n"+
		"ERROR b failed after 0ms: x step_end\n"+
		"SUCCESS flow job succeeded in 1.0ms flow_end\n")

	for _, bad := range []logru.FlowConfig{{Level: "LOUD"}, {Level: "-3"}} {
		err := c.L.Configure(logru.Config{Flows: bad})
		var ce *logru.ConfigError
		if !errors.As(err, &ce) || ce.Field != "flows.level" || ce.Value != bad.Level {
			t.Errorf("Flows.Level %q: %v", bad.Level, err)
		}
	}
}

func TestFlowConfigFile(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"ok.yaml":   "flows:\n  level: WARNING\n  step_records: true\n",
		"ok.json":   `{"flows": {"level": "WARNING", "step_records": true}}`,
		"bad.yaml":  "flows:\n  level: LOUD\n",
		"typo.yaml": "flows:\n  step_record: true\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := logru.LoadConfig(p)
		switch {
		case strings.HasPrefix(name, "ok"):
			if err != nil || cfg.Flows != (logru.FlowConfig{Level: "WARNING", StepRecords: true}) {
				t.Errorf("%s: %+v, %v", name, cfg.Flows, err)
			}
		case name == "bad.yaml":
			if err == nil || !strings.Contains(err.Error(), "flows.level") {
				t.Errorf("%s: %v", name, err)
			}
		default:
			if err == nil || !strings.Contains(err.Error(), "flows.step_record") {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

// TestTimelineRendering: step names are data in both forms; the text form is one line.
func TestTimelineRendering(t *testing.T) {
	tl := logru.Timeline{
		{Fn: "validate", Ms: 0.1, Status: "ok"},
		{Fn: "charge", Ms: 11.9, Status: "failed"},
		{Fn: "a, b] x=\"y\"\n\x1b[31m", Ms: 1234.5678, Status: "running"},
		{Fn: "", Ms: 0, Status: "ok"},
		{Fn: "reserve stock", Ms: 0.042, Status: "ok"},
		{Fn: " padded", Ms: 0, Status: "ok"},
	}
	want := `[validate 0.1ms ok, charge 11.9ms failed, "a, b] x=\"y\"\n\u001b[31m" 1234.6ms running, "" 0ms ok, reserve stock 0.042ms ok, " padded" 0ms ok]`
	if got := tl.String(); got != want {
		t.Errorf("text\n got %s\nwant %s", got, want)
	}
	b, err := tl.MarshalJSON()
	if err != nil || !validJSON(string(b)) {
		t.Fatalf("%s, %v", b, err)
	}
	if !strings.HasPrefix(string(b), `[{"fn":"validate","ms":0.1,"status":"ok"},{"fn":"charge","ms":11.9,"status":"failed"}`) {
		t.Errorf("JSON %s", b)
	}
	if s, _ := logru.Timeline(nil).MarshalJSON(); string(s) != "[]" || logru.Timeline(nil).String() != "[]" {
		t.Error("an empty timeline is not []")
	}
}

// TestFlowEndGolden: flow_end in text and JSON, against testdata/flow_end.*.
func TestFlowEndGolden(t *testing.T) {
	for _, tt := range []struct {
		file string
		h    logru.Handler
	}{
		{"flow_end.txt", logru.Handler{Format: "{time:YYYY-MM-DD HH:mm:ss.SSS!UTC} | {level: <8} | {message} | {extra}"}},
		{"flow_end.json", logru.Handler{Serialize: true}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			c := newFlowCapture(t, "TRACE")
			var buf lineBuffer
			tt.h.Sink, tt.h.Colorize = &buf, logru.ColorNever
			tt.h.FilterFunc = logru.IsFlowRecord
			tt.h.FormatFunc = nil
			if _, err := c.L.Add(tt.h); err != nil {
				t.Fatal(err)
			}
			checkout(c)
			got := buf.String()
			for _, line := range buf.Lines() {
				if strings.Count(line, "\n") != 1 {
					t.Errorf("not one line: %q", line)
				}
				if tt.h.Serialize && !validJSON(line) {
					t.Errorf("invalid JSON: %s", line)
				}
			}
			// The caller's line moves as this file changes; the id is random.
			got = regexp.MustCompile(`"line":\d+`).ReplaceAllString(got, `"line":0`)
			got = regexp.MustCompile(`checkout-[0-9a-f]{8}`).ReplaceAllString(got, "checkout-00000000")
			golden := filepath.Join("testdata", tt.file)
			if *update || os.Getenv("LOGRU_UPDATE_GOLDEN") != "" {
				if err := os.WriteFile(golden, []byte(got), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// checkout runs a three-step checkout whose charge fails, on c's clock.
func checkout(c *flowCapture) { _ = runCheckout(c) }

func runCheckout(c *flowCapture) (err error) {
	ctx, flow := c.L.Flow(context.Background(), "checkout", "order", 7)
	defer flow.End(&err)
	steps := []struct {
		name string
		d    time.Duration
		err  error
	}{{"validate", 100 * time.Microsecond, nil}, {"reserve stock", 2500 * time.Microsecond, nil}, {"charge", 11900 * time.Microsecond, errors.New("card declined")}}
	for _, s := range steps {
		if err = checkoutStep(ctx, c, s.name, s.d, s.err); err != nil {
			return fmt.Errorf("checkout: %w", err)
		}
	}
	return nil
}

func checkoutStep(ctx context.Context, c *flowCapture, name string, d time.Duration, fail error) (err error) {
	defer logru.Step(ctx, name)(&err)
	c.clk.Advance(d)
	return fail
}
