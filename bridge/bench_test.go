package bridge_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/logru/logru"
	"github.com/logru/logru/bridge"
)

// The comparison with slog's own JSON handler lives in the benchmarks module
// (BenchmarkSlogFrontend). This one measures what a slog call costs when logru's level
// gate turns it away: slog's Enabled check answered by the bridge.
func BenchmarkSlogToLogruDisabled(b *testing.B) {
	l := logru.New()
	if _, err := l.Add(logru.Handler{Sink: io.Discard, Serialize: true, Level: "WARNING"}); err != nil {
		b.Fatal(err)
	}
	logger := slog.New(bridge.NewSlogHandler(l))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		logger.LogAttrs(ctx, slog.LevelInfo, "request served",
			slog.String("method", "GET"), slog.Int("status", 200), slog.Float64("ms", 3.2))
	}
}
