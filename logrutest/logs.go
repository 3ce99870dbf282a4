package logrutest

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Logs is a view of the entries a logger made by [New] captured: all of them, or those a
// chain of filters keeps. A view is live: it sees entries captured after it was made.
// Its methods are safe for concurrent use, with each other and with logging. The zero
// Logs is not usable: views come from New and from the Filter methods.
type Logs struct {
	s    *store
	keep []func(*Entry) bool // every one must hold; never modified once set
}

// store holds the captured entries of one logger, and the text of every line for the
// report printed when the test fails.
type store struct {
	mu      sync.Mutex
	entries []Entry
	lines   []string // every captured line, TakeAll and Reset notwithstanding
	dropped int      // lines left out of lines, which keeps the last maxLines
}

// maxLines bounds the lines kept for the failure report.
const maxLines = 10000

func (s *store) add(e Entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries = append(s.entries, e)
	if len(s.lines) == maxLines {
		copy(s.lines, s.lines[1:])
		s.lines = s.lines[:maxLines-1]
		s.dropped++
	}
	s.lines = append(s.lines, e.Text)
}

func (s *store) report() (lines []string, dropped int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.lines), s.dropped
}

func (l *Logs) match(e *Entry) bool {
	for _, f := range l.keep {
		if !f(e) {
			return false
		}
	}
	return true
}

// All returns the entries of the view, oldest first, as a new slice.
func (l *Logs) All() []Entry {
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	var out []Entry
	for i := range l.s.entries {
		if l.match(&l.s.entries[i]) {
			out = append(out, l.s.entries[i])
		}
	}
	return out
}

// Len returns the number of entries in the view.
func (l *Logs) Len() int {
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	n := 0
	for i := range l.s.entries {
		if l.match(&l.s.entries[i]) {
			n++
		}
	}
	return n
}

// TakeAll returns the entries of the view, oldest first, and removes them from the
// logger's capture (every view of it then no longer sees them), in one step.
func (l *Logs) TakeAll() []Entry {
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	var out []Entry
	kept := l.s.entries[:0]
	for _, e := range l.s.entries {
		if l.match(&e) {
			out = append(out, e)
		} else {
			kept = append(kept, e)
		}
	}
	clear(l.s.entries[len(kept):])
	l.s.entries = kept
	return out
}

// Reset removes the entries of the view from the logger's capture. The lines printed
// when the test fails still include them.
func (l *Logs) Reset() { l.TakeAll() }

// Filter returns a view of the entries of l for which keep returns true. keep is called
// with the capture's lock held: it must not use l.
func (l *Logs) Filter(keep func(Entry) bool) *Logs {
	return l.with(func(e *Entry) bool { return keep(*e) })
}

// FilterLevel returns a view of the entries of l at the level called name, matched
// without regard to case ("warning" matches WARNING).
func (l *Logs) FilterLevel(name string) *Logs {
	return l.with(func(e *Entry) bool { return strings.EqualFold(e.Level, name) })
}

// FilterMessage returns a view of the entries of l whose message contains sub.
func (l *Logs) FilterMessage(sub string) *Logs {
	return l.with(func(e *Entry) bool { return strings.Contains(e.Message, sub) })
}

// FilterField returns a view of the entries of l that have the field key with value:
// numbers are compared by value whatever their type (3, int64(3) and 3.0 are equal),
// anything else with reflect.DeepEqual (an error matches itself and any error of the
// same type and content; a group matches a map[string]any). An entry without the field
// never matches.
func (l *Logs) FilterField(key string, value any) *Logs {
	return l.with(func(e *Entry) bool {
		v, ok := e.Fields[key]
		return ok && equal(v, value)
	})
}

func (l *Logs) with(f func(*Entry) bool) *Logs {
	return &Logs{s: l.s, keep: append(slices.Clip(l.keep), f)}
}

// equal compares two field values: numbers of Go's built-in numeric types by value,
// the rest with reflect.DeepEqual.
func equal(a, b any) bool {
	if x, ok := integer(a); ok {
		if y, ok := integer(b); ok {
			return x == y
		}
	}
	if x, ok := float(a); ok {
		if y, ok := float(b); ok {
			return x == y
		}
	}
	return reflect.DeepEqual(a, b)
}

// whole is an integer of any built-in type, exactly.
type whole struct {
	neg bool
	mag uint64
}

func integer(v any) (whole, bool) {
	switch x := v.(type) {
	case int:
		return signed(int64(x)), true
	case int8:
		return signed(int64(x)), true
	case int16:
		return signed(int64(x)), true
	case int32:
		return signed(int64(x)), true
	case int64:
		return signed(x), true
	case uint:
		return whole{mag: uint64(x)}, true
	case uint8:
		return whole{mag: uint64(x)}, true
	case uint16:
		return whole{mag: uint64(x)}, true
	case uint32:
		return whole{mag: uint64(x)}, true
	case uint64:
		return whole{mag: x}, true
	case uintptr:
		return whole{mag: uint64(x)}, true
	}
	return whole{}, false
}

func signed(i int64) whole {
	if i < 0 {
		return whole{neg: true, mag: uint64(-(i + 1)) + 1}
	}
	return whole{mag: uint64(i)}
}

// float returns a number of any built-in type as a float64 (large integers rounded).
func float(v any) (float64, bool) {
	if w, ok := integer(v); ok {
		if w.neg {
			return -float64(w.mag), true
		}
		return float64(w.mag), true
	}
	switch x := v.(type) {
	case float32:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}
