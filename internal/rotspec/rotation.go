package rotspec

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/logru/logru/internal/ascii"
)

// Rotation is a parsed rotation spec: one or more conditions joined by " or ". The file
// should be rotated when any condition holds: its size would pass [Rotation.SizeLimit],
// or the time reached [Rotation.Next].
//
// A Rotation is immutable once parsed and safe for concurrent use. The zero value, and a
// nil *Rotation, have no condition: SizeLimit is 0, HasTime is false, Next returns the
// zero Time and String returns "".
type Rotation struct {
	spec  string
	size  int64      // smallest size condition; 0 when none
	conds []timeCond // the time conditions, in the order written
}

// timeKind is the kind of a time condition.
type timeKind uint8

const (
	everyInterval timeKind = iota + 1 // from + every
	hourly                            // next hh:00
	dailyAt                           // next occurrence of the clock time
	weeklyAt                          // next occurrence of the weekday at the clock time
	monthly                           // next 1st of a month, 00:00
	yearly                            // next January 1st, 00:00
)

// timeCond is one time condition. Wall-clock times are kept as fields and resolved
// against the Location of the time Next is given.
type timeCond struct {
	kind    timeKind
	every   time.Duration // everyInterval
	weekday time.Weekday  // weeklyAt
	clock   clock         // dailyAt, weeklyAt
}

// clock is a wall-clock time of day.
type clock struct{ hour, min, sec, nsec int }

// ParseRotation parses a rotation spec such as "500 MB", "1 day", "daily", "00:00",
// "monday at 12:00" or "500 MB or 00:00"; the package documentation gives the grammar.
// The spec is case-insensitive and white space around it and between words is ignored.
// An empty spec, or any part that cannot be read, is an error naming the spec and what
// is wrong with it. ParseRotation never panics.
func ParseRotation(s string) (*Rotation, error) {
	low := lowerASCII(s)
	if trimSpace(low) == "" {
		return nil, specError("rotation", s, "empty spec; expected for example \"100 MB\", \"1 day\", \"daily\" or \"00:00\"")
	}
	parts, multi := splitOr(low)
	r := &Rotation{spec: s}
	for _, p := range parts {
		part := low[p[0]:p[1]]
		if part == "" {
			return nil, specError("rotation", s, "empty condition before or after \"or\"")
		}
		size, tc, msg := parseRotationCond(part)
		if msg != "" {
			if multi {
				msg = "condition " + strconv.Quote(s[p[0]:p[1]]) + ": " + msg
			}
			return nil, specError("rotation", s, msg)
		}
		if size > 0 {
			if r.size == 0 || size < r.size {
				r.size = size
			}
			continue
		}
		r.conds = append(r.conds, tc)
	}
	return r, nil
}

const rotationHelp = "expected a size (\"10 MB\"), an interval (\"1 day\"), hourly, daily, weekly, monthly, yearly, a time of day (\"00:00\") or a weekday (\"monday at 12:00\")"

