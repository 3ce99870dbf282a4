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
