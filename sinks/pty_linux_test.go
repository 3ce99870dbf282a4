package sinks

import (
	"os"
	"strconv"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal and returns its terminal side, which is what a
// program's stdout is when it runs in a terminal. It skips the test where no
// pseudo-terminal can be had.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlocking the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skipf("naming the pseudo-terminal: %v", err)
	}
	tty, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("opening the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty
}

// A real terminal is detected through go-isatty, and the environment still decides.
func TestColorEnabledOnATerminal(t *testing.T) {
	tty := openPTY(t)
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