// parseRotationCond parses one lowered, trimmed, non-empty condition. It returns a
// size (> 0), or a time condition, or an error message.
func parseRotationCond(c string) (size int64, tc timeCond, msg string) {
	switch c {
	case "hourly":
		return 0, timeCond{kind: hourly}, ""
	case "daily":
		return 0, timeCond{kind: dailyAt}, ""
	case "weekly":
		return 0, timeCond{kind: weeklyAt, weekday: time.Monday}, ""
	case "monthly":
		return 0, timeCond{kind: monthly}, ""
	case "yearly", "annually":
		return 0, timeCond{kind: yearly}, ""
	}
	toks := fields(c)
	for i, t := range toks {
		if t != "at" {
			continue
		}
		if i == 0 {
			return 0, tc, "missing weekday before \"at\"; expected for example \"monday at 12:00\""
		}
		if i == len(toks)-1 {
			return 0, tc, "missing time of day after \"at\"; expected for example \"monday at 12:00\""
		}
		if i > 1 {
			return 0, tc, "cannot parse " + strconv.Quote(strings.Join(toks[:i], " ")) + " as a weekday; " + dayHelp
		}
		wd, isDay, msg := parseDay(toks[0])
		if msg != "" {
			return 0, tc, msg
		}
		if !isDay {
			return 0, tc, strconv.Quote(toks[0]) + " is not a weekday; " + dayHelp
		}
		clk, msg := parseClock(strings.Join(toks[i+1:], " "), true)
		if msg != "" {
			return 0, tc, msg
		}
		return 0, timeCond{kind: weeklyAt, weekday: wd, clock: clk}, ""
	}
	if wd, isDay, msg := parseDay(toks[0]); msg != "" {
		return 0, tc, msg
	} else if isDay {
		if len(toks) > 1 {
			return 0, tc, "cannot parse; write a weekday and a time as \"" + toks[0] + " at 12:00\""
		}
		return 0, timeCond{kind: weeklyAt, weekday: wd}, ""
	}
	if looksLikeClock(c) {
		clk, msg := parseClock(c, false)
		if msg != "" {
			return 0, tc, msg
		}
		return 0, timeCond{kind: dailyAt, clock: clk}, ""
	}
	q, msg := parseQuantity(c)
	if msg != "" {
		return 0, tc, msg
	}
	switch q.kind {
	case sizeQuantity:
		return q.bytes, tc, ""
	case intervalQuantity:
		return 0, timeCond{kind: everyInterval, every: q.every}, ""
	case bareNumber:
		at := "08:00"
		if q.num.isInt && len(q.num.digits) <= 2 {
			if h, err := strconv.Atoi(q.num.digits); err == nil && h <= 23 {
				at = strconv.Itoa(h/10) + strconv.Itoa(h%10) + ":00"
			}
		}
		return 0, tc, "a bare number is ambiguous; add a unit (\"" + q.num.text + " MB\") or a time of day (\"" + at + "\")"
	}
	return 0, tc, "cannot parse; " + rotationHelp
}

const dayHelp = "use monday to sunday, or w0 (Monday) to w6 (Sunday)"

// parseDay reads a weekday token: "monday" … "sunday" or "w0" (Monday) … "w6"
// (Sunday). isDay is false, without a message, when t is not written as a weekday;
// msg is set when it is, but out of range ("w7").
func parseDay(t string) (wd time.Weekday, isDay bool, msg string) {
	switch t {
	case "monday":
		return time.Monday, true, ""
	case "tuesday":
		return time.Tuesday, true, ""
	case "wednesday":
		return time.Wednesday, true, ""
	case "thursday":
		return time.Thursday, true, ""
	case "friday":
		return time.Friday, true, ""
	case "saturday":
		return time.Saturday, true, ""
	case "sunday":
		return time.Sunday, true, ""
	}
	if len(t) < 2 || t[0] != 'w' {
		return 0, false, ""
	}
	for i := 1; i < len(t); i++ {
		if !ascii.IsDigit(t[i]) {
			return 0, false, ""
		}
	}
	if len(t) != 2 || t[1] > '6' {
		return 0, false, "day must be w0 (Monday) to w6 (Sunday)"
	}
	return time.Weekday((int(t[1]-'0') + 1) % 7), true, ""
}

// splitMeridiem removes a trailing "am" or "pm" that follows a digit (with or without
// a space). pm is 0 without a marker, 1 for am and 2 for pm.
func splitMeridiem(s string) (rest string, pm int) {
	if len(s) < 3 || (!strings.HasSuffix(s, "am") && !strings.HasSuffix(s, "pm")) {
		return s, 0
	}
	rest = trimSpace(s[:len(s)-2])
	if rest == "" || !ascii.IsDigit(rest[len(rest)-1]) {
		return s, 0
	}
	if s[len(s)-2] == 'a' {
		return rest, 1
	}
	return rest, 2
}

