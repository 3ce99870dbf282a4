package logru_test

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/logru/logru"
)

// The package-level Configure and Exception work on Default(); Exception names its
// caller's line, and its stack (when no error is given) starts at the caller.
func TestPackageConfigureAndException(t *testing.T) {
	var mu sync.Mutex
	var recs []*logru.Record
	err := logru.Configure(logru.Config{Handlers: []logru.Handler{{Level: "error", Sink: func(m logru.Message) {
		mu.Lock()
		recs = append(recs, m.Record.Clone())
		mu.Unlock()
	}}}})
	t.Cleanup(func() { // back to the default handler: stderr at DEBUG
		if err := logru.Configure(logru.Config{Handlers: []logru.Handler{{Sink: "stderr"}}}); err != nil {
			t.Error(err)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if st := logru.Stats(); len(st) != 1 || st[0].Level != "ERROR" {
		t.Fatalf("after Configure: %+v", st)
	}
	boom := errors.New("boom")
	_, _, line, _ := runtime.Caller(0)
	logru.Exception("with {n}", "n", 1, boom)
	logru.Exception("no error")
	logru.Warning("below the configured level")
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	for i, r := range recs {
		if r.Level.Name != "ERROR" || r.Function != "TestPackageConfigureAndException" || r.Line != line+1+i {
			t.Errorf("record %d: %s at %s:%d; want ERROR at TestPackageConfigureAndException:%d", i, r.Level, r.Function, r.Line, line+1+i)
		}
		if r.Exception == nil {
			t.Fatalf("record %d has no exception", i)
		}
	}
	if recs[0].Message != "with 1" || recs[0].Exception.Err != boom {
		t.Errorf("first: %q, exception %+v", recs[0].Message, recs[0].Exception)
	}
	stack := recs[1].Exception.Stack
	if len(stack) == 0 || stack[len(stack)-1].Function != "github.com/logru/logru_test.TestPackageConfigureAndException" ||
		stack[len(stack)-1].Line != line+2 {
		top := "none"
		if len(stack) > 0 {
			top = fmt.Sprintf("%s:%d", stack[len(stack)-1].Function, stack[len(stack)-1].Line)
		}
		t.Errorf("the stack of Exception without an error starts at %s, want this test at line %d", top, line+2)
	}
}

func TestDefault(t *testing.T) {
	d := logru.Default()
	if d != logru.Default() {
		t.Fatal("Default returns different loggers")
	}
	st := d.Stats()
	if len(st) != 1 || st[0].Sink != "stderr" || st[0].Level != "DEBUG" {
		t.Fatalf("default handlers = %+v", st)
	}
	if !logru.Enabled(logru.LevelDebug) || logru.Enabled(logru.LevelTrace) {
		t.Fatal("default level gate is not DEBUG")
	}
}

func TestPackageLevelCaller(t *testing.T) {
	// A level below the default handler's DEBUG keeps stderr quiet.
	if _, err := logru.AddLevel(logru.Level{Name: "PKGTEST", No: 1}); err != nil {
		t.Fatal(err)
	}
	buf := &lineBuffer{}
	id, err := logru.Add(logru.Handler{Sink: buf, Format: "{function}:{line} {message}", Level: "PKGTEST"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logru.Remove(id) })
	_, _, line, _ := runtime.Caller(0)
	logru.Log("PKGTEST", "pkg log")
	logru.LogAttrs(1, "pkg attrs")
	logru.Bind("k", 1).Log("PKGTEST", "pkg bind")
	logru.Opt(logru.Options{}).LogAttrs(1, "pkg opt")
	logru.Trace("pkg trace") // below the default handler's DEBUG too
	want := fmt.Sprintf("TestPackageLevelCaller:%d pkg log\nTestPackageLevelCaller:%d pkg attrs\nTestPackageLevelCaller:%d pkg bind\nTestPackageLevelCaller:%d pkg opt\nTestPackageLevelCaller:%d pkg trace\n", line+1, line+2, line+3, line+4, line+5)
	expect(t, buf, want)
}
