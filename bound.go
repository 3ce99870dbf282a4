package logru

import (
	"log/slog"
	"slices"
	"strings"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/render"
)

// boundEncoding holds a logger's bound fields rendered once ([render.Prefix]): each form
// the handlers write (JSON members, {extra}, {fields}, {extra[key]}) is rendered at
// Bind, or at the first record that needs it for a handler added later. A Bind makes a
// new one; Patch, Opt and Ctx children share their parent's, as they share its fields.
type boundEncoding struct {
	prefix  render.Prefix
	badKeys bool // a bound key is a bad key, which fields merged before would renumber
}

// fits reports whether the rendered fields stand for the bound fields of a record whose
// Extra had at fields before them and n fields in all: each bound and call field was
// appended (none replaced another: the count tells), and no bad key was renumbered.
func (b *boundEncoding) fits(bound *core.Extra, at, calls, n int) bool {
	return b != nil && n == at+bound.Len()+calls && (at == 0 || !b.badKeys)
}

// newBoundEncoding renders bound, the fields of a logger l's child, in every form l's
// handlers write. added is the number of fields the child's Bind gave: when they all
// came after the parent's fields (no key was bound again), the child's forms extend
// the parent's bytes instead of rendering every field anew.
func (l *Logger) newBoundEncoding(bound *core.Extra, added int) *boundEncoding {
	b := new(boundEncoding)
	p := &b.prefix
	if l.boundEnc != nil && bound.Len() == l.bound.Len()+added {
		p.Init(bound.Attrs(), &l.boundEnc.prefix)
	} else {
		p.Init(bound.Attrs(), nil)
	}
	for _, hd := range l.core.state.Load().handlers {
		switch {
		case hd.json != nil:
			p.WarmJSON()
		case hd.tmpl != nil:
			p.WarmTemplate(hd.tmpl)
		}
	}
	for _, a := range bound.Attrs() {
		b.badKeys = b.badKeys || strings.HasPrefix(a.Key, core.BadKey)
	}
	return b
}

// mergeBound adds l's bound fields to r.Extra. Live ones (see [render.IsLive]) are
// resolved for this record: a slog.LogValuer always, a function of no arguments and
// one result when l has Options.Lazy.
func (l *Logger) mergeBound(r *Record) {
	if l.boundEnc == nil || !l.boundEnc.prefix.HasLive() {
		r.Extra.MergeFrozen(&l.bound) // l.bound never changes once set
		return
	}
	// AppendAttrs numbers bad keys as Merge does, and builds no index up to 64 fields.
	var buf [16]slog.Attr
	resolved := append(buf[:0], l.bound.Attrs()...)
	for i := range resolved {
		if l.boundEnc.prefix.Live(i) {
			resolved[i].Value = toValue(resolved[i].Value.Any(), l.opts.Lazy)
		}
	}
	r.Extra.AppendAttrs(resolved)
}

// bindArgs is appendArgs for Bind: the same pairs, slog.Attrs and Fields, but a
// slog.LogValuer given as a field's value is kept as it is, to be resolved for each
// record (mergeBound), not once here.
func bindArgs(dst []slog.Attr, args []any) []slog.Attr {
	for i := 0; i < len(args); {
		switch a := args[i].(type) {
		case string:
			if i+1 < len(args) {
				if v, ok := liveValuer(args[i+1]); ok {
					dst = append(dst, slog.Attr{Key: a, Value: v})
					i += 2
					continue
				}
			}
			n := min(i+2, len(args))
			dst = appendArgs(dst, args[i:n], false)
			i = n
			continue
		case slog.Attr:
			if a.Key != "" && a.Value.Kind() == slog.KindLogValuer {
				dst = append(dst, a)
				i++
				continue
			}
		case Fields:
			keys := make([]string, 0, len(a))
			for k := range a {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				dst = bindArgs(dst, []any{k, a[k]})
			}
			i++
			continue
		}
		dst = appendArgs(dst, args[i:i+1], false)
		i++
	}
	return dst
}

// liveValuer returns x as a slog.Value of kind LogValuer when it is a slog.LogValuer
// (given as such or in a slog.Value).
func liveValuer(x any) (slog.Value, bool) {
	switch v := x.(type) {
	case slog.Value:
		return v, v.Kind() == slog.KindLogValuer
	case slog.LogValuer:
		return slog.AnyValue(v), true
	}
	return slog.Value{}, false
}
