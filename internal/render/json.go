package render

import (
	"encoding/binary"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
	"github.com/logru/logru/internal/timefmt"
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
	// The time's date, time of day and offset change at most once a second: secsZone
	// takes them from timefmt's per-second cache in one look-up, and the microseconds
	// are put in between. secs and zone write the same parts one by one, for the times
	// whose text does not have the usual layout (years outside 0000-9999).
	secsZone, secs, zone *timefmt.Format
	exc                  ExceptionOptions
	levels               jsonLevels
	clock                jsonClock
}

// NewJSON returns a record serializer. opts may be nil; only its Exception part is used
// (with Backtrace, an exception's stack holds every frame, not only the caught ones).
func NewJSON(opts *Options) *JSON {
	secsZone, err0 := timefmt.Compile("YYYY-MM-DDTHH:mm:ssZ")
	secs, err1 := timefmt.Compile("YYYY-MM-DDTHH:mm:ss")
	zone, err2 := timefmt.Compile("Z")
	if err0 != nil || err1 != nil || err2 != nil {
		panic("format: the serializer's time format does not compile")
	}
	j := &JSON{secsZone: secsZone, secs: secs, zone: zone}
	if opts != nil {
		j.exc = opts.Exception
	}
	return j
}

// jsonSecs is the length of "2026-03-26T14:30:00", which the microseconds follow.
const jsonSecs = 19

// appendTime writes t as 2026-03-26T14:30:00.123456+00:00.
func (j *JSON) appendTime(dst []byte, t time.Time) []byte {
	start := len(dst)
	dst = j.secsZone.Append(dst, t)
	if b := dst[start:]; len(b) > jsonSecs && b[4] == '-' && b[7] == '-' && b[10] == 'T' &&
		b[13] == ':' && b[16] == ':' && (b[jsonSecs] == '+' || b[jsonSecs] == '-') {
		// the usual layout: move the offset along and put the microseconds before it
		dst = append(dst, ".000000"...)
		b = dst[start:]
		copy(b[jsonSecs+7:], b[jsonSecs:len(b)-7])
		b[jsonSecs] = '.'
		timefmt.PutMicros(b[jsonSecs+1:jsonSecs+7], t.Nanosecond())
		return dst
	}
	dst = j.secs.Append(dst[:start], t)
	dst = append(dst, ".000000"...)
	timefmt.PutMicros(dst[len(dst)-6:], t.Nanosecond())
	return j.zone.Append(dst, t)
}

// jsonClock holds the quoted time text of a serialized record, "2026-03-26T14:30:00.000000+01:00",
// as rendered last, with the second and the location it was rendered for: every time in
// that second and location has the same text but for the six digits of its
// microseconds, which a hit writes over the cached ones. It is a sequence lock built
// from atomic words, as timefmt's cache is: readers never block, nothing is allocated,
// and a reader that sees seq odd or changed renders the text itself.
type jsonClock struct {
	seq  atomic.Uint64
	sec  atomic.Int64
	loc  atomic.Pointer[time.Location]
	n    atomic.Uint64
	text [jsonClockWords]atomic.Uint64
}

// jsonClockWords is the cached text's size in words: the quoted text with an offset
// of hours, minutes and seconds ("+05:53:28") is 37 bytes long.
const jsonClockWords = 5

// jsonMicros is where the microseconds start in the quoted text.
const jsonMicros = 1 + jsonSecs + 1

// appendQuotedTime writes t, not zero, as a JSON string: the text appendTime writes,
// in quotes, from j.clock when the second and location are the last ones rendered.
func (j *JSON) appendQuotedTime(dst []byte, t time.Time) []byte {
	c := &j.clock
	sec, loc := t.Unix(), t.Location()
	if s := c.seq.Load(); s&1 == 0 && s != 0 && c.sec.Load() == sec && c.loc.Load() == loc {
		n := int(c.n.Load())
		start := len(dst)
		dst = slices.Grow(dst, 8*jsonClockWords)
		b := dst[start : start+8*jsonClockWords]
		for w := range jsonClockWords {
			binary.LittleEndian.PutUint64(b[8*w:], c.text[w].Load())
		}
		if c.seq.Load() == s && n <= len(b) && n > jsonMicros+6 {
			timefmt.PutMicros(b[jsonMicros:jsonMicros+6], t.Nanosecond())
			return dst[:start+n]
		}
		dst = dst[:start]
	}
	start := len(dst)
	dst = append(dst, '"')
	dst = j.appendTime(dst, t)
	dst = append(dst, '"')
	if b := dst[start:]; len(b) <= 8*jsonClockWords && len(b) > jsonMicros+6 && b[jsonMicros-1] == '.' && b[4+1] == '-' {
		c.store(sec, loc, b)
	}
	return dst
}

