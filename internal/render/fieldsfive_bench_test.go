package render

import (
	"log/slog"
	"testing"
	"time"
)

// BenchmarkFieldsFive renders "{message}{fields}" for a record with the flood's five
// fields: two strings, an int, a duration and an int64.
func BenchmarkFieldsFive(b *testing.B) {
	r := fixedRecord()
	r.Extra.Reset()
	r.MessageKeys.Reset()
	r.Extra.SetAttr(slog.String("method", "GET"))
	r.Extra.SetAttr(slog.String("path", "/api/v1/users/42"))
	r.Extra.SetAttr(slog.Int("status", 200))
	r.Extra.SetAttr(slog.Duration("duration", 1234567*time.Nanosecond))
	r.Extra.SetAttr(slog.Int64("bytes", 5120))
	tp := MustParse("{message}{fields}")
	buf := make([]byte, 0, 512)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		buf = tp.Append(buf[:0], r, false, nil)
	}
}
