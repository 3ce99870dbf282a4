package sinks

import (
	"strings"
	"testing"
	"time"
)

// FuzzPathTemplate: the {time} path parser never panics, and every name a parsed
// template renders is recognised by the same template (retention depends on it) and
// holds no path separator.
func FuzzPathTemplate(f *testing.F) {
	for _, s := range []string{"app_{time}.log", "{time:YYYY-MM-DD}.log", "x{{y}}z", "{time:HH[h]mm}", "{", "}", "{nope}", "{time:%Y-%m}.log", "a{time:x}b"} {
		f.Add(s)
	}
	times := []time.Time{
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 26, 14, 30, 0, 123456000, time.UTC),
		time.Date(2099, 12, 31, 23, 59, 59, 999999999, time.UTC),
	}
	f.Fuzz(func(t *testing.T, name string) {
		tmpl, plain, err := parsePathTemplate(name, time.UTC)
		if err != nil || tmpl == nil {
			if err == nil && strings.ContainsAny(plain, "{}") && !strings.Contains(name, "{{") && !strings.Contains(name, "}}") {
				t.Fatalf("%q: a brace survived in %q", name, plain)
			}
			return
		}
		for _, tm := range times {
			got := tmpl.render(tm)
			if strings.ContainsRune(got, '/') && !strings.ContainsRune(name, '/') {
				t.Fatalf("%q rendered %q: a path separator came from the time format", name, got)
			}
			if !tmpl.match(got) {
				t.Fatalf("%q rendered %q, which it does not recognise as its own", name, got)
			}
		}
	})
}

// FuzzNaming: a custom Naming never panics the parser, and every rotated name it gives,
// with any collision counter and archive extension, is recognised as the sink's own
// (retention depends on it).
func FuzzNaming(f *testing.F) {
	for _, s := range []string{"old-{time}.log", "{time:YYYY.MM.DD}.log", "x{{y}}{time:X}", "{time:HH[.]mm}.2", ".{time}", "{time:%Y}..log", "{time}.tar.gz"} {
		f.Add(s, uint8(2))
	}
	times := []time.Time{
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 26, 14, 30, 0, 123456000, time.UTC),
		time.Date(2099, 12, 31, 23, 59, 59, 999999999, time.UTC),
	}
	f.Fuzz(func(t *testing.T, spec string, k uint8) {
		scheme, custom, err := parseNaming(spec, time.UTC)
		if err != nil || scheme != namingCustom {
			return
		}
		n := namer{base: "app.log", scheme: namingCustom, custom: custom}
		for _, tm := range times {
			for _, c := range []int{1, int(k) + 2} {
				name := n.rotatedName("app", ".log", tm, c)
				if checkName(name) != nil {
					continue // refused when the file is opened, as NewFile refuses a bad path
				}
				if name == "app.log" {
					continue // the active name: never the sink's rotated file
				}
				for _, ext := range []string{"", ".zst"} {
					// A pathological template may also match its rendering with a counter
					// (then the name is still the sink's, with counter 1): only ownership is
					// checked here, counters by TestNamingCustomParse.
					if _, ok := n.parse(name + ext); !ok {
						t.Fatalf("%q: parse(%q) failed (counter %d)", spec, name+ext, c)
					}
				}
			}
		}
	})
}
