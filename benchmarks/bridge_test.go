package benchmarks

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/logru/logru"
	"github.com/logru/logru/bridge"
)

// BenchmarkSlogFrontend drives the same slog calls into slog's own JSON handler (with
// AddSource, since logru's JSON always carries the caller) and, through
// bridge.NewSlogHandler, into logru serializing to the same destination.
func BenchmarkSlogFrontend(b *testing.B) {
	handlers := []struct {
		name string
		make func(w io.Writer) slog.Handler
	}{
		{"slog-json", func(w io.Writer) slog.Handler {
			return slog.NewJSONHandler(w, &slog.HandlerOptions{AddSource: true})
		}},
		{"logru-bridge", func(w io.Writer) slog.Handler {
			l := logru.New()
			if _, err := l.Add(logru.Handler{Sink: w, Serialize: true, Level: "INFO"}); err != nil {
				panic(err)
			}
			return bridge.NewSlogHandler(l)
		}},
	}
	ctx := context.Background()
	for _, group := range []bool{false, true} {
		for _, h := range handlers {
			name := "lib=" + h.name + "/group=no"
			if group {
				name = "lib=" + h.name + "/group=yes"
			}
			b.Run(name, func(b *testing.B) {
				logger := slog.New(h.make(io.Discard))
				if group {
					logger = logger.With("svc", "shop").WithGroup("req")
				}
				b.ReportAllocs()
				for b.Loop() {
					logger.LogAttrs(ctx, slog.LevelInfo, "request served",
						slog.String("method", "GET"), slog.Int("status", 200), slog.Float64("ms", 3.2))
				}
			})
		}
	}
}
