package logrutest_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/logrutest"
)

type stringer struct{ s string }

func (s stringer) String() string { return s.s }

// TestFieldValues: each value comes back as given, with the documented exceptions of
// slog's numeric kinds.
func TestFieldValues(t *testing.T) {
	errBoom := errors.New("boom")
	when := time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)
	ptr := &stringer{"p"}
	tests := []struct {
		name string
		arg  any
		want any
	}{
		{"int stays int", 3, 3},
		{"negative int", -7, -7},
		{"int64 becomes int", int64(1) << 40, int(1) << 40},
		{"int8 becomes int", int8(-3), -3},
		{"uint becomes uint", uint(9), uint(9)},
		{"uint8 becomes uint", uint8(9), uint(9)},
		{"float64", 2.5, 2.5},
		{"float32 becomes float64", float32(0.5), 0.5},
		{"string", "bob", "bob"},
		{"bool", true, true},
		{"error stays the error", errBoom, errBoom},
		{"duration", 3 * time.Second, 3 * time.Second},
		{"time", when, when},
		{"struct", stringer{"x"}, stringer{"x"}},
		{"pointer", ptr, ptr},
		{"nil", nil, nil},
		{"slice", []int{1, 2}, []int{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, logs := logrutest.New(t)
			l.Info("v", "v", tt.arg)
			es := logs.All()
			if len(es) != 1 {
				t.Fatalf("%d entries, want 1", len(es))
			}
			got, ok := es[0].Fields["v"]
			if !ok || !reflect.DeepEqual(got, tt.want) || reflect.TypeOf(got) != reflect.TypeOf(tt.want) {
				t.Errorf("Fields[v] = %#v (%T), want %#v (%T)", got, got, tt.want, tt.want)
			}
		})
	}
}

// TestFieldSources: bound, contextual, Fields maps, slog.Attr and groups all arrive;
// bad keys are collected.
func TestFieldSources(t *testing.T) {
	l, logs := logrutest.New(t)
	ctx := logru.Contextualize(context.Background(), "trace_id", "t-1")
	l.Bind("svc", "shop").Ctx(ctx).Info("order {id}",
		"id", 7,
		slog.Group("req", slog.String("method", "GET"), slog.Group("user", slog.Int("id", 3)), slog.Group("none")),
		slog.Group("", slog.Bool("inlined", true)),
		slog.Group("empty"),
		logru.Fields{"a": 1, "b": "two"},
		42, "dangling")
	e := logs.All()[0]
	want := map[string]any{
		"svc":      "shop",
		"trace_id": "t-1",
		"id":       7,
		"req":      map[string]any{"method": "GET", "user": map[string]any{"id": 3}},
		"inlined":  true,
		"a":        1,
		"b":        "two",
		"!BADKEY":  42,
		"!BADKEY2": "dangling",
	}
	if !reflect.DeepEqual(e.Fields, want) {
		t.Errorf("Fields = %#v\nwant     %#v", e.Fields, want)
	}
	if e.Message != "order 7" || e.Level != "INFO" || e.LevelNo != 20 || e.Context != ctx {
		t.Errorf("entry = %+v", e)
	}
}

// TestEntryCallerAndException: the entry names the log call, and keeps the exception.
func TestEntryCallerAndException(t *testing.T) {
	l, logs := logrutest.New(t)
	errBoom := fmt.Errorf("charging: %w", errors.New("card declined"))
	before := time.Now()
	_, file, line, _ := runtime.Caller(0)
	l.Exception("charge failed", "err", errBoom) // line+1
	l.Info("fine")                               // line+2
	es := logs.All()
	if len(es) != 2 {
		t.Fatalf("%d entries", len(es))
	}
	e := es[0]
	if e.File != "logrutest_test.go" || !strings.HasSuffix(file, "/"+e.File) || e.Line != line+1 ||
		e.Function != "TestEntryCallerAndException" || e.Name != "github.com/logru/logru/logrutest_test" {
		t.Errorf("caller = %s %s %s:%d, want this test at line %d", e.Name, e.Function, e.File, e.Line, line+1)
	}
	if e.Time.Before(before) || e.Time.After(time.Now()) {
		t.Errorf("time %v outside the call", e.Time)
	}
	if e.Level != "ERROR" || e.Exception == nil || e.Exception.Err != errBoom || len(e.Exception.Chain) != 1 {
		t.Errorf("exception entry = %+v, exception %+v", e, e.Exception)
	}
	if es[1].Exception != nil {
		t.Errorf("a record without exception has %+v", es[1].Exception)
	}
}

// TestEntriesAreCopies: an entry keeps its values after the logger has reused its
// record for others.
func TestEntriesAreCopies(t *testing.T) {
	l, logs := logrutest.New(t)
	for i := range 50 {
		l.Info("n {i}", "i", i, "s", strings.Repeat("x", i))
	}
	for i, e := range logs.All() {
		if e.Message != fmt.Sprintf("n %d", i) || e.Fields["i"] != i || e.Fields["s"] != strings.Repeat("x", i) {
			t.Fatalf("entry %d = %+v", i, e)
		}
	}
}

