package timefmt

import (
	"bytes"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzTimes are awkward times: the zero time, the ends of Python's range and of
// Go's, negative and odd offsets, nameless zones and the local zone.
var fuzzTimes = []time.Time{
	{},
	time.Date(1, 1, 1, 0, 0, 0, 0, time.FixedZone("W", -43200)),
	time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("E", 50400)),
	time.Date(1969, 12, 31, 23, 59, 59, 500000000, time.FixedZone("", -12345)),
	time.Date(2026, 3, 26, 0, 30, 0, 1000, time.FixedZone("", -86399)),
	time.Date(2026, 3, 26, 12, 0, 0, 0, time.Local),
	time.Unix(-1<<63, 0),
	time.Unix(1<<63-1, 999999999),
}

// FuzzCompile checks that Compile never panics, and that a compiled Format
// renders awkward times without panicking, keeps what dst held, gives the same
// text whether or not it comes from the cache, and gives valid UTF-8 for a
// valid UTF-8 spec.
func FuzzCompile(f *testing.F) {
	for _, c := range loguruCases {
		f.Add(c.spec)
	}
	for _, c := range strftimeCases {
		f.Add(c.spec)
	}
	for _, s := range []string{
		"YYYY-MM-DD HH:mm:ss.SSS", "YYYY-MM-DD HH:mm:ss.SSS Z", "[[", "]]", "[!UTC]!UTC", "[SSSSSS]",
		"SSSSSSS", "dddddd DDDDD MMMMM YYYYY ZZZ zzz", "x X Q E A", "%", "%%", "%-", "%E", "%:", "%:z",
		"%^#_-0999999999999d", "%Oé", "%\xff", "\xff[\xff]", "日本語 [日本] %日", "%1%Z%0O%z%9%f",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		fm, err := Compile(spec)
		if err != nil {
			if fm != nil {
				t.Fatalf("Compile(%q) returned both a Format and %v", spec, err)
			}
			return
		}
		if fm.String() != spec {
			t.Fatalf("String() = %q, want %q", fm.String(), spec)
		}
		prefix := []byte("prefix")
		for _, tm := range fuzzTimes {
			out := fm.Append(prefix[:len(prefix):len(prefix)], tm)
			if !bytes.HasPrefix(out, prefix) {
				t.Fatalf("Append(%v) lost the prefix: %q", tm, out)
			}
			again := fm.Append(nil, tm) // possibly from the cache now
			fresh := fm.render(nil, fm.utcOf(tm))
			if !bytes.Equal(out[len(prefix):], again) || !bytes.Equal(again, fresh) {
				t.Fatalf("Compile(%q).Append(%v): %q, then %q, fresh %q", spec, tm, out[len(prefix):], again, fresh)
			}
			if utf8.ValidString(spec) && !utf8.Valid(out) {
				t.Fatalf("Compile(%q).Append(%v) = %q: invalid UTF-8", spec, tm, out)
			}
		}
	})
}
