package logru

import (
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/config"
)

// Config is a whole configuration of a logger, applied at once by [Logger.Configure] and
// read from a file by [LoadConfig]. Its json and yaml tags name the keys of a
// configuration file: handlers, levels, extra, activation.
//
// The zero Config configures a logger with no handlers, no base fields and no patcher.
type Config struct {
	// Handlers replace every handler of the logger. nil or empty leaves it with none.
	Handlers []Handler `json:"handlers,omitempty" yaml:"handlers,omitempty"`
	// Levels are added (or updated) as AddLevel does, before the handlers are compiled, so
	// handlers may use them. Levels are never removed.
	Levels []Level `json:"levels,omitempty" yaml:"levels,omitempty"`
	// Extra replaces the base fields every record of the core starts with. A logger's
	// bound fields, its context's fields and the call's arguments win over them on a
	// key clash. nil means none.
	Extra Fields `json:"extra,omitempty" yaml:"extra,omitempty"`
	// Activation entries are applied in order on top of the rules in force, each as
	// Enable(Module) or Disable(Module) would; {Module: "", Enabled: true} first starts
	// from no rules. nil leaves the rules as they are.
	Activation []Activation `json:"activation,omitempty" yaml:"activation,omitempty"`
	// Patch replaces the core's patcher: it runs on every record, before the patchers of
	// Logger.Patch. nil means none. It cannot be given in a file.
	Patch func(*Record) `json:"-" yaml:"-"`
	// Flows sets the level of flow records and whether steps log records of their own
	// (see FlowConfig); the zero FlowConfig is the default.
	Flows FlowConfig `json:"flows,omitempty" yaml:"flows,omitempty"`
}

// Activation is one Enable or Disable of a Go package path (and the packages below it)
// in a [Config]. See [Logger.Disable].
type Activation struct {
	// Module is the package path; "" is every package.
	Module string `json:"module" yaml:"module"`
	// Enabled turns the package on (Enable) or off (Disable).
	Enabled bool `json:"enabled" yaml:"enabled"`
}

// Configure replaces the logger's configuration with cfg: its handlers by cfg.Handlers,
// the core's base extra fields and patcher by cfg.Extra and cfg.Patch; it adds
// cfg.Levels and applies cfg.Activation on top of the rules in force.
//
// Configure is atomic. Every level, handler option and field is checked first, then the
// new sinks are opened; if anything is invalid or a sink cannot be opened, Configure
// closes what it opened and returns a *ConfigError whose Field is the path of the bad
// value ("handlers[1].rotation", "levels[0]", `extra[""]`), and the old configuration
// stays in force, untouched. Otherwise the new configuration replaces the old one in a
// single step: a record is judged by the old configuration or by the new one, never by
// a mix. The old handlers are then closed: writes under way finish and their queues are
// drained; a record whose call began just before the swap and reaches an old handler
// after it closed is dropped, as with Remove. Their close errors go to their OnError, or
// stderr, since the new configuration is in force. A file sink kept across Configure
// (the same path) is briefly open twice, by the old handler and the new one; both append.
//
// The configuration belongs to the core, so it applies to every logger sharing it (the
// children made with Bind, Patch, Opt and Ctx); their own bound fields and patchers are
// kept. Configure is safe for concurrent use, also while other goroutines log. The new
// handlers' ids, for Remove and SetLevel, are those of [Logger.Stats], in cfg's order.
func (l *Logger) Configure(cfg Config) error {
	c := l.core
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return errors.New("logru: Configure: the logger is closed")
	}
	st := c.state.Load()
	p, err := prepareConfig(cfg, st.levels)
	if err != nil {
		c.mu.Unlock()
		return err
	}
	handOver(st.handlers, p.handlers, cfg.Handlers)
	// The notes of the sinks worked on under c.mu (a failed flush of a file handed over,
	// a rollback's close) wait until c.mu is released.
	held := holdNotes(p.handlers)
	for i, hd := range p.handlers {
		if err := hd.open(c, cfg.Handlers[i]); err != nil {
			for _, opened := range p.handlers[:i] {
				_ = opened.close()
			}
			c.mu.Unlock()
			release(c, held)
			return handlerFieldPath(err, i)
		}
	}

	for _, hd := range p.handlers {
		if o := hd.prevHd; o != nil {
			hd.prevHd = nil
			if hd.file() != nil {
				o.mu.Lock()
				o.handedOff = true
				o.mu.Unlock()
			}
		}
	}
	next := st.clone()
	next.levels = p.levels
	next.handlers = p.handlers
	for _, hd := range p.handlers {
		hd.id = c.nextID
		c.nextID++
	}
	for _, a := range cfg.Activation {
		c.rules.set(strings.TrimSuffix(a.Module, "/"), a.Enabled)
	}
	if len(cfg.Activation) > 0 {
		next.gen++
	}
	next.extra = p.extra
	next.patch = cfg.Patch
	p.flows.now = st.flows.now // a test's clock stays
	next.flows = p.flows
	c.lateCloses.Add(1) // before the old handlers leave the state: Close waits for them
	c.publish(next)
	c.mu.Unlock()
	defer c.lateCloses.Done()
	release(c, held)

	// Records already on their way to the old handlers finish; later ones go to the new.
	for _, hd := range st.handlers {
		if err := hd.close(); err != nil {
			c.report(hd, err)
		}
	}
	return nil
}

