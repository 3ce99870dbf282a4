package logru_test

import (
	"path/filepath"
	"testing"

	"github.com/logru/logru"
)

// BenchmarkFileSink logs a JSON record into logru's own file sink (a path), buffered
// (256 KiB, as the flood) and unbuffered, from one goroutine (par=1) and from every
// core at once (par=all): what the handler costs in front of the File.
func BenchmarkFileSink(b *testing.B) {
	for _, tt := range []struct {
		name      string
		buffering int
	}{
		{"buf=256k", 256 << 10},
		{"buf=0", 0},
	} {
		for _, par := range []bool{false, true} {
			name := tt.name + "/par=1"
			if par {
				name = tt.name + "/par=all"
			}
			b.Run(name, func(b *testing.B) {
				l := logru.New()
				path := filepath.Join(b.TempDir(), "bench.log")
				if _, err := l.Add(logru.Handler{Sink: path, Level: "INFO", Serialize: true, Buffering: tt.buffering}); err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { _ = l.Close() })
				b.ReportAllocs()
				if par {
					b.RunParallel(func(pb *testing.PB) {
						for pb.Next() {
							l.Info("the quick brown fox", "n", 1)
						}
					})
					return
				}
				for b.Loop() {
					l.Info("the quick brown fox", "n", 1)
				}
			})
		}
	}
}
