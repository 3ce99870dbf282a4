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
}

// coreState is one immutable configuration of a core.
type coreState struct {
	handlers []*handler
	levels   []Level // built-ins first, in order, then custom levels
	rules    []rule  // activation rules, longest prefix first
	gen      uint64  // activation generation, for the per-PC verdict cache
	extra    core.Extra
	patch    func(*Record)
	needs    needs
}

// needs is what the handlers and rules of a state require of each record.
type needs struct {
	caller    bool
	goroutine bool
	json      bool // a handler serializes records, so bound fields' JSON is worth caching
}

func newCore() *loggerCore {
	c := &loggerCore{start: time.Now(), errOut: os.Stderr, reentryWait: 50 * time.Millisecond,
		panicFlushWait: 5 * time.Second}
	st := &coreState{levels: append([]Level(nil), builtinLevels[:]...), gen: 1}
	c.state.Store(st)
	c.minLevel.Store(math.MaxInt64)
	return c
}

// clone returns a copy of st that can be changed and published. Slices are copied so the
// published state is never modified.
func (st *coreState) clone() *coreState {
	n := *st
	n.handlers = append([]*handler(nil), st.handlers...)
	n.levels = append([]Level(nil), st.levels...)
	n.rules = append([]rule(nil), st.rules...)
	return &n
}

// publish stores st, recomputing what is derived from its handlers. c.mu must be held.
func (c *loggerCore) publish(st *coreState) {
	minLevel := int64(math.MaxInt64)
	st.needs = needs{caller: len(st.rules) > 0}
	for _, h := range st.handlers {
		if lv := h.level.Load(); lv < minLevel {
			minLevel = lv
		}
		st.needs.caller = st.needs.caller || h.needs.caller
		st.needs.goroutine = st.needs.goroutine || h.needs.goroutine
		st.needs.json = st.needs.json || h.json != nil
	}
	c.state.Store(st)
	c.minLevel.Store(minLevel)
}