func TestFilters(t *testing.T) {
	l, logs := logrutest.New(t)
	errX := errors.New("x")
	l.Debug("starting", "user", "bob")
	l.Info("user {user} logged in", "user", "bob", "tries", 3)
	l.Warning("user {user} is slow", "user", "ann", "ms", 2.5)
	l.Warning("disk full", "err", errX, "free", uint(0))
	l.Error("user {user} failed", "user", "bob")
	tests := []struct {
		name string
		view *logrutest.Logs
		want []string // messages
	}{
		{"all", logs, []string{"starting", "user bob logged in", "user ann is slow", "disk full", "user bob failed"}},
		{"level", logs.FilterLevel("WARNING"), []string{"user ann is slow", "disk full"}},
		{"level without regard to case", logs.FilterLevel("warning"), []string{"user ann is slow", "disk full"}},
		{"unknown level", logs.FilterLevel("AUDIT"), nil},
		{"message substring", logs.FilterMessage("user"), []string{"user bob logged in", "user ann is slow", "user bob failed"}},
		{"message is case-sensitive", logs.FilterMessage("USER"), nil},
		{"field string", logs.FilterField("user", "bob"), []string{"starting", "user bob logged in", "user bob failed"}},
		{"field int", logs.FilterField("tries", 3), []string{"user bob logged in"}},
		{"field int64 matches int", logs.FilterField("tries", int64(3)), []string{"user bob logged in"}},
		{"field float matches int", logs.FilterField("tries", 3.0), []string{"user bob logged in"}},
		{"field other number", logs.FilterField("tries", 4), nil},
		{"field float", logs.FilterField("ms", 2.5), []string{"user ann is slow"}},
		{"field uint matches int 0", logs.FilterField("free", 0), []string{"disk full"}},
		{"field error", logs.FilterField("err", errX), []string{"disk full"}},
		{"field equal error", logs.FilterField("err", errors.New("x")), []string{"disk full"}},
		{"field other error", logs.FilterField("err", errors.New("y")), nil},
		{"field string is not a number", logs.FilterField("tries", "3"), nil},
		{"missing field never matches, nil included", logs.FilterField("nope", nil), nil},
		{"chained", logs.FilterLevel("error").FilterField("user", "bob"), []string{"user bob failed"}},
		{"chained empty", logs.FilterLevel("INFO").FilterMessage("slow"), nil},
		{"func", logs.Filter(func(e logrutest.Entry) bool { return len(e.Fields) == 1 }), []string{"starting", "user bob failed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range tt.view.All() {
				got = append(got, e.Message)
			}
			if !reflect.DeepEqual(got, tt.want) || tt.view.Len() != len(tt.want) {
				t.Errorf("got %q (Len %d), want %q", got, tt.view.Len(), tt.want)
			}
		})
	}
}

// TestViewsAreLive: a view made before a record is logged sees it.
func TestViewsAreLive(t *testing.T) {
	l, logs := logrutest.New(t)
	warnings := logs.FilterLevel("WARNING")
	if warnings.Len() != 0 {
		t.Fatal("not empty at start")
	}
	l.Warning("w")
	l.Info("i")
	if warnings.Len() != 1 || logs.Len() != 2 {
		t.Errorf("Len = %d and %d, want 1 and 2", warnings.Len(), logs.Len())
	}
}

func TestTakeAllAndReset(t *testing.T) {
	l, logs := logrutest.New(t)
	l.Info("a")
	l.Warning("b")
	l.Info("c")
	taken := logs.FilterLevel("INFO").TakeAll()
	if len(taken) != 2 || taken[0].Message != "a" || taken[1].Message != "c" {
		t.Fatalf("TakeAll = %+v", taken)
	}
	if es := logs.All(); len(es) != 1 || es[0].Message != "b" {
		t.Fatalf("left %+v, want only b", es)
	}
	l.Info("d")
	if es := logs.TakeAll(); len(es) != 2 || es[0].Message != "b" || es[1].Message != "d" {
		t.Fatalf("TakeAll = %+v", es)
	}
	if logs.Len() != 0 || logs.TakeAll() != nil {
		t.Fatal("not empty after TakeAll")
	}
	l.Info("e")
	l.Error("f")
	logs.FilterLevel("ERROR").Reset()
	if es := logs.All(); len(es) != 1 || es[0].Message != "e" {
		t.Fatalf("after Reset of the errors: %+v", es)
	}
	logs.Reset()
	if logs.Len() != 0 {
		t.Fatal("not empty after Reset")
	}
}

