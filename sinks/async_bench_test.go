package sinks

import (
	"sync"
	"testing"
)

// nopSink stands for a fast sink: a lock and nothing else, as a File's Write takes.
type nopSink struct {
	mu sync.Mutex
	n  int
}

func (s *nopSink) write(items []Item) {
	s.mu.Lock()
	s.n += len(items)
	s.mu.Unlock()
}

// BenchmarkAsyncEnqueue measures Enqueue into a queue whose Write does nothing; the
// Close that drains the queue is timed too, so ns/op is the cost per item written.
func BenchmarkAsyncEnqueue(b *testing.B) {
	var s nopSink
	a, err := NewAsync(AsyncOptions{Write: s.write})
	if err != nil {
		b.Fatal(err)
	}
	data := []byte("2026-03-26 14:30:00.123 | INFO | main:main:12 - hello\n")
	b.ReportAllocs()
	for b.Loop() {
		a.Enqueue(Item{Data: data})
	}
	a.Close()
}

func BenchmarkAsyncEnqueueParallel(b *testing.B) {
	var s nopSink
	a, err := NewAsync(AsyncOptions{Write: s.write})
	if err != nil {
		b.Fatal(err)
	}
	data := []byte("2026-03-26 14:30:00.123 | INFO | main:main:12 - hello\n")
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a.Enqueue(Item{Data: data})
		}
	})
	a.Close()
}

// BenchmarkAsyncDirect calls the same Write per item, without a queue: what Enqueue
// is compared with.
func BenchmarkAsyncDirect(b *testing.B) {
	var s nopSink
	data := []byte("2026-03-26 14:30:00.123 | INFO | main:main:12 - hello\n")
	b.ReportAllocs()
	for b.Loop() {
		it := [1]Item{{Data: data}}
		s.write(it[:])
	}
}

func BenchmarkAsyncDirectParallel(b *testing.B) {
	var s nopSink
	data := []byte("2026-03-26 14:30:00.123 | INFO | main:main:12 - hello\n")
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			it := [1]Item{{Data: data}}
			s.write(it[:])
		}
	})
}
