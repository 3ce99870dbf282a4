package render

import (
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/logru/logru/core"
)

// benchTenAttrs are the benchmarks module's ten fields (BenchmarkTenFields).
func benchTenAttrs() []slog.Attr {
	return []slog.Attr{
		slog.Int("int", 1), slog.String("string", "two"), slog.Bool("bool", true),
		slog.Float64("float", 4.5), slog.Time("time", time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)),
		slog.Any("strings", []string{"a", "b", "c"}), slog.Any("error", errors.New("connection refused")),
		slog.Duration("dur", 1500*time.Millisecond), slog.Any("stringer", time.Monday),
		slog.Int64("int64", 10),
	}
}

func benchRecord() *core.Record {
	return &core.Record{
		Time:    time.Date(2026, 3, 26, 14, 30, 0, 123456000, time.Local),
		Level:   core.Level{Name: "INFO", No: 20},
		Message: "the quick brown fox",
		Name:    "github.com/logru/logru/benchmarks", Function: "logruAttrs.func3", File: "logru_test.go", Line: 47,
	}
}

// BenchmarkJSONRecord is a serialized record as a handler writes one: the caller
// members encoded in advance, and either ten call fields (tenFields) or ten bound ones
// copied from a Prefix (accumulated).
func BenchmarkJSONRecord(b *testing.B) {
	caller := AppendCallerJSON(nil, "github.com/logru/logru/benchmarks", "logruAttrs.func3", "logru_test.go", 47)
	j := NewJSON(nil)
	b.Run("tenFields", func(b *testing.B) {
		r := benchRecord()
		r.Extra.AppendAttrs(benchTenAttrs())
		buf := make([]byte, 0, 1024)
		b.ReportAllocs()
		for b.Loop() {
			r.Time = r.Time.Add(time.Microsecond)
			buf = j.AppendEncoded(buf[:0], r, nil, 0, caller)
		}
	})
	b.Run("accumulated", func(b *testing.B) {
		r := benchRecord()
		r.Extra.AppendAttrs(benchTenAttrs())
		p := NewPrefix(benchTenAttrs())
		p.WarmJSON()
		buf := make([]byte, 0, 1024)
		b.ReportAllocs()
		for b.Loop() {
			r.Time = r.Time.Add(time.Microsecond)
			buf = j.AppendEncoded(buf[:0], r, p, 0, caller)
		}
	})
}
