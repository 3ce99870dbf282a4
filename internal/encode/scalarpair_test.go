package encode

import (
	"log/slog"
	"math"
	"strings"
	"testing"
	"time"
)

// scalarPairCases are scalar values and keys for the fast pair path: plain and
// needing quotes or escapes, empty, at the 4/8/16-byte word boundaries, negative,
// NaN and infinities, huge durations.
func scalarPairCases() (keys []string, vals []slog.Value) {
	keys = []string{"", "k", "abc", "abcd", "method", "duration", "abcdefghijklmnop", "abcdefghijklmnopq",
		"a b", "k=v", `"q"`, "{", "}", "é", "k\n", "tab\there", "\x1b[2J", "ключ", "a\u00a0b", `C:\x y\`}
	strs := append([]string{"GET", "/api/v1/users/42", strings.Repeat("x", 40), "say \"hi\"", "line1\nINFO forged",
		"v} role=admin {x", "a\u2003b", "\xff\xfe", "\\", `"`}, keys...)
	for _, s := range strs {
		vals = append(vals, slog.StringValue(s))
	}
	vals = append(vals,
		slog.Int64Value(0), slog.Int64Value(-1), slog.Int64Value(200), slog.Int64Value(math.MinInt64), slog.Int64Value(math.MaxInt64),
		slog.Uint64Value(0), slog.Uint64Value(math.MaxUint64),
		slog.Float64Value(0), slog.Float64Value(math.Copysign(0, -1)), slog.Float64Value(-1.5), slog.Float64Value(1e21),
		slog.Float64Value(1e-7), slog.Float64Value(math.NaN()), slog.Float64Value(math.Inf(1)), slog.Float64Value(math.Inf(-1)),
		slog.BoolValue(true), slog.BoolValue(false),
		slog.DurationValue(0), slog.DurationValue(1234567), slog.DurationValue(-time.Second),
		slog.DurationValue(math.MaxInt64), slog.DurationValue(math.MinInt64),
		slog.TimeValue(time.Date(2026, 3, 26, 14, 30, 0, 5, time.UTC)), slog.TimeValue(time.Time{}),
	)
	return keys, vals
}

// The fast scalar pair path (one kind dispatch, plain words as they are) writes what the
// encoder's general path writes, for AppendTextFlat and AppendTextPair alike.
func TestScalarPairMatchesEncoder(t *testing.T) {
	keys, vals := scalarPairCases()
	for _, k := range keys {
		for _, v := range vals {
			checkScalarPair(t, k, v)
		}
	}
}

func checkScalarPair(t *testing.T, key string, v slog.Value) {
	t.Helper()
	e := encoder{values: maxValues}
	want := string(e.flatLeaf([]byte("x"), nil, key, v))
	if got := string(AppendTextFlat([]byte("x"), key, v)); got != want {
		t.Errorf("AppendTextFlat(%q, %v) = %q, want %q", key, v, got, want)
	}
	e = encoder{values: maxValues}
	want = string(e.textAttr([]byte("x"), key, v))
	if got := string(AppendTextPair([]byte("x"), key, v)); got != want {
		t.Errorf("AppendTextPair(%q, %v) = %q, want %q", key, v, got, want)
	}
}

func FuzzScalarPair(f *testing.F) {
	f.Add("method", "GET", int64(-3), 1.5, true)
	f.Add("a b", "", int64(math.MinInt64), math.NaN(), false)
	f.Add("", "k=v \"x\"", int64(1), math.Inf(-1), false)
	f.Fuzz(func(t *testing.T, key, s string, n int64, x float64, b bool) {
		for _, v := range []slog.Value{slog.StringValue(s), slog.Int64Value(n), slog.Uint64Value(uint64(n)),
			slog.Float64Value(x), slog.BoolValue(b), slog.DurationValue(time.Duration(n))} {
			checkScalarPair(t, key, v)
			checkScalarPair(t, s, v)
		}
	})
}

// plain8 is printable8 && quoteFree8, for every byte in every lane and for words
// mixing a failing byte with plain ones (borrows and carries between lanes).
func TestPlain8(t *testing.T) {
	check := func(x uint64) {
		if got, want := plain8(x), printable8(x) && quoteFree8(x); got != want {
			t.Fatalf("plain8(%#016x) = %v, want %v", x, got, want)
		}
	}
	const base = 0x6161616161616161 // "aaaaaaaa"
	for lane := 0; lane < 8; lane++ {
		for c := 0; c < 256; c++ {
			for _, other := range []uint64{0x00, 0x20, 0x21, 0x7e, 0x7f, 0x80, 0xff, '=', '"', '{', '}'} {
				x := uint64(base)&^(0xff<<(8*lane)) | uint64(c)<<(8*lane)
				check(x)
				o := (lane + 1) % 8
				check(x&^(0xff<<(8*o)) | other<<(8*o))
				o = (lane + 7) % 8
				check(x&^(0xff<<(8*o)) | other<<(8*o))
			}
		}
	}
}

func FuzzPlain8(f *testing.F) {
	f.Add(uint64(0x2021227b7d3d7e7f))
	f.Fuzz(func(t *testing.T, x uint64) {
		if got, want := plain8(x), printable8(x) && quoteFree8(x); got != want {
			t.Fatalf("plain8(%#016x) = %v, want %v", x, got, want)
		}
	})
}
