package logru

import (
	"io"
	"runtime"
	"testing"
)

// On platforms with the assembly callerPC (amd64, arm64), a call site's return address
// is remembered as usable: later records from it skip runtime.Callers.
func TestCallerFastPathRemembered(t *testing.T) {
	if callerPC() == 0 {
		t.Skip("no frame-pointer caller on this platform or build")
	}
	l := New()
	if _, err := l.Add(Handler{Sink: io.Discard, Format: "{function}:{line}"}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		l.Info("m")
	}
	// The address is usable exactly when it lies in this test function, that is, when
	// Logger.Info was inlined here (not under -race or -gcflags=-l).
	here, _, _, _ := runtime.Caller(0)
	entry := runtime.FuncForPC(here).Entry()
	seen := 0
	for i := range l.core.retCallers.slots {
		re := l.core.retCallers.slots[i].Load()
		if re == nil {
			continue
		}
		seen++
		inlined := runtime.FuncForPC(re.ret-1).Entry() == entry
		switch {
		case inlined && re.ci == nil:
			t.Errorf("the return address %#x in the test function was not kept as usable", re.ret)
		case !inlined && re.ci != nil:
			t.Errorf("the return address %#x outside the test function was kept as usable", re.ret)
		case re.ci != nil && re.ci.function != "TestCallerFastPathRemembered":
			t.Errorf("remembered caller %q", re.ci.function)
		}
	}
	if seen != 1 {
		t.Errorf("%d return addresses remembered, want 1", seen)
	}
}
