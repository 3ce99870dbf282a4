package logrutest

import (
	"context"
	"log/slog"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/core"
)

// Entry is one captured record. It is a copy: it stays valid after the log call returned
// and is safe to read from any goroutine. The zero Entry is empty.
type Entry struct {
	// Time is the record's time.
	Time time.Time
	// Level is the level's name ("INFO", or a custom level's name).
	Level string
	// LevelNo is the level's number (20 for INFO).
	LevelNo int
	// Message is the message after template substitution.
	Message string
	// Fields holds the record's extra fields (bound, contextual and per call) by key,
	// with the values as given: an error stays the error, a string, bool, float64,
	// time.Duration or time.Time keeps its type, any other value is the value itself.
	// Two exceptions come from slog.Value, which logru keeps fields in: signed integers
	// of every size come back as int and unsigned ones as uint (when they fit), and
	// float32 as float64; [Logs.FilterField] compares numbers by value, so both forms
	// match. A group (slog.Group) is a map[string]any of its fields, an empty group is
	// left out. Values without a key are kept under "!BADKEY", "!BADKEY2", … in
	// order, as every format shows them. Never nil.
	Fields map[string]any
	// Exception is a copy of the record's exception (the error or panic and its stack);
	// nil when there is none.
	Exception *core.Exception
	// Name is the Go package path of the code that logged ("main",
	// "github.com/acme/shop/db").
	Name string
	// Function is the function that logged, without its package path ("TestCharge",
	// "(*Conn).Query").
	Function string
	// File is the base name of the source file that logged.
	File string
	// Line is the line number of the log call.
	Line int
	// Context is the context given with Logger.Ctx, or nil.
	Context context.Context
	// Text is the formatted line (see Options.Format) without its final newline.
	Text string
}

// newEntry copies what is needed of m, which is valid only during the sink's call.
func newEntry(m logru.Message) Entry {
	r := m.Record
	e := Entry{
		Time:     r.Time,
		Level:    r.Level.Name,
		LevelNo:  r.Level.No,
		Message:  r.Message,
		Fields:   make(map[string]any, r.Extra.Len()),
		Name:     r.Name,
		Function: r.Function,
		File:     r.File,
		Line:     r.Line,
		Context:  r.Context,
		Text:     strings.TrimSuffix(string(m.Text), "\n"),
	}
	if r.Exception != nil {
		x := *r.Exception
		x.Chain = slices.Clone(x.Chain)
		x.Stack = slices.Clone(x.Stack)
		e.Exception = &x
	}
	addAttrs(e.Fields, r.Extra.Attrs())
	return e
}

// addAttrs sets attrs in m, slog's way: an empty-keyed group is inlined, an empty group
// and an empty attribute are left out.
func addAttrs(m map[string]any, attrs []slog.Attr) {
	for _, a := range attrs {
		v := a.Value.Resolve()
		switch {
		case v.Kind() == slog.KindGroup && len(v.Group()) == 0:
			continue
		case a.Key == "" && v.Kind() == slog.KindGroup:
			addAttrs(m, v.Group())
			continue
		case a.Key == "" && v.Any() == nil:
			continue
		}
		m[a.Key] = plain(v)
	}
}

// plain turns a slog.Value back into the Go value it was made of, as far as that is
// known (see Entry.Fields).
func plain(v slog.Value) any {
	switch v.Kind() {
	case slog.KindInt64:
		if n := v.Int64(); n >= math.MinInt && n <= math.MaxInt {
			return int(n)
		}
	case slog.KindUint64:
		if n := v.Uint64(); n <= math.MaxUint {
			return uint(n)
		}
	case slog.KindGroup:
		m := make(map[string]any, len(v.Group()))
		addAttrs(m, v.Group())
		return m
	}
	return v.Any()
}
