package logru

import "log/slog"

// slog's levels and logru's meet at these anchors, in both directions:
//
//	slog   -8     -4     0     2        4        8      12
//	logru  TRACE  DEBUG  INFO  SUCCESS  WARNING  ERROR  CRITICAL
//	        5     10     20    25       30       40     50
//
// (slog's documentation suggests -8 for a trace level, 2 for notice and 12 for
// emergency). Between and beyond the anchors the scales are linear: from slog -4 up,
// logru = 20 + 2.5×slog; below -4, logru = 15 + 1.25×slog, down to logru 0 at slog -12.

// LevelFromSlog maps a slog level onto logru's level numbers: slog's Debug, Info, Warn
// and Error become DEBUG, INFO, WARNING and ERROR, -8 is TRACE, 2 is SUCCESS and 12 is
// CRITICAL. Other levels fall on the line through these anchors (logru = 20 + 2.5×slog
// from -4 up, 15 + 1.25×slog below, rounded down, never below 0), so the mapping keeps
// order, a level between two slog anchors lands between the two logru levels, and
// [SlogLevel] maps every result back to the slog level it came from (slog levels
// below -12 all map to 0).
func LevelFromSlog(lv slog.Level) int {
	s := int64(lv)
	switch {
	case s >= -4:
		s = min(s, 1<<40) // no overflow: far beyond any level in use
		return int(20 + floorDiv(5*s, 2))
	case s >= -12:
		return int(15 + floorDiv(5*s, 4))
	}
	return 0
}

// SlogLevel maps a logru level number onto slog's scale, the inverse of
// [LevelFromSlog]: DEBUG, INFO, WARNING and ERROR become slog's Debug, Info, Warn and
// Error, TRACE -8, SUCCESS 2, CRITICAL 12; a number between two anchors maps to the
// smallest slog level that [LevelFromSlog] takes to it or above (AUDIT 35 becomes 6),
// so a level above INFO is above slog's Info too.
func SlogLevel(no int) slog.Level {
	n := int64(max(no, 0))
	if n >= LevelDebug {
		n = min(n, 1<<40)
		return slog.Level(ceilDiv(2*(n-20), 5))
	}
	return slog.Level(ceilDiv(4*(n-15), 5))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a > 0 {
		q++
	}
	return q
}
