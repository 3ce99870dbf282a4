package logru

import (
	"github.com/logru/logru/internal/render"
	"io"
	"math"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/logru/logru/core"
)

// loggerCore is what a logger and all its children share: handlers, levels, activation
// rules. Changes are made under mu and published as a new immutable coreState, so the
// logging path never takes mu.
type loggerCore struct {
	mu       sync.Mutex
	state    atomic.Pointer[coreState]
	minLevel atomic.Int64 // the lowest handler level; MaxInt64 when there is no handler
	start    time.Time
	clock    recordClock // each record's time (clock.go)
	nextID   int
	closed   bool
	callers  callerCache
	// retCallers resolves the return addresses callerPC gives (see callerfp.go).
	retCallers retCache
	msgs       render.MessageCache // compiled message templates
	// reentryWait bounds how long a record logged from inside a sink waits for a handler
	// lock held elsewhere before it is refused as re-entrant (see handler.emit).
	reentryWait time.Duration
	// panicFlushWait bounds how long Catch with Reraise waits for the handlers to
	// complete before the panic goes on.
	panicFlushWait time.Duration
	errOut         io.Writer // where notes go when a handler has no OnError: os.Stderr
	notes          rateLimiter
	stops          []func() // goroutines to stop at Close (FlushOnSignal)
	// lateCloses counts handler closes under way for Remove, RemoveAll and Configure
	// (from before the handlers leave the state) and those left to the goroutine holding
	// a handler's lock (a sink that removed its own handler from a queue's writer
	// goroutine): Close waits for them, so that every sink is closed when it returns.
	lateCloses sync.WaitGroup
	rules      ruleTree // activation rules, changed in place (see ruleTree)
}

// coreState is one immutable configuration of a core.
type coreState struct {
	handlers []*handler
	levels   *levelTable // never changed once published
	rules    *ruleTree   // the core's activation rules
	ruled    bool        // rules holds at least one rule
	gen      uint64      // activation generation, for the per-PC verdict cache
	extra    core.Extra
	patch    func(*Record)
	needs    needs
	flows    flowSettings // Config.Flows (flow.go)
}

// needs is what the handlers and rules of a state require of each record.
type needs struct {
	caller    bool
	goroutine bool
	json      bool // a handler serializes records, so bound fields' JSON is worth caching
	// record: user code may read the record and keep its strings (a filter function, a
	// format function, a sink that takes the record), so its Message must be a string of
	// its own, not a view of the entry's scratch (see Logger.message).
	record bool
}

func newCore() *loggerCore {
	c := &loggerCore{start: time.Now(), errOut: os.Stderr, reentryWait: 50 * time.Millisecond,
		panicFlushWait: 5 * time.Second}
	st := &coreState{levels: newLevelTable(), rules: &c.rules, gen: 1}
	c.state.Store(st)
	c.minLevel.Store(math.MaxInt64)
	return c
}

// clone returns a copy of st that can be changed and published. Slices are copied so the
// published state is never modified.
func (st *coreState) clone() *coreState {
	n := *st
	n.handlers = append([]*handler(nil), st.handlers...)
	return &n
}

// publish stores st, recomputing what is derived from its handlers. c.mu must be held.
func (c *loggerCore) publish(st *coreState) {
	minLevel := int64(math.MaxInt64)
	st.ruled = st.rules.len() > 0
	st.needs = needs{caller: st.ruled}
	for _, h := range st.handlers {
		if h.records.gated == nil { // set before the handler is first published, never after
			h.records.gated = &h.gate
		}
		if lv := h.level.Load(); lv < minLevel {
			minLevel = lv
		}
		st.needs.caller = st.needs.caller || h.needs.caller
		st.needs.goroutine = st.needs.goroutine || h.needs.goroutine
		st.needs.json = st.needs.json || h.json != nil
		st.needs.record = st.needs.record || h.ffunc != nil || h.fmtFunc != nil || h.takesRecord
	}
	c.state.Store(st)
	c.minLevel.Store(minLevel)
}
