package bridge

import (
	"context"
	"log/slog"

	"github.com/logru/logru"
)

// SlogHandler is a slog.Handler that logs into a logru Logger: slog.New(h) gives a
// *slog.Logger whose records go through the logger's level gate, activation rules,
// patchers, filters and handlers like any logru call. Make one with [NewSlogHandler].
//
// Records keep slog's time (a zero time stays zero), message (as text, never a
// template) and caller (Record.PC); the level is mapped by [logru.LevelFromSlog];
// attributes become extra fields, groups nested values (objects in serialized output);
// the context given to slog becomes the record's Context. WithAttrs and WithGroup do
// their work once, when they are called.
//
// A SlogHandler is immutable and safe for concurrent use. The zero SlogHandler is not
// usable. Handle never fails: problems go to the logger's handlers' OnError.
type SlogHandler struct {
	l      *logru.Logger // bound with the attributes given before any group
	groups []group       // open groups, outermost first
	// noAttrs is the records' extra fields when they have no attributes of their own
	// (the groups' attributes, nested), computed once; nil without groups.
	noAttrs []slog.Attr
}

// group is a group opened with WithGroup and the attributes added inside it.
type group struct {
	name  string
	attrs []slog.Attr
}

// NewSlogHandler returns a slog.Handler that logs into l. A nil l means
// [logru.Default]().
func NewSlogHandler(l *logru.Logger) *SlogHandler {
	if l == nil {
		l = logru.Default()
	}
	return &SlogHandler{l: l}
}

// ForwardsTo returns the logger h writes into; with it, [logru.Logger.Add] refuses h (or
// a handler derived from it) as a sink of that same logger.
func (h *SlogHandler) ForwardsTo() *logru.Logger { return h.l }

// Enabled answers from the logger's level gate: whether some handler takes records at
// the logru level that lv maps to.
func (h *SlogHandler) Enabled(_ context.Context, lv slog.Level) bool {
	return h.l.Enabled(logru.LevelFromSlog(lv))
}

// Handle logs r into the logger. It always returns nil.
func (h *SlogHandler) Handle(ctx context.Context, r slog.Record) error {
	var buf [8]slog.Attr
	attrs := buf[:0]
	r.Attrs(func(a slog.Attr) bool {
		if k := a.Value.Kind(); k == slog.KindGroup || k == slog.KindLogValuer || a.Key == "" {
			// appendAttr recurses, so escape analysis would move buf to the heap
			// if it appended to it: it fills a slice of its own.
			attrs = append(attrs, appendAttr(nil, a)...)
		} else {
			attrs = append(attrs, a)
		}
		return true
	})
	if len(h.groups) > 0 {
		if len(attrs) == 0 {
			attrs = h.noAttrs
		} else {
			attrs = h.nest(attrs)
		}
	}
	h.l.LogEvent(&logru.Event{Time: r.Time, Level: logru.LevelFromSlog(r.Level), Message: r.Message, PC: r.PC, Context: ctx}, attrs...)
	return nil
}

// WithAttrs returns a handler whose records also carry as, inside the groups open on
// h. Attributes outside any group are bound to the logger once ([logru.Logger.Bind]).
func (h *SlogHandler) WithAttrs(as []slog.Attr) slog.Handler {
	var clean []slog.Attr
	for _, a := range as {
		clean = appendAttr(clean, a)
	}
	if len(clean) == 0 {
		return h
	}
	c := *h
	if len(h.groups) == 0 {
		args := make([]any, len(clean))
		for i, a := range clean {
			args[i] = a
		}
		c.l = h.l.Bind(args...)
		return &c
	}
	c.groups = append([]group(nil), h.groups...)
	last := &c.groups[len(c.groups)-1]
	last.attrs = append(last.attrs[:len(last.attrs):len(last.attrs)], clean...)
	c.noAttrs = c.nest(nil)
	return &c
}

// WithGroup returns a handler whose later attributes (from WithAttrs and from records)
// are nested under name. An empty name returns h, as slog asks.
func (h *SlogHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	c := *h
	c.groups = append(h.groups[:len(h.groups):len(h.groups)], group{name: name})
	c.noAttrs = c.nest(nil)
	return &c
}

// nest puts a record's attributes inside the open groups, with each group's own
// attributes first; a group left with no attributes is left out.
func (h *SlogHandler) nest(attrs []slog.Attr) []slog.Attr {
	cur := attrs
	for i := len(h.groups) - 1; i >= 0; i-- {
		g := h.groups[i]
		if len(g.attrs) == 0 && len(cur) == 0 {
			continue
		}
		members := make([]slog.Attr, 0, len(g.attrs)+len(cur))
		members = append(append(members, g.attrs...), cur...)
		cur = []slog.Attr{{Key: g.name, Value: slog.GroupValue(members...)}}
	}
	return cur
}

// appendAttr adds a as slog handlers must see it: its value resolved (LogValuers, also
// inside groups), an empty Attr dropped, an empty group dropped, the members of a group
// with an empty key inlined.
func appendAttr(dst []slog.Attr, a slog.Attr) []slog.Attr {
	a.Value = a.Value.Resolve()
	if a.Value.Kind() != slog.KindGroup {
		if a.Key == "" && a.Value.Any() == nil {
			return dst
		}
		return append(dst, a)
	}
	members := a.Value.Group()
	if a.Key == "" {
		for _, m := range members {
			dst = appendAttr(dst, m)
		}
		return dst
	}
	if !clean(members) {
		var fixed []slog.Attr
		for _, m := range members {
			fixed = appendAttr(fixed, m)
		}
		members = fixed
		a.Value = slog.GroupValue(members...)
	}
	if len(members) == 0 {
		return dst
	}
	return append(dst, a)
}

// clean reports whether a group's members need no change by appendAttr.
func clean(as []slog.Attr) bool {
	for _, a := range as {
		switch a.Value.Kind() {
		case slog.KindLogValuer:
			return false
		case slog.KindGroup:
			if a.Key == "" || !clean(a.Value.Group()) || len(a.Value.Group()) == 0 {
				return false
			}
		default:
			if a.Key == "" && a.Value.Any() == nil {
				return false
			}
		}
	}
	return true
}
