package logru

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// viewMessages are messages whose rendering differs from the template: substituted
// fields, escaped control characters, specs and conversions, markup, missing keys.
var viewMessages = []string{
	"the quick brown fox",
	"user {user} logged in from {ip} after {tries} tries",
	"bad \x01 control {user}",
	"tab\tnewline\n{missing}",
	"unicode é {ip!r} {tries:>5}",
	"<red>markup</red> {user} <bold>{ip}</bold>",
	"braces {{literal}} {user",
}

// logViewMessages logs every view message, from one call site (so that the caller is
// the same for every logger).
func logViewMessages(l *Logger) {
	for _, msg := range viewMessages {
		l.LogAttrs(LevelInfo, msg, slog.String("user", "al\x1bice"), slog.String("ip", "10.0.0.1"), slog.Int("tries", 3))
	}
}

// fixClock makes l's records all carry the time t0 and Elapsed 0.
func fixClock(l *Logger, t0 time.Time) {
	l.core.start = t0
	l.core.clock.now = func() time.Time { return t0 }
	l.core.clock.since = func(time.Time) time.Duration { return 0 }
}

// The message a record's formats see is the same whether it views the entry's scratch
// (no user code can read the record) or is a string of its own (a patcher, a filter
// function or a record-taking sink is present): every format writes the same bytes.
func TestMessageViewSameOutput(t *testing.T) {
	t0 := time.Date(2026, 12, 7, 4, 5, 6, 789012345, time.Local)
	formats := []struct {
		name string
		h    Handler
	}{
		{"json", Handler{Serialize: true}},
		{"text", Handler{Format: "{time} {level} {message}", Colorize: ColorNever}},
		{"colour", Handler{Format: "<level>{level}</level> <green>{message}</green> {extra}", Colorize: ColorAlways}},
		{"console", Handler{Colorize: ColorAlways}},
	}
	opts := []struct {
		name string
		o    Options
	}{{"plain", Options{}}, {"colors", Options{Colors: true}}, {"raw", Options{Raw: true}}}
	// each variant returns a logger writing the format's lines to w
	variants := []struct {
		name string
		make func(t *testing.T, h Handler, w io.Writer) *Logger
	}{
		{"view", func(t *testing.T, h Handler, w io.Writer) *Logger { return viewLogger(t, h, w) }},
		{"patcher", func(t *testing.T, h Handler, w io.Writer) *Logger {
			return viewLogger(t, h, w).Patch(func(*Record) {})
		}},
		{"core patcher", func(t *testing.T, h Handler, w io.Writer) *Logger {
			l := viewLogger(t, h, w)
			l.core.mu.Lock()
			st := l.core.state.Load().clone()
			st.patch = func(*Record) {}
			l.core.publish(st)
			l.core.mu.Unlock()
			return l
		}},
		{"filter func", func(t *testing.T, h Handler, w io.Writer) *Logger {
			l := viewLogger(t, h, w)
			mustAdd(t, l, Handler{Sink: io.Discard, FilterFunc: func(*Record) bool { return true }})
			return l
		}},
		{"record sink", func(t *testing.T, h Handler, w io.Writer) *Logger {
			l := viewLogger(t, h, w)
			mustAdd(t, l, Handler{Sink: func(Message) {}})
			return l
		}},
	}
	for _, f := range formats {
		for _, o := range opts {
			t.Run(f.name+"/"+o.name, func(t *testing.T) {
				var want []byte
				for i, v := range variants {
					var buf bytes.Buffer
					l := v.make(t, f.h, &buf)
					fixClock(l, t0)
					logViewMessages(l.Opt(o.o))
					if i == 0 {
						if want = buf.Bytes(); len(want) == 0 {
							t.Fatal("no output")
						}
						if l.core.state.Load().needs.record {
							t.Fatal("the view logger needs its records' strings")
						}
						continue
					}
					if !l.core.state.Load().needs.record && v.name != "patcher" && v.name != "core patcher" {
						t.Errorf("%s: needs.record not set", v.name)
					}
					if got := buf.Bytes(); !bytes.Equal(got, want) {
						t.Errorf("%s:\n got %q\nwant %q", v.name, got, want)
					}
				}
			})
		}
	}
}

