package encode

import (
	"errors"
	"log/slog"
	"testing"
	"time"
)

type benchStruct struct {
	Name  string `json:"name"`
	Age   int    `json:"age"`
	Admin bool   `json:"admin,omitempty"`
}

var benchValues = []struct {
	name string
	v    slog.Value
}{
	{"string", slog.StringValue("GET /api/v1/users/12345 HTTP/1.1")},
	{"int", slog.IntValue(1234567)},
	{"float", slog.Float64Value(3.14159)},
	{"bool", slog.BoolValue(true)},
	{"duration", slog.DurationValue(1534 * time.Microsecond)},
	{"time", slog.TimeValue(time.Date(2026, 3, 26, 14, 30, 0, 123456789, time.UTC))},
	{"error", slog.AnyValue(errors.New("connection refused"))},
	{"struct", slog.AnyValue(benchStruct{Name: "alice", Age: 30})},
	{"slice", slog.AnyValue([]string{"red", "green", "blue"})},
	{"map", slog.AnyValue(map[string]int{"a": 1, "b": 2, "c": 3})},
	{"group", slog.GroupValue(slog.String("method", "GET"), slog.Int("status", 200))},
}

func BenchmarkAppendJSON(b *testing.B) {
	for _, bv := range benchValues {
		b.Run(bv.name, func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 1024)
			for b.Loop() {
				buf = AppendJSON(buf[:0], bv.v)
			}
		})
	}
}

func BenchmarkAppendText(b *testing.B) {
	for _, bv := range benchValues {
		b.Run(bv.name, func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 1024)
			for b.Loop() {
				buf = AppendText(buf[:0], bv.v)
			}
		})
	}
}

func BenchmarkAppendJSONString(b *testing.B) {
	for _, bs := range []struct{ name, s string }{
		{"ascii40", "the quick brown fox jumps over a lazy do"},
		{"escapes", "say \"hi\"\n\tto C:\\dir, then \x1b[31mred\x1b[0m!!"},
		{"unicode", "héllo wörld, 世界 and friends 🎉 — done"},
	} {
		b.Run(bs.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bs.s)))
			buf := make([]byte, 0, 256)
			for b.Loop() {
				buf = AppendJSONString(buf[:0], bs.s)
			}
		})
	}
}

func BenchmarkAppendTextString(b *testing.B) {
	for _, bs := range []struct{ name, s string }{
		{"ascii40", "the quick brown fox jumps over a lazy do"},
		{"escapes", "say \"hi\"\n\tto C:\\dir, then \x1b[31mred\x1b[0m!!"},
	} {
		b.Run(bs.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bs.s)))
			buf := make([]byte, 0, 256)
			for b.Loop() {
				buf = AppendTextString(buf[:0], bs.s)
			}
		})
	}
}

func BenchmarkNeedsTextEscape(b *testing.B) {
	s := "the quick brown fox jumps over a lazy do"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if NeedsTextEscape(s) {
			b.Fatal("escape")
		}
	}
}

// TestAllocs checks that the common kinds do not allocate once the buffer is
// large enough.
func TestAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	buf := make([]byte, 0, 1024)
	for _, bv := range benchValues[:6] {
		if n := testing.AllocsPerRun(100, func() { buf = AppendJSON(buf[:0], bv.v) }); n != 0 {
			t.Errorf("AppendJSON(%s): %v allocs", bv.name, n)
		}
		if n := testing.AllocsPerRun(100, func() { buf = AppendText(buf[:0], bv.v) }); n != 0 {
			t.Errorf("AppendText(%s): %v allocs", bv.name, n)
		}
	}
	for _, v := range []slog.Value{
		slog.Float64Value(1e-9), slog.Float64Value(1e300), slog.DurationValue(time.Hour + 1), slog.StringValue("a\nb\xff\u2028"),
		slog.GroupValue(slog.String("method", "GET"), slog.Int("status", 200)),
	} {
		if n := testing.AllocsPerRun(100, func() { buf = AppendJSON(buf[:0], v) }); n != 0 {
			t.Errorf("AppendJSON(%v): %v allocs", v, n)
		}
		if n := testing.AllocsPerRun(100, func() { buf = AppendText(buf[:0], v) }); n != 0 {
			t.Errorf("AppendText(%v): %v allocs", v, n)
		}
	}
	s := "a\nb\x1b\xff\u202e"
	if n := testing.AllocsPerRun(100, func() {
		buf = AppendJSONString(buf[:0], s)
		buf = AppendTextString(buf, s)
		buf = AppendTextLiteral(buf, s)
		_ = NeedsTextEscape(s)
	}); n != 0 {
		t.Errorf("string functions: %v allocs", n)
	}
}
