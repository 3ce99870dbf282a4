package logru

import (
	"strconv"
	"testing"
)

// Many AddLevel calls cost O(log n) each, not O(levels): a call does not copy the levels
// in force (BenchmarkAddLevel shows the time).
func TestAddLevelDoesNotCopyLevels(t *testing.T) {
	l := New()
	for i := range 5000 {
		if _, err := l.AddLevel(Level{Name: "L" + strconv.Itoa(i), No: 100 + i}); err != nil {
			t.Fatal(err)
		}
	}
	const calls = 256
	names := make([]string, calls)
	for i := range names {
		names[i] = "M" + strconv.Itoa(i)
	}
	got := bytesAllocated(func() {
		for i, name := range names {
			if _, err := l.AddLevel(Level{Name: name, No: 10000 + i}); err != nil {
				t.Fatal(err)
			}
		}
	}) / calls
	if got > 4096 {
		t.Errorf("an AddLevel call with 5000 levels registered allocates %d bytes; want at most 4096", got)
	}
	for _, tt := range []struct {
		name string
		no   int
	}{{"L0", 100}, {"l4999", 5099}, {"M255", 10255}, {"INFO", 20}} {
		if lv, ok := l.GetLevel(tt.name); !ok || lv.No != tt.no {
			t.Errorf("GetLevel(%q) = %+v, %v", tt.name, lv, ok)
		}
	}
}
