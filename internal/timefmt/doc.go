// Package timefmt renders a time.Time exactly as Python's loguru renders the time
// field of a template, {time} and {time:SPEC}.
//
// A spec is compiled once with [Compile] and then used by any number of goroutines:
//
//	f, err := timefmt.Compile("YYYY-MM-DD HH:mm:ss.SSS")
//	...
//	buf = f.Append(buf, record.Time) // 2026-03-26 14:30:00.123
//
// # The spec language
//
// A spec is read in this order:
//
//  1. A spec ending in "!UTC" converts the time to UTC first; the suffix is removed.
//     Only the very end counts: "!UTC HH" and "UTC! HH" are literal text.
//  2. An empty spec means Python's "%Y-%m-%dT%H:%M:%S.%f%z", as in
//     2018-02-03T11:09:00.000002+0030. This is what {time} shows.
//  3. A spec holding a '%' is a Python strftime format, and tokens mean nothing in
//     it: "%Y-%m-%d %H:%M:%S,%f %z". Besides the C library's conversions (with
//     glibc's flags "_-0^#", widths and E/O modifiers) it has Python's %f
//     (microseconds, 6 digits), %z (+HHMM), %:z (+HH:MM) and %Z (the zone's
//     abbreviation). Unknown conversions are copied as they stand.
//  4. Any other spec is made of tokens, escapes and literal text.
//
// Tokens, matched longest first:
//
//	YYYY 2018     YY 18         Q 1-4 (quarter)
//	MMMM January  MMM Jan       MM 01-12      M 1-12
//	DDDD 001-366  DDD 1-366     DD 01-31      D 1-31
//	dddd Monday   ddd Mon       d 0-6 (Monday is 0)   E 1-7 (Monday is 1)
//	HH 00-23      H 0-23        hh 01-12      h 1-12 (midnight is 12)   A AM/PM
//	mm 00-59      m 0-59        ss 00-59      s 0-59
//	S SS SSS SSSS SSSSS SSSSSS  tenths of a second down to microseconds
//	Z +01:00      ZZ +0100      zz CET (the zone's abbreviation)
//	X Unix seconds              x Unix microseconds
//
// Offsets with seconds show them (+01:49:03, +014903). English month and day names
// are used. Before 1970, X and x round down (-1 for half a second before the
// epoch), as loguru does since its fix for issue #1501. Seven or more successive 'S' are an error: Go times have nanoseconds,
// but loguru, like Python, stops at microseconds.
//
// Square brackets escape: "[" + text + "]" prints text when text is exactly one
// token, "!UTC", or empty, so "[YYYY] MM" prints "YYYY 02" and "[]" prints nothing.
// Any other bracket is literal: "[YYYY MM]" prints "[2018 02]" and "[[YY]]" prints
// "[YY]". Everything else is literal text.
//
// A zone without an abbreviation (time.FixedZone("", 3600)) is named as Python
// names an unnamed fixed offset: "UTC+01:00", or "UTC" at offset zero.
//
// # Performance
//
// [Format.Append] does not allocate. Formats whose text changes at most once a
// second or a millisecond keep the text they rendered last, keyed by that second
// or millisecond and the time's location, so the many records logged within one
// millisecond share one rendering.
package timefmt