// looksLikeClock reports whether c is written as a time of day: it has a colon or ends
// in an AM/PM marker after a digit.
func looksLikeClock(c string) bool {
	if strings.IndexByte(c, ':') >= 0 {
		return true
	}
	_, pm := splitMeridiem(c)
	return pm != 0
}

const clockHelp = "invalid time of day; write it as 13:00, 13:00:00, 13:00:00.5 or 1:00 PM"

// parseClock parses a lowered, trimmed time of day: H:MM, H:MM:SS or H:MM:SS.fraction
// (24-hour clock) or the same, or a bare hour, followed by AM or PM (12-hour clock).
// A bare 24-hour hour ("13") is accepted only when bareHour is set (after "at").
func parseClock(s string, bareHour bool) (clock, string) {
	s, pm := splitMeridiem(s)
	f := strings.Split(s, ":")
	if len(f) > 3 {
		return clock{}, clockHelp
	}
	frac := ""
	if len(f) == 3 {
		if i := strings.IndexByte(f[2], '.'); i >= 0 {
			f[2], frac = f[2][:i], f[2][i+1:]
			if frac == "" || len(frac) > 9 || !allDigits(frac) {
				return clock{}, clockHelp
			}
		}
	}
	var v [3]int
	for i, p := range f {
		if p == "" || len(p) > 2 || !allDigits(p) {
			if len(f) == 1 && allDigits(p) && p != "" && bareHour {
				return clock{}, "invalid time of day" // "monday at 2017"
			}
			return clock{}, clockHelp
		}
		v[i], _ = strconv.Atoi(p)
	}
	if len(f) == 1 && pm == 0 && !bareHour {
		return clock{}, clockHelp
	}
	h := v[0]
	if pm == 0 && h > 23 {
		return clock{}, "invalid time of day"
	}
	if pm != 0 {
		if h < 1 || h > 12 {
			return clock{}, "invalid time of day (with AM or PM the hour is 1 to 12)"
		}
		h %= 12
		if pm == 2 {
			h += 12
		}
	}
	if v[1] > 59 || v[2] > 59 {
		return clock{}, "invalid time of day"
	}
	ns := 0
	if frac != "" {
		ns, _ = strconv.Atoi(frac + "000000000"[len(frac):])
	}
	return clock{hour: h, min: v[1], sec: v[2], nsec: ns}, ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !ascii.IsDigit(s[i]) {
			return false
		}
	}
	return true
}

// String returns the spec exactly as given to ParseRotation.
func (r *Rotation) String() string {
	if r == nil {
		return ""
	}
	return r.spec
}

// SizeLimit returns the size condition in bytes, the smallest one when the spec has
// several, or 0 when it has none. A file should be rotated before a write would make
// it larger than the limit (the sink decides what to do with a single record larger
// than the limit).
func (r *Rotation) SizeLimit() int64 {
	if r == nil {
		return 0
	}
	return r.size
}

// HasTime reports whether the spec has at least one time condition, that is whether
// Next can return a non-zero Time.
func (r *Rotation) HasTime() bool {
	return r != nil && len(r.conds) > 0
}

// Next returns the earliest time boundary strictly after from, over every time
// condition, or the zero Time when there is no time condition. It is NextOnGrid with
// from as both the grid's origin and the time: an interval's boundary is from plus the
// interval.
//
// Next does not allocate.
func (r *Rotation) Next(from time.Time) time.Time {
	return r.NextOnGrid(from, from)
}

