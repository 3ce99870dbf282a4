package timefmt

import (
	"time"

	"github.com/logru/logru/internal/ascii"
)

// English names, as Python's calendar module gives them in the C locale.
var (
	monthNames = [...]string{"", "January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"}
	monthAbbrs = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	// Indexed by time.Weekday: Sunday first.
	weekdayNames = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	weekdayAbbrs = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// fields holds the parts of a time that ops read; only those in need are set.
type fields struct {
	t              time.Time
	year           int
	month          time.Month
	day, yday      int
	hour, min, sec int
	weekday        time.Weekday
	zone           string
	offset         int // seconds east of UTC
	nanosecond     int
}

func newFields(t time.Time, n need) fields {
	f := fields{t: t, nanosecond: t.Nanosecond()}
	if n&needDate != 0 {
		f.year, f.month, f.day = t.Date()
	}
	if n&needClock != 0 {
		f.hour, f.min, f.sec = t.Clock()
	}
	if n&needYearDay != 0 {
		f.yday = t.YearDay()
	}
	if n&needWeekday != 0 {
		f.weekday = t.Weekday()
	}
	if n&needZone != 0 {
		f.zone, f.offset = t.Zone()
	}
	return f
}

// appendOps renders t with the compiled ops.
func appendOps(dst []byte, ops []op, n need, t time.Time) []byte {
	f := newFields(t, n)
	for i := range ops {
		dst = appendOp(dst, &ops[i], &f)
	}
	return dst
}

// appendOp renders one op. Numbers follow Python's "%0Nd": zero-padded to N
// characters, a minus sign counting as one.
func appendOp(dst []byte, o *op, f *fields) []byte {
	switch o.kind {
	case opLiteral:
		if len(o.lit) == 1 {
			return append(dst, o.lit[0])
		}
		return append(dst, o.lit...)
	case opDate:
		dst = ascii.AppendInt(dst, int64(f.year), 4)
		dst = append(dst, o.lit[0])
		dst = ascii.Append2(dst, int(f.month))
		dst = append(dst, o.lit[1])
		return ascii.Append2(dst, f.day)
	case opClock:
		dst = ascii.Append2(dst, f.hour)
		dst = append(dst, o.lit[0])
		dst = ascii.Append2(dst, f.min)
		dst = append(dst, o.lit[1])
		return ascii.Append2(dst, f.sec)
	case opYear4:
		return ascii.AppendInt(dst, int64(f.year), 4)
	case opYear2:
		return ascii.Append2(dst, floorMod(f.year, 100))
	case opQuarter:
		return ascii.AppendInt(dst, int64(f.month-1)/3+1, 1)
	case opMonthName:
		return append(dst, monthNames[f.month]...)
	case opMonthAbbr:
		return append(dst, monthAbbrs[f.month]...)
	case opMonth2:
		return ascii.Append2(dst, int(f.month))
	case opMonth:
		return ascii.AppendInt(dst, int64(f.month), 1)
	case opYearDay3:
		return ascii.AppendInt(dst, int64(f.yday), 3)
	case opYearDay:
		return ascii.AppendInt(dst, int64(f.yday), 1)
	case opDay2:
		return ascii.Append2(dst, f.day)
	case opDay:
		return ascii.AppendInt(dst, int64(f.day), 1)
	case opWeekdayName:
		return append(dst, weekdayNames[f.weekday]...)
	case opWeekdayAbbr:
		return append(dst, weekdayAbbrs[f.weekday]...)
	case opWeekday:
		return append(dst, byte('0'+(f.weekday+6)%7))
	case opISOWeekday:
		return append(dst, byte('0'+(f.weekday+6)%7+1))
	case opHour2:
		return ascii.Append2(dst, f.hour)
	case opHour:
		return ascii.AppendInt(dst, int64(f.hour), 1)
	case opHour12x2:
		return ascii.Append2(dst, hour12(f.hour))
	case opHour12:
		return ascii.AppendInt(dst, int64(hour12(f.hour)), 1)
	case opMinute2:
		return ascii.Append2(dst, f.min)
	case opMinute:
		return ascii.AppendInt(dst, int64(f.min), 1)
	case opSecond2:
		return ascii.Append2(dst, f.sec)
	case opSecond:
		return ascii.AppendInt(dst, int64(f.sec), 1)
	case opFraction:
		return appendFraction(dst, f.nanosecond, int(o.n))
	case opAMPM:
		if f.hour < 12 {
			return append(dst, "AM"...)
		}
		return append(dst, "PM"...)
	case opOffsetColon:
		return appendOffset(dst, f.offset, true)
	case opOffset:
		return appendOffset(dst, f.offset, false)
	case opZoneName:
		return appendZoneName(dst, f.zone, f.offset)
	case opUnix:
		return ascii.AppendInt(dst, f.t.Unix(), 1)
	case opUnixMicro:
		return appendUnixMicro(dst, f.t.Unix(), f.nanosecond/1000)
	}
	return dst
}

// appendISO renders Python's %Y-%m-%dT%H:%M:%S.%f%z, loguru's default.
func appendISO(dst []byte, t time.Time) []byte {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	_, offset := t.Zone()
	dst = ascii.AppendInt(dst, int64(year), 4)
	dst = append(dst, '-')
	dst = ascii.Append2(dst, int(month))
	dst = append(dst, '-')
	dst = ascii.Append2(dst, day)
	dst = append(dst, 'T')
	dst = ascii.Append2(dst, hour)
	dst = append(dst, ':')
	dst = ascii.Append2(dst, min)
	dst = append(dst, ':')
	dst = ascii.Append2(dst, sec)
	dst = append(dst, '.')
	dst = appendFraction(dst, t.Nanosecond(), 6)
	return appendOffset(dst, offset, false)
}

// hour12 maps 0-23 to 1-12, midnight and noon giving 12.
func hour12(h int) int { return floorMod(h-1, 12) + 1 }

// floorMod is Python's %: the result has the sign of m.
func floorMod(a, m int) int {
	r := a % m
	if r < 0 {
		r += m
	}
	return r
}

// appendFraction appends the first n (1-9) digits of the fraction of a second.
func appendFraction(dst []byte, nanosecond, n int) []byte {
	var buf [9]byte
	v := uint32(nanosecond)
	switch n { // constant divisors: a multiply, where pow10[9-n] is a division
	case 3:
		v /= 1e6
	case 6:
		v /= 1e3
	case 9:
	default:
		v /= uint32(pow10[9-n])
	}
	for i := n - 1; i >= 0; i-- {
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return append(dst, buf[:n]...)
}

// PutMicros writes the six digits of the microseconds of nanosecond (0-999999999)
// into b[:6].
//
// The digits come in pairs, by fixed-point arithmetic: v*microsScale is v/10⁴ in its
// high 32 bits and the remainder's fraction in its low 32 bits, and each multiply of the
// fraction by 100 brings the next pair up. That is a chain of three multiplies where
// dividing by 10 six times is a chain of six divisions (each a multiply and a shift).
// microsScale is 2³²/10⁴ rounded up: for v < 10⁶ the excess stays below one unit of
// the remainder, so every pair is exact (TestPutMicrosAll checks them all).
func PutMicros(b []byte, nanosecond int) {
	_ = b[5]
	v := uint32(nanosecond) / 1e3
	if v >= 1e6 { // only for a nanosecond outside its range: its last six digits
		v %= 1e6
	}
	y := uint64(v) * microsScale
	hi := y >> 32
	y = uint64(uint32(y)) * 100
	mid := y >> 32
	y = uint64(uint32(y)) * 100
	lo := y >> 32
	b[0], b[1] = ascii.DigitPairs[2*hi], ascii.DigitPairs[2*hi+1]
	b[2], b[3] = ascii.DigitPairs[2*mid], ascii.DigitPairs[2*mid+1]
	b[4], b[5] = ascii.DigitPairs[2*lo], ascii.DigitPairs[2*lo+1]
}

// microsScale is 2³²/10⁴, rounded up (see PutMicros).
const microsScale = (1<<32 + 10000 - 1) / 10000

var pow10 = [...]uint{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000}

// appendOffset appends a UTC offset as ±HH:MM (colon) or ±HHMM, followed by the
// seconds when there are any, as loguru's Z and ZZ and Python's %z and %:z do.
func appendOffset(dst []byte, offset int, colon bool) []byte {
	sign := byte('+')
	abs := int64(offset)
	if abs < 0 {
		sign = '-'
		abs = -abs
	}
	dst = append(dst, sign)
	dst = ascii.AppendInt(dst, abs/3600, 2)
	if colon {
		dst = append(dst, ':')
	}
	dst = ascii.Append2(dst, int(abs/60%60))
	if s := int(abs % 60); s > 0 {
		if colon {
			dst = append(dst, ':')
		}
		dst = ascii.Append2(dst, s)
	}
	return dst
}

// appendZoneName appends a zone's abbreviation. A zone without one is named as
// Python names a datetime.timezone made without a name: "UTC" or "UTC+01:00".
func appendZoneName(dst []byte, zone string, offset int) []byte {
	if zone != "" {
		return append(dst, zone...)
	}
	dst = append(dst, "UTC"...)
	if offset == 0 {
		return dst
	}
	return appendOffset(dst, offset, true)
}

// appendUnixMicro appends sec*1e6+micro (micro in [0, 1e6)) without overflowing
// int64, whatever sec is.
func appendUnixMicro(dst []byte, sec int64, micro int) []byte {
	const perSec = 1_000_000
	if sec > -(1<<63)/perSec+1 && sec < (1<<63-1)/perSec-1 {
		return ascii.AppendInt(dst, sec*perSec+int64(micro), 1)
	}
	// |sec| ≥ 9.2e12: print the seconds, then six digits of microseconds.
	if sec < 0 {
		dst = append(dst, '-')
		hi := uint64(-(sec + 1)) // seconds below -sec, as an unsigned
		lo := perSec - micro
		if micro == 0 {
			hi++
			lo = 0
		}
		dst = ascii.AppendUint(dst, hi)
		return ascii.AppendInt(dst, int64(lo), 6)
	}
	dst = ascii.AppendUint(dst, uint64(sec))
	return ascii.AppendInt(dst, int64(micro), 6)
}
