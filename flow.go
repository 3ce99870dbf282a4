package logru

import (
	"context"
	crand "crypto/rand"
	"log/slog"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
)

// A flow follows one unit of work (a request, a job, a checkout) through the functions
// it calls. It lives in the context.Context: its id, its start time and its timeline,
// under a lock of its own. Nothing is global and no goroutine is started, so a flow
// that is never ended is collected with its context.

// MaxTimeline is the most entries a flow's timeline holds; the steps begun after it is
// full are only counted, in the flow_end record's steps_dropped.
const MaxTimeline = 1000

// The values of the flow_type field, which marks the records flows write.
const (
	FlowStart = "flow_start" // a flow began ([Logger.Flow])
	FlowEnd   = "flow_end"   // a flow ended ([Flow.End]), with its timeline
	FlowJoin  = "flow_join"  // a Flow begun inside a flow joined it as a step
	StepStart = "step_start" // a step began (only with FlowConfig.StepRecords)
	StepEnd   = "step_end"   // a step ended (only with FlowConfig.StepRecords)
)

// FlowConfig is the part of a [Config] that concerns flows, steps and timed scopes.
// The zero FlowConfig is the default: flow records at INFO, no per-step records. It is
// a plain value, read when the Config is applied: changing it later has no effect.
type FlowConfig struct {
	// Level is the level of flow_start and of a successful flow_end, and of the end
	// record of Timed (and of Step outside a flow), by name or number; "" means INFO. A
	// failed flow or timed scope is logged at ERROR, or at Level when that is higher.
	Level string `json:"level,omitempty" yaml:"level,omitempty"`
	// StepRecords makes each Step inside a flow write records of its own: step_start at
	// DEBUG and step_end at Level (ERROR when it failed). Off by default: a step is one
	// entry of its flow's timeline and nothing more.
	StepRecords bool `json:"step_records,omitempty" yaml:"step_records,omitempty"`
}

// flowSettings is FlowConfig resolved, held in the core's state.
type flowSettings struct {
	level int              // 0 means INFO
	steps bool             // StepRecords
	now   func() time.Time // nil means time.Now; set by tests only
}

func (s *flowSettings) lvl() int {
	if s.level == 0 {
		return LevelInfo
	}
	return s.level
}

func (s *flowSettings) clock() func() time.Time {
	if s.now == nil {
		return time.Now
	}
	return s.now
}

// prepareFlows checks cfg against levels.
func prepareFlows(cfg FlowConfig, levels *levelTable) (flowSettings, error) {
	s := flowSettings{steps: cfg.StepRecords}
	if cfg.Level == "" {
		return s, nil
	}
	n, err := parseLevel(levels, cfg.Level)
	if err != nil {
		return s, &ConfigError{Field: "flows.level", Value: cfg.Level, Err: err}
	}
	s.level = n
	return s, nil
}

// FlowStep is one entry of a flow's timeline: a step, or a nested flow that joined. It
// is a plain value; the zero FlowStep is an unnamed step of 0ms with no status.
type FlowStep struct {
	// Fn is the step's name, as given to Step (or the label of a joined Flow).
	Fn string `json:"fn"`
	// Ms is the step's duration in milliseconds, to the microsecond; for a step still
	// running when its flow ended, the time until then.
	Ms float64 `json:"ms"`
	// Status is "ok", "failed" (an error or a panic) or "running" (not ended when its
	// flow ended).
	Status string `json:"status"`
}

// Timeline is the value of a flow_end record's timeline field: its steps in the order
// they began. In JSON it is an array of {"fn","ms","status"} objects; as text (String)
// one line, "[validate 0.1ms ok, reserve stock 2.5ms ok, charge 11.9ms failed]" (each
// entry ends with its time and status), step names being data: an empty name, or one
// with a comma, a bracket, a quote, a backslash, a leading or trailing space or a byte
// outside printable ASCII, is written quoted and escaped as a JSON string. In {extra}
// the whole value is quoted, as every value with a space is. A nil or empty Timeline is
// "[]" both ways. A Timeline in a record is never modified, so reading it (and its
// methods) is safe for concurrent use.
type Timeline []FlowStep

