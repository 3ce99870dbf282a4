package clock

import (
	"testing"
	"time"
)

func TestFake(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f := NewFake(start)
	tk := f.NewTicker(time.Second)
	select {
	case <-tk.C():
		t.Fatal("tick before the clock moved")
	default:
	}
	f.Advance(500 * time.Millisecond)
	select {
	case <-tk.C():
		t.Fatal("tick before its time")
	default:
	}
	f.Advance(3 * time.Second)
	if got := <-tk.C(); !got.Equal(start.Add(3500 * time.Millisecond)) {
		t.Errorf("tick at %v", got)
	}
	select {
	case <-tk.C():
		t.Fatal("a real ticker keeps at most one pending tick")
	default:
	}
	if f.Tickers() != 1 {
		t.Fatal("ticker not registered")
	}
	tk.Stop()
	if f.Tickers() != 0 {
		t.Fatal("Stop did not unregister the ticker")
	}
	if !f.Now().Equal(start.Add(3500 * time.Millisecond)) {
		t.Errorf("Now = %v", f.Now())
	}
	var s Clock = System{}
	st := s.NewTicker(time.Hour)
	st.Stop()
	if s.Now().IsZero() {
		t.Error("System.Now is zero")
	}
}