// holdNotes makes the sink notes of handlers, and of the old handlers whose files they
// take over, wait in their pending lists (see handler.held); release reports them.
func holdNotes(handlers []*handler) []*handler {
	held := make([]*handler, 0, 2*len(handlers))
	for _, hd := range handlers {
		held = append(held, hd)
		if hd.prevHd != nil {
			held = append(held, hd.prevHd)
		}
	}
	for _, hd := range held {
		hd.held.Add(1)
	}
	return held
}

// release ends holdNotes, reporting what waited, with no lock held.
func release(c *loggerCore, held []*handler) {
	for _, hd := range held {
		hd.held.Add(-1)
		c.reportPending(hd)
	}
}

// handOver pairs each new file handler with the old handler writing the same path, if
// any: the new one takes the old one's open file (sinks.File.Handoff) instead of opening
// the path a second time, so that closing the old handler renames, compresses or deletes
// nothing the new one writes. Paths are compared absolute, as given; each old file goes
// to one new handler.
func handOver(old, next []*handler, hs []Handler) {
	byPath := map[string]*handler{}
	for _, o := range old {
		if f := o.file(); f != nil && f.path != "" {
			byPath[f.path] = o
		}
	}
	if len(byPath) == 0 {
		return
	}
	for i, hd := range next {
		s, ok := hs[i].Sink.(string)
		if !ok || s == "" || s == "stdout" || s == "stderr" {
			continue
		}
		abs, err := filepath.Abs(s)
		if o := byPath[abs]; err == nil && o != nil {
			hd.prevFile, hd.prevHd = o.file().f, o
			delete(byPath, abs)
		}
	}
}

// preparedConfig is a Config checked and compiled, ready to be opened and published.
type preparedConfig struct {
	levels   *levelTable
	handlers []*handler // built, not opened
	extra    core.Extra
	flows    flowSettings
}

// prepareConfig checks and compiles cfg against the levels in force, opening nothing
// and changing nothing: the levels are added to a copy.
func prepareConfig(cfg Config, current *levelTable) (*preparedConfig, error) {
	p := &preparedConfig{levels: current}
	for i, lv := range cfg.Levels {
		levels, _, err := withLevel(p.levels, lv)
		if err != nil {
			return nil, &ConfigError{Field: "levels[" + strconv.Itoa(i) + "]", Value: lv.Name, Err: err}
		}
		p.levels = levels
	}
	for i, h := range cfg.Handlers {
		hd, err := buildHandler(h, p.levels)
		if err == nil {
			err = checkSink(h.Sink)
		}
		if err != nil {
			return nil, handlerFieldPath(err, i)
		}
		p.handlers = append(p.handlers, hd)
	}
	flows, err := prepareFlows(cfg.Flows, p.levels)
	if err != nil {
		return nil, err
	}
	p.flows = flows
	keys := make([]string, 0, len(cfg.Extra))
	for k := range cfg.Extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if k == "" {
			return nil, configErr(`extra[""]`, cfg.Extra[k], "a field needs a name")
		}
		p.extra.Set(k, cfg.Extra[k])
	}
	return p, nil
}

// checkSink refuses, before any sink is opened, the sinks openSink would refuse.
func checkSink(s any) error {
	switch s := s.(type) {
	case nil:
		return configErr("Handler.Sink", "nil", "a sink is required")
	case string:
		if s == "" {
			return configErr("Handler.Sink", s, "empty path")
		}
	case Sink:
	case func(Message):
		if s == nil {
			return configErr("Handler.Sink", "nil func", "a sink is required")
		}
	case slog.Handler: // checked when opened (openSlog), still before anything changes
	case io.Writer:
		if v := reflect.ValueOf(s); v.Kind() == reflect.Pointer && v.IsNil() {
			return configErr("Handler.Sink", reflect.TypeOf(s).String()+"(nil)", "a nil writer")
		}
	default:
		return configErr("Handler.Sink", reflect.TypeOf(s).String(), "want an io.Writer, a path, \"stdout\", \"stderr\", a func(logru.Message), a logru.Sink or a slog.Handler")
	}
	return nil
}

// handlerKeys maps Handler's Go field names to their keys in a configuration file.
var handlerKeys = func() map[string]string {
	m := map[string]string{}
	t := reflect.TypeFor[Handler]()
	for i := range t.NumField() {
		f := t.Field(i)
		if name := config.Key(f); name != "" {
			m[f.Name] = name
		}
	}
	return m
}()

// handlerFieldPath rewrites the Field of a *ConfigError about Handler i from its Go
// form ("Handler.FilterLevels[\"db\"]") to its configuration path
// ("handlers[2].filter_levels[\"db\"]"). Fields with no key keep their Go name.
func handlerFieldPath(err error, i int) error {
	var ce *ConfigError
	if !errors.As(err, &ce) {
		return err
	}
	rest, ok := strings.CutPrefix(ce.Field, "Handler.")
	if !ok {
		return err
	}
	name, index := rest, ""
	if j := strings.IndexByte(rest, '['); j >= 0 {
		name, index = rest[:j], rest[j:]
	}
	if key, ok := handlerKeys[name]; ok {
		name = key
	}
	return &ConfigError{Field: "handlers[" + strconv.Itoa(i) + "]." + name + index, Value: ce.Value, Err: ce.Err}
}
