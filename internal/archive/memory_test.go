package archive

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/logru/logru/internal/fsys"
)

// TestMemoryBounded compresses a 2 MiB and a 32 MiB log and checks that the larger one
// needs no more heap: Compress streams. The streaming code is the same for every format,
// so the fast ones are enough.
func TestMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 34 MiB")
	}
	if raceEnabled {
		t.Skip("the race detector slows this down and changes nothing it measures")
	}
	block := logLines(1<<20, 11)
	for _, f := range []Format{Gzip, Zstd, Zip, Tar} {
		peak := func(mib int) uint64 {
			dir := t.TempDir()
			src := filepath.Join(dir, "app.log")
			out, err := os.Create(src)
			if err != nil {
				t.Fatal(err)
			}
			for range mib {
				out.Write(block)
			}
			if err := out.Close(); err != nil {
				t.Fatal(err)
			}
			return peakHeap(func() {
				if err := Compress(fsys.OS{}, src, src+f.Ext(), f, nil); err != nil {
					t.Error(err)
				}
			})
		}
		small, large := peak(2), peak(32)
		t.Logf("%s: peak heap growth %.1f MB for 2 MiB, %.1f MB for 32 MiB", f.name(), float64(small)/1e6, float64(large)/1e6)
		if large > small+8<<20 || large > 32<<20 {
			t.Errorf("%s: peak heap growth %d bytes for 32 MiB, %d for 2 MiB", f.name(), large, small)
		}
	}
}

// peakHeap runs fn with the collector at its most eager and returns how far the live heap
// rose above where it started, sampled by a goroutine that runs until fn returns.
func peakHeap(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		var peak uint64
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-done:
				result <- peak
				return
			default:
				runtime.Gosched()
			}
		}
	}()
	fn()
	close(done)
	peak := <-result
	if peak < base {
		return 0
	}
	return peak - base
}
