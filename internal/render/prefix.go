package render

import (
	"log/slog"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
)

// Prefix is the JSON encoding of a run of fields, made once and reused by every record
// whose Extra begins with exactly those fields: a logger's bound fields, say, which would
// otherwise be encoded anew for each record.
//
// Only values that cannot change after they are bound are held as bytes: strings,
// numbers, bools, durations and times. Any other value (an error, a Stringer, a slice, a
// pointer) is encoded from the record each time, so a bound value that changes is seen
// as it is when the record is written, as without a Prefix.
//
// A Prefix is immutable and safe for concurrent use. The zero Prefix covers no fields.
type Prefix struct {
	n     int // the fields it covers
	parts []prefixPart
}

// prefixPart is encoded bytes followed, when live >= 0, by the value of field live.
type prefixPart struct {
	raw  []byte
	live int
}

// NewPrefix encodes attrs, the fields a record's Extra will begin with, as JSON members.
func NewPrefix(attrs []slog.Attr) *Prefix {
	p := &Prefix{n: len(attrs)}
	var raw []byte
	for i, a := range attrs {
		if i > 0 {
			raw = append(raw, ',')
		}
		raw = encode.AppendJSONString(raw, a.Key)
		raw = append(raw, ':')
		switch a.Value.Kind() {
		case slog.KindString, slog.KindInt64, slog.KindUint64, slog.KindFloat64,
			slog.KindBool, slog.KindDuration, slog.KindTime:
			raw = encode.AppendJSON(raw, a.Value)
		default:
			p.parts = append(p.parts, prefixPart{raw: raw, live: i})
			raw = nil
		}
	}
	p.parts = append(p.parts, prefixPart{raw: raw, live: -1})
	return p
}

// Len returns the number of fields p covers.
func (p *Prefix) Len() int {
	if p == nil {
		return 0
	}
	return p.n
}

// appendExtra writes the members of extra: those p covers from p, the rest encoded.
func (p *Prefix) appendExtra(dst []byte, extra []slog.Attr) []byte {
	start := 0
	if p != nil && p.n > 0 && p.n <= len(extra) {
		for _, part := range p.parts {
			dst = append(dst, part.raw...)
			if part.live >= 0 {
				dst = encode.AppendJSON(dst, extra[part.live].Value)
			}
		}
		start = p.n
	}
	for i := start; i < len(extra); i++ {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = encode.AppendJSONString(dst, extra[i].Key)
		dst = append(dst, ':')
		dst = encode.AppendJSON(dst, extra[i].Value)
	}
	return dst
}

// AppendEncoded is [JSON.Append] with parts of the record encoded in advance: p, when
// not nil, for a record whose Extra begins with the fields p was made from, unchanged;
// caller, when not nil, is [AppendCallerJSON] of the record's Name, Function, File and
// Line. Those parts are copied instead of encoded; the caller of AppendEncoded vouches
// that they match the record.
func (j *JSON) AppendEncoded(dst []byte, r *core.Record, p *Prefix, caller []byte) []byte {
	return j.appendRecord(dst, r, p, caller)
}
