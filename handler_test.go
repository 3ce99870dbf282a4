package logru_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
)

func TestNewHasNoHandlers(t *testing.T) {
	l := logru.New()
	if len(l.Stats()) != 0 || l.Enabled(logru.LevelCritical) {
		t.Fatal("New() must have no handlers")
	}
	l.Critical("goes nowhere") // must not panic
}

func TestColorModeText(t *testing.T) {
	for _, s := range []string{"auto", "always", "never"} {
		var m logru.ColorMode
		if err := m.UnmarshalText([]byte(s)); err != nil || m.String() != s {
			t.Errorf("%q -> %v, %v", s, m, err)
		}
		if b, err := m.MarshalText(); err != nil || string(b) != s {
			t.Errorf("MarshalText(%v) = %q, %v", m, b, err)
		}
	}
	var m logru.ColorMode
	if err := m.UnmarshalText([]byte("sometimes")); err == nil {
		t.Error("bad colorize accepted")
	}
}

func TestRemove(t *testing.T) {
	l, buf := newTest(t, "{message}")
	if err := l.Remove(99); err == nil {
		t.Error("Remove of an unknown id succeeded")
	}
	l.Info("kept")
	if err := l.RemoveAll(); err != nil {
		t.Fatal(err)
	}
	l.Info("gone")
	expect(t, buf, "kept\n")
	if l.Enabled(logru.LevelCritical) {
		t.Error("no handler, yet the gate is open")
	}
}

func TestSetLevel(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	id, _ := l.Add(logru.Handler{Sink: buf, Format: "{message}", Level: "INFO"})
	l.Debug("no")
	if err := l.SetLevel(id, "DEBUG"); err != nil {
		t.Fatal(err)
	}
	l.Debug("yes")
	if err := l.SetLevel(id, "NOPE"); err == nil {
		t.Error("bad level accepted")
	}
	if err := l.SetLevel(id+1, "INFO"); err == nil {
		t.Error("unknown id accepted")
	}
	expect(t, buf, "yes\n")
	if st := l.Stats(); st[0].Level != "DEBUG" || st[0].Records != 1 {
		t.Errorf("stats = %+v", st)
	}
}

// Many goroutines log while handlers come and go: every record is one whole line, and
// nothing races.
func TestConcurrency(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, Format: "{message} {extra[g]} {extra[i]}"})
	var wg sync.WaitGroup
	const goroutines, per = 8, 200
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			child := l.Bind("g", g)
			for i := 0; i < per; i++ {
				child.Info("line", "i", i)
			}
		}()
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			id, _ := l.Add(logru.Handler{Sink: &lineBuffer{}})
			l.Remove(id)
			l.Disable("nothing/here")
			l.Enable("nothing/here")
		}
	}()
	wg.Wait()
	close(stop)
	<-done
	lines := buf.Lines()
	if len(lines) != goroutines*per {
		t.Fatalf("%d lines, want %d", len(lines), goroutines*per)
	}
	for _, ln := range lines {
		if !strings.HasPrefix(ln, "line ") || strings.Count(ln, "\n") != 1 || !strings.HasSuffix(ln, "\n") {
			t.Fatalf("bad line %q", ln)
		}
	}
}

// SetLevel while other goroutines log: the gate follows and nothing races.
func TestSetLevelConcurrent(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	id, _ := l.Add(logru.Handler{Sink: buf, Format: "{message}", Level: "INFO"})
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				l.Debug("d")
				l.Info("i")
			}
		}()
	}
	for i := 0; i < 100; i++ {
		level := "DEBUG"
		if i%2 == 1 {
			level = "INFO"
		}
		if err := l.SetLevel(id, level); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	if err := l.SetLevel(id, "ERROR"); err != nil || l.Enabled(logru.LevelWarning) || !l.Enabled(logru.LevelError) {
		t.Errorf("the gate does not follow SetLevel: %v", err)
	}
}