// NextOnGrid returns the earliest time boundary strictly after t, over every time
// condition, or the zero Time when there is no time condition. It is computed in t's
// Location with calendar arithmetic, so days and hours follow that zone's
// daylight-saving changes; the result is in t's Location and carries no monotonic
// clock reading.
//
// An interval's boundaries lie on the grid that starts at origin: origin + k·interval
// for k = 1, 2, …, and NextOnGrid returns the first of them after t (the first one,
// origin + interval, when t is before origin). The file sink passes the creation time
// of its first file as origin, so boundaries stay where they were whatever the traffic
// and however late a rotation came. An interval of a day or more ("1 day", "1.5d",
// "1 w, 2D") is counted on the wall clock of t's Location: with origin at 00:00,
// "1 day" falls at local midnight on every day, including the days on which
// daylight-saving time starts or ends, and "1.5d" alternates between 12:00 and 00:00.
// A shorter interval ("2 h", "90 min") is counted in elapsed time: its boundaries are
// exactly the interval apart, so across a change of offset they move by the change on
// the wall clock (a "2 h" grid on even hours continues on odd hours). An origin more
// than about 146 years away from t is replaced by t.
//
// For wall-clock conditions (hourly, daily, a time of day, a weekday, weekly, monthly,
// yearly) the boundary is the next occurrence of that wall-clock time after t, and
// origin does not matter. A wall-clock time that does not exist on a day (skipped by a
// spring-forward change) resolves to the instant the clocks jump, the first one whose
// wall clock is later; a time that occurs twice (a fall-back change) resolves to its
// first occurrence, so it fires once. Hourly boundaries follow real hours: on a
// fall-back day both 01:00 EDT and 01:00 EST are boundaries.
//
// NextOnGrid does not allocate.
func (r *Rotation) NextOnGrid(origin, t time.Time) time.Time {
	if r == nil {
		return time.Time{}
	}
	t = t.Round(0) // compare and compute by the wall clock only
	origin = origin.Round(0).In(t.Location())
	var best time.Time
	for i := range r.conds {
		var b time.Time
		if c := &r.conds[i]; c.kind == everyInterval {
			b = c.nextInterval(origin, t)
		} else {
			b = c.next(t)
		}
		if best.IsZero() || b.Before(best) {
			best = b
		}
	}
	return best
}

// maxGridSpan is how far apart origin and t may be for nextInterval to count whole
// intervals between them: k·interval stays below d + interval, which then fits in a
// Duration (an interval is at most about 292 years, see parseQuantity).
const maxGridSpan = time.Duration(1 << 62)

// nextInterval returns the interval condition's first boundary strictly after t on the
// grid that starts at origin (both in the same Location, without monotonic readings).
func (c *timeCond) nextInterval(origin, t time.Time) time.Time {
	if c.every >= day {
		return c.nextWallInterval(origin, t)
	}
	d := t.Sub(origin)
	if d >= maxGridSpan || d <= -maxGridSpan {
		return t.Add(c.every)
	}
	k := time.Duration(1)
	if d >= 0 {
		k = d/c.every + 1
	}
	return origin.Add(k * c.every)
}

// nextWallInterval is nextInterval for an interval counted on the wall clock: the
// boundaries are the instants at which the wall clock first shows origin's wall time
// plus k intervals.
func (c *timeCond) nextWallInterval(origin, t time.Time) time.Time {
	wo := wall(origin)
	d := wall(t).Sub(wo)
	if d >= maxGridSpan || d <= -maxGridSpan {
		wo, d = wall(t), 0
	}
	k := time.Duration(1)
	if d >= 0 {
		k = d/c.every + 1
	}
	loc := t.Location()
	b := resolveWall(wo.Add(k*c.every), loc)
	// The change of offset between wall and real time is less than a day, hence less
	// than the interval: the boundary is at most one step away from the estimate.
	if k > 1 {
		if p := resolveWall(wo.Add((k-1)*c.every), loc); p.After(t) {
			return p
		}
	}
	for !b.After(t) {
		if k >= math.MaxInt64/c.every {
			return t.Add(c.every) // no grid point left before the end of time
		}
		k++
		b = resolveWall(wo.Add(k*c.every), loc)
	}
	return b
}

// resolveWall is resolve for a wall-clock reading held as a UTC time.
func resolveWall(w time.Time, loc *time.Location) time.Time {
	y, mo, d := w.Date()
	h, m, s := w.Clock()
	return resolve(y, mo, d, clock{hour: h, min: m, sec: s, nsec: w.Nanosecond()}, loc)
}

