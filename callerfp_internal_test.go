package logru

import (
	"io"
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
	usable := 0
	for i := range l.core.retCallers.slots {
		if re := l.core.retCallers.slots[i].Load(); re != nil && re.ci != nil {
			usable++
			if re.ci.function != "TestCallerFastPathRemembered" {
				t.Errorf("remembered caller %q", re.ci.function)
			}
		}
	}
	if usable != 1 {
		t.Errorf("%d usable return addresses remembered, want 1", usable)
	}
}
