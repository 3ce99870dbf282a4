package render

import (
	"bytes"
	"log/slog"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
)

// Prefix is a run of fields rendered once, when it is made, and copied into every
// record whose Extra holds exactly those fields, unchanged, at one place: a logger's
// bound fields, which would otherwise be encoded anew for each record. It holds the
// run in each form a format writes it — JSON members, {extra} pairs, {fields} pairs and
// the text of single values for {extra[key]} — each made the first time it is asked
// for ([Prefix.Warm] asks in advance), then kept.
//
// Values are rendered as they are when their form is made: a slice, pointer, error or
// Stringer changed later is not seen. Only live values are rendered from the record
// each time: a slog.LogValuer, and a function of no arguments and one result (which a
// logger with Options.Lazy calls for each record); the record holds their resolved
// values.
//
// A Prefix is immutable (its forms are made once, atomically) and safe for concurrent
// use. A nil *Prefix covers no fields; the zero Prefix too.
type Prefix struct {
	attrs []slog.Attr // the fields, in order; never modified
	live  []bool      // live[i]: attrs[i] is rendered from the record; nil when none is
	forms [numForms]atomic.Pointer[prefixForm]
}

// form is one of the ways a Prefix renders its fields.
type form uint8

const (
	formJSON   form = iota // members of a JSON object: "k":v,"k2":v2
	formExtra              // {extra}: k=v k2=v2
	formFields             // {fields}: " k=v k2=v2", groups flattened
	formValues             // {extra[key]}: the text of each value that may change after it is rendered
	numForms
)

// prefixForm is one form of a Prefix: its parts in order, and for formValues the texts.
type prefixForm struct {
	parts []prefixPart
	vals  []prefixValue
	one   [1]prefixPart // parts' storage while there is one part (no live field)
}

// prefixPart is rendered bytes followed, when live >= 0, by field live rendered from the
// record.
type prefixPart struct {
	raw  []byte
	live int
}

// prefixValue is a value's text, as {extra[key]} writes it (encode.AppendText).
type prefixValue struct {
	key  string
	text []byte
}

// NewPrefix returns a Prefix of attrs, which it keeps: the caller must not modify them.
// No form is rendered yet (see [Prefix.WarmJSON], [Prefix.WarmTemplate]).
func NewPrefix(attrs []slog.Attr) *Prefix {
	p := new(Prefix)
	p.Init(attrs, nil)
	return p
}

// Extend returns a Prefix of attrs, which begin with p's fields, unchanged, and go on
// with more (see [Prefix.Init]).
func (p *Prefix) Extend(attrs []slog.Attr) *Prefix {
	c := new(Prefix)
	c.Init(attrs, p)
	return c
}

// Init makes p, a zero Prefix not yet shared, a Prefix of attrs, which it keeps as
// NewPrefix does. When parent is not nil, attrs begin with parent's fields, unchanged,
// and go on with more: each form parent has made is made for p now, as parent's bytes
// followed by the new fields'; p's other forms are made from all its fields when asked
// for. p keeps no reference to parent.
func (p *Prefix) Init(attrs []slog.Attr, parent *Prefix) {
	p.attrs = attrs
	if parent.Len() == 0 || len(attrs) < parent.Len() {
		p.live = liveFields(attrs, nil, 0)
		return
	}
	p.live = liveFields(attrs, parent.live, parent.Len())
	for f := range numForms {
		if base := parent.forms[f].Load(); base != nil {
			p.forms[f].Store(p.render(f, base, parent.Len()))
		}
	}
}

// liveFields returns which of attrs are live (see [IsLive]), the first from of them
// as known in known; nil when none is.
func liveFields(attrs []slog.Attr, known []bool, from int) []bool {
	var live []bool
	for i, a := range attrs {
		l := false
		if i < from {
			l = known != nil && known[i]
		} else {
			l = IsLive(a.Value)
		}
		if l && live == nil {
			live = make([]bool, len(attrs))
		}
		if l {
			live[i] = true
		}
	}
	return live
}

