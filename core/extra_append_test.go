package core

import (
	"log/slog"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// AppendAttrs gives the fields, the order and the bad-key numbering that setting each
// field with SetAttr gives, from any starting Extra.
func TestExtraAppendAttrsMatchesSetAttr(t *testing.T) {
	a := func(k string, v int) slog.Attr { return slog.Int(k, v) }
	many := func(prefix string, n int) []slog.Attr {
		var as []slog.Attr
		for i := range n {
			as = append(as, a(prefix+strconv.Itoa(i), i))
		}
		return as
	}
	for _, tt := range []struct {
		name        string
		before, add []slog.Attr
	}{
		{"empty, nothing", nil, nil},
		{"empty, unique", nil, many("k", 10)},
		{"empty, repeated key: later wins in place", nil, []slog.Attr{a("a", 1), a("b", 2), a("a", 3)}},
		{"replaces a bound field", []slog.Attr{a("a", 1), a("b", 2)}, []slog.Attr{a("c", 3), a("a", 4)}},
		{"bad keys numbered after the bound ones", []slog.Attr{a(BadKey, 1)},
			[]slog.Attr{a(BadKey, 2), a("x", 3), a(BadKey+"7", 4), a(BadKey, 5)}},
		{"a key that looks bad but is not", nil, []slog.Attr{a(BadKey+"x", 1), a("!B", 2), a(BadKey+"x", 3)}},
		{"empty key", nil, []slog.Attr{a("", 1), a("", 2)}},
		{"exactly the index size", nil, many("k", indexAbove)},
		{"crosses the index size", many("b", 10), append(many("k", 10), a("b3", -1), a("k2", -2))},
		{"already indexed", many("b", 20), append(many("k", 3), a("b3", -1))},
		{"bound past the index size, merged in bulk", nil, many("b", 20)},
		{"up to the bulk size", many("b", 30), append(many("k", 34), a("b7", -1))},
		{"past the bulk size", many("b", 40), append(many("k", 30), a("b7", -1), a(BadKey, 0))},
		{"bad key past the index size", many("b", 20), []slog.Attr{a("x", 1), a(BadKey, 2), a("b1", 3), a("y", 4)}},
		{"colliding key bits", nil, []slog.Attr{a("ab", 1), a("ba", 2), a("ab", 3), a("b", 4)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkAppendAttrs(t, tt.before, tt.add)
		})
	}
}

// Random field lists, with keys from a small alphabet so that repeats are common.
func TestExtraAppendAttrsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := []string{"a", "b", "c", "ab", "ba", "user", "id", "", BadKey, BadKey + "2", "k1", "k2", "k3", "k4"}
	for range 2000 {
		var before, add []slog.Attr
		size := 3 + r.IntN(3)*15 // runs below, across and past the index and bulk sizes
		for range r.IntN(size) {
			before = append(before, slog.Int(keys[r.IntN(len(keys))]+strconv.Itoa(r.IntN(size)), r.IntN(100)))
		}
		for range r.IntN(size) {
			add = append(add, slog.Int(keys[r.IntN(len(keys))]+strconv.Itoa(r.IntN(size)), r.IntN(100)))
		}
		checkAppendAttrs(t, before, add)
		if t.Failed() {
			return
		}
	}
}

func checkAppendAttrs(t *testing.T, before, add []slog.Attr) {
	t.Helper()
	var want, got, bound Extra
	for _, a := range before {
		want.SetAttr(a)
		bound.SetAttr(a)
	}
	got.Merge(&bound) // as a record takes its bound fields
	if n := len(before); n%2 == 1 {
		got = Extra{}
		for _, a := range before {
			got.SetAttr(a)
		}
	}
	for _, a := range add {
		want.SetAttr(a)
	}
	got.AppendAttrs(add)
	eq := func(x, y slog.Attr) bool { return x.Equal(y) }
	if !slices.EqualFunc(got.Attrs(), want.Attrs(), eq) {
		t.Fatalf("before %v, add %v:\n got %v\nwant %v", before, add, got.Attrs(), want.Attrs())
	}
	// The state after is the same too: the next bad key and every lookup.
	got.SetAttr(slog.Int(BadKey, -1))
	want.SetAttr(slog.Int(BadKey, -1))
	if !slices.EqualFunc(got.Attrs(), want.Attrs(), eq) {
		t.Fatalf("before %v, add %v, then a bad key:\n got %v\nwant %v", before, add, got.Attrs(), want.Attrs())
	}
	for _, a := range want.Attrs() {
		if v, ok := got.Lookup(a.Key); !ok || !v.Equal(a.Value) {
			t.Fatalf("Lookup(%q) = %v, %v; want %v", a.Key, v, ok, a.Value)
		}
	}
}

func BenchmarkExtraAppendAttrs(b *testing.B) {
	var as []slog.Attr
	for _, k := range []string{"int", "string", "bool", "float", "time", "strings", "error", "dur", "stringer", "int64"} {
		as = append(as, slog.Int(k, 1))
	}
	var e Extra
	b.Run("AppendAttrs", func(b *testing.B) {
		for b.Loop() {
			e.Reset()
			e.AppendAttrs(as)
		}
	})
	b.Run("SetAttr", func(b *testing.B) {
		for b.Loop() {
			e.Reset()
			for _, a := range as {
				e.SetAttr(a)
			}
		}
	})
}
