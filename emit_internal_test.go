package logru

import (
	"bytes"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// A sink of one logger that logs into another, whose handler lock another goroutine
// holds for a while, waits for the lock: it is not refused as re-entrant.
func TestCrossLoggerLockWait(t *testing.T) {
	b := New()
	b.core.reentryWait = time.Minute // the test decides when the lock is released
	var got []string
	var mu sync.Mutex
	gate, entered := make(chan struct{}), make(chan struct{})
	var notes bytes.Buffer
	if _, err := b.Add(Handler{Format: "{message}", OnError: func(err error) { notes.WriteString(err.Error()) },
		Sink: func(m Message) {
			if m.Record.Message == "first" {
				close(entered)
				<-gate // hold b's handler lock until the other record waits for it
			}
			mu.Lock()
			got = append(got, m.Record.Message)
			mu.Unlock()
		}}); err != nil {
		t.Fatal(err)
	}
	a := New()
	if _, err := a.Add(Handler{Format: "{message}", Sink: func(m Message) { b.Info("from a: " + m.Record.Message) }}); err != nil {
		t.Fatal(err)
	}
	done, doneA := make(chan struct{}), make(chan struct{})
	go func() { b.Info("first"); close(done) }()
	<-entered
	go func() { a.Info("x"); close(doneA) }()
	hd := b.core.state.Load().handlers[0]
	for hd.lockWaits.Load() == 0 {
		runtime.Gosched()
	}
	close(gate)
	<-done
	<-doneA
	if len(got) != 2 || got[1] != "from a: x" || notes.Len() > 0 {
		t.Errorf("records %q, notes %q", got, notes.String())
	}
}

// A sink logging into its own handler is still refused, after the bounded wait.
func TestSelfReentryRefusedAfterWait(t *testing.T) {
	l := New()
	l.core.reentryWait = time.Millisecond
	var notes, lines []string
	if _, err := l.Add(Handler{Format: "{message}", OnError: func(err error) { notes = append(notes, err.Error()) },
		Sink: func(m Message) {
			lines = append(lines, m.Record.Message)
			if m.Record.Message == "outer" {
				l.Info("inner")
			}
		}}); err != nil {
		t.Fatal(err)
	}
	l.Info("outer")
	if len(lines) != 1 || len(notes) != 1 || !strings.Contains(notes[0], "logged into its own handler") {
		t.Errorf("lines %q, notes %q", lines, notes)
	}
}

// Logging never takes the lock that Add, Remove and the other configuration methods
// take: with that lock held elsewhere, every kind of log call still completes.
func TestLoggingDoesNotTakeTheConfigLock(t *testing.T) {
	l := New()
	var buf bytes.Buffer
	var errs []error
	l.Add(Handler{Sink: &buf, Format: "{level} {name}:{function} {message} {extra}", OnError: func(err error) { errs = append(errs, err) }})
	l.Add(Handler{Sink: &buf, Serialize: true, Filter: "github.com/logru", FilterLevels: map[string]string{"": "DEBUG"}, OnError: func(error) {}})
	l.Disable("github.com/nowhere")
	l.core.mu.Lock()
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.Info("info {n}", "n", 1)
		l.LogAttrs(LevelWarning, "attrs")
		l.Log("SUCCESS", "named")
		l.Log("NOPE", "unknown level")
		l.LogAttrs(33, "unknown number")
		l.Exception("exception")
		l.Bind("a", 1).Patch(func(r *Record) {}).Opt(Options{Colors: true, Lazy: true}).Error("<red>child</red>")
		l.Opt(Options{Raw: true}).Critical("raw\n")
		_ = l.Enabled(LevelDebug)
		_ = l.Stats()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a log call waited for the configuration lock")
	}
	l.core.mu.Unlock()
	if n := strings.Count(buf.String(), "\n"); n != 12 || len(errs) != 2 {
		t.Errorf("%d lines, errors %v:\n%s", n, errs, buf.String())
	}
}

// A record whose handler lock is held by another goroutine's slow sink write waits for
// it, however long: only a goroutine already inside a sink write is bounded (inEmit
// must not count the emit that asks).
func TestContendedSlowSinkWaits(t *testing.T) {
	l := New()
	l.core.reentryWait = time.Millisecond
	gate, entered := make(chan struct{}), make(chan struct{})
	var mu sync.Mutex
	var lines, notes []string
	if _, err := l.Add(Handler{Format: "{message}",
		OnError: func(err error) { mu.Lock(); notes = append(notes, err.Error()); mu.Unlock() },
		Sink: func(m Message) {
			if m.Record.Message == "slow" {
				close(entered)
				<-gate
			}
			mu.Lock()
			lines = append(lines, m.Record.Message)
			mu.Unlock()
		}}); err != nil {
		t.Fatal(err)
	}
	first, second := make(chan struct{}), make(chan struct{})
	go func() { l.Info("slow"); close(first) }()
	<-entered
	go func() { l.Info("waiting"); close(second) }()
	// Hold the lock well past reentryWait: a wrongly bounded wait would give up and
	// refuse the second record meanwhile.
	for deadline := time.Now().Add(20 * time.Millisecond); time.Now().Before(deadline); {
		runtime.Gosched()
	}
	close(gate)
	<-first
	<-second
	if !slices.Equal(lines, []string{"slow", "waiting"}) || len(notes) != 0 {
		t.Errorf("lines %q, notes %q", lines, notes)
	}
}
