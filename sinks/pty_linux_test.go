package sinks

import (
	"os"
	"testing"

	"github.com/logru/logru/internal/ptytest"
)

// A real terminal is detected through go-isatty, and the environment still decides.
func TestColorEnabledOnATerminal(t *testing.T) {
	tty, _ := ptytest.Open(t)
	for _, tt := range []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"terminal", map[string]string{"TERM": "xterm-256color"}, true},
		{"no TERM", nil, true},
		{"TERM=dumb", map[string]string{"TERM": "dumb"}, false},
		{"NO_COLOR", map[string]string{"TERM": "xterm", "NO_COLOR": "1"}, false},
		{"FORCE_COLOR on a dumb terminal", map[string]string{"TERM": "dumb", "FORCE_COLOR": "1"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"NO_COLOR", "FORCE_COLOR", "TERM"} {
				t.Setenv(k, tt.env[k])
			}
			if got := ColorEnabled(tty); got != tt.want {
				t.Errorf("ColorEnabled(terminal) = %v, want %v", got, tt.want)
			}
			if got := NewConsole(tty).ColorCapable(); got != tt.want {
				t.Errorf("NewConsole(terminal).ColorCapable() = %v, want %v", got, tt.want)
			}
		})
	}
	t.Setenv("NO_COLOR", "")
	t.Setenv("FORCE_COLOR", "")
	f, err := os.CreateTemp(t.TempDir(), "plain")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if ColorEnabled(f) || ColorEnabled(nil) {
		t.Error("a plain file or a nil file counts as a terminal")
	}
}