// IsLive reports whether v is rendered from each record rather than once: a
// slog.LogValuer, or a function of no arguments and one result (which Options.Lazy
// calls). It uses reflection: call it when a value is bound, not per record.
func IsLive(v slog.Value) bool {
	switch v.Kind() {
	case slog.KindLogValuer:
		return true
	case slog.KindAny:
		t := reflect.TypeOf(v.Any())
		return t != nil && t.Kind() == reflect.Func && t.NumIn() == 0 && t.NumOut() == 1
	}
	return false
}

// Len returns the number of fields p covers.
func (p *Prefix) Len() int {
	if p == nil {
		return 0
	}
	return len(p.attrs)
}

// Live reports whether field i of p is live (see [IsLive]).
func (p *Prefix) Live(i int) bool { return p != nil && p.live != nil && p.live[i] }

// HasLive reports whether some field of p is live.
func (p *Prefix) HasLive() bool { return p != nil && p.live != nil }

// WarmJSON renders p's JSON form now, so that its values are taken as they are now.
func (p *Prefix) WarmJSON() {
	if p.Len() > 0 {
		p.form(formJSON)
	}
}

// WarmTemplate renders now the forms of p that t writes ({extra}, {fields},
// {extra[key]}), so that its values are taken as they are now.
func (p *Prefix) WarmTemplate(t *Template) {
	if p.Len() == 0 {
		return
	}
	for f := range numForms {
		if t.forms&(1<<f) != 0 {
			p.form(f)
		}
	}
}

// form returns p's form f, rendering it the first time. Two goroutines may both render
// it; the first stored wins, so every record sees the same bytes.
func (p *Prefix) form(f form) *prefixForm {
	if pf := p.forms[f].Load(); pf != nil {
		return pf
	}
	pf := p.render(f, nil, 0)
	if !p.forms[f].CompareAndSwap(nil, pf) {
		return p.forms[f].Load()
	}
	return pf
}

// render makes form f of p: base's bytes (the form of p's first from fields), then
// fields from onward.
func (p *Prefix) render(f form, base *prefixForm, from int) *prefixForm {
	pf := &prefixForm{}
	pf.parts = pf.one[:0]
	sp := scratchPool.Get().(*[]byte) // the bytes are built here, then copied once, to their size
	defer func() {
		if cap(*sp) <= maxScratch {
			scratchPool.Put(sp)
		}
	}()
	raw := (*sp)[:0]
	if base != nil {
		n := len(base.parts) - 1 // the last part has no live field: its bytes go on
		pf.parts = append(pf.parts, base.parts[:n]...)
		raw = append(raw, base.parts[n].raw...)
		pf.vals = base.vals[:len(base.vals):len(base.vals)]
	}
	for i := from; i < len(p.attrs); i++ {
		a := p.attrs[i]
		live := p.Live(i)
		switch f {
		case formJSON:
			if i > 0 {
				raw = append(raw, ',')
			}
			raw = encode.AppendJSONString(raw, a.Key)
			raw = append(raw, ':')
			if !live {
				raw = encode.AppendJSON(raw, a.Value)
			}
		case formExtra:
			if i > 0 {
				raw = append(raw, ' ')
			}
			if !live {
				raw = encode.AppendTextPair(raw, a.Key, a.Value)
			}
		case formFields:
			if !live {
				raw = encode.AppendTextFlat(raw, a.Key, a.Value)
			}
		case formValues:
			// Other kinds cannot change once bound: the record's value gives the same text.
			if !live && a.Value.Kind() == slog.KindAny {
				pf.vals = append(pf.vals, prefixValue{key: a.Key, text: encode.AppendText(nil, a.Value)})
			}
			continue
		}
		if live {
			pf.parts = append(pf.parts, prefixPart{raw: bytes.Clone(raw), live: i})
			raw = raw[:0]
		}
	}
	pf.parts = append(pf.parts, prefixPart{raw: bytes.Clone(raw), live: -1})
	*sp = raw[:0]
	return pf
}

// scratchPool holds the buffers Prefix forms are rendered in; maxScratch is the largest
// one it keeps.
var scratchPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

const maxScratch = 64 << 10

// covers reports whether p stands for extra[at:at+p.Len()], a run of more than no
// fields that fits in extra (what the caller vouches for is that they are p's own).
func (p *Prefix) covers(extra []slog.Attr, at int) bool {
	return p != nil && len(p.attrs) > 0 && at >= 0 && at+len(p.attrs) <= len(extra)
}

