package logru

import (
	"slices"
	"strconv"
	"sync/atomic"
)

// Whether one handler takes a record: its level, its package prefix (Handler.Filter), its
// per-package levels (Handler.FilterLevels) and its FilterFunc, in that order. emit.go's
// finish asks takes for each handler; compile.go's buildHandler calls compileFilter.

// recordFilter is the part of a handler that decides whether it takes a record.
type recordFilter struct {
	level     atomic.Int64 // the minimum level; SetLevel changes it
	filter    string       // Handler.Filter
	hasFilter bool
	flevels   []prefixLevel    // Handler.FilterLevels when few, longest prefix first
	ftree     *prefixNode[int] // Handler.FilterLevels when many (see maxLinearFilterLevels)
	ffunc     func(*Record) bool
	// filtered: the handler has a filter beyond its level (any of the above): finish
	// asks takes, else it compares the level alone.
	filtered bool
}

// maxLinearFilterLevels is the most FilterLevels checked by a scan of flevels: a few
// whole-prefix compares cost less than walking a tree's maps segment by segment. More
// go in ftree, so a record costs O(segments of its package), however many there are.
const maxLinearFilterLevels = 32

// prefixLevel is one entry of Handler.FilterLevels: the minimum level of the packages
// under prefix.
type prefixLevel struct {
	prefix string
	level  int
}

// compileFilter checks and compiles h's level and filters into f.
func (f *recordFilter) compileFilter(h Handler, levels *levelTable) error {
	f.ffunc = h.FilterFunc
	lv, err := parseLevel(levels, h.Level)
	if err != nil {
		return &ConfigError{Field: "Handler.Level", Value: h.Level, Err: err}
	}
	f.level.Store(int64(lv))

	if h.Filter != "" {
		f.filter, f.hasFilter = h.Filter, true
	}
	for prefix, name := range h.FilterLevels {
		n, err := parseLevel(levels, name)
		if err != nil || name == "" {
			if err == nil {
				err = ErrNoLevel
			}
			return &ConfigError{Field: "Handler.FilterLevels[" + strconv.Quote(prefix) + "]", Value: name, Err: err}
		}
		f.flevels = append(f.flevels, prefixLevel{prefix, n})
	}
	f.filtered = f.needsCaller()
	if len(f.flevels) > maxLinearFilterLevels {
		f.ftree = &prefixNode[int]{}
		for _, fl := range f.flevels {
			f.ftree.put(fl.prefix, fl.level)
		}
		f.flevels = nil
		return nil
	}
	slices.SortFunc(f.flevels, func(a, b prefixLevel) int { return len(b.prefix) - len(a.prefix) })
	return nil
}

// needsCaller reports whether the filters read the record's caller (its package).
func (f *recordFilter) needsCaller() bool {
	return f.hasFilter || len(f.flevels) > 0 || f.ftree != nil || f.ffunc != nil
}

// takes reports whether hd takes r: its level, then Filter, then FilterLevels, then
// FilterFunc. finish checks the level itself and calls takes only for a handler with
// filters (recordFilter.filtered).
func (c *loggerCore) takes(st *coreState, hd *handler, r *Record) bool {
	if int64(r.Level.No) < hd.level.Load() {
		return false
	}
	if hd.hasFilter && !underPrefix(r.Name, hd.filter) {
		return false
	}
	if lv, ok := hd.minLevel(r.Name); ok && r.Level.No < lv {
		return false
	}
	return hd.ffunc == nil || c.filterFunc(st, hd, r)
}

// minLevel returns the Handler.FilterLevels level of the longest prefix of package path
// name, and whether one covers it.
func (f *recordFilter) minLevel(name string) (int, bool) {
	if f.ftree != nil {
		return f.ftree.longest(name)
	}
	for _, fl := range f.flevels {
		if underPrefix(name, fl.prefix) {
			return fl.level, true
		}
	}
	return 0, false
}

// filterFunc runs the handler's FilterFunc; a panicking one is reported and the record
// kept.
func (c *loggerCore) filterFunc(st *coreState, hd *handler, r *Record) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			c.report(hd, panicError("FilterFunc", v))
			ok = true // a broken filter must not lose the record
		}
	}()
	return hd.ffunc(r)
}
