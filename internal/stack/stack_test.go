package stack

import (
	"runtime"
	"strings"
	"testing"
)

type thing struct{}

//go:noinline
func (*thing) emit(f func()) { f() }

//go:noinline
func (thing) value() []uintptr { return Callers(0) }

//go:noinline
func recurse(n int, f func()) {
	if n == 0 {
		f()
		return
	}
	recurse(n-1, f)
}

func TestOf(t *testing.T) {
	var nilFunc func()
	tests := []struct {
		name   string
		fn     any
		suffix string // of the Func's name; "" for the zero Func
	}{
		{"function", recurse, "/internal/stack.recurse"},
		{"pointer method expression", (*thing).emit, "/internal/stack.(*thing).emit"},
		{"value method expression", thing.value, "/internal/stack.thing.value"},
		{"standard library", runtime.Callers, "runtime.Callers"},
		{"nil func", nilFunc, ""},
		{"nil", nil, ""},
		{"not a func", 42, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Of(tt.fn)
			if tt.suffix == "" {
				if f != 0 {
					t.Fatalf("Of = %#x (%s), want the zero Func", uintptr(f), f.Name())
				}
				return
			}
			if f == 0 || !strings.HasSuffix(f.Name(), tt.suffix) {
				t.Fatalf("Of = %#x named %q, want a name ending %q", uintptr(f), f.Name(), tt.suffix)
			}
		})
	}
	if Func(0).Name() != "" || Func(0).Package() != "" {
		t.Error("the zero Func has a name")
	}
}

// Count counts physical calls: each level of a recursion, but not a frame of a function
// inlined into the one counted (it carries that function's entry).
func TestCount(t *testing.T) {
	for _, depth := range []int{0, 1, 5, 100} {
		var got int
		recurse(depth, func() { got = Of(recurse).Count(Callers(0)) })
		if got != depth+1 {
			t.Errorf("depth %d: Count = %d, want %d", depth, got, depth+1)
		}
	}
	if n := countInInlined(); n != 1 {
		t.Errorf("a function inlined into the one counted doubled it: Count = %d", n)
	}
	if Of(recurse).In(Callers(0)) || Of(recurse).Count(Callers(0)) != 0 {
		t.Error("a function not on the stack was found")
	}
}

//go:noinline
func countInInlined() int { return inlinedCount() }

// inlinedCount is small enough to be inlined into countInInlined.
func inlinedCount() int { return Of(countInInlined).Count(Callers(0)) }

// A method of a user's type named like one of logru's is not logru's: only the entry of
// the function value held counts.
func TestInTellsFunctionsApart(t *testing.T) {
	var th thing
	var inEmit, inRecurse bool
	th.emit(func() {
		pcs := Callers(0)
		inEmit, inRecurse = Of((*thing).emit).In(pcs), Of(recurse).In(pcs)
	})
	if !inEmit || inRecurse {
		t.Errorf("inside emit: In(emit) = %v, In(recurse) = %v", inEmit, inRecurse)
	}
	if Func(0).In(Callers(0)) {
		t.Error("the zero Func was found")
	}
}

func TestCallerCallee(t *testing.T) {
	var pcs []uintptr
	var th thing
	th.emit(func() { recurse(0, func() { pcs = Callers(0) }) })
	emit := Of((*thing).emit)
	if got := Of(recurse).Caller(pcs); got == emit {
		// recurse is called by the closure that emit calls, not by emit.
		t.Errorf("Caller(recurse) = %s", got.Name())
	}
	if got := Of(recurse).Caller(pcs); !strings.Contains(got.Name(), "TestCallerCallee.func") {
		t.Errorf("Caller(recurse) = %s, want the closure", got.Name())
	}
	if got := emit.Callee(pcs); !strings.Contains(got.Name(), "TestCallerCallee.func") {
		t.Errorf("Callee(emit) = %s, want the closure", got.Name())
	}
	if got := Of(TestOf).Caller(pcs); got != 0 {
		t.Errorf("Caller of a function not on the stack = %s", got.Name())
	}
	if got := Of(TestOf).Callee(pcs); got != 0 {
		t.Errorf("Callee of a function not on the stack = %s", got.Name())
	}
	if got := Of(thing.value).Callee(thing{}.value()); got != 0 {
		t.Errorf("Callee of the innermost frame = %s", got.Name())
	}
}

func TestCallersWholeStack(t *testing.T) {
	var pcs []uintptr
	recurse(300, func() { pcs = Callers(0) })
	if n := Of(recurse).Count(pcs); n != 301 {
		t.Errorf("Count = %d in a stack of %d, want 301", n, len(pcs))
	}
	if !Of(TestCallersWholeStack).In(pcs) {
		t.Error("the outer frames are missing")
	}
	var skipped []uintptr
	recurse(0, func() { skipped = Callers(1) })
	if Of(recurse).Callee(skipped) != 0 {
		t.Error("Callers(1) kept the closure's frame")
	}
}

func TestPackageOf(t *testing.T) {
	tests := []struct{ function, pkg string }{
		{"main.main", "main"},
		{"runtime.gopanic", "runtime"},
		{"example.com/p.F", "example.com/p"},
		{"example.com/p.(*T).M.func1", "example.com/p"},
		{"example.com/a/b.T.M-fm", "example.com/a/b"},
		{"gopkg.in/yaml%2ev3.Unmarshal", "gopkg.in/yaml%2ev3"},
		{"example.com/p.F[go.shape.*example.com/q/r.T]", "example.com/p"},
		{"example.com/p.(*T[...]).M", "example.com/p"},
		{"", ""},
		{"nodot", ""},
	}
	for _, tt := range tests {
		if got := PackageOf(tt.function); got != tt.pkg {
			t.Errorf("PackageOf(%q) = %q, want %q", tt.function, got, tt.pkg)
		}
	}
	if got, want := Of(recurse).Package(), Of(TestPackageOf).Package(); got != want || !strings.HasSuffix(got, "/internal/stack") {
		t.Errorf("Package = %q and %q", got, want)
	}
}

// Panic is found by observing a panic: it is the runtime's package's function that a
// deferred function's stack shows just inside the one that panicked.
func TestPanic(t *testing.T) {
	p := Panic()
	if p == 0 {
		t.Fatal("Panic found no function")
	}
	if got, want := p.Package(), Of(runtime.Callers).Package(); got != want {
		t.Errorf("Panic is %s, in package %q, want %q", p.Name(), got, want)
	}
	if p.In(Callers(0)) {
		t.Error("Panic is on a stack that does not panic")
	}
	var inner, caller Func
	func() {
		defer func() {
			pcs := Callers(0)
			inner, caller = Of(panicker).Callee(pcs), p.Caller(pcs)
			_ = recover()
		}()
		panicker()
	}()
	if inner != p || caller != Of(panicker) {
		t.Errorf("inside panicker: Callee = %s, Panic's caller = %s", inner.Name(), caller.Name())
	}
}

//go:noinline
func panicker() { panic("boom") }
