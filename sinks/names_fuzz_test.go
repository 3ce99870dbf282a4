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