func viewLogger(t *testing.T, h Handler, w io.Writer) *Logger {
	l := New()
	h.Sink = w
	mustAdd(t, l, h)
	return l
}

func mustAdd(t *testing.T, l *Logger, h Handler) {
	t.Helper()
	if _, err := l.Add(h); err != nil {
		t.Fatal(err)
	}
}

// The messages user code sees (patchers, filter functions, format functions, sinks
// that take the record, queued or not) are strings of their own: a message kept from
// one record is unchanged after the next record is rendered.
func TestMessageKeptByUserCode(t *testing.T) {
	const m1, m2 = "first {user} {n}", "other {user} {n}"
	want := "first alice 1"
	for _, tt := range []struct {
		name string
		add  func(l *Logger, keep func(string)) *Logger
	}{
		{"patcher", func(l *Logger, keep func(string)) *Logger {
			mustAdd(t, l, Handler{Sink: io.Discard, Format: "{message}"})
			return l.Patch(func(r *Record) { keep(r.Message) })
		}},
		{"filter func", func(l *Logger, keep func(string)) *Logger {
			mustAdd(t, l, Handler{Sink: io.Discard, FilterFunc: func(r *Record) bool { keep(r.Message); return true }})
			return l
		}},
		{"format func", func(l *Logger, keep func(string)) *Logger {
			mustAdd(t, l, Handler{Sink: io.Discard, FormatFunc: func(r *Record) string { keep(r.Message); return "" }})
			return l
		}},
		{"func sink", func(l *Logger, keep func(string)) *Logger {
			mustAdd(t, l, Handler{Sink: func(m Message) { keep(m.Record.Message) }})
			return l
		}},
		{"queued func sink", func(l *Logger, keep func(string)) *Logger {
			mustAdd(t, l, Handler{Sink: func(m Message) { keep(m.Record.Message) }, Enqueue: true})
			return l
		}},
		{"record kept", func(l *Logger, keep func(string)) *Logger {
			var kept *Record
			mustAdd(t, l, Handler{Sink: func(m Message) {
				if kept == nil {
					kept = m.Record.Clone()
					keep(kept.Message)
				}
			}})
			return l
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var kept []string
			base := New()
			defer base.Close()
			l := tt.add(base, func(s string) { kept = append(kept, s) })
			l.Info(m1, "user", "alice", "n", 1)
			l.Info(m2, "user", "bobby", "n", 2)
			base.Complete()
			if len(kept) == 0 || kept[0] != want {
				t.Errorf("kept %q, want %q first", kept, want)
			}
		})
	}
}

// Goroutines logging substituted messages at once through one logger whose messages
// view their entries' buffers each get their own message in their line (run with -race).
func TestMessageViewConcurrent(t *testing.T) {
	var buf bytes.Buffer
	l := viewLogger(t, Handler{Format: "{message}"}, &buf)
	if l.core.state.Load().needs.record {
		t.Fatal("the logger needs its records' strings")
	}
	const workers, each = 4, 300
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				l.LogAttrs(LevelInfo, "worker {g} record {i} {pad}", slog.Int("g", g), slog.Int("i", i),
					slog.String("pad", strings.Repeat("x", i%40)))
			}
		}()
	}
	wg.Wait()
	got := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		got[line] = true
	}
	for g := range workers {
		for i := range each {
			if want := fmt.Sprintf("worker %d record %d %s", g, i, strings.Repeat("x", i%40)); !got[want] {
				t.Fatalf("no line %q among %d lines", want, len(got))
			}
		}
	}
	if len(got) != workers*each {
		t.Errorf("%d distinct lines, want %d", len(got), workers*each)
	}
}