// TestConcurrent: logging, reading and taking from many goroutines at once loses and
// duplicates nothing (run with -race).
func TestConcurrent(t *testing.T) {
	l, logs := logrutest.New(t)
	const writers, each = 8, 200
	var wg sync.WaitGroup
	taken := make(chan int, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for i := range each {
				l.Info("w {w} i {i}", "w", w, "i", i)
				if i%50 == 0 {
					n += len(logs.FilterField("w", w).TakeAll())
					_ = logs.FilterLevel("INFO").Len()
				}
			}
			taken <- n
		}()
	}
	wg.Wait()
	close(taken)
	total := logs.Len()
	for n := range taken {
		total += n
	}
	if total != writers*each {
		t.Errorf("%d entries seen, want %d", total, writers*each)
	}
}

// TestPrintedWhenFailed: a failed test prints every captured line (taken ones
// included) through t.Log, once; a passing test prints nothing.
func TestPrintedWhenFailed(t *testing.T) {
	for _, failed := range []bool{false, true} {
		t.Run(fmt.Sprint("failed=", failed), func(t *testing.T) {
			ft := &fakeT{}
			l, logs := logrutest.New(ft, logrutest.Options{Format: "{level} {message}"})
			l.Info("one {n}", "n", 1)
			logs.TakeAll()
			l.Warning("two\nlines")
			if failed {
				ft.Fail()
			}
			ft.end()
			var want []string
			if failed {
				want = []string{"logrutest: 2 lines logged before the test failed:\nINFO one 1\nWARNING two\nlines"}
			}
			if !reflect.DeepEqual(ft.logs, want) {
				t.Errorf("t.Log got %q, want %q", ft.logs, want)
			}
		})
	}
}

func TestOptions(t *testing.T) {
	l, logs := logrutest.New(t, logrutest.Options{Level: "WARNING", Format: "{level.no} {message}"})
	l.Info("skipped")
	l.Warning("kept")
	es := logs.All()
	if len(es) != 1 || es[0].Text != "30 kept" {
		t.Errorf("entries %+v, want one with Text \"30 kept\"", es)
	}
}

func TestBadOptions(t *testing.T) {
	tests := []struct {
		name string
		opts []logrutest.Options
		want string
	}{
		{"unknown level", []logrutest.Options{{Level: "LOUD"}}, "logrutest.New: "},
		{"bad format", []logrutest.Options{{Format: "<red>{message}"}}, "logrutest.New: "},
		{"two options", []logrutest.Options{{}, {}}, "logrutest.New: 2 Options given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ft := &fakeT{}
			logrutest.New(ft, tt.opts...)
			ft.end()
			if len(ft.fatals) == 0 || !strings.HasPrefix(ft.fatals[0], tt.want) {
				t.Errorf("Fatalf calls %q, want one starting %q", ft.fatals, tt.want)
			}
		})
	}
}

// TestHandler: each line reaches the test's output with the log call's location; a
// line logged after the test ended is dropped.
func TestHandler(t *testing.T) {
	ft := &fakeT{}
	l := logru.New()
	defer l.Close()
	if _, err := l.Add(logrutest.Handler(ft)); err != nil {
		t.Fatal(err)
	}
	_, _, line, _ := runtime.Caller(0)
	l.Info("hello {who}", "who", "bob") // line+1
	l.Opt(logru.Options{Raw: true}).Debug("raw without newline")
	ft.end()
	l.Info("after the end")
	want := fmt.Sprintf("logrutest_test.go:%d: INFO     hello bob\nlogrutest_test.go:%d: raw without newline\n", line+1, line+2)
	if got := ft.out.String(); got != want {
		t.Errorf("output\n%q\nwant\n%q", got, want)
	}
}

// TestHandlerRealT: the handler writes into a real test's output without failing it.
func TestHandlerRealT(t *testing.T) {
	l := logru.New()
	defer l.Close()
	h := logrutest.Handler(t)
	h.Format = "{message}"
	if _, err := l.Add(h); err != nil {
		t.Fatal(err)
	}
	l.Info("shown with go test -v")
}

// closeFails is a sink whose Close fails.
type closeFails struct{}

func (closeFails) Write(logru.Message) error { return nil }
func (closeFails) Close() error              { return errors.New("disk gone") }

// TestCloseErrorFailsTest: an error from closing the logger at the test's end fails the
// test, naming the error, instead of being dropped.
func TestCloseErrorFailsTest(t *testing.T) {
	ft := &fakeT{}
	l, _ := logrutest.New(ft)
	if _, err := l.Add(logru.Handler{Sink: closeFails{}}); err != nil {
		t.Fatal(err)
	}
	ft.end()
	if !ft.Failed() || len(ft.errors) != 1 || !strings.Contains(ft.errors[0], "disk gone") {
		t.Errorf("failed %v, Errorf calls %q; want one naming \"disk gone\"", ft.Failed(), ft.errors)
	}
}
