package archive

import (
	"runtime"
	"testing"
	"time"

	"github.com/logru/logru/internal/leaktest"
)

// TestMain fails the run when the tests leave goroutines, open files or temporary files
// behind (see internal/leaktest): Compress starts no goroutine, and the codecs it uses must
// not either.
func TestMain(m *testing.M) { leaktest.Main(m) }

// settleGoroutines yields until at most want goroutines run, giving exiting goroutines the
// chance to finish, and returns the last count. It gives up after a bounded number of
// rounds; it never sleeps.
func settleGoroutines(want int) int {
	deadline := time.Now().Add(5 * time.Second)
	n := runtime.NumGoroutine()
	for i := 0; n > want && (i < 1000 || time.Now().Before(deadline)); i++ {
		runtime.Gosched()
		n = runtime.NumGoroutine()
	}
	return n
}

// checkNoLeak fails t when the goroutines started during t are still running when it ends.
// Tests using it must not run in parallel with others.
func checkNoLeak(t *testing.T) {
	t.Helper()
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		if after := settleGoroutines(before); after > before {
			t.Errorf("goroutines: %d before, %d after", before, after)
		}
	})
}