// appendJSON writes the members of extra: those p covers, from at on, from p, the rest
// encoded.
func (p *Prefix) appendJSON(dst []byte, extra []slog.Attr, at int) []byte {
	start := 0
	if p.covers(extra, at) {
		for i := 0; i < at; i++ {
			dst = appendJSONMember(dst, i, extra[i])
		}
		if at > 0 {
			dst = append(dst, ',')
		}
		for _, part := range p.form(formJSON).parts {
			dst = append(dst, part.raw...)
			if part.live >= 0 {
				dst = encode.AppendJSON(dst, extra[at+part.live].Value)
			}
		}
		start = at + len(p.attrs)
	}
	for i := start; i < len(extra); i++ {
		a := &extra[i] // not a copy of the 40-byte Attr
		dst = encode.AppendJSONMember(dst, i > 0, a.Key, a.Value)
	}
	return dst
}

// appendJSONMember writes field a, the i-th, as a JSON member, after a comma unless it
// is the first.
func appendJSONMember(dst []byte, i int, a slog.Attr) []byte {
	return encode.AppendJSONMember(dst, i > 0, a.Key, a.Value)
}

// appendExtra is the package's appendExtra with the fields p covers, from at on, copied
// from p.
func (p *Prefix) appendExtra(dst []byte, e *core.Extra, at int) []byte {
	extra := e.Attrs()
	if !p.covers(extra, at) {
		return appendExtra(dst, e)
	}
	for i := 0; i < at; i++ {
		dst = appendExtraPair(dst, i, extra[i])
	}
	if at > 0 {
		dst = append(dst, ' ')
	}
	for _, part := range p.form(formExtra).parts {
		dst = append(dst, part.raw...)
		if part.live >= 0 {
			a := extra[at+part.live]
			dst = encode.AppendTextPair(dst, a.Key, a.Value)
		}
	}
	for i := at + len(p.attrs); i < len(extra); i++ {
		dst = appendExtraPair(dst, i, extra[i])
	}
	return dst
}

// appendFields is the package's appendFields with the fields p covers, from at on,
// copied from p, unless the message showed one of them (then they are all rendered from
// the record).
func (p *Prefix) appendFields(dst []byte, r *core.Record, at int) []byte {
	extra := r.Extra.Attrs()
	skip := r.MessageKeys.Len() > 0
	if !p.covers(extra, at) || skip && p.anyIn(&r.MessageKeys) {
		return appendFields(dst, r)
	}
	for i := 0; i < at; i++ {
		dst = appendFieldsPair(dst, r, skip, extra[i])
	}
	for _, part := range p.form(formFields).parts {
		dst = append(dst, part.raw...)
		if part.live >= 0 {
			a := extra[at+part.live]
			dst = encode.AppendTextFlat(dst, a.Key, a.Value)
		}
	}
	for i := at + len(p.attrs); i < len(extra); i++ {
		dst = appendFieldsPair(dst, r, skip, extra[i])
	}
	return dst
}

// anyIn reports whether one of p's keys is in k.
func (p *Prefix) anyIn(k *core.Keys) bool {
	for _, a := range p.attrs {
		if k.Has(a.Key) {
			return true
		}
	}
	return false
}

// text returns the rendered text of the value p holds under key, when it is one that
// may have changed since (a value of kind Any that is not live); ok is false otherwise,
// and the record's value gives the same text.
func (p *Prefix) text(key string) (b []byte, ok bool) {
	for _, v := range p.form(formValues).vals {
		if v.key == key {
			return v.text, true
		}
	}
	return nil, false
}

// AppendEncoded is [JSON.Append] with parts of the record encoded in advance: p, when
// not nil, for a record whose Extra holds the fields p was made from, unchanged, from
// index at on; caller, when not nil, is [AppendCallerJSON] of the record's Name,
// Function, File and Line. Those parts are copied instead of encoded; the caller of
// AppendEncoded vouches that they match the record.
func (j *JSON) AppendEncoded(dst []byte, r *core.Record, p *Prefix, at int, caller []byte) []byte {
	return j.appendRecord(dst, r, p, at, caller)
}
