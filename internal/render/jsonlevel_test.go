package render

import (
	"strconv"
	"sync"
	"testing"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
)

// The cached level members are what encoding the level each time gives, whichever
// levels share a slot, and once each slot is filled no level allocates.
func TestJSONLevelsMatchEncoding(t *testing.T) {
	levels := []core.Level{
		{Name: "TRACE", No: 5}, {Name: "DEBUG", No: 10}, {Name: "INFO", No: 20}, {Name: "SUCCESS", No: 25},
		{Name: "WARNING", No: 30}, {Name: "ERROR", No: 40}, {Name: "CRITICAL", No: 50},
		{Name: "NOTICE", No: 20},    // the number of a built-in level, another name
		{Name: "AUDIT", No: 36},     // the slot of INFO (36 mod 16 = 20 mod 16)
		{Name: "LOW", No: -5},       // a negative number
		{Name: "q\"\x01é", No: 7},   // a name JSON escapes
		{Name: "INFO", No: 20 + 16}, // INFO's name, another number in its slot
	}
	var ls jsonLevels
	for round := range 3 {
		for _, lv := range levels {
			want := `,"level":` + string(encode.AppendJSONString(nil, lv.Name)) + `,"level_no":` + strconv.Itoa(lv.No)
			if got := string(ls.append([]byte("x"), &lv)); got != "x"+want {
				t.Errorf("round %d: %+v: %q, want %q", round, lv, got, "x"+want)
			}
		}
	}
	if raceEnabled {
		return // the race detector allocates
	}
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(50, func() {
		for i := range levels {
			buf = ls.append(buf[:0], &levels[i])
		}
	}); n != 0 {
		t.Errorf("%v allocations once the slots are filled", n)
	}
}

// Goroutines encoding levels that compete for the same slots through one jsonLevels all
// get each level's own members (run with -race: the slots are filled without a lock).
func TestJSONLevelsConcurrent(t *testing.T) {
	levels := []core.Level{{Name: "INFO", No: 20}, {Name: "AUDIT", No: 36}, {Name: "NOTICE", No: 20},
		{Name: "DEBUG", No: 10}, {Name: "X", No: 26}}
	want := make([]string, len(levels))
	for i, lv := range levels {
		want[i] = `,"level":` + string(encode.AppendJSONString(nil, lv.Name)) + `,"level_no":` + strconv.Itoa(lv.No)
	}
	var ls jsonLevels
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := range 500 {
				k := (i + g) % len(levels)
				if buf = ls.append(buf[:0], &levels[k]); string(buf) != want[k] {
					errs <- string(buf) + " for " + levels[k].Name
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
