package logru_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
)

// catcher is a logger whose records are kept for inspection.
type catcher struct {
	mu   sync.Mutex
	recs []*logru.Record
	text []string
}

func newCatcher(t *testing.T, h logru.Handler) (*logru.Logger, *catcher) {
	t.Helper()
	l := logru.New()
	c := &catcher{}
	if h.Format == "" && !h.Serialize {
		h.Format = "{message}\n{exception}"
	}
	h.Sink = func(m logru.Message) {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.recs = append(c.recs, m.Record.Clone())
		c.text = append(c.text, string(m.Text))
	}
	if _, err := l.Add(h); err != nil {
		t.Fatal(err)
	}
	return l, c
}

func (c *catcher) only(t *testing.T) (*logru.Record, string) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.recs) != 1 {
		t.Fatalf("%d records, want 1: %q", len(c.recs), c.text)
	}
	return c.recs[0], c.text[0]
}

func work(l *logru.Logger) (returned bool) {
	defer l.Catch()
	panic("boom")
}

func TestCatchBasic(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{})
	work(l) // must return normally
	r, text := c.only(t)
	if r.Level.Name != "ERROR" || r.Function != "work" || r.Name != "github.com/logru/logru_test" {
		t.Errorf("record %s %s %s", r.Level.Name, r.Name, r.Function)
	}
	if !strings.HasPrefix(r.Message, "An error has been caught in function 'work', goroutine ") {
		t.Errorf("message %q", r.Message)
	}
	exc := r.Exception
	if exc == nil || exc.Type != "panic" || exc.Value != "boom" || exc.Panic != "boom" {
		t.Fatalf("exception %+v", exc)
	}
	if len(exc.Stack) == 0 || exc.Stack[len(exc.Stack)-1].Function != "github.com/logru/logru_test.work" {
		t.Errorf("innermost frame %+v", exc.Stack)
	}
	for _, f := range exc.Stack {
		if strings.HasPrefix(f.Function, "runtime.") || strings.HasPrefix(f.Function, "github.com/logru/logru.") {
			t.Errorf("a runtime or logru frame is shown: %s", f.Function)
		}
	}
	if !strings.Contains(text, "panic: boom\nStack (most recent call last):\n") || !strings.Contains(text, "catch_test.go:") {
		t.Errorf("text %q", text)
	}
}

// Functions that defer Catch, in the shapes Go code has, and a panic two calls down.
func panicDeep() { panicDeeper() }
func panicDeeper() {
	var m map[string]int
	//lint:ignore SA5000 the write to a nil map is the panic under test
	m["x"] = 1
}

func deferrerNamed(l *logru.Logger) {
	defer l.Catch()
	panicDeep()
}

type service struct{ l *logru.Logger }

func (s *service) handle() {
	defer s.l.Catch(logru.CatchOptions{Level: "ERROR"})
	panicDeep()
}

func genericDeferrer[T any](l *logru.Logger) {
	defer l.Catch()
	panicDeep()
}

func deferredPanics(l *logru.Logger) {
	defer l.Catch()
	defer func() { panic("from a deferred function") }()
}

func closureDeferrer(l *logru.Logger) {
	func() {
		defer l.Catch()
		panicDeep()
	}()
}

func methodValue(l *logru.Logger) {
	catch := l.Catch
	defer catch() // through the method value's wrapper: the deferrer is not known
	panicDeep()
}

