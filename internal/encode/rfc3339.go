package encode

import (
	"sync/atomic"
	"time"
)

// RFC 3339 times. A time field is written as time.RFC3339Nano lays it out
// (2026-03-26T14:30:00.5Z, 2026-03-26T15:30:00+01:00); appendRFC3339Nano computes the
// date from the Unix day with integer arithmetic and writes every digit from a table,
// where the time package goes through its general layout machinery. Years outside
// 1–9999, and zone offsets of 100 hours or more, take the time package's path. The
// output is byte for byte AppendFormat's (TestRFC3339MatchesTime, FuzzRFC3339).

// digits2 holds "00" to "99".
const digits2 = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// Unix days of 0001-01-01 and of 10000-01-01: the years written with four digits.
const (
	firstDay = -719162
	endDay   = 2932897
)

func append2(dst []byte, n int) []byte {
	return append(dst, digits2[2*n], digits2[2*n+1])
}

// appendRFC3339Nano appends t.AppendFormat(dst, time.RFC3339Nano).
func appendRFC3339Nano(dst []byte, t time.Time) []byte {
	off := 0
	if t.Location() != time.UTC {
		_, off = t.Zone()
	}
	sec := t.Unix() + int64(off)
	days := sec / 86400
	if sec%86400 < 0 {
		days--
	}
	if days < firstDay || days >= endDay || off <= -100*3600 || off >= 100*3600 {
		return t.AppendFormat(dst, time.RFC3339Nano)
	}
	y, m, d := lastDate(int(days))
	s := int(sec - int64(days)*86400)
	dst = append2(dst, y/100)
	dst = append2(dst, y%100)
	dst = append(dst, '-')
	dst = append2(dst, m)
	dst = append(dst, '-')
	dst = append2(dst, d)
	dst = append(dst, 'T')
	dst = append2(dst, s/3600)
	dst = append(dst, ':')
	dst = append2(dst, s/60%60)
	dst = append(dst, ':')
	dst = append2(dst, s%60)
	if ns := t.Nanosecond(); ns != 0 {
		dst = appendFrac(dst, uint64(ns), 9)
	}
	if off == 0 {
		return append(dst, 'Z')
	}
	zone := off / 60 // minutes, the seconds of an offset dropped as the time package drops them
	if zone < 0 {
		dst = append(dst, '-')
		zone = -zone
	} else {
		dst = append(dst, '+')
	}
	dst = append2(dst, zone/60)
	dst = append(dst, ':')
	return append2(dst, zone%60)
}

// dateCache holds the last date lastDate computed: the Unix day less firstDay plus one
// (0 for none) in the top half, then the year (14 bits), the month (4) and the day (5).
// One word, so that it is read and replaced atomically, and nothing is allocated: the
// times logged in a run mostly share their date, and a record with another one only
// costs the arithmetic.
var dateCache atomic.Uint64

// lastDate is civilDate, from dateCache when the date is the last one computed.
func lastDate(days int) (year, month, day int) {
	key := uint64(days-firstDay) + 1
	if c := dateCache.Load(); c>>32 == key {
		return int(c >> 9 & (1<<14 - 1)), int(c >> 5 & 15), int(c & 31)
	}
	year, month, day = civilDate(days)
	dateCache.Store(key<<32 | uint64(year)<<9 | uint64(month)<<5 | uint64(day))
	return year, month, day
}

// civilDate returns the proleptic Gregorian year, month and day of the Unix day days,
// which lies in [firstDay, endDay). Days are counted in 400-year eras that start on
// 1 March, so that the leap day ends its year.
func civilDate(days int) (year, month, day int) {
	z := days + 719468 // days since 0000-03-01; positive for every year from 1
	era := z / 146097
	doe := z - era*146097                                  // day of the era, 0–146096
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era, 0–399
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from 1 March, 0–365
	mp := (5*doy + 2) / 153                                // month from March, 0–11
	day = doy - (153*mp+2)/5 + 1
	month = mp + 3
	year = yoe + era*400
	if month > 12 {
		month -= 12
		year++
	}
	return year, month, day
}