// store remembers text as the rendering for sec and loc. It gives up, leaving the
// cache as it is, when another goroutine is storing.
func (c *jsonClock) store(sec int64, loc *time.Location, text []byte) {
	s := c.seq.Load()
	if s&1 != 0 || !c.seq.CompareAndSwap(s, s+1) {
		return
	}
	c.sec.Store(sec)
	c.loc.Store(loc)
	c.n.Store(uint64(len(text)))
	var w [8 * jsonClockWords]byte
	copy(w[:], text)
	for i := range jsonClockWords {
		c.text[i].Store(binary.LittleEndian.Uint64(w[8*i:]))
	}
	c.seq.Store(s + 2)
}

// Append appends r as a JSON object followed by a newline. It does not retain dst or r.
func (j *JSON) Append(dst []byte, r *core.Record) []byte {
	return j.appendRecord(dst, r, nil, 0, nil)
}

// AppendCallerJSON appends the caller members of a serialized record,
// `,"name":…,"function":…,"file":…,"line":…`, so that a caller can encode them once per
// program counter and hand them to [JSON.AppendEncoded].
func AppendCallerJSON(dst []byte, name, function, file string, line int) []byte {
	dst = append(dst, `,"name":`...)
	dst = encode.AppendJSONString(dst, name)
	dst = append(dst, `,"function":`...)
	dst = encode.AppendJSONString(dst, function)
	dst = append(dst, `,"file":`...)
	dst = encode.AppendJSONString(dst, file)
	dst = append(dst, `,"line":`...)
	return strconv.AppendInt(dst, int64(line), 10)
}

func (j *JSON) appendRecord(dst []byte, r *core.Record, p *Prefix, at int, caller []byte) []byte {
	dst = append(dst, `{"time":`...)
	if r.Time.IsZero() {
		dst = append(dst, "null"...)
	} else {
		dst = j.appendQuotedTime(dst, r.Time)
	}
	dst = j.levels.append(dst, &r.Level)
	dst = append(dst, `,"message":`...)
	dst = encode.AppendJSONString(dst, r.Message)
	if caller != nil {
		dst = append(dst, caller...)
	} else {
		dst = AppendCallerJSON(dst, r.Name, r.Function, r.File, r.Line)
	}
	dst = append(dst, `,"extra":{`...)
	dst = p.appendJSON(dst, r.Extra.Attrs(), at)
	dst = append(dst, `},"exception":`...)
	dst = j.appendException(dst, r.Exception)
	return append(dst, "}\n"...)
}

func (j *JSON) appendException(dst []byte, e *core.Exception) []byte {
	if e == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, `{"type":`...)
	dst = encode.AppendJSONString(dst, e.Type)
	dst = append(dst, `,"value":`...)
	dst = encode.AppendJSONString(dst, e.Value)
	dst = append(dst, `,"chain":[`...)
	for i, c := range e.Chain {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"type":`...)
		dst = encode.AppendJSONString(dst, c.Type)
		dst = append(dst, `,"value":`...)
		dst = encode.AppendJSONString(dst, c.Value)
		dst = append(dst, '}')
	}
	dst = append(dst, `],"stack":[`...)
	frames, _ := shownFrames(e, j.exc.Backtrace)
	for i, f := range frames {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"function":`...)
		dst = encode.AppendJSONString(dst, f.Function)
		dst = append(dst, `,"file":`...)
		dst = encode.AppendJSONString(dst, f.File)
		dst = append(dst, `,"line":`...)
		dst = strconv.AppendInt(dst, int64(f.Line), 10)
		dst = append(dst, '}')
	}
	return append(dst, "]}"...)
}
