package logru_test

import (
	"io"
	"strconv"
	"testing"

	"github.com/logru/logru"
)

// The costs an attacker could drive with many fields, rules or levels grow linearly (or
// as n·log n): each benchmark below does the whole job for n, so ns/op over n is the
// curve.

var scaleSizes = []int{100, 1000, 10000}

// BenchmarkManyFields logs one record with n distinct fields (a later key wins, so each
// field is checked against those before it).
func BenchmarkManyFields(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Serialize: true, Sink: io.Discard})
	for _, n := range scaleSizes {
		args := make([]any, 0, 2*n)
		for i := range n {
			args = append(args, "k"+strconv.Itoa(i), i)
		}
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.Info("many", args...)
			}
		})
	}
}

// BenchmarkDisablePrefixes makes n activation rules, one Disable call each.
func BenchmarkDisablePrefixes(b *testing.B) {
	for _, n := range scaleSizes {
		prefixes := make([]string, n)
		for i := range prefixes {
			prefixes[i] = "example.com/p" + strconv.Itoa(i) + "/sub"
		}
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := logru.New()
				for _, p := range prefixes {
					l.Disable(p)
				}
			}
		})
	}
}

// BenchmarkAddLevel registers n custom levels, one AddLevel call each.
func BenchmarkAddLevel(b *testing.B) {
	for _, n := range scaleSizes {
		names := make([]string, n)
		for i := range names {
			names[i] = "LEVEL" + strconv.Itoa(i)
		}
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := logru.New()
				for i, name := range names {
					if _, err := l.AddLevel(logru.Level{Name: name, No: 100 + i}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
