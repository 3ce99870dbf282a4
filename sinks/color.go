package sinks

import (
	"os"

	"github.com/mattn/go-isatty"
)

// ColorEnabled reports whether output to f should be coloured when colours are
// automatic: NO_COLOR set to anything non-empty turns colours off; otherwise FORCE_COLOR
// set to anything non-empty turns them on; otherwise f must be a terminal and TERM must
// not be "dumb".
func ColorEnabled(f *os.File) bool {
	term := f != nil && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
	return colorEnabled(term, os.Getenv)
}

func colorEnabled(terminal bool, getenv func(string) string) bool {
	if getenv("NO_COLOR") != "" {
		return false
	}
	if getenv("FORCE_COLOR") != "" {
		return true
	}
	return terminal && getenv("TERM") != "dumb"
}
