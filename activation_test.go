package logru_test

import (
	"testing"

	"github.com/logru/logru"
)

func TestActivation(t *testing.T) {
	const pkg = "github.com/logru/logru_test"
	for _, tt := range []struct {
		name  string
		steps func(l *logru.Logger)
		want  bool
	}{
		{"default", func(*logru.Logger) {}, true},
		{"disable all", func(l *logru.Logger) { l.Disable("") }, false},
		{"disable exact", func(l *logru.Logger) { l.Disable(pkg) }, false},
		{"disable parent", func(l *logru.Logger) { l.Disable("github.com/logru") }, false},
		{"segment boundary", func(l *logru.Logger) { l.Disable("github.com/logru/logru") }, true},
		{"not a prefix of a segment", func(l *logru.Logger) { l.Disable("github.com/lo") }, true},
		{"child only", func(l *logru.Logger) { l.Disable(pkg + "/sub") }, true},
		{"longest wins", func(l *logru.Logger) { l.Disable("github.com"); l.Enable(pkg) }, true},
		{"a parent rule replaces its children", func(l *logru.Logger) { l.Disable(""); l.Enable(pkg); l.Disable("github.com") }, false},
		{"child after parent", func(l *logru.Logger) { l.Disable("github.com"); l.Enable(pkg); l.Disable("github.com/other") }, true},
		{"re-enable all", func(l *logru.Logger) { l.Disable(pkg); l.Enable("") }, true},
		{"enable then disable", func(l *logru.Logger) { l.Disable(""); l.Enable(pkg); l.Disable(pkg) }, false},
	} {
		l, buf := newTest(t, "{message}")
		tt.steps(l)
		l.Info("x")
		if got := buf.String() != ""; got != tt.want {
			t.Errorf("%s: logged = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestActivationCacheFollowsChanges(t *testing.T) {
	l, buf := newTest(t, "{message}")
	for i := 0; i < 3; i++ {
		l.Info("on")
		l.Disable("github.com/logru/logru_test")
		l.Info("off")
		l.Enable("github.com/logru/logru_test")
	}
	expect(t, buf, "on\non\non\n")
}
