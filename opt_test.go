package logru_test

import (
	"fmt"
	"log/slog"
	"os"
	"slices"
	"testing"

	"github.com/logru/logru"
)

func TestOptLazy(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, Format: "{message}", Level: "INFO"})
	calls := 0
	f := func() any { calls++; return calls }
	lazy := l.Opt(logru.Options{Lazy: true})
	lazy.Debug("not {v}", "v", f)
	lazy.Info("yes {v}", "v", f)
	lazy.Info("panic {v}", "v", func() any { panic("no") })
	// A slog.Attr or a Fields value is as lazy as a pair, through LogAttrs too.
	lazy.Debug("not {v}", slog.Any("v", f))
	lazy.LogAttrs(logru.LevelDebug, "not {v}", slog.Any("v", f))
	lazy.Info("attr {v}", slog.Any("v", f))
	lazy.LogAttrs(logru.LevelInfo, "LogAttrs {v}", slog.Any("v", f))
	lazy.Info("fields {v}", logru.Fields{"v": f})
	expect(t, buf, "yes 1\npanic <PANIC=lazy value: no>\nattr 2\nLogAttrs 3\nfields 4\n")
	if calls != 4 {
		t.Errorf("lazy function called %d times, want 4", calls)
	}
}

func TestOptRaw(t *testing.T) {
	l, buf := newTest(t, "{level} {message}")
	l.Opt(logru.Options{Raw: true}).Info("Raw {x}", "x", "message")
	l.Opt(logru.Options{Raw: true}).Log("WARNING", " + The end\n")
	expect(t, buf, "Raw message + The end\n")
}

func TestOptColors(t *testing.T) {
	l := logru.New()
	color, plain := &lineBuffer{}, &lineBuffer{}
	l.Add(logru.Handler{Sink: color, Format: "<red>a</red> {message}", Colorize: logru.ColorAlways})
	l.Add(logru.Handler{Sink: plain, Format: "<red>a</red> {message}"})
	l.Opt(logru.Options{Colors: true}).Debug("<blue>b</blue> {v}", "v", "<red>B</red>")
	expect(t, color, "\x1b[31ma\x1b[0m \x1b[34mb\x1b[0m <red>B</red>\n")
	expect(t, plain, "a b <red>B</red>\n")
	// Without Colors, markup in the message is text.
	l.Debug("<blue>b</blue>")
	if got := plain.Lines()[1]; got != "a <blue>b</blue>\n" {
		t.Errorf("got %q", got)
	}
}

// loguru's test_opt.py cases: message colours nest inside the format's, every closing tag
// in the message re-applies the format's open tags, and Raw with Colors colours the
// message alone (no newline).
func TestOptColorsNestInFormat(t *testing.T) {
	l := logru.New()
	var got []string
	l.Add(logru.Handler{Sink: func(m logru.Message) { got = append(got, string(m.Text)) }, Format: "<level>FOO {message} BAR</level>", Colorize: logru.ColorAlways})
	c := l.Opt(logru.Options{Colors: true})
	c.Info("> foo <red>{a}</> bar <lvl>{b}</> baz <green>{c}</green> <", "a", 1, "b", 2, "c", 3)
	l.Opt(logru.Options{Colors: true, Raw: true}).Info("Raw <red>colors</red> and <lvl>level</lvl>")
	want := []string{
		"\x1b[1mFOO > foo \x1b[31m1\x1b[0m\x1b[1m bar \x1b[1m2\x1b[0m\x1b[1m baz \x1b[32m3\x1b[0m\x1b[1m < BAR\x1b[0m\n",
		"Raw \x1b[31mcolors\x1b[0m and \x1b[1mlevel\x1b[0m",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestOptException(t *testing.T) {
	l, buf := newTest(t, "{message}")
	err := fmt.Errorf("order: %w", os.ErrNotExist)
	l.Opt(logru.Options{Exception: err}).Error("order {id} failed", "id", 7)
	expect(t, buf, "order 7 failed\norder: file does not exist\n  caused by file does not exist\n")
}
