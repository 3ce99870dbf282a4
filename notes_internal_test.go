package logru

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeNoteClock makes the notes' rate limit read a clock the test moves; it is put back
// at the end of the test.
func fakeNoteClock(t *testing.T) *time.Time {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	old := noteClock
	t.Cleanup(func() { noteClock = old })
	noteClock = func() time.Time { return now }
	return &now
}

// msgErrSink fails every write with the message it is given.
type msgErrSink struct{}

func (msgErrSink) Write(m Message) error { return errors.New("cannot write " + m.Record.Message) }

// TestNotesPerProblem: the rate limit of notes is per distinct problem: a second,
// different problem within the interval is noted at once, a repeat of the same one is
// held back and counted, and what is held back is told by the next note about it or by
// Complete; problems beyond the bounded set are counted together.
func TestNotesPerProblem(t *testing.T) {
	now := fakeNoteClock(t)
	t.Run("unknown levels", func(t *testing.T) {
		var out bytes.Buffer
		l := New()
		l.core.errOut = &out
		defer l.Close()
		l.Add(Handler{Sink: io.Discard})
		l.Log("AUDIT", "first")
		l.Log("AUDTI", "second") // another level: another problem
		l.Log("AUDIT", "third")  // the same as the first: held back
		l.LogAttrs(99, "fourth")
		got := out.String()
		for _, want := range []string{`level "AUDIT" does not exist; record not logged: "first"`,
			`level "AUDTI" does not exist; record not logged: "second"`, `level number 99 does not exist; record not logged: "fourth"`} {
			if !strings.Contains(got, want) {
				t.Errorf("notes %q lack %q", got, want)
			}
		}
		if strings.Contains(got, "third") {
			t.Errorf("a repeat within the interval was noted: %q", got)
		}
		out.Reset()
		l.Complete()
		if want := `logru: logger: 1 more like it held back, the last: Log: level "AUDIT" does not exist; record not logged: "third"` + "\n"; out.String() != want {
			t.Errorf("Complete told %q, want %q", out.String(), want)
		}
		out.Reset()
		l.Log("AUDIT", "fifth")
		*now = now.Add(noteInterval)
		l.Log("AUDIT", "sixth")
		if want := `logru: logger: Log: level "AUDIT" does not exist; record not logged: "sixth" (and 1 more like it held back)` + "\n"; out.String() != want {
			t.Errorf("the next note %q, want %q", out.String(), want)
		}
	})
	t.Run("handler errors", func(t *testing.T) {
		*now = now.Add(noteInterval)
		var out bytes.Buffer
		l := New()
		l.core.errOut = &out
		defer l.Close()
		l.Add(Handler{Sink: msgErrSink{}, Format: "{message}"})
		l.Info("a")
		l.Info("b")
		if got := out.String(); !strings.Contains(got, "cannot write a") || !strings.Contains(got, "cannot write b") {
			t.Errorf("notes %q", got)
		}
	})
	t.Run("bounded", func(t *testing.T) {
		*now = now.Add(noteInterval)
		var out bytes.Buffer
		l := New()
		l.core.errOut = &out
		const n = maxNoteKeys + 5
		for i := range n {
			l.Log("L"+strconv.Itoa(i), "x")
		}
		if got := strings.Count(out.String(), "\n"); got != maxNoteKeys {
			t.Errorf("%d notes for %d problems, want %d", got, n, maxNoteKeys)
		}
		out.Reset()
		l.Close()
		if want := "logru: logger: 5 notes about other problems held back\n"; out.String() != want {
			t.Errorf("Close told %q, want %q", out.String(), want)
		}
	})
}