// Catch names the function that deferred it, in its message and its caller fields, and
// the caught region (what is shown without Backtrace) ends there.
func TestCatchNamesDeferrer(t *testing.T) {
	if !logru.DeferrerKnown() {
		t.Skip("the deferring function is not known on this platform")
	}
	const pkg = "github.com/logru/logru_test."
	for _, tt := range []struct {
		name     string
		run      func(*logru.Logger)
		function string // the record's function, without the package
		caught   string // the outermost frame of the caught region
	}{
		{"function", deferrerNamed, "deferrerNamed", "deferrerNamed"},
		{"method", func(l *logru.Logger) { (&service{l}).handle() }, "(*service).handle", "(*service).handle"},
		{"generic", genericDeferrer[int], "genericDeferrer[...]", "genericDeferrer[...]"},
		{"closure", closureDeferrer, "closureDeferrer.func1", "closureDeferrer.func1"},
		{"panic in a deferred function", deferredPanics, "deferredPanics", "deferredPanics"},
		{"method value: the panic's frame", methodValue, "panicDeeper", "methodValue"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, c := newCatcher(t, logru.Handler{})
			tt.run(l)
			r, text := c.only(t)
			want := "An error has been caught in function '" + tt.function + "', goroutine "
			if !strings.HasPrefix(r.Message, want) || r.Function != tt.function {
				t.Errorf("message %q function %q, want %q", r.Message, r.Function, want)
			}
			exc := r.Exception
			if exc.Caught < 1 || exc.Caught > len(exc.Stack) {
				t.Fatalf("caught %d of %d frames", exc.Caught, len(exc.Stack))
			}
			outer := exc.Stack[len(exc.Stack)-exc.Caught]
			if outer.Function != pkg+tt.caught && !strings.HasPrefix(tt.name, "method value") {
				t.Errorf("the caught region ends at %s, want %s", outer.Function, tt.caught)
			}
			if outer.Function == pkg+tt.function && (r.Line != outer.Line || r.FilePath != outer.File) {
				t.Errorf("record at %s:%d, frame at %s:%d", r.FilePath, r.Line, outer.File, outer.Line)
			}
			if strings.Contains(text, "TestCatchNamesDeferrer.func") && !strings.HasPrefix(tt.name, "method value") {
				t.Errorf("a frame above the catching function is shown without Backtrace:\n%s", text)
			}
		})
	}
}

func TestCatchNoPanic(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{})
	func() { defer l.Catch() }()
	if len(c.recs) != 0 {
		t.Fatalf("a record without a panic: %q", c.text)
	}
}

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprintf("code %d", e.code) }

func TestCatchPanicKinds(t *testing.T) {
	for _, tt := range []struct {
		name     string
		f        func()
		typ, val string
	}{
		{"nil", func() { panic(nil) }, "runtime error", "panic called with nil argument"},
		{"nil map", func() {
			var m map[string]int
			//lint:ignore SA5000 the write to a nil map is the panic under test
			m["x"] = 1
		}, "runtime error", "assignment to entry in nil map"},
		{"index", func() { s := []int{1}; i := 3; _ = s[i] }, "runtime error", "runtime error: index out of range [3] with length 1"},
		{"nil pointer", func() { var p *myErr; _ = p.code }, "runtime error", "runtime error: invalid memory address or nil pointer dereference"},
		{"custom", func() { panic(&myErr{7}) }, "*logru_test.myErr", "code 7"},
		{"int", func() { panic(42) }, "panic", "42"},
		{"wrapped", func() { panic(fmt.Errorf("outer: %w", &myErr{3})) }, "panic", "outer: code 3"},
		{"in a deferred func", func() {
			defer func() { panic("from defer") }()
		}, "panic", "from defer"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, c := newCatcher(t, logru.Handler{})
			func() {
				defer l.Catch()
				tt.f()
			}()
			r, _ := c.only(t)
			if r.Exception.Type != tt.typ || r.Exception.Value != tt.val {
				t.Errorf("got %q %q, want %q %q", r.Exception.Type, r.Exception.Value, tt.typ, tt.val)
			}
		})
	}
}

func TestCatchWrappedChain(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{})
	func() {
		defer l.Catch()
		panic(fmt.Errorf("saving: %w", errors.Join(&myErr{1}, fs.ErrPermission)))
	}()
	_, text := c.only(t)
	for _, want := range []string{
		"panic: saving: code 1\\npermission denied\n",
		"  caused by code 1\\npermission denied\n",
		"    caused by *logru_test.myErr: code 1\n",
		"    caused by permission denied\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestCatchOptions(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{Format: "{level} {message}"})
	var got any
	func() {
		defer l.Catch(logru.CatchOptions{Level: "CRITICAL", Message: "{type} {value} in {function}", OnPanic: func(v any) { got = v }})
		panic(&myErr{9})
	}()
	r, _ := c.only(t)
	if r.Level.Name != "CRITICAL" || r.Message != "*logru_test.myErr code 9 in TestCatchOptions.func1" {
		t.Errorf("record %s %q", r.Level.Name, r.Message)
	}
	if e, ok := got.(*myErr); !ok || e.code != 9 {
		t.Errorf("OnPanic got %v", got)
	}
}

