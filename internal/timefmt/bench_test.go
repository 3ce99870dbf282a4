package timefmt

import (
	"testing"
	"time"
)

// benchSpecs are the specs logru meets most: loguru's default console format,
// its ISO default ({time}), the console format of loguru's next release, and a
// strftime spec.
var benchSpecs = []string{
	"YYYY-MM-DD HH:mm:ss.SSS",
	"",
	"YYYY-MM-DD HH:mm:ss.SSS Z",
	"%Y-%m-%d %H:%M:%S %z",
}

var benchBase = time.Date(2026, 3, 26, 14, 30, 0, 0, time.Local)

// benchTime returns the time of call i when one call happens per step: with a
// step of a microsecond, a thousand calls share each millisecond, as in a
// busy logger.
func benchTime(i int, step time.Duration) time.Time {
	return benchBase.Add(time.Duration(i) * step)
}

// BenchmarkAppend measures Append as logru uses it: a steady stream of records,
// a microsecond apart, in the local zone.
func BenchmarkAppend(b *testing.B) {
	for _, spec := range benchSpecs {
		f := mustCompile(b, spec)
		b.Run(name(spec), func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 128)
			for i := 0; b.Loop(); i++ {
				buf = f.Append(buf[:0], benchTime(i, time.Microsecond))
			}
		})
	}
}

// BenchmarkCache compares, for each cacheable spec, cache hits (a thousand calls
// per millisecond), misses (a new millisecond every call) and rendering without
// the cache, which is what decides whether the cache is worth keeping.
func BenchmarkCache(b *testing.B) {
	for _, spec := range []string{"YYYY-MM-DD HH:mm:ss.SSS", "YYYY-MM-DD HH:mm:ss.SSS Z", "%Y-%m-%d %H:%M:%S %z"} {
		cached := mustCompile(b, spec)
		direct := *mustCompile(b, spec)
		direct.cache = nil
		for _, c := range []struct {
			name string
			f    *Format
			step time.Duration
		}{
			{"hit", cached, time.Microsecond},
			{"miss", cached, time.Second},
			{"direct", &direct, time.Microsecond},
		} {
			b.Run(name(spec)+"/"+c.name, func(b *testing.B) {
				b.ReportAllocs()
				buf := make([]byte, 0, 128)
				for i := 0; b.Loop(); i++ {
					buf = c.f.Append(buf[:0], benchTime(i, c.step))
				}
			})
		}
	}
}

// BenchmarkAppendParallel measures the cache under contention.
func BenchmarkAppendParallel(b *testing.B) {
	for _, spec := range benchSpecs {
		f := mustCompile(b, spec)
		b.Run(name(spec), func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				buf := make([]byte, 0, 128)
				for i := 0; pb.Next(); i++ {
					buf = f.Append(buf[:0], benchTime(i, time.Microsecond))
				}
			})
		})
	}
}

func BenchmarkCompile(b *testing.B) {
	for _, spec := range benchSpecs {
		b.Run(name(spec), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compile(spec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// name makes a benchmark name of a spec ("" would vanish).
func name(spec string) string {
	if spec == "" {
		return `""`
	}
	return spec
}
