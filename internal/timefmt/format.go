package timefmt

import (
	"strconv"
	"strings"
	"time"
)

// utcSuffix, at the very end of a spec, converts the time to UTC before formatting.
const utcSuffix = "!UTC"

// kind says which of the three renderers a Format uses.
type kind uint8

const (
	// kindISO is the zero value: Python's %Y-%m-%dT%H:%M:%S.%f%z, loguru's default.
	kindISO kind = iota
	// kindTokens renders loguru tokens (YYYY, MM, ...) compiled into ops.
	kindTokens
	// kindStrftime renders a Python strftime spec compiled into appenders.
	kindStrftime
)

// Format is a compiled time format, made by [Compile]. It is immutable (apart from
// an internal, synchronised cache of the last text rendered) and safe for concurrent
// use by any number of goroutines.
//
// The zero value is ready to use and behaves like Compile(""): it renders loguru's
// default time text, such as 2018-02-03T11:09:00.000002+0030. A nil *Format does
// the same.
type Format struct {
	spec  string
	kind  kind
	utc   bool       // convert to UTC first (the spec ended with "!UTC")
	ops   []op       // kindTokens: the compiled tokens and literals
	need  need       // kindTokens: the calendar fields the ops read
	strf  []appender // kindStrftime: the compiled spec
	cache *cache     // nil when the output is not worth caching
	grain grain      // what the cache is keyed by
}

// Compile parses a loguru time spec: the part after "{time:" in a template.
//
// The spec is read as loguru reads it. A trailing "!UTC" converts the time to UTC
// first. An empty spec (also after removing "!UTC") gives loguru's default, Python's
// %Y-%m-%dT%H:%M:%S.%f%z. A spec holding a '%' is a Python strftime format.
// Anything else is made of tokens, bracket escapes and literal text, as the
// package documentation describes.
//
// The invalid specs are a token spec with seven or more successive 'S' characters
// and a strftime spec holding a NUL byte, both of which loguru rejects too. The
// error names the spec. Compile never panics, whatever its input.
func Compile(spec string) (*Format, error) {
	f := &Format{spec: spec}
	body := spec
	if strings.HasSuffix(body, utcSuffix) {
		f.utc = true
		body = body[:len(body)-len(utcSuffix)]
	}
	var err error
	switch {
	case body == "":
		f.kind = kindISO
		f.grain = grainFine // microseconds
	case strings.IndexByte(body, '%') >= 0:
		f.kind = kindStrftime
		f.strf, f.grain, err = compileStrftime(body)
	default:
		f.kind = kindTokens
		f.ops, f.need, f.grain, err = compileTokens(body)
	}
	if err != nil {
		return nil, &specError{spec: spec, reason: err.Error()}
	}
	if f.grain.cacheable() || f.kind == kindISO {
		f.cache = new(cache) // kindISO caches its text without the microseconds
	}
	return f, nil
}

// String returns the spec f was compiled from ("" for the zero Format).
func (f *Format) String() string {
	if f == nil {
		return ""
	}
	return f.spec
}

// Append appends t, formatted by f, to dst and returns the extended buffer.
//
// Append never panics and does not allocate beyond growing dst. Formats whose text
// changes at most once per second or per millisecond remember their last text, so
// formatting many times within the same second or millisecond (and the same
// location) costs little more than a copy.
func (f *Format) Append(dst []byte, t time.Time) []byte {
	if f == nil {
		return appendISO(dst, t)
	}
	if f.kind == kindISO && !f.utc && f.cache != nil { // {time}: the most common, first
		return f.appendISOCached(dst, t)
	}
	if f.utc {
		t = t.UTC()
	}
	if f.cache == nil {
		return f.render(dst, t)
	}
	if f.kind == kindISO {
		return f.appendISOCached(dst, t)
	}
	sec, frac := f.grain.key(t)
	var loc *time.Location
	if !f.utc {
		loc = t.Location()
	}
	if out, ok := f.cache.load(dst, sec, frac, loc); ok {
		return out
	}
	start := len(dst)
	dst = f.render(dst, t)
	f.cache.store(sec, frac, loc, dst[start:])
	return dst
}

// isoSecs is the length of "2006-01-02T15:04:05" in loguru's default time text, which
// the microseconds and the offset follow.
const isoSecs = 19

// appendISOCached renders loguru's default text. The cache holds the whole text of
// some earlier time in the same second (date, time of day, microseconds, offset); a hit
// appends it and writes this time's microseconds over the earlier ones, in place.
func (f *Format) appendISOCached(dst []byte, t time.Time) []byte {
	sec := t.Unix()
	var loc *time.Location
	if !f.utc {
		loc = t.Location()
	}
	start := len(dst)
	if out, ok := f.cache.load(dst, sec, 0, loc); ok && len(out)-start >= isoSecs+7 {
		PutMicros(out[start+isoSecs+1:], t.Nanosecond())
		return out
	}
	dst = appendISO(dst, t)
	if b := dst[start:]; len(b) < isoSecs+7 || b[4] != '-' || b[10] != 'T' || b[isoSecs] != '.' {
		return dst // a year outside 0000-9999 does not fit the layout the cache assumes
	}
	f.cache.store(sec, 0, loc, dst[start:])
	return dst
}

// render formats t without looking at the cache.
func (f *Format) render(dst []byte, t time.Time) []byte {
	switch f.kind {
	case kindTokens:
		return appendOps(dst, f.ops, f.need, t)
	case kindStrftime:
		return appendPieces(dst, f.strf, t)
	default:
		return appendISO(dst, t)
	}
}

// specError reports a spec that loguru rejects.
type specError struct {
	spec   string
	reason string
}

func (e *specError) Error() string {
	return "timefmt: invalid time format " + strconv.Quote(e.spec) + ": " + e.reason
}
