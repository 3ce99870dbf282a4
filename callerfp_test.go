package logru_test

import (
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru"
)

// here returns the line it is called from.
func here() int {
	_, _, line, _ := runtime.Caller(1)
	return line
}

// The remembered return addresses give the same caller as unwinding: every shape of
// call, each made twice (the first resolves and remembers, the second reuses).
func TestCallerFastPath(t *testing.T) {
	var buf lineBuffer
	l := logru.New()
	if _, err := l.Add(logru.Handler{Sink: &buf, Format: "{function}:{line}"}); err != nil {
		t.Fatal(err)
	}
	helper := func(msg string) { l.Opt(logru.Options{Depth: 1}).Info(msg) }
	var want []string
	for range 2 {
		l.Info("m")
		want = append(want, "TestCallerFastPath:"+strconv.Itoa(here()-1))
		l.LogAttrs(logru.LevelWarning, "m", slog.Int("n", 1))
		want = append(want, "TestCallerFastPath:"+strconv.Itoa(here()-1))
		l.Log("ERROR", "m")
		want = append(want, "TestCallerFastPath:"+strconv.Itoa(here()-1))
		l.Bind("k", 1).Debug("m")
		want = append(want, "TestCallerFastPath:"+strconv.Itoa(here()-1))
		func() { l.Success("m") }()
		want = append(want, "TestCallerFastPath.func2:"+strconv.Itoa(here()-1))
		helper("m")
		want = append(want, "TestCallerFastPath:"+strconv.Itoa(here()-1))
		logVia(l)
		want = append(want, "logVia:"+strconv.Itoa(logViaLine))
		done := make(chan struct{})
		go func() { l.Critical("m"); close(done) }()
		want = append(want, "TestCallerFastPath.func3:"+strconv.Itoa(here()-1))
		<-done
	}
	got := strings.Split(strings.TrimSpace(buf.String()), "\n")
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Fatalf("callers:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

var logViaLine = here() + 3

func logVia(l *logru.Logger) {
	l.Info("m")
}
