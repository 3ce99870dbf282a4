package logru

import (
	"io"
	"log"
	"log/slog"
	"runtime"
	"strings"
	"testing"

	"github.com/logru/logru/internal/stack"
	"github.com/logru/logru/internal/usercode"
	userslog "github.com/logru/logru/internal/usercode/slog"
)

// guards is what every stack guard says at one point of a program.
type guards struct {
	emit, sinkCall, onError, logOutput, inSink bool
	depth                                      int
}

// readGuards reads every guard. The guards leave out the frame of the function that
// calls them (an emit only counts when it is an outer one): here, readGuards.
//
//go:noinline
func readGuards() guards {
	var g guards
	g.emit, g.sinkCall, g.onError, g.logOutput = inEmit(), inSinkCall(), inOnError(), inLogOutput()
	g.depth, g.inSink = dispatchDepth()
	return g
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// Each guard fires inside the function it looks for, and nowhere else: not outside
// logru, not inside a user's functions named like logru's (under the module's path).
func TestGuardsFire(t *testing.T) {
	inSink := func(g *guards) *Logger {
		l := New()
		l.Add(Handler{Format: "{message}", Sink: func(Message) { *g = readGuards() }})
		return l
	}
	tests := []struct {
		name string
		run  func(g *guards)
		want guards
	}{
		{"outside", func(g *guards) { *g = readGuards() }, guards{}},
		{"in a sink", func(g *guards) { inSink(g).Info("x") },
			guards{emit: true, sinkCall: true, inSink: true, depth: 1}},
		{"in a sink of a sink", func(g *guards) {
			inner := inSink(g)
			outer := New()
			outer.Add(Handler{Format: "{message}", Sink: func(m Message) { inner.Info("again") }})
			outer.Info("x")
		}, guards{emit: true, sinkCall: true, inSink: true, depth: 2}},
		{"in OnError", func(g *guards) {
			l := New()
			l.Add(Handler{Format: "{message}", Sink: failing{}, OnError: func(error) { *g = readGuards() }})
			l.Info("x")
		}, guards{onError: true, depth: 1}},
		{"in package log's output", func(g *guards) {
			log.New(writerFunc(func(b []byte) (int, error) { *g = readGuards(); return len(b), nil }), "", 0).Print("x")
		}, guards{logOutput: true}},
		{"in a user's emit and emitLocked", func(g *guards) { usercode.Emit(func() { *g = readGuards() }) }, guards{}},
		{"in a user's callOnError", func(g *guards) { usercode.CallOnError(func() { *g = readGuards() }) }, guards{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got guards
			tt.run(&got)
			if got != tt.want {
				t.Errorf("guards %+v, want %+v", got, tt.want)
			}
		})
	}
}

// The guards hold the functions they are named after, taken from func values at init.
func TestGuardFunctionsHeld(t *testing.T) {
	tests := []struct {
		f    stack.Func
		name string
	}{
		{fnFinish, ".(*Logger).finish"},
		{fnEmit, ".(*handler).emit"},
		{fnEmitLocked, ".(*handler).emitLocked"},
		{fnCallOnError, ".callOnError"},
		{fnReraise, ".reraise"},
	}
	for _, tt := range tests {
		if tt.f == 0 || tt.f.Name() != rootPkg+tt.name {
			t.Errorf("%s: holds %#x %q", tt.name, uintptr(tt.f), tt.f.Name())
		}
	}
	if f := logOutput(); f == 0 || f.Package() != stack.Of(log.New).Package() {
		t.Errorf("log's output function: %#x %q", uintptr(f), f.Name())
	}
}

// panicStack returns the stack a deferred function sees while raise panics.
func panicStack(raise func()) (pcs []uintptr) {
	defer func() {
		pcs = stack.Callers(0)
		_ = recover()
	}()
	raise()
	return nil
}

func TestIsReraise(t *testing.T) {
	tests := []struct {
		name  string
		raise func()
		want  bool
	}{
		{"reraise", func() { reraise("x") }, true},
		{"panic", func() { panic("x") }, false},
		{"a user's panic", func() { usercode.Panic("x") }, false},
		{"a runtime error", func() {
			var m map[string]int
			//lint:ignore SA5000 the write to a nil map is the panic under test
			m["x"] = 1
		}, false},
		{"a new panic while reraising", func() {
			defer func() { panic("second") }()
			reraise("first")
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isReraise(panicStack(tt.raise)); got != tt.want {
				t.Errorf("isReraise = %v, want %v", got, tt.want)
			}
		})
	}
}

// slog's default handler and the writer slog.SetDefault gives package log are told by
// their types, taken from slog itself: a user's package called slog with types of the
// same names is not mistaken for them.
func TestSlogTypesFromTheStandardLibrary(t *testing.T) {
	handlers := []struct {
		name string
		h    slog.Handler
		want bool
	}{
		{"slog's default", slog.Default().Handler(), true},
		{"a user's slog.defaultHandler", userslog.DefaultHandler(), false},
		{"a TextHandler", slog.NewTextHandler(io.Discard, nil), false},
		{"DiscardHandler", slog.DiscardHandler, false},
	}
	for _, tt := range handlers {
		if got := isSlogDefault(tt.h); got != tt.want {
			t.Errorf("isSlogDefault(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
	writers := []struct {
		name string
		w    any
		want bool
	}{
		{"slog's log writer", slog.NewLogLogger(slog.DiscardHandler, slog.LevelInfo).Writer(), true},
		{"a user's slog.handlerWriter", userslog.HandlerWriter(), false},
		{"io.Discard", io.Discard, false},
		{"nil", nil, false},
	}
	for _, tt := range writers {
		if got := isSlogHandlerWriter(tt.w); got != tt.want {
			t.Errorf("isSlogHandlerWriter(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Only frames of the runtime and of logru's own packages are hidden, by exact package:
// a package under the module's path that is not logru's stays visible.
func TestHiddenFrame(t *testing.T) {
	tests := []struct {
		function string
		hidden   bool
	}{
		{rootPkg + ".(*Logger).Info", true},
		{rootPkg + ".(*handler).emit", true},
		{rootPkg + ".(*Logger).Run.func1", true},
		{rootPkg + "/core.NewException", true},
		{rootPkg + "/sinks.asyncWriter", true},
		{rootPkg + "/bridge.(*SlogHandler).Handle", true},
		{rootPkg + "/internal/encode.AppendValue[...]", true},
		{"runtime.gopanic", true},
		{"runtime/debug.Stack", false},
		{rootPkg + "/internal/usercode.Panic", false},
		{rootPkg + "/examples/catch.main", false},
		{rootPkg + "/examples.F", false},
		{rootPkg + "_test.work", false},
		{rootPkg + "x.F", false},
		{"main.main", false},
		{"example.com/app.(*handler).emit", false},
	}
	for _, tt := range tests {
		if got := hiddenFrame(runtime.Frame{Function: tt.function}); got != tt.hidden {
			t.Errorf("hiddenFrame(%s) = %v, want %v", tt.function, got, tt.hidden)
		}
	}
	if !strings.HasSuffix(rootPkg, "logru") || runtimePkg != "runtime" {
		t.Errorf("rootPkg %q, runtimePkg %q", rootPkg, runtimePkg)
	}
}
