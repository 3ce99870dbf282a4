// Package rotspec parses and evaluates the rotation, retention and compression specs of
// logru's file sink, the strings users write as Rotation, Retention and Compression:
//
//	rot, err := rotspec.ParseRotation("500 MB or 00:00")
//	rot.SizeLimit()       // 500000000
//	rot.Next(created)     // the next local midnight strictly after created
//
//	ret, err := rotspec.ParseRetention("7 days")
//	ret.Select(rotated, now) // the rotated files to delete
//
//	c, err := rotspec.ParseCompression("tar.gz") // rotspec.TarGz; c.Ext() is ".tar.gz"
//
// The package only reads specs and does arithmetic: it never touches files or reads the
// clock. Parsed values are immutable and safe for concurrent use. Parsing never panics;
// every error starts with "rotspec: ", names the kind of spec and quotes the spec (cut
// after 80 bytes), then says what is wrong:
//
//	rotspec: rotation "w7": day must be w0 (Monday) to w6 (Sunday)
//
// # Common rules
//
// Specs are case-insensitive (ASCII) and white space around them and between words is
// ignored. Numbers are decimal: "10", "0.5", ".5", "1.5", "8e-6"; no sign, no "inf" or
// "nan", at most 64 characters.
//
// A size is a number and a unit, with or without a space between them: B, KB, MB, GB,
// TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), in any case. The number
// of bytes is computed exactly and rounded to the nearest integer, halves up, and must
// be at least 1: "1.5 KiB" is 1536, "8e-6MB" is 8, "0.008 kiB" is 8 (8.192 rounded),
// "0.5 B" is 1, "0.4 B" is an error.
//
// An interval is one or more number-and-unit groups separated by spaces and/or commas
// ("1 week", "12 hours", "1h 30min", "1.5 d", "1 w, 2D"). The units are
//
//	y, year, years           365 days
//	month, months            30 days
//	w, week, weeks           7 days
//	d, day, days             24 hours
//	h, hour, hours
//	min, mins, minute, minutes
//	s, sec, secs, second, seconds
//	ms, millisecond(s), us, microsecond(s)
//
// The total is rounded to the nanosecond and must be at least one second and at most
// about 292 years. "m" alone is not a unit (minutes or months?).
//
// # Rotation
//
// A rotation spec is one or more conditions joined by the word "or"
// ("500 MB or 00:00"); the file is rotated when any of them holds. A condition is:
//
//   - a size ("100 MB"): rotate before the file grows past it. With several sizes the
//     smallest counts. See [Rotation.SizeLimit].
//   - an interval ("1 day", "1h 30min"): the boundaries lie on a grid that starts at
//     an origin, origin + k·interval (the file sink's origin is the creation time of its
//     first file); see [Rotation.NextOnGrid]. [Rotation.Next] takes its time as origin.
//   - a word: hourly (the next hh:00), daily (the next midnight), weekly (the next
//     Monday 00:00), monthly (the 1st of the next month, 00:00), yearly (the next
//     January 1st, 00:00).
//   - a time of day, rotating daily at that time: "00:00", "12:30", "23:59:59",
//     "13:00:00.5", "1:30 PM", "1:30pm", "11:00:00 AM", "12 AM" (midnight),
//     "12 PM" (noon). Hours have one or two digits, minutes and seconds one or two,
//     the fraction one to nine. Without AM/PM the hour is 0 to 23, with it 1 to 12.
//     A bare number ("8", "100", "13") is an error: add a unit ("100 MB") or
//     minutes ("08:00").
//   - a weekday, rotating weekly: "monday" … "sunday" or "w0" (Monday) … "w6"
//     (Sunday), optionally followed by "at" and a time of day ("monday at 12:00",
//     "w2 at 11:00:00 AM"); without "at" the time is 00:00. After "at" a bare hour is
//     accepted ("w6 at 13" is Sunday 13:00), since it cannot be read as a size.
//
// [Rotation.NextOnGrid] computes boundaries in the Location of the time it is given,
// with calendar arithmetic, so "daily" means local midnight on every day, including the
// days on which daylight-saving time starts or ends. Intervals of a day or more count
// on the wall clock in the same way ("1 day" from a file created at midnight is every
// local midnight), shorter ones count elapsed time ("2 h" boundaries stay two real
// hours apart, so across a change of offset they move by the change on the wall clock). A wall-clock time that does not exist
// on a day (02:30 on a spring-forward day in New York) resolves to the instant the
// clocks jump (03:00 EDT). A wall-clock time that occurs twice (01:30 on a fall-back
// day) resolves to its first occurrence and fires once that day. Hourly boundaries
// are every real hour: on a fall-back day both 01:00 EDT and 01:00 EST are boundaries.
// Each boundary is strictly after the given time.
//
// # Retention
//
// A retention spec is one of:
//
//   - a count, a whole number ("10", "0"): keep that many newest rotated files, delete
//     the others ("0" deletes every rotated file);
//   - an age, an interval ("7 days", "1 hour", "1H"): delete the rotated files last
//     modified at or before now minus the age;
//   - a total size, a size ("1 GB"): keep the newest rotated files while their sizes
//     add up to at most the limit, and delete the rest.
//
// Conditions joined by "or" are rejected, and so are weekdays, times of day and words
// such as "daily", which mean nothing as a retention. [Retention.Select] applies the
// spec to a list of files; it sees only rotated files, never the active one.
//
// # Compression
//
// A compression spec names a format: gz, bz2, xz, zst, zip, tar, tar.gz, tar.bz2 or
// tar.xz, in any case, with an optional leading dot (".tar.gz"). The empty spec and
// "none" mean no compression. See [Compression].
//
// # Differences from Python's loguru
//
// The grammar follows loguru's, with these deliberate differences:
//
//   - Units count bytes whatever their case: "5 kb" is 5000 bytes and "64b" 64 bytes.
//     loguru reads a lower-case "b" as bits ("5 kb" = 625 bytes). Only B to TB and
//     KiB to TiB exist (loguru also has P, E, Z and Y prefixes).
//   - Size limits are whole numbers of bytes (loguru allows "0.008 kiB" = 8.192 bytes).
//   - A bare number is an error in a rotation spec. loguru reads "8" as daily at 08:00
//     and rejects "100".
//   - A weekday rotation first fires on that weekday. loguru, for "monday at 12:00" on
//     a file created on a Tuesday at 10:00, first rotates that Tuesday at 12:00.
//   - A month is 30 days (loguru: 30.4167 days), and intervals shorter than one
//     second are rejected.
//   - Time boundaries on daylight-saving days are defined as above; loguru relies on
//     Python's naive arithmetic, which puts every interval, even "2 h", on the wall
//     clock.
//   - Rotation conditions are joined by "or" in one string; loguru takes a list.
//   - A total-size retention exists ("1 GB"); loguru has none. Retention words,
//     weekdays and times of day are errors in both.
//   - Compression adds zst and drops loguru's legacy "lzma" format; a callable is not
//     a spec (the file sink has its own hooks for that).
//   - Error messages say what is wrong and how to write it instead.
package rotspec