func TestCatchUnknownLevel(t *testing.T) {
	var notes []string
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, Format: "{level}", OnError: func(err error) { notes = append(notes, err.Error()) }})
	func() {
		defer l.Catch(logru.CatchOptions{Level: "NOPE"})
		panic("x")
	}()
	if !strings.HasPrefix(buf.String(), "ERROR\npanic: x\n") || len(notes) != 1 || !strings.Contains(notes[0], `"NOPE"`) {
		t.Errorf("output %q notes %q", buf.String(), notes)
	}
}

var errSkip = errors.New("skip me")

func TestCatchExclude(t *testing.T) {
	opts := logru.CatchOptions{Exclude: []any{"sentinel", errSkip, reflect.TypeFor[*fs.PathError]()}}
	for _, v := range []any{"sentinel", fmt.Errorf("wrapped: %w", errSkip), &fs.PathError{Op: "open"}, fmt.Errorf("w: %w", &fs.PathError{})} {
		l, c := newCatcher(t, logru.Handler{})
		var repanicked any
		func() {
			defer func() { repanicked = recover() }()
			func() {
				defer l.Catch(opts)
				panic(v)
			}()
		}()
		if repanicked != v || len(c.recs) != 0 {
			t.Errorf("%v: re-panicked %v, %d records", v, repanicked, len(c.recs))
		}
	}
	l, c := newCatcher(t, logru.Handler{})
	func() {
		defer l.Catch(opts)
		panic("other")
	}()
	c.only(t) // not excluded: logged and swallowed
}

type flushSink struct {
	mu      sync.Mutex
	lines   int
	flushed int
}

func (s *flushSink) Write(logru.Message) error { s.mu.Lock(); s.lines++; s.mu.Unlock(); return nil }
func (s *flushSink) Flush() error              { s.mu.Lock(); s.flushed++; s.mu.Unlock(); return nil }

func TestCatchReraise(t *testing.T) {
	l := logru.New()
	sink := &flushSink{}
	l.Add(logru.Handler{Sink: sink})
	var onPanic int
	var recovered any
	func() {
		defer func() { recovered = recover() }()
		func() {
			defer l.Catch(logru.CatchOptions{Reraise: true}) // outer: must not log again
			func() {
				defer l.Catch(logru.CatchOptions{Reraise: true, OnPanic: func(any) { onPanic++ }})
				panic("fatal")
			}()
		}()
	}()
	if recovered != "fatal" {
		t.Fatalf("re-raised %v, want the original value", recovered)
	}
	if sink.lines != 1 || onPanic != 1 {
		t.Errorf("%d records, OnPanic called %d times; want 1 and 1", sink.lines, onPanic)
	}
	if sink.flushed == 0 {
		t.Error("Reraise did not complete the handlers first")
	}
	// An outer Catch without Reraise swallows the re-raised panic, still unlogged twice.
	func() {
		defer l.Catch()
		func() {
			defer l.Catch(logru.CatchOptions{Reraise: true})
			panic("again")
		}()
	}()
	if sink.lines != 2 {
		t.Errorf("%d records after the second nest, want 2", sink.lines)
	}
}

// A panic an inner Catch logged and re-raised stays logged once, even when a middle Catch
// excludes it (and re-panics it) on its way out.
func TestCatchReraiseThenExclude(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{})
	func() {
		defer l.Catch() // outer: swallows, must not log again
		func() {
			defer l.Catch(logru.CatchOptions{Exclude: []any{"fatal"}})
			func() {
				defer l.Catch(logru.CatchOptions{Reraise: true})
				panic("fatal")
			}()
		}()
	}()
	c.only(t)
}

func TestRun(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{})
	errPlain := errors.New("plain")
	if err := l.Run(func() error { return errPlain }); err != errPlain {
		t.Errorf("Run returned %v", err)
	}
	if err := l.Run(func() error { return nil }); err != nil {
		t.Errorf("Run returned %v", err)
	}
	if len(c.recs) != 0 {
		t.Fatal("Run logged a returned error")
	}
	err := l.Run(guarded)
	var pe *logru.PanicError
	if !errors.As(err, &pe) || pe.Value == nil || !errors.Is(err, fs.ErrClosed) {
		t.Fatalf("Run returned %v", err)
	}
	r, _ := c.only(t)
	if r.Function != "guarded" || !strings.Contains(r.Message, "'guarded'") {
		t.Errorf("Run names %q: %q", r.Function, r.Message)
	}
	// The caught region ends at the guarded function.
	if f := r.Exception.Stack[len(r.Exception.Stack)-r.Exception.Caught]; f.Function != "github.com/logru/logru_test.guarded" {
		t.Errorf("outer end of the caught region: %s", f.Function)
	}
}

