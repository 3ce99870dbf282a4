package logru_test

import (
	"sync"
	"testing"
)

func TestRecordAfterClose(t *testing.T) {
	l, buf := newTest(t, "{message}")
	l.Close()
	l.Info("dropped")
	l.Info("dropped too")
	expect(t, buf, "")
	if st := l.Stats(); st[0].Dropped != 2 {
		t.Errorf("dropped after Close: %+v", st)
	}
}

// Close while other goroutines log: nothing panics, and every record is either written
// or counted as dropped.
func TestCloseWhileLogging(t *testing.T) {
	l, buf := newTest(t, "{message}")
	var wg sync.WaitGroup
	const goroutines, per = 4, 500
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				l.Info("x")
			}
		}()
	}
	l.Close()
	wg.Wait()
	st := l.Stats()[0]
	if int(st.Records+st.Dropped) != goroutines*per || int(st.Records) != len(buf.Lines()) {
		t.Errorf("written %d + dropped %d != %d (lines %d)", st.Records, st.Dropped, goroutines*per, len(buf.Lines()))
	}
}
