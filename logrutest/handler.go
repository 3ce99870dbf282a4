package logrutest

import (
	"strconv"
	"sync"
	"testing"

	"github.com/logru/logru"
)

// Handler returns a logru.Handler that writes each record into t's output, where t.Log
// writes (shown with go test -v, or when the test fails), as "file:line: " and the
// formatted line:
//
//	logru_test.go:42: INFO     charged order 7
//
// The file and line are those of the log call (the record's File and Line), which is
// what t.Log with t.Helper would aim at but cannot reach: t.Helper marks only the
// function that calls it, so t.Log called from a sink would name a line inside logru's
// dispatch code, the first caller not marked. The line is therefore written through
// t.Output, t.Log's stream without its location, with the record's own location in
// front. A record without a caller has no such prefix.
//
// The handler takes every level (Level "TRACE") and formats with "{level: <8}
// {message}" without colours; change its fields before Logger.Add to choose otherwise
// (the location prefix stays). Lines logged after the test ended are dropped, so a
// goroutine that outlives the test cannot make it panic. Safe for concurrent use.
func Handler(t testing.TB) logru.Handler {
	t.Helper()
	w := &testWriter{t: t}
	t.Cleanup(w.stop)
	return logru.Handler{
		Level:    "TRACE",
		Format:   "{level: <8} {message}",
		Colorize: logru.ColorNever,
		Sink:     w.write,
	}
}

// testWriter writes lines into a test's output until the test ends.
type testWriter struct {
	t    testing.TB
	mu   sync.Mutex
	done bool
}

func (w *testWriter) stop() {
	w.mu.Lock()
	w.done = true
	w.mu.Unlock()
}

func (w *testWriter) write(m logru.Message) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	var b []byte
	if r := m.Record; r.File != "" {
		b = append(b, r.File...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(r.Line), 10)
		b = append(b, ": "...)
	}
	b = append(b, m.Text...)
	if len(b) == 0 || b[len(b)-1] != '\n' {
		b = append(b, '\n')
	}
	w.t.Output().Write(b)
}
