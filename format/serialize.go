package format

import (
	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/render"
)

// JSON serializes records as one JSON object per line:
//
//	{"time":"2026-03-26T14:30:00.123456+00:00","level":"INFO","level_no":20,"message":"…","name":"main","function":"main","file":"main.go","line":42,"extra":{…},"exception":null}
//
// A zero Time is written as null. exception, when set, is an object with type, value,
// chain (a list of type/value objects) and stack (a list of function/file/line objects).
// Extra values are encoded by their kind; values JSON cannot hold (NaN, ±Inf, channels,
// cycles) degrade to strings, and the line is always valid JSON and valid UTF-8.
//
// A JSON is safe for concurrent use. The zero JSON is not usable: call [NewJSON].
type JSON struct {
	j *render.JSON
}

// NewJSON returns a record serializer. opts may be nil; only its Exception part is used
// (with Backtrace, an exception's stack holds every frame, not only the caught ones).
func NewJSON(opts *Options) *JSON {
	return &JSON{j: render.NewJSON(opts.render())}
}

// Append appends r as a JSON object followed by a newline. It does not retain dst or r.
func (j *JSON) Append(dst []byte, r *core.Record) []byte {
	return j.j.Append(dst, r)
}
