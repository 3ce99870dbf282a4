package logru_test

import (
	"io"
	"testing"

	"github.com/logru/logru"
)

// userWriter is an io.Writer of the user's (not io.Discard, not a file): its handler
// takes its lock per record, and a sink's user code could log back into it.
type userWriter struct{}

func (userWriter) Write(p []byte) (int, error) { return len(p), nil }

// BenchmarkContended logs a static text record from every core at once: to io.Discard
// (a lock-free handler), to a user's writer (the handler's lock, contended) and to a
// func sink. Compare with -cpu 1,2,4: the time per record should fall with the cores.
func BenchmarkContended(b *testing.B) {
	for _, tt := range []struct {
		name string
		sink any
	}{
		{"discard", io.Discard},
		{"writer", userWriter{}},
		{"func", func(logru.Message) {}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			l := logru.New()
			if _, err := l.Add(logru.Handler{Sink: tt.sink, Level: "INFO", Format: "{time} {level} {message}"}); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					l.Info("the quick brown fox")
				}
			})
		})
	}
}
