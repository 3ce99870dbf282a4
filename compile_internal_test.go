package logru

import (
	"bytes"
	"strings"
	"testing"
)

// The caller is captured only when a handler, filter or rule needs it.
func TestNeedsCaller(t *testing.T) {
	l := New()
	var buf bytes.Buffer
	l.Add(Handler{Sink: &buf, Format: "{time} {level} {message} {extra}"})
	if l.core.state.Load().needs.caller {
		t.Error("a format without caller fields needs the caller")
	}
	l.Add(Handler{Sink: &buf, Format: "{message}", Filter: "x"})
	if !l.core.state.Load().needs.caller {
		t.Error("a filter does not need the caller")
	}
	m := New()
	m.Add(Handler{Sink: &buf, Format: "{message}"})
	m.Disable("x")
	if !m.core.state.Load().needs.caller {
		t.Error("an activation rule does not need the caller")
	}
	g := New()
	g.Add(Handler{Sink: &buf, Format: "{goroutine} {message}"})
	if !g.core.state.Load().needs.goroutine {
		t.Error("{goroutine} does not need the goroutine id")
	}
	buf.Reset()
	g.Info("x")
	if id := strings.Fields(buf.String())[0]; id == "0" {
		t.Errorf("goroutine id %q", id)
	}
}
