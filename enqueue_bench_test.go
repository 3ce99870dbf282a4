package logru_test

import (
	"io"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/logru/logru"
)

// slowWriter takes about d per write, as a stalled disk or pipe would.
type slowWriter struct{ d time.Duration }

func (w slowWriter) Write(p []byte) (int, error) {
	for start := time.Now(); time.Since(start) < w.d; {
	}
	return len(p), nil
}

// The caller's cost of a record with and without a queue, to io.Discard.
func BenchmarkEnqueue(b *testing.B) {
	for _, enqueue := range []bool{false, true} {
		name := "direct"
		if enqueue {
			name = "enqueued"
		}
		b.Run(name, func(b *testing.B) {
			l := logru.New()
			l.Add(logru.Handler{Sink: io.Discard, Format: "{time} {level} {message} {extra}", Enqueue: enqueue, QueueSize: 1 << 16})
			b.ReportAllocs()
			for b.Loop() {
				l.Info("the quick brown fox", "n", 42)
			}
			b.StopTimer()
			l.Close()
		})
	}
}

// The caller's latency while the sink needs 20µs per line (more than the caller can
// produce): percentiles as metrics.
func BenchmarkEnqueueSlowSink(b *testing.B) {
	for _, policy := range []string{"direct", "block", "drop_newest"} {
		b.Run(policy, func(b *testing.B) {
			l := logru.New()
			h := logru.Handler{Sink: slowWriter{20 * time.Microsecond}, Format: "{message}",
				OnError: func(error) {}} // drop notes: the %dropped metric says it
			if policy != "direct" {
				h.Enqueue, h.Overflow, h.QueueSize = true, policy, 1024
			}
			l.Add(h)
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				l.Info("slow sink")
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			l.Close()
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
			b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "p99-ns")
			// With block, about one call per queue's worth waits for the writer to free
			// room: the tail beyond p99 shows it.
			b.ReportMetric(float64(lat[len(lat)*999/1000].Nanoseconds()), "p99.9-ns")
			b.ReportMetric(float64(lat[len(lat)-1].Nanoseconds()), "max-ns")
			st := l.Stats()[0]
			b.ReportMetric(float64(st.Dropped)/float64(b.N)*100, "%dropped")
		})
	}
}

// A million records with five fields through an enqueued file handler, Close included.
func BenchmarkEnqueueFileMillion(b *testing.B) {
	for i := 0; i < b.N; i++ {
		l := logru.New()
		l.Add(logru.Handler{Sink: filepath.Join(b.TempDir(), "app.log"), Enqueue: true, Format: "{time} {level} {message} {extra}"})
		for j := 0; j < 1_000_000; j++ {
			l.Info("request served", "path", "/api/items", "status", 200, "ms", 3.5, "user", "alice", "n", j)
		}
		if err := l.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