func guarded() error { return deeper() }

func deeper() error { panic(fmt.Errorf("deep: %w", fs.ErrClosed)) }

func TestGo(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{})
	done := l.Go(func() error {
		var m map[int]int
		//lint:ignore SA5000 the write to a nil map is the panic under test
		m[1] = 1
		return nil
	})
	if err := <-done; err == nil || !strings.Contains(err.Error(), "nil map") {
		t.Fatalf("Go result %v", err)
	}
	r, _ := c.only(t)
	if r.Goroutine != 0 && !strings.Contains(r.Message, "goroutine") {
		t.Errorf("message %q", r.Message)
	}
	if err := <-l.Go(func() error { return nil }); err != nil {
		t.Errorf("Go of a quiet function: %v", err)
	}
}

func TestCatchBacktrace(t *testing.T) {
	for _, bt := range []bool{false, true} {
		l, c := newCatcher(t, logru.Handler{Backtrace: bt})
		work(l)
		_, text := c.only(t)
		hasRunner := strings.Contains(text, "testing.tRunner")
		if hasRunner != bt {
			t.Errorf("Backtrace %v: the test runner's frame shown = %v\n%s", bt, hasRunner, text)
		}
		if bt && !strings.Contains(text, "> github.com/logru/logru_test.") {
			t.Errorf("Backtrace does not mark the caught region:\n%s", text)
		}
	}
}

func TestCatchSerialize(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{Serialize: true})
	func() {
		defer l.Catch()
		panic(fmt.Errorf("x: %w", fs.ErrNotExist))
	}()
	_, line := c.only(t)
	var got struct {
		Exception struct {
			Type, Value string
			Chain       []struct{ Type, Value string }
			Stack       []struct {
				Function, File string
				Line           int
			}
		}
	}
	if err := json.Unmarshal([]byte(line), &got); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
	e := got.Exception
	if e.Type != "panic" || e.Value != "x: file does not exist" || len(e.Chain) != 1 || e.Chain[0].Value != "file does not exist" {
		t.Errorf("exception %+v", e)
	}
	if len(e.Stack) == 0 || e.Stack[len(e.Stack)-1].Line == 0 || !strings.HasSuffix(e.Stack[len(e.Stack)-1].File, "catch_test.go") {
		t.Errorf("stack %+v", e.Stack)
	}
}

func TestExceptionMethod(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{})
	err := fmt.Errorf("charge: %w", os.ErrDeadlineExceeded)
	l.Exception("payment {id} failed", "id", 7, "err", err)
	l.Exception("no error here")
	l.Exception("as an attr", slog.Int("n", 1), slog.Any("err", err))
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.recs) != 3 {
		t.Fatalf("%d records", len(c.recs))
	}
	if x := c.recs[2].Exception; x == nil || x.Err != err {
		t.Errorf("an error in a slog.Attr is not the exception: %+v", x)
	}
	first, second := c.recs[0], c.recs[1]
	if first.Level.Name != "ERROR" || first.Exception == nil || first.Exception.Err != err || first.Message != "payment 7 failed" {
		t.Errorf("first %+v", first)
	}
	if v, ok := first.Extra.Get("err"); !ok || v != err {
		t.Error("the error is no longer a field")
	}
	if second.Exception == nil || second.Exception.Type != "" || len(second.Exception.Stack) == 0 ||
		second.Exception.Stack[len(second.Exception.Stack)-1].Function != "github.com/logru/logru_test.TestExceptionMethod" {
		t.Errorf("second %+v", second.Exception)
	}
	if !strings.HasPrefix(c.text[1], "no error here\nStack (most recent call last):\n") {
		t.Errorf("text %q", c.text[1])
	}
}

