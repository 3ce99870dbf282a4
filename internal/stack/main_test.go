package stack

import (
	"testing"

	"github.com/logru/logru/internal/leaktest"
)

// TestMain fails the run when the tests leave goroutines, open files or temporary files
// behind (see internal/leaktest).
func TestMain(m *testing.M) { leaktest.Main(m) }
