package sinks

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// line100 is a 100-byte log line.
var line100 = append(bytes.Repeat([]byte("x"), 99), '\n')

func benchWrite(b *testing.B, opts *FileOptions) {
	f, err := NewFile(filepath.Join(b.TempDir(), "app.log"), opts)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(line100)))
	b.ResetTimer()
	for range b.N {
		if _, err := f.Write(line100); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkFileWrite is the plain path: one write(2) per line.
func BenchmarkFileWrite(b *testing.B) { benchWrite(b, nil) }

// BenchmarkFileWriteBuffered holds 64 KiB of lines between writes.
func BenchmarkFileWriteBuffered(b *testing.B) { benchWrite(b, &FileOptions{Buffering: 64 << 10}) }

// BenchmarkFileWriteRotating rotates every megabyte (every 10,000 lines).
func BenchmarkFileWriteRotating(b *testing.B) { benchWrite(b, &FileOptions{Rotation: "1 MB"}) }

// BenchmarkFileWriteWhileCompressing measures each write's latency while the worker
// compresses a 16 MB rotated file (bz2, the slowest per byte after xz), and reports the
// 50th and 99th percentiles and the maximum, and the share of writes made while the
// compression ran. Run it with a fixed count, for example -benchtime=200000x, so that
// the setup (and the compression Close waits for) runs once.
func BenchmarkFileWriteWhileCompressing(b *testing.B) {
	var rotate atomic.Bool
	dir := b.TempDir()
	f, err := NewFile(filepath.Join(dir, "app.log"), &FileOptions{
		Compression: "bz2",
		RotateFunc:  func([]byte, FileState) bool { return rotate.Swap(false) },
	})
	if err != nil {
		b.Fatal(err)
	}
	// 16 MB of lines that compress like logs, not like one repeated byte.
	var big []byte
	x := uint32(1)
	for len(big) < 1<<20 {
		for range 12 {
			x = x*1664525 + 1013904223
			big = append(big, "0123456789abcdef"[x>>28], ' ')
			big = append(big, "GET POST PUT DEL"[x>>26&3*4:][:4]...)
			big = append(big, ' ')
		}
		big = append(big, '\n')
	}
	for range 16 {
		f.Write(big)
	}
	rotate.Store(true)
	f.Write(line100) // rotates: the worker starts compressing 16 MB
	src := filepath.Base(f.Path())
	var rotated string
	if ents, _ := os.ReadDir(dir); len(ents) > 0 {
		for _, e := range ents {
			if e.Name() != src {
				rotated = filepath.Join(dir, e.Name())
			}
		}
	}
	lat := make([]time.Duration, b.N)
	during := 0
	compressing := true
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		if _, err := f.Write(line100); err != nil {
			b.Fatal(err)
		}
		lat[i] = time.Since(start)
		if compressing {
			during++
			if i%4096 == 0 {
				if _, err := os.Stat(rotated); err != nil {
					compressing = false // the source is removed when its archive is complete
				}
			}
		}
	}
	b.StopTimer()
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "p99-ns")
	b.ReportMetric(float64(lat[len(lat)-1].Nanoseconds()), "max-ns")
	b.ReportMetric(float64(during)/float64(b.N), "share-compressing")
}
