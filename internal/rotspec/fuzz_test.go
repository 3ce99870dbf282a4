package rotspec

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fuzzZones are the Locations fuzzed Next calls use; zones missing on the machine are
// left out.
func fuzzZones() []*time.Location {
	locs := []*time.Location{time.UTC, time.FixedZone("plus1345", 13*3600+45*60), time.FixedZone("minus12", -12*3600)}
	for _, name := range []string{"America/New_York", "Europe/Paris", "Australia/Lord_Howe", "America/Santiago", "Pacific/Apia"} {
		if loc, err := time.LoadLocation(name); err == nil {
			locs = append(locs, loc)
		}
	}
	return locs
}

// fuzzFroms returns the times Next is tried with: the zero Time, the start of year 1,
// the end of year 9999, and a time derived from the fuzzer's number, in each zone.
func fuzzFroms(locs []*time.Location, sec int64, nsec uint32) []time.Time {
	const span = 253402300800 // seconds from 1970 to year 10000
	const year1 = -62135596800
	s := sec % (span - year1)
	if s < 0 {
		s = -s
	}
	froms := []time.Time{{}}
	for _, loc := range locs {
		froms = append(froms,
			time.Date(1, 1, 1, 0, 0, 0, 0, loc),
			time.Date(9999, 12, 31, 23, 59, 59, 999999999, loc),
			time.Unix(year1+s, int64(nsec%1e9)).In(loc),
		)
	}
	return froms
}

func FuzzParseRotation(f *testing.F) {
	for _, s := range []string{
		"10 MB", "1.5 KiB", "8e-6MB", "0.008 kiB", "64b", "100", "8", "13:00", "1:30 PM",
		"11:00:00 AM", "12 AM", "w0", "W0 at 00:00", " W6 at 13 ", "w2  at  11:00:00 AM",
		"sunDAY at 1:0:0.0 pm", "saturday", "1 w, 2D", "1h 30 minutes", "2 h", "hourly",
		"daily", "WEEKLY", "monthly", "Yearly ", "500 MB or 00:00", "monday at 12:00 or 1 h",
		"w-1", "h", "M", "w1at13", "www", "w", "K", "foobar MB", "01:00:00!UTC", "foobar",
		"w7", "w10", "13 at w2", "2017.11.12", "11:99", "monday at 2017", "111.111.111 kb",
		"2 days 8 foobar", "3 Ki", "1e99999 B", "1e-99999 s", "0.5 s", "300 y", "or", "02:30",
		"13:00:00.123456789", "1 GB or 2 GB or daily or hourly or weekly or monthly or yearly",
	} {
		f.Add(s, int64(1742810400), uint32(0))
	}
	locs := fuzzZones()
	f.Fuzz(func(t *testing.T, spec string, sec int64, nsec uint32) {
		r, err := ParseRotation(spec)
		if err != nil {
			if r != nil {
				t.Fatalf("ParseRotation(%q) returned a Rotation with error %v", spec, err)
			}
			checkReason(t, spec, err)
			return
		}
		if r.String() != spec {
			t.Fatalf("ParseRotation(%q).String() = %q", spec, r.String())
		}
		if r.SizeLimit() < 0 || (r.SizeLimit() == 0 && !r.HasTime()) {
			t.Fatalf("ParseRotation(%q): SizeLimit %d, HasTime %v", spec, r.SizeLimit(), r.HasTime())
		}
		for _, from := range fuzzFroms(locs, sec, nsec) {
			next := r.Next(from)
			if next.IsZero() != !r.HasTime() {
				t.Fatalf("%q.Next(%v) = %v, HasTime %v", spec, from, next, r.HasTime())
			}
			if next.IsZero() {
				continue
			}
			if !next.After(from) {
				t.Fatalf("%q.Next(%v) = %v, not after from", spec, from, next)
			}
			if next.Location() != from.Location() {
				t.Fatalf("%q.Next(%v) = %v, in another Location", spec, from, next)
			}
			if again := r.Next(next); !again.After(next) {
				t.Fatalf("%q.Next(%v) = %v, not after", spec, next, again)
			}
		}
	})
}

func FuzzParseRetention(f *testing.F) {
	for _, s := range []string{
		"10", "0", "1 hour", "1H", " 1 h ", "7 days", "1 GB", "5 MB", "1.5 KiB", "W5",
		"monday at 14:00", "sunday", "nope", "d", "H", "3 hours 2 dayz", "1 or 2", "1.5",
		"99999999999999999999", "13:00", "1 w, 2D",
	} {
		f.Add(s, int64(1742810400), uint32(0), []byte{1, 5, 3, 3, 0, 200})
	}
	f.Fuzz(func(t *testing.T, spec string, sec int64, nsec uint32, shape []byte) {
		r, err := ParseRetention(spec)
		if err != nil {
			if r != nil {
				t.Fatalf("ParseRetention(%q) returned a Retention with error %v", spec, err)
			}
			checkReason(t, spec, err)
			return
		}
		if r.String() != spec {
			t.Fatalf("ParseRetention(%q).String() = %q", spec, r.String())
		}
		// Files from shape: each pair of bytes is a path number and an age in minutes.
		now := time.Unix(sec%(1<<40), int64(nsec%1e9))
		var fs []FileInfo
		for i := 0; i+1 < len(shape) && len(fs) < 64; i += 2 {
			fs = append(fs, FileInfo{
				Path:    "f" + string(rune('a'+shape[i]%20)),
				ModTime: now.Add(-time.Duration(shape[i+1]) * time.Minute),
				Size:    int64(shape[i+1]) << (shape[i] % 50),
			})
		}
		before := slices.Clone(fs)
		got := r.Select(fs, now)
		if !slices.Equal(before, fs) {
			t.Fatalf("Select modified its argument")
		}
		checkSubset(t, spec, fs, got)
		if r.kind == keepCount {
			distinct := map[string]bool{}
			for _, f := range fs {
				distinct[f.Path] = true
			}
			if want := max(len(distinct)-r.count, 0); len(got) != want {
				t.Fatalf("%q: selected %d of %d files", spec, len(got), len(distinct))
			}
		}
	})
}

// FuzzParseCompression: never panics, and a parsed format round-trips through its
// String and has a matching extension.
func FuzzParseCompression(f *testing.F) {
	for _, s := range []string{"gz", ".tar.gz", " ZST ", "rar", "", "none", "tar.", "gzip", "ZSTD", "bzip2", "tgz", " .tbz2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCompression(s)
		if err != nil {
			if c != None {
				t.Fatalf("%q: %v with an error", s, c)
			}
			checkReason(t, s, err)
			return
		}
		back, err := ParseCompression(c.String())
		if err != nil || back != c {
			t.Fatalf("%q -> %v -> %v, %v", s, c, back, err)
		}
		if (c == None) != (c.Ext() == "") {
			t.Fatalf("%q: %v has extension %q", s, c, c.Ext())
		}
	})
}

// checkReason checks that a spec's error is a reason only: no package name (the text
// reaches users through a ConfigError) and not the whole spec again, which the caller
// already shows next to its field.
func checkReason(t *testing.T, spec string, err error) {
	t.Helper()
	msg := err.Error()
	if strings.Contains(msg, "rotspec") {
		t.Fatalf("%q: error %q names the package", spec, msg)
	}
	for _, what := range []string{"rotation ", "retention ", "compression "} {
		if strings.Contains(msg, what+strconv.Quote(spec)) {
			t.Fatalf("%q: error %q names the spec again", spec, msg)
		}
	}
}