// MarshalJSON writes t as a JSON array; it never fails.
func (t Timeline) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 2+len(t)*48)
	b = append(b, '[')
	for i, s := range t {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"fn":`...)
		b = encode.AppendJSONString(b, s.Fn)
		b = append(b, `,"ms":`...)
		b = encode.AppendJSONAny(b, s.Ms)
		b = append(b, `,"status":`...)
		b = encode.AppendJSONString(b, s.Status)
		b = append(b, '}')
	}
	return append(b, ']'), nil
}

// String writes t on one line: "[validate 0.1ms ok, charge 11.9ms failed]".
func (t Timeline) String() string {
	b := make([]byte, 0, 2+len(t)*24)
	b = append(b, '[')
	for i, s := range t {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendStepName(b, s.Fn)
		b = append(b, ' ')
		b = appendMs(b, msDuration(s.Ms))
		b = append(b, "ms "...)
		b = appendStepName(b, s.Status)
	}
	return string(append(b, ']'))
}

// appendStepName appends a name as is when it is plain, else quoted and escaped, so
// that a name cannot pass for the list's own punctuation.
func appendStepName(b []byte, s string) []byte {
	plain := s != "" && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= ' ' && c < 0x7f && c != ',' && c != '[' && c != ']' && c != '"' && c != '\\'
	}
	if plain {
		return append(b, s...)
	}
	return encode.AppendJSONString(b, s)
}

// msDuration turns milliseconds back into a duration, for appendMs.
func msDuration(ms float64) time.Duration { return time.Duration(ms * 1e6) }

// ms is d in milliseconds, to the microsecond.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1e3 }

// appendMs appends d in milliseconds without the unit: one decimal from 1ms up
// ("11.9"), up to three below ("0.042").
func appendMs(b []byte, d time.Duration) []byte {
	if d < 0 {
		d = 0
	}
	if d < time.Millisecond {
		return strconv.AppendFloat(b, ms(d), 'f', -1, 64)
	}
	return strconv.AppendFloat(b, float64(d)/1e6, 'f', 1, 64)
}

// Step statuses.
const (
	stepRunning uint8 = iota
	stepOK
	stepFailed
)

var statusNames = [...]string{stepRunning: "running", stepOK: "ok", stepFailed: "failed"}

// step is one timeline entry while the flow runs.
type step struct {
	name   string
	at     time.Duration // since the flow began
	dur    time.Duration
	status uint8
}

// flowState is one flow, shared by every context derived from the one Flow returned.
type flowState struct {
	id    string
	label string
	l     *Logger // the flow's records go through it: the Flow caller's logger, with the flow's ctx and fields
	pc    uintptr // where Flow was called, for the records' caller
	start time.Time
	set   flowSettings

	mu      sync.Mutex
	steps   []step // at most MaxTimeline
	dropped int
	failed  int // index of the first step that failed, -1 when none
	ended   bool
	extra   []slog.Attr // added by Flow.AddFields, for flow_end
}

func (s *flowState) since() time.Duration { return s.set.clock()().Sub(s.start) }

// begin adds a running entry to the timeline and returns its index, or -1 when the
// timeline is full or the flow has ended.
func (s *flowState) begin(name string) int {
	at := s.since()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return -1
	}
	if len(s.steps) >= MaxTimeline {
		s.dropped++
		return -1
	}
	s.steps = append(s.steps, step{name: name, at: at})
	return len(s.steps) - 1
}

// finishStep ends entry i; it reports the step's duration, and false when it was
// already ended.
func (s *flowState) finishStep(i int, failed bool) (time.Duration, bool) {
	end := s.since()
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.steps[i]
	if st.status != stepRunning {
		return 0, false
	}
	st.dur = end - st.at
	st.status = stepOK
	if failed {
		st.status = stepFailed
		if s.failed < 0 {
			s.failed = i
		}
	}
	return st.dur, true
}

// flowOf returns the flow ctx carries, or nil. A flow rides in the context's ctxFields
// (see context.go), beside its flow_id field, so that l.Ctx(ctx) finds the id with the
// one lookup it makes anyway.
func flowOf(ctx context.Context) *flowState {
	if ctx == nil {
		return nil
	}
	if f := ctxFieldsOf(ctx); f != nil {
		return f.flow
	}
	return nil
}

// FlowID returns the id of the flow ctx carries ("checkout-3a7e2b1f"), or "" when it
// carries none. It is safe for concurrent use.
func FlowID(ctx context.Context) string {
	if s := flowOf(ctx); s != nil {
		return s.id
	}
	return ""
}

// IsFlowRecord reports whether r was written by a flow: flow_start, flow_end, a nested
// flow's flow_join note, and the step records of FlowConfig.StepRecords (their
// flow_type field holds one of FlowStart, FlowEnd, FlowJoin, StepStart, StepEnd). Use
// it as a Handler's FilterFunc to send flows to a file of their own. Records logged
// through Ctx(ctx) inside a flow carry flow_id but are not flow records. A nil r is
// not. It only reads r, so it is safe for concurrent use.
func IsFlowRecord(r *Record) bool {
	if r == nil {
		return false
	}
	v, ok := r.Extra.Lookup("flow_type")
	if !ok || v.Kind() != slog.KindString {
		return false
	}
	switch v.String() {
	case FlowStart, FlowEnd, FlowJoin, StepStart, StepEnd:
		return true
	}
	return false
}

// flowRand hands out ChaCha8 generators, each seeded with 32 bytes from crypto/rand
// when the pool makes it. sync.Pool keeps its items per P (processor), so taking one
// takes no lock that goroutines on other processors contend for: a single shared
// generator would need a mutex, and crypto/rand.Read per id would cost a getrandom
// call each time. ChaCha8 is a cryptographic generator, so an id seen by a client says
// nothing about the ids of other flows.
var flowRand = sync.Pool{New: func() any {
	var seed [32]byte
	_, _ = crand.Read(seed[:]) // never fails on supported platforms (it panics otherwise)
	return rand.NewChaCha8(seed)
}}

// newFlowID returns label + "-" + 8 random hex digits, or just the digits.
func newFlowID(label string) string {
	g := flowRand.Get().(*rand.ChaCha8)
	x := uint32(g.Uint64())
	flowRand.Put(g)
	var buf [80]byte
	b := buf[:0]
	if label != "" {
		b = append(b, label...)
		b = append(b, '-')
	}
	const hex = "0123456789abcdef"
	for i := 28; i >= 0; i -= 4 {
		b = append(b, hex[x>>uint(i)&0xf])
	}
	return string(b)
}

// Flow is one flow begun by [Logger.Flow]; End ends it. A Flow is safe for concurrent
// use. The zero Flow and a nil *Flow do nothing.
type Flow struct {
	s   *flowState
	own bool // a flow of its own, not one joined to an outer flow
	idx int  // the outer flow's timeline entry, when joined; -1 when none
	pc  uintptr
	end atomic.Bool
}

// ID returns the flow's id ("checkout-3a7e2b1f"); a Flow that joined an outer flow
// returns the outer flow's id; a nil or zero Flow returns "". Safe for concurrent use.
func (f *Flow) ID() string {
	if f == nil || f.s == nil {
		return ""
	}
	return f.s.id
}

// AddFields adds fields (key/value pairs, as log arguments take them) to the flow's
// flow_end record, after the fields given to Flow; a later key wins. On a Flow that
// joined an outer flow, or after End, it does nothing. Safe for concurrent use.
func (f *Flow) AddFields(args ...any) {
	if f == nil || f.s == nil || !f.own || len(args) == 0 {
		return
	}
	var buf [8]slog.Attr
	attrs := appendArgs(buf[:0], args, false)
	f.s.mu.Lock()
	if !f.s.ended {
		f.s.extra = append(f.s.extra, attrs...)
	}
	f.s.mu.Unlock()
}

// Flow begins a flow labelled label (which becomes the prefix of its id) and returns a
// context carrying it, for the functions the flow calls, with the Flow to end it:
//
//	ctx, flow := l.Flow(ctx, "checkout", "order", id)
//	defer flow.End(&err)
//
// The flow's id is label + "-" + 8 random hex digits ("checkout-3a7e2b1f"), or the
// digits alone when label is "". Every record logged through a logger's Ctx(ctx), or
// through log/slog with ctx (bridge), carries it as flow_id. Flow logs a flow_start
// record ("flow checkout started", with flow_type "flow_start" and args as fields) at
// the flow level (FlowConfig.Level, INFO by default) through l.
//
// Inside a flow (ctx already carries one) Flow begins no new flow: the new one joins the
// outer flow as a step named label, a flow_join record at DEBUG notes it, and the
// returned ctx is ctx itself; its End ends that step.
//
// A nil ctx is taken as context.Background(). label and args are data: never read as a
// template. The flow holds no goroutine: one that is never ended is collected with its
// context. Safe for concurrent use.
func (l *Logger) Flow(ctx context.Context, label string, args ...any) (context.Context, *Flow) {
	if ctx == nil {
		ctx = context.Background()
	}
	st := l.core.state.Load()
	pc := l.flowCaller(st)
	if outer := flowOf(ctx); outer != nil {
		f := &Flow{s: outer, idx: outer.begin(label), pc: pc}
		if l.enabled(LevelDebug) {
			var buf [8]slog.Attr
			attrs := append(buf[:0], slog.String("flow_type", FlowJoin),
				slog.String("note", "a flow begun inside a flow is a step of the outer flow"),
				slog.String("step_name", label))
			attrs = appendArgs(attrs, args, false)
			l.Opt(Options{}).logShown(&Event{Time: outer.set.clock()(), Level: LevelDebug,
				Message: "flow " + label + " joined flow " + outer.id + " as a step", PC: pc, Context: ctx}, shownJoin, attrs...)
		}
		return ctx, f
	}
	set := st.flows
	s := &flowState{label: label, pc: pc, start: set.clock()(), set: set, failed: -1,
		steps: make([]step, 0, 8)}
	s.id = newFlowID(label)
	fs := &ctxFields{flow: s}
	if p := ctxFieldsOf(ctx); p != nil {
		fs.extra = p.extra.Clone()
	}
	fs.extra.SetAttr(slog.String("flow_id", s.id))
	ctx = context.WithValue(ctx, ctxKey{}, fs)
	s.l = l.Opt(Options{}).Ctx(ctx)
	if len(args) > 0 {
		s.l = s.l.Bind(args...)
	}
	if level := set.lvl(); s.l.enabled(level) {
		s.l.logShown(&Event{Time: s.start, Level: level, Message: flowMessage(label, " started"), PC: pc},
			shownType, slog.String("flow_type", FlowStart))
	}
	return ctx, &Flow{s: s, own: true, idx: -1, pc: pc}
}

// flowCaller returns the program counter of the code that called the exported flow
// function calling flowCaller, when some handler, rule or patcher wants a caller.
func (l *Logger) flowCaller(st *coreState) uintptr {
	if !l.wantCaller(st) {
		return 0
	}
	var pcs [1]uintptr
	// Skipped: runtime.Callers, flowCaller, the exported function.
	if runtime.Callers(3, pcs[:]) == 1 {
		return pcs[0]
	}
	return 0
}

func flowMessage(label, what string) string {
	if label == "" {
		return "flow" + what
	}
	return "flow " + label + what
}

// The keys of the fields that the message of each kind of flow record, and of Timed's
// end record, already shows: {fields} leaves them out, so that the default format does
// not say a thing twice ("flow checkout succeeded in 14.5ms", not "… flow_status=success
// total_ms=14.5"). Serialized output and {extra} keep every field. flow_id is never
// among them: it is what a reader greps for.
var (
	shownType       = []string{"flow_type"}                // flow_start, step_start
	shownJoin       = []string{"flow_type", "step_name"}   // flow_join
	shownStepEnd    = []string{"flow_type", "duration_ms"} // step_end
	shownTimed      = []string{"duration_ms"}              // Timed's end
	shownEnd        = []string{"flow_type", "flow_status", "total_ms", "steps", "failed_at", "step", "flow_error"}
	shownEndDropped = []string{"flow_type", "flow_status", "total_ms", "failed_at", "step", "flow_error"} // steps: more than the timeline holds
)

// End ends the flow and logs its flow_end record: at the flow level when it succeeded,
// at ERROR when *err is not nil or a panic is passing through, with the fields
// flow_type "flow_end", flow_status ("success" or "failed"), total_ms, steps (how many
// began), timeline (a [Timeline], in the order the steps began), steps_dropped (when
// more than MaxTimeline began), the flow's fields and, when it failed, failed_at (the
// first step that failed, else the flow's label), step ("2/3": that step's place in the
// timeline, when a step failed) and flow_error (the error's text, after its Go type when
// that is one of the program's own: "*shop.DeclinedError: card declined"; for a panic,
// "panic: " and the value). Its message says how it ended and how long it took: "flow
// checkout succeeded in 14.5ms", "flow checkout failed at charge (3/3) after 14.5ms:
// card declined" ("flow checkout failed after 14.5ms: …" when no step failed), so the
// default format's {fields} leaves out the fields the message shows and the step count
// (the timeline shows it, unless steps were dropped).
//
// Call it deferred, directly, so that it sees a panic: defer flow.End(&err). The panic
// is recorded and then goes on, unchanged: End never swallows one. err may be nil
// (success unless panicking). Only the first End of a Flow counts. For a Flow that joined
// an outer flow, End ends its step there instead.
func (f *Flow) End(err *error) {
	v := recover()
	if f != nil && f.s != nil && f.end.CompareAndSwap(false, true) {
		failed := v != nil || err != nil && *err != nil
		switch {
		case f.own:
			f.s.finish(err, v, failed)
		case f.idx >= 0:
			f.s.finishStep(f.idx, failed)
		}
	}
	if v != nil {
		panic(v)
	}
}

// finish ends the flow and logs flow_end.
func (s *flowState) finish(err *error, v any, failed bool) {
	total := s.since()
	s.mu.Lock()
	s.ended = true
	tl := make(Timeline, len(s.steps))
	for i, st := range s.steps {
		d := st.dur
		if st.status == stepRunning {
			d = total - st.at
		}
		tl[i] = FlowStep{Fn: st.name, Ms: ms(d), Status: statusNames[st.status]}
	}
	dropped, failedIdx, extra := s.dropped, s.failed, s.extra
	s.mu.Unlock()

	level := s.set.lvl()
	if failed {
		level = max(level, LevelError)
	}
	if !s.l.enabled(level) {
		return
	}
	attrs := make([]slog.Attr, 0, 10+len(extra))
	status := "success"
	if failed {
		status = "failed"
	}
	attrs = append(attrs,
		slog.String("flow_type", FlowEnd),
		slog.String("flow_status", status),
		slog.Float64("total_ms", ms(total)),
		slog.Int("steps", len(tl)+dropped),
		slog.Any("timeline", tl),
	)
	if dropped > 0 {
		attrs = append(attrs, slog.Int("steps_dropped", dropped))
	}
	// "flow checkout succeeded in 14.5ms", "flow checkout failed at charge (3/3) after
	// 14.5ms: card declined", or "flow checkout failed after 14.5ms: …" when no step
	// failed: the message says what the status, time, place and error fields hold.
	msg := make([]byte, 0, 64)
	msg = append(msg, flowMessage(s.label, "")...)
	if !failed {
		msg = append(msg, " succeeded in "...)
	} else {
		msg = append(msg, " failed"...)
		if failedIdx < 0 {
			attrs = append(attrs, slog.String("failed_at", s.label))
		} else {
			at := tl[failedIdx].Fn
			place := strconv.Itoa(failedIdx+1) + "/" + strconv.Itoa(len(tl))
			attrs = append(attrs, slog.String("failed_at", at), slog.String("step", place))
			msg = append(msg, " at "...)
			msg = append(msg, at...)
			msg = append(msg, " ("...)
			msg = append(msg, place...)
			msg = append(msg, ')')
		}
		msg = append(msg, " after "...)
	}
	msg = appendMs(msg, total)
	msg = append(msg, "ms"...)
	if failed {
		ft := failureText(err, v)
		attrs = append(attrs, slog.String("flow_error", ft))
		msg = append(msg, ": "...)
		msg = append(msg, ft...)
	}
	attrs = append(attrs, extra...)
	shown := shownEnd
	if dropped > 0 {
		shown = shownEndDropped
	}
	s.l.logShown(&Event{Time: s.start.Add(total), Level: level, Message: string(msg), PC: s.pc}, shown, attrs...)
}

// failureText describes what made a flow or scope fail: a panic passing through, else
// *err.
func failureText(err *error, v any) string {
	if v != nil {
		return "panic: " + core.PanicException(v).Value
	}
	if err == nil || *err == nil {
		return ""
	}
	e := core.NewException(*err)
	if e.Type == "" || e.Type == "error" || strings.HasPrefix(e.Value, e.Type) {
		return e.Value // the standard library's own types say nothing a reader needs
	}
	return e.Type + ": " + e.Value
}

// noStep is the end function of a step that is not recorded (the timeline was full, or
// the flow had ended): it does nothing, so a panic goes through untouched.
func noStep(*error) {}

// Step begins a step of the flow ctx carries and returns the function that ends it:
//
//	defer logru.Step(ctx, "charge_card")(&err)
//
// Inside a flow the step is one entry of the flow's timeline ({fn, ms, status}), added
// when it begins, so the timeline lists steps in the order they began; its status is
// "failed" when *err is not nil or a panic passes through the end function (which goes
// on panicking), else "ok". Steps nest (a step inside a step is an entry of its own)
// and may run in parallel goroutines: each is recorded once. With FlowConfig.StepRecords
// a step also logs step_start and step_end records, with args as fields; otherwise args
// are not logged. A step begun after its flow ended, or once the timeline holds
// MaxTimeline entries, is not recorded (the latter is counted in steps_dropped).
//
// Outside any flow, Step is Default().Ctx(ctx).Timed(name, args...).
//
// Call the end function deferred, directly, so that it sees a panic; only its first call
// counts. A step inside a flow costs one small allocation (the end function). Safe for
// concurrent use.
func Step(ctx context.Context, name string, args ...any) func(err *error) {
	s := flowOf(ctx)
	if s == nil {
		l := Default().Ctx(ctx)
		return l.timed(name, args, l.flowCaller(l.core.state.Load()), ctx)
	}
	i := s.begin(name)
	if i < 0 {
		return noStep
	}
	if !s.set.steps {
		return func(err *error) {
			v := recover()
			s.finishStep(i, v != nil || err != nil && *err != nil)
			if v != nil {
				panic(v)
			}
		}
	}
	var pc uintptr
	if s.l.wantCaller(s.l.core.state.Load()) {
		var pcs [1]uintptr
		if runtime.Callers(2, pcs[:]) == 1 {
			pc = pcs[0]
		}
	}
	s.stepRecord(ctx, LevelDebug, StepStart, name+" started", pc, args, nil, shownType)
	return func(err *error) {
		v := recover()
		failed := v != nil || err != nil && *err != nil
		if d, ok := s.finishStep(i, failed); ok {
			level, msg := s.set.lvl(), name+" done in "
			if failed {
				level, msg = max(level, LevelError), name+" failed after "
			}
			b := appendMs([]byte(msg), d)
			b = append(b, "ms"...)
			if failed {
				b = append(b, ": "...)
				b = append(b, failureText(err, v)...)
			}
			dur := slog.Float64("duration_ms", ms(d))
			s.stepRecord(ctx, level, StepEnd, string(b), pc, args, &dur, shownStepEnd)
		}
		if v != nil {
			panic(v)
		}
	}
}

// stepRecord logs one of a step's own records through the flow's logger, with ctx's
// fields (the flow id among them), the step's name and args.
func (s *flowState) stepRecord(ctx context.Context, level int, typ, msg string, pc uintptr, args []any, more *slog.Attr, shown []string) {
	if !s.l.enabled(level) {
		return
	}
	var buf [8]slog.Attr
	attrs := append(buf[:0], slog.String("flow_type", typ))
	if more != nil {
		attrs = append(attrs, *more)
	}
	attrs = appendArgs(attrs, args, false)
	s.l.logShown(&Event{Time: s.set.clock()(), Level: level, Message: msg, PC: pc, Context: ctx}, shown, attrs...)
}

// Timed begins a timed scope and returns the function that ends it:
//
//	defer l.Timed("database migration", "table", "users")(&err)
//
// It logs "<what> started" at DEBUG now and, when the end function is called,
// "<what> done in 12.3ms" at the flow level (FlowConfig.Level, INFO by default), or
// "<what> failed after 12.3ms: <error>" at ERROR when *err is not nil or a panic passes
// through (the panic goes on), each with args as fields and the end with duration_ms
// (which {fields} leaves out: the message shows the time).
// Call the end function deferred, directly, so that it sees a panic; only its first call
// counts. what and args are data, never read as a template. Safe for concurrent use.
func (l *Logger) Timed(what string, args ...any) func(err *error) {
	return l.timed(what, args, l.flowCaller(l.core.state.Load()), nil)
}

func (l *Logger) timed(what string, args []any, pc uintptr, ctx context.Context) func(err *error) {
	l = l.Opt(Options{})
	set := l.core.state.Load().flows
	now := set.clock()
	start := now()
	if l.enabled(LevelDebug) {
		l.timedRecord(LevelDebug, what+" started", start, pc, ctx, args, nil, nil)
	}
	var once atomic.Bool
	return func(err *error) {
		v := recover()
		if once.CompareAndSwap(false, true) {
			end := now()
			d := end.Sub(start)
			failed := v != nil || err != nil && *err != nil
			level, msg := set.lvl(), what+" done in "
			if failed {
				level, msg = max(level, LevelError), what+" failed after "
			}
			if l.enabled(level) {
				b := appendMs([]byte(msg), d)
				b = append(b, "ms"...)
				if failed {
					b = append(b, ": "...)
					b = append(b, failureText(err, v)...)
				}
				dur := slog.Float64("duration_ms", ms(d))
				l.timedRecord(level, string(b), end, pc, ctx, args, &dur, shownTimed)
			}
		}
		if v != nil {
			panic(v)
		}
	}
}

func (l *Logger) timedRecord(level int, msg string, t time.Time, pc uintptr, ctx context.Context, args []any, more *slog.Attr, shown []string) {
	var buf [8]slog.Attr
	attrs := buf[:0]
	if more != nil {
		attrs = append(attrs, *more)
	}
	attrs = appendArgs(attrs, args, false)
	l.logShown(&Event{Time: t, Level: level, Message: msg, PC: pc, Context: ctx}, shown, attrs...)
}