func TestCatchPackageLevel(t *testing.T) {
	// A level below the default stderr handler's DEBUG keeps the test output quiet.
	if _, err := logru.AddLevel(logru.Level{Name: "PKGCATCH", No: 2}); err != nil {
		t.Fatal(err)
	}
	buf := &lineBuffer{}
	id, _ := logru.Add(logru.Handler{Sink: buf, Format: "{function}: {message}", Level: "PKGCATCH"})
	defer logru.Remove(id)
	func() {
		defer logru.Catch(logru.CatchOptions{Level: "PKGCATCH", Message: "caught {value}"})
		panic("pkg")
	}()
	if got := buf.String(); !strings.HasPrefix(got, "TestCatchPackageLevel.func1: caught pkg\npanic: pkg\n") {
		t.Errorf("got %q", got)
	}
	if logru.DeferrerKnown() {
		n := len(buf.Lines())
		pkgDeferrer()
		if got := strings.Join(buf.Lines()[n:], ""); !strings.HasPrefix(got, "pkgDeferrer: caught assignment to entry in nil map in pkgDeferrer\n") {
			t.Errorf("got %q", got)
		}
	}
	if err := logru.Run(func() error { return nil }); err != nil {
		t.Error(err)
	}
}

func pkgDeferrer() {
	defer logru.Catch(logru.CatchOptions{Level: "PKGCATCH", Message: "caught {value} in {function}"})
	panicDeep()
}

// A panic's text substituted into Catch's message cannot forge a line.
func TestCatchMessageValueEscaped(t *testing.T) {
	l, buf := newTest(t, "{message}")
	func() {
		defer l.Catch(logru.CatchOptions{Message: "caught {value}!"})
		panic("boom\nINFO forged line\x1b[31m")
	}()
	first := strings.SplitN(buf.String(), "\n", 2)[0]
	if want := `caught boom\nINFO forged line\x1b[31m!`; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
}

// On a logger with Options.Colors, the panic's text in Catch's message is not markup.
func TestCatchColorsValueNotMarkup(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{Format: "{message}", Colorize: logru.ColorAlways})
	func() {
		defer l.Opt(logru.Options{Colors: true}).Catch(logru.CatchOptions{Message: "caught {value}"})
		panic("<red>not a tag</red>")
	}()
	r, text := c.only(t)
	if r.Message != "caught <red>not a tag</red>" || !strings.HasPrefix(text, "caught <red>not a tag</red>\n") {
		t.Errorf("message %q text %q", r.Message, text)
	}
}

// Reraise completes queued handlers before the panic goes on: the record is written by
// the time an outer recover (or the runtime, ending the process) sees the panic.
func TestCatchReraiseCompletesQueue(t *testing.T) {
	l := logru.New()
	defer l.Close()
	entered, gate := make(chan struct{}), make(chan struct{})
	var mu sync.Mutex
	var written []string
	l.Add(logru.Handler{Enqueue: true, Format: "{message}", Sink: func(m logru.Message) {
		close(entered)
		<-gate
		mu.Lock()
		written = append(written, string(m.Text))
		mu.Unlock()
	}})
	done := make(chan int)
	go func() {
		defer func() {
			recover()
			mu.Lock()
			done <- len(written)
			mu.Unlock()
		}()
		defer l.Catch(logru.CatchOptions{Reraise: true, Message: "fatal"})
		panic("fatal")
	}()
	<-entered // the writer has the record, and waits
	select {
	case n := <-done:
		t.Fatalf("the panic went on before the queued record was written (%d written)", n)
	default:
	}
	close(gate)
	if n := <-done; n != 1 {
		t.Fatalf("%d records written when the panic went on, want 1", n)
	}
}

// runtime.Goexit (t.FailNow) is not a panic: Catch logs nothing and lets it go on.
func TestCatchGoexit(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{})
	done := make(chan bool)
	go func() {
		defer close(done)
		defer l.Catch()
		runtime.Goexit()
	}()
	<-done
	if len(c.recs) != 0 {
		t.Fatalf("Goexit was logged: %q", c.text)
	}
	if err := <-l.Go(func() error { runtime.Goexit(); return nil }); err == nil || !strings.Contains(err.Error(), "Goexit") {
		t.Fatalf("Go of a function calling Goexit returned %v", err)
	}
	if len(c.recs) != 0 {
		t.Fatalf("Goexit was logged: %q", c.text)
	}
}

// BenchmarkCatchNoPanic is the cost of a deferred Catch when nothing panics (the target
// is under 50 ns).
func BenchmarkCatchNoPanic(b *testing.B) {
	l := logru.New()
	l.Add(logru.Handler{Sink: io.Discard})
	f := func() {
		defer l.Catch()
	}
	for b.Loop() {
		f()
	}
}
