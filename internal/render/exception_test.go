package render

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/logru/logru/core"
)

type detailedErr struct{}

func (detailedErr) Error() string { return "disk full" }

// Format gives %+v a second line, as errors with stacks do.
func (detailedErr) Format(s fmt.State, verb rune) {
	s.Write([]byte("disk full\ncode=28 path=/var/log"))
}

// fixedException is a caught panic with a known stack: four frames, the inner two between
// the panic and the catching frame.
func fixedException() *core.Exception {
	e := core.NewException(errors.Join(errors.New("write failed"), detailedErr{}))
	e.Stack = []core.Frame{
		{Function: "testing.tRunner", File: "/usr/local/go/src/testing/testing.go", Line: 1792},
		{Function: "main.main", File: "/src/app/main.go", Line: 12},
		{Function: "main.work", File: "/src/app/work.go", Line: 30},
		{Function: "main.(*Store).save", File: "/src/app/store.go", Line: 7},
	}
	e.Caught = 2
	return e
}

func withStack(e *core.Exception, frames []core.Frame, caught int) *core.Exception {
	e.Stack, e.Caught = frames, caught
	return e
}

// indexPanic returns what recover gives for an index out of range: a runtime.Error.
func indexPanic() (v any) {
	defer func() { v = recover() }()
	s, i := []int{1, 2, 3}, 5
	_ = s[i]
	return nil
}

// goldenExceptions are the shapes an exception has: an error tree caught in a panic, a
// panic with a plain value, a stack alone (Logger.Exception without an error), and an
// error whose texts try to forge lines, escape codes and markup.
func goldenExceptions() []struct {
	name string
	e    *core.Exception
} {
	frames := []core.Frame{
		{Function: "main.main", File: "/src/app/main.go", Line: 12},
		{Function: "main.handle", File: "/src/app/handle.go", Line: 40},
	}
	hostile := core.NewException(fmt.Errorf("<red>bad</red> \x1b[31m\n%w", errors.New("INFO forged\r\nline")))
	hostile.Stack = []core.Frame{{Function: "main.<red>x</red>", File: "/src/<b>/a.go", Line: 1}}
	hostile.Caught = 1
	return []struct {
		name string
		e    *core.Exception
	}{
		{"error tree caught in a panic", fixedException()},
		{"panic value", withStack(core.PanicException("boom"), frames, 1)},
		{"runtime error", withStack(core.PanicException(indexPanic()), frames, 1)},
		{"own error type in a panic", withStack(core.PanicException(detailedErr{}), frames, 1)},
		{"stack alone", &core.Exception{Stack: frames, Caught: len(frames)}},
		{"hostile text", hostile},
	}
}

func TestExceptionGolden(t *testing.T) {
	var buf bytes.Buffer
	for _, x := range goldenExceptions() {
		for _, color := range []bool{false, true} {
			for _, bt := range []bool{false, true} {
				for _, diag := range []bool{false, true} {
					buf.WriteString("--- " + x.name + ": color=" + boolText(color) + " backtrace=" + boolText(bt) + " diagnose=" + boolText(diag) + "\n")
					buf.Write(AppendException(nil, x.e, color, ExceptionOptions{Backtrace: bt, Diagnose: diag}))
				}
			}
		}
	}
	golden(t, "exceptions.golden", buf.Bytes())
}

// Errors' texts are data in colour too: markup stays literal and escape codes are
// escaped, so the only escape codes are the theme's.
func TestExceptionColorHostile(t *testing.T) {
	x := goldenExceptions()[len(goldenExceptions())-1].e // hostile text
	got := string(AppendException(nil, x, true, ExceptionOptions{Diagnose: true}))
	for _, want := range []string{"<red>bad</red> \\x1b[31m\\n", "INFO forged\\r\\nline", "main.<red>x</red>", "/src/<b>/"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q: %q", want, got)
		}
	}
	if strings.Count(got, "\n") != strings.Count(string(AppendException(nil, x, false, ExceptionOptions{Diagnose: true})), "\n") {
		t.Errorf("colour changed the lines: %q", got)
	}
	plain := strings.NewReplacer("\x1b[31m\x1b[1m", "", "\x1b[1m", "", "\x1b[0m", "", "\x1b[35m", "", "\x1b[32m", "", "\x1b[33m", "", "\x1b[2m", "").Replace(got)
	if strings.Contains(plain, "\x1b") {
		t.Errorf("an escape code that is not the theme's: %q", plain)
	}
}

func boolText(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func TestExceptionShape(t *testing.T) {
	got := string(AppendException(nil, fixedException(), false, ExceptionOptions{}))
	want := "write failed\\ndisk full\n" +
		"  caused by write failed\n" +
		"  caused by render.detailedErr: disk full\n" +
		"Stack (most recent call last):\n" +
		"  main.work\n    /src/app/work.go:30\n" +
		"  main.(*Store).save\n    /src/app/store.go:7\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	bt := string(AppendException(nil, fixedException(), false, ExceptionOptions{Backtrace: true}))
	if !strings.Contains(bt, "  testing.tRunner\n") || !strings.Contains(bt, "> main.work\n") {
		t.Errorf("backtrace %q", bt)
	}
	diag := string(AppendException(nil, fixedException(), false, ExceptionOptions{Diagnose: true}))
	if !strings.Contains(diag, "  caused by render.detailedErr: disk full\n    | disk full\n    | code=28 path=/var/log\n") {
		t.Errorf("diagnose %q", diag)
	}
	// A %+v that only repeats the message adds nothing.
	if strings.Contains(diag, "| write failed") {
		t.Errorf("diagnose repeats a message: %q", diag)
	}
	if AppendException(nil, nil, true, ExceptionOptions{}) != nil {
		t.Error("nil exception rendered")
	}
	// Errors' text is data: a newline in a message cannot start a line.
	evil := core.NewException(errors.New("x\nINFO forged"))
	if got := string(AppendException(nil, evil, false, ExceptionOptions{})); got != "x\\nINFO forged\n" {
		t.Errorf("got %q", got)
	}
}

func TestJSONBacktrace(t *testing.T) {
	r := fixedRecord()
	r.Exception = fixedException()
	short := string(NewJSON(nil).Append(nil, r))
	long := string(NewJSON(&Options{Exception: ExceptionOptions{Backtrace: true}}).Append(nil, r))
	if strings.Contains(short, "tRunner") || !strings.Contains(long, "tRunner") || !strings.Contains(short, `"function":"main.work","file":"/src/app/work.go","line":30`) {
		t.Errorf("short %s\nlong %s", short, long)
	}
}
