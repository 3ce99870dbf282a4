package encode

import (
	"encoding/json"
	"errors"
	"log/slog"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// commonValues are values appendCommon takes, and values beside them it must leave to
// the slow path (methods the slow path serves first, cut lists, unsupported elements).
func commonValues() []any {
	cyclic := []any{1, nil}
	cyclic[1] = cyclic
	long := make([]string, maxItems+1)
	big := []string{strings.Repeat("x", maxBytes/2), strings.Repeat("y", maxBytes/2), "z"}
	return []any{
		errors.New("connection refused"), errors.New("two\nlines \x1b[31m\"q\" a=b {x}"), errors.New(""),
		&errType{"ptr error"}, (*errType)(nil), panicError{}, panicString{}, jsonAndString{},
		time.Monday, strType{"has space"}, strType{""}, strType{"a=b"}, &nilSafe{}, (*nilSafe)(nil),
		indexPanic{}, derefJSON{"j"},
		// Stringers the slow path serves before String.
		json.Number("12.50"), slog.Int("a", 1), []byte("bytes"),
		[]string{"a", "b", "c"}, []string{}, []string(nil), []string{"", "x y", "\"q\"", "é\u2028\x00"},
		long, big,
		[]int{1, -2, 3}, []int(nil), []int{}, []int64{math.MaxInt64, math.MinInt64},
		[]float64{4.5, 0.1, -0, math.NaN(), math.Inf(1), math.Inf(-1), 1e21, 1e-7, 123456789.125},
		[]float64(nil), []bool{true, false}, []bool(nil),
		[]any{"s", 1, int64(2), 3.5, true, nil}, []any{}, []any(nil), []any{"x", errors.New("e")},
		[]any{[]string{"nested"}}, cyclic, []any{uint8(3)}, []any{time.Second},
		[]uint{1, 2}, []time.Duration{time.Second}, []error{errors.New("e")},
		// Scalars, which a text pair never quotes but for strings.
		"", "plain", "two words", "a=b", "{x}", `"q"`, "tab\t", "é", " nbsp", 1, -2, uint64(3), 4.5, math.Copysign(0, -1),
		math.NaN(), math.Inf(-1), 1e21, 1e-7, true, time.Duration(0), 1500 * time.Nanosecond, -90 * time.Minute,
		time.Date(2026, 3, 26, 14, 30, 0, 5, time.FixedZone("", -3600)), time.Date(10001, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC),
		// slog keeps a Kind logged as a value in a wrapper of its own.
		slog.KindInt64, slog.KindAny,
	}
}

// Every fast path writes what the slow path writes, in JSON and text, and as a text
// pair and a flat field under keys that need quoting or not.
func TestCommonMatchesSlowPath(t *testing.T) {
	for _, x := range commonValues() {
		v := slog.AnyValue(x)
		name := typeName(x)
		if got, want := AppendJSON(nil, v), appendSlow(nil, v, true); string(got) != string(want) {
			t.Errorf("%s: AppendJSON = %.200s, slow path %.200s", name, got, want)
		}
		if got, want := AppendText(nil, v), appendSlow(nil, v, false); string(got) != string(want) {
			t.Errorf("%s: AppendText = %.200q, slow path %.200q", name, got, want)
		}
		for _, key := range []string{"k", "a b", "", "x=y", "é\n"} {
			e := encoder{values: maxValues}
			if got, want := AppendTextPair([]byte("pre"), key, v), e.attr([]byte("pre"), key, v); string(got) != string(want) {
				t.Errorf("%s: AppendTextPair(%q) = %.200q, slow path %.200q", name, key, got, want)
			}
			e = encoder{values: maxValues}
			if got, want := AppendTextFlat([]byte("pre"), key, v), e.flatLeaf([]byte("pre"), nil, key, v); string(got) != string(want) {
				t.Errorf("%s: AppendTextFlat(%q) = %.200q, slow path %.200q", name, key, got, want)
			}
		}
	}
}

func typeName(x any) string {
	if x == nil {
		return "nil"
	}
	return reflect.TypeOf(x).String()
}

// NeedsQuote's word tests answer as the byte loop does, for every byte at every
// position of strings from 0 to 24 bytes, alone and beside a multi-byte rune.
func TestNeedsQuoteWords(t *testing.T) {
	base := []byte("abcdefghijklmnopqrstuvwx")
	for n := 0; n <= len(base); n++ {
		check := func(b []byte) {
			if got, want := NeedsQuote(b), len(b) == 0 || needsQuoteBytes(b); got != want {
				t.Fatalf("NeedsQuote(%q) = %v, want %v", b, got, want)
			}
		}
		check(base[:n])
		for pos := range n {
			for c := range 256 {
				b := append([]byte(nil), base[:n]...)
				b[pos] = byte(c)
				check(b)
				check(append(b, "\u00a0"...))
				check(append([]byte("\u3000"), b...))
			}
		}
		check(append(append([]byte(nil), base[:n]...), "\u00a0"...))
	}
}

// checkCommonString fails t unless the fast paths write what the slow path writes for
// values made of s.
func checkCommonString(t *testing.T, s string) {
	t.Helper()
	if got, want := NeedsQuote([]byte(s)), s == "" || needsQuoteBytes([]byte(s)); got != want {
		t.Fatalf("NeedsQuote(%q) = %v, want %v", s, got, want)
	}
	for _, x := range []any{errors.New(s), strType{s}, []string{s, s}, []any{s, 1.5, nil}} {
		v := slog.AnyValue(x)
		if got, want := AppendJSON(nil, v), appendSlow(nil, v, true); string(got) != string(want) {
			t.Fatalf("AppendJSON(%#v) = %s, slow path %s", x, got, want)
		}
		if got, want := AppendText(nil, v), appendSlow(nil, v, false); string(got) != string(want) {
			t.Fatalf("AppendText(%#v) = %q, slow path %q", x, got, want)
		}
		e := encoder{values: maxValues}
		if got, want := AppendTextPair(nil, s, v), e.attr(nil, s, v); string(got) != string(want) {
			t.Fatalf("AppendTextPair(%q, %#v) = %q, slow path %q", s, x, got, want)
		}
	}
}
