package bridge_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/logru/logru"
	"github.com/logru/logru/bridge"
)

// slog → logru (Serialize to io.Discard) against slog's own JSON handler: the same
// slog calls, three attributes, the caller captured by both (logru's JSON always has
// it; slog's handler is given AddSource).

func benchSlog(b *testing.B, logger *slog.Logger) {
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		logger.LogAttrs(ctx, slog.LevelInfo, "request served",
			slog.String("method", "GET"), slog.Int("status", 200), slog.Float64("ms", 3.2))
	}
}

func BenchmarkSlogJSONHandler(b *testing.B) {
	benchSlog(b, slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{AddSource: true})))
}

func BenchmarkSlogToLogru(b *testing.B) {
	l := logru.New()
	if _, err := l.Add(logru.Handler{Sink: io.Discard, Serialize: true}); err != nil {
		b.Fatal(err)
	}
	benchSlog(b, slog.New(bridge.NewSlogHandler(l)))
}

func BenchmarkSlogJSONHandlerWithGroup(b *testing.B) {
	benchSlog(b, slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{AddSource: true})).With("svc", "shop").WithGroup("req"))
}

func BenchmarkSlogToLogruWithGroup(b *testing.B) {
	l := logru.New()
	if _, err := l.Add(logru.Handler{Sink: io.Discard, Serialize: true}); err != nil {
		b.Fatal(err)
	}
	benchSlog(b, slog.New(bridge.NewSlogHandler(l)).With("svc", "shop").WithGroup("req"))
}

func BenchmarkSlogToLogruDisabled(b *testing.B) {
	l := logru.New()
	if _, err := l.Add(logru.Handler{Sink: io.Discard, Serialize: true, Level: "WARNING"}); err != nil {
		b.Fatal(err)
	}
	benchSlog(b, slog.New(bridge.NewSlogHandler(l)))
}
