package logru_test

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru"
)

func TestCaller(t *testing.T) {
	l, buf := newTest(t, "{name}|{module}|{function}|{file}|{line}")
	_, _, line, _ := runtime.Caller(0)
	l.Info("x")
	helper(l)
	want := "github.com/logru/logru_test|logru_test|TestCaller|caller_test.go|" + strconv.Itoa(line+1) + "\n"
	if got := buf.Lines()[0]; got != want {
		t.Errorf("caller\n got %q\nwant %q", got, want)
	}
	if got := buf.Lines()[1]; got != "github.com/logru/logru_test|logru_test|TestCaller|caller_test.go|"+strconv.Itoa(line+2)+"\n" {
		t.Errorf("Depth 1 caller = %q", got)
	}
	l.Opt(logru.Options{Depth: 1000}).Info("x")
	if got := buf.Lines()[2]; got != "||<unknown>|<unknown>|0\n" {
		t.Errorf("unreachable depth = %q", got)
	}
	func() { l.Info("closure") }()
	if got := buf.Lines()[3]; !strings.Contains(got, "|TestCaller.func1|") {
		t.Errorf("closure caller = %q", got)
	}
}

func helper(l *logru.Logger) { l.Opt(logru.Options{Depth: 1}).Info("from helper") }