// next returns the wall-clock condition's first boundary strictly after from (which
// has no monotonic reading).
func (c *timeCond) next(from time.Time) time.Time {
	loc := from.Location()
	y, mo, d := from.Date()
	switch c.kind {
	case hourly:
		// The start of the current hour in real time, plus an hour. This lands on a
		// local hh:00 unless the zone's offset changes by a fraction of an hour.
		hh, mm, ss := from.Clock()
		t := from.Add(time.Hour - time.Duration(mm)*time.Minute - time.Duration(ss)*time.Second - time.Duration(from.Nanosecond()))
		if _, m2, s2 := t.Clock(); m2 == 0 && s2 == 0 && t.Nanosecond() == 0 && t.After(from) {
			return t
		}
		for k := 1; k <= 3; k++ {
			if t := resolve(y, mo, d, clock{hour: hh + k}, loc); t.After(from) {
				return t
			}
		}
		return from.Add(time.Hour)
	case dailyAt:
		for k := 0; k <= 3; k++ {
			if t := resolve(y, mo, d+k, c.clock, loc); t.After(from) {
				return t
			}
		}
		return from.Add(day)
	case weeklyAt:
		k0 := (int(c.weekday) - int(from.Weekday()) + 7) % 7
		for k := k0; k <= k0+14; k += 7 {
			if t := resolve(y, mo, d+k, c.clock, loc); t.After(from) {
				return t
			}
		}
		return from.Add(7 * day)
	case monthly:
		for k := 0; k <= 3; k++ {
			if t := resolve(y, mo+time.Month(k), 1, clock{}, loc); t.After(from) {
				return t
			}
		}
		return from.Add(31 * day)
	case yearly:
		for k := 0; k <= 3; k++ {
			if t := resolve(y+k, time.January, 1, clock{}, loc); t.After(from) {
				return t
			}
		}
		return from.Add(366 * day)
	}
	return time.Time{}
}

// resolve returns the instant at which the wall clock in loc first shows the given
// date and time (fields may overflow; they are normalised as time.Date does). When
// that wall time is skipped by a change of offset it returns the instant of the
// change; when it occurs twice it returns the first occurrence. time.Date leaves both
// cases unspecified (in practice it depends on the sign of the zone's offset).
func resolve(y int, mo time.Month, d int, c clock, loc *time.Location) time.Time {
	t := time.Date(y, mo, d, c.hour, c.min, c.sec, c.nsec, loc)
	want := time.Date(y, mo, d, c.hour, c.min, c.sec, c.nsec, time.UTC)
	got := wall(t)
	switch {
	case got.Equal(want):
		// It exists; if the previous zone period ended with a larger offset (a fall-back
		// change), the same wall time may also have occurred just before it.
		start, _ := t.ZoneBounds()
		if start.IsZero() {
			return t
		}
		_, off := t.Zone()
		_, prev := start.Add(-1).Zone()
		if prev <= off {
			return t
		}
		if alt := t.Add(-time.Duration(prev-off) * time.Second); alt.Before(start) && wall(alt).Equal(want) {
			return alt
		}
		return t
	case got.Before(want):
		// time.Date used the offset from before the gap: the gap ends where this
		// offset's period ends.
		if _, end := t.ZoneBounds(); !end.IsZero() && end.After(t) {
			return end
		}
		return t
	default:
		// time.Date used the offset from after the gap: the gap ends where this
		// offset's period starts.
		if start, _ := t.ZoneBounds(); !start.IsZero() && !start.After(t) {
			return start
		}
		return t
	}
}

// wall returns t's wall-clock reading as a UTC time, for comparing wall clocks.
func wall(t time.Time) time.Time {
	y, mo, d := t.Date()
	h, m, s := t.Clock()
	return time.Date(y, mo, d, h, m, s, t.Nanosecond(), time.UTC)
}
