package logru

import (
	"fmt"
	"strconv"
)

// ColorMode says whether a handler colours its output.
type ColorMode int

const (
	// ColorAuto, the zero value, decides per sink. Only "stdout", "stderr" and *os.File
	// writers can be coloured automatically: NO_COLOR set to anything non-empty turns
	// colours off; else FORCE_COLOR set to anything non-empty turns them on (even when
	// the file is no terminal); else they are on when the file is a terminal and TERM
	// is not "dumb". Paths, other writers, functions and Sinks are never coloured
	// automatically.
	ColorAuto ColorMode = iota
	// ColorAlways colours the output, whatever the sink.
	ColorAlways
	// ColorNever leaves colours out.
	ColorNever
)

// String returns "auto", "always" or "never".
func (m ColorMode) String() string {
	switch m {
	case ColorAuto:
		return "auto"
	case ColorAlways:
		return "always"
	case ColorNever:
		return "never"
	}
	return "ColorMode(" + strconv.Itoa(int(m)) + ")"
}

// MarshalText encodes the mode as "auto", "always" or "never".
func (m ColorMode) MarshalText() ([]byte, error) {
	if m < ColorAuto || m > ColorNever {
		return nil, fmt.Errorf("logru: invalid ColorMode %d", int(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText decodes "auto" (or ""), "always" or "never".
func (m *ColorMode) UnmarshalText(b []byte) error {
	switch string(b) {
	case "", "auto":
		*m = ColorAuto
	case "always":
		*m = ColorAlways
	case "never":
		*m = ColorNever
	default:
		return fmt.Errorf("logru: invalid colorize %q: want auto, always or never", b)
	}
	return nil
}
