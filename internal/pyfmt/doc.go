// Package pyfmt implements Python's format-specification mini-language: the
// part after the colon in a replacement field such as "{ms:.1f}",
// "{level: <8}" or "{level.no:03d}". logru uses it in message and format
// templates. For the values it supports (strings, integers, floats and
// booleans) the output is that of CPython 3.11+'s format(value, spec),
// except for the differences listed below.
//
// # The language
//
//	[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//
//	fill       any one character (rune), used for padding; only with an align
//	align      "<" left (default for strings), ">" right (default for numbers),
//	           "^" centre (extra padding goes right), "=" pad between the sign
//	           or 0x prefix and the digits (numbers only)
//	sign       "+" sign on every number, "-" on negative numbers only (the
//	           default), " " a space before non-negative numbers
//	z          make a negative zero, after rounding, positive: -0.001 with
//	           "z.2f" is "0.00"
//	#          alternate form: 0b, 0o, 0x or 0X prefix for b, o, x, X; for
//	           floats always a decimal point, and trailing zeros kept for g
//	0          fill with '0'; for numbers also "=" alignment unless an align
//	           is given (-42 with "05" is "-0042"), for strings not ("ab" with
//	           "05" is "ab000")
//	width      minimum width in runes
//	grouping   "," or "_" between every three integer digits; "_" every
//	           four digits with b, o, x and X. Zero padding is grouped too.
//	precision  digits after the point for e, f, %; significant digits for g
//	           and for floats without a type; maximum runes for strings;
//	           not allowed for integer types
//	type       s       string (the default for strings)
//	           d       decimal integer (the default for integers)
//	           b o x X binary, octal, hex, upper-case hex
//	           c       the character with that code point
//	           n       like d for integers and g for floats (no locale)
//	           e E     exponent notation, 6 digits by default
//	           f F     fixed point, 6 digits by default
//	           g G     general: e or f depending on the exponent; trailing
//	                   zeros removed
//	           %       multiply by 100, f, then "%"
//	           none    floats: like repr() (1.0, 0.1, 1e+16) or, with a
//	                   precision, like g but always with a digit after the point
//
// Integers formatted with a float type are converted to float64 first, as
// Python does. Infinities and NaN are written inf and nan (INF and NAN for
// E, F and G), with the sign rules of other numbers; NaN has no sign.
//
// # Errors
//
// Python reports an unusable spec when formatting; here Parse rejects every
// spec that no kind of value accepts (bad syntax, an unknown type, ",s",
// ".2d", "+c", ...), and the Append methods return ok=false, leaving dst
// unchanged, when a valid spec does not apply to the value: "d" or "+" for a
// string, ".2" or "s" for an integer, "x" for a float, "c" for an invalid
// code point. Callers can then write the value without formatting.
//
// # Differences from Python
//
//   - Booleans are written "true" and "false" when the spec has no type or
//     type s, following the string rules for width, alignment and precision
//     (so "+" or "=6" do not apply to them). Python writes "True" for the
//     empty spec and formats bool as the int 1 or 0 for any other spec. With
//     an integer type a bool is formatted as 1 or 0, with a float type as 1.0
//     or 0.0, as in Python.
//   - Widths and precisions above 4096 are rejected by Parse, so that a spec
//     from an untrusted source cannot make one call produce gigabytes of
//     output. Python accepts any size.
//   - Type c with a surrogate code point (U+D800 to U+DFFF) gives ok=false;
//     Python produces a string that cannot be encoded in UTF-8.
//   - Type n never uses the locale, which is what Python does under the
//     default "C" numeric locale.
//   - Integers are limited to int64 and uint64.
//   - A string that is not valid UTF-8 is measured with each invalid byte
//     counting as one rune.
//   - Python 3.14's grouping of the digits after the decimal point is not
//     supported (as in Python 3.11 to 3.13).
//   - Error messages are worded like Python's but are not identical.
//
// The Append methods never panic and allocate only when dst must grow; for
// very long float output they also use the spare capacity of dst as scratch
// space.
package pyfmt
