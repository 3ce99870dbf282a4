package logru_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/logru/logru"
	"github.com/logru/logru/internal/stack"
	"github.com/logru/logru/internal/usercode"
)

// modulePkg is logru's root package path, taken from a function of it.
var modulePkg = stack.Of(logru.New).Package()

// checkStack reports the frames of logru and the runtime that stack shows, and fails
// unless it shows the user's frames wanted (by function name suffix).
func checkStack(t *testing.T, frames []logru.Frame, want ...string) {
	t.Helper()
	found := make([]bool, len(want))
	for _, f := range frames {
		if pkg := stack.PackageOf(f.Function); pkg == modulePkg || pkg == "runtime" || strings.HasPrefix(pkg, modulePkg+"/sinks") {
			t.Errorf("a logru or runtime frame is shown: %s", f.Function)
		}
		for i, w := range want {
			found[i] = found[i] || strings.HasSuffix(f.Function, w)
		}
	}
	if i := slices.Index(found, false); i >= 0 {
		t.Errorf("no frame of %s in %+v", want[i], frames)
	}
}

// A panic in a user's package under the module's path keeps that package's frame in
// Catch's stack; logru's frames (Run's) are left out.
func TestCatchShowsUserFramesUnderModule(t *testing.T) {
	l, c := newCatcher(t, logru.Handler{})
	err := l.Run(func() error { usercode.Panic("boom"); return nil })
	var pe *logru.PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("Run = %v", err)
	}
	r, _ := c.only(t)
	if r.Exception == nil {
		t.Fatal("no exception")
	}
	checkStack(t, r.Exception.Stack, "/internal/usercode.Panic", ".TestCatchShowsUserFramesUnderModule.func1")
	if got := r.Exception.Stack[len(r.Exception.Stack)-1].Function; got != modulePkg+"/internal/usercode.Panic" {
		t.Errorf("innermost frame %s, want the user's Panic", got)
	}
}

// An error whose stack was recorded inside a sink shows the user's frames, even under
// the module's path, and none of logru's dispatch.
func TestErrorStackShowsUserFramesUnderModule(t *testing.T) {
	var err error
	src := logru.New()
	src.Add(logru.Handler{Format: "{message}", Sink: func(logru.Message) { err = usercode.NewStackError() }})
	src.Info("x")
	if err == nil {
		t.Fatal("the sink recorded no error")
	}
	l, c := newCatcher(t, logru.Handler{})
	l.Exception("failed", err)
	r, _ := c.only(t)
	if r.Exception == nil {
		t.Fatal("no exception")
	}
	checkStack(t, r.Exception.Stack, "/internal/usercode.NewStackError", ".TestErrorStackShowsUserFramesUnderModule.func1",
		".TestErrorStackShowsUserFramesUnderModule")
}

// Every package of the module is either one of logru's own (hidden from stacks) or
// stands for a user's code (shown): a new package must be placed in one or the other.
func TestOwnPackagesListed(t *testing.T) {
	users := func(dir string) bool {
		return strings.HasPrefix(dir, "examples/") || dir == "internal/usercode" || strings.HasPrefix(dir, "internal/usercode/")
	}
	for dir := range packageImports(t) {
		own := dir == "" || slices.Contains(logru.OwnPackageDirs, dir)
		if own == users(dir) {
			t.Errorf("package %q: listed as logru's own %v, as a user's %v; list it in ownPackageDirs (reentry.go) or here", dir, own, users(dir))
		}
	}
	for _, dir := range logru.OwnPackageDirs {
		if m, _ := filepath.Glob(filepath.Join(filepath.FromSlash(dir), "*.go")); len(m) == 0 {
			t.Errorf("ownPackageDirs lists %q, which holds no Go package", dir)
		}
	}
}
