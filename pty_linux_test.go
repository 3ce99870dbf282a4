package logru_test

import (
	"os"
	"strconv"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/logru/logru"
)

// openPTY opens a pseudo-terminal and returns both sides: the terminal a program writes
// to, and the master side that reads what it wrote. It skips the test where no
// pseudo-terminal can be had.
func openPTY(t *testing.T) (tty, master *os.File) {
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
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("opening the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty, master
}

// A handler writing to a terminal (an *os.File) colours its output when colours are
// automatic, unless NO_COLOR is set or TERM is "dumb".
func TestColorAutoOnATerminal(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"terminal", map[string]string{"TERM": "xterm"}, "\x1b[33m\x1b[1mW\x1b[0m"},
		{"NO_COLOR", map[string]string{"TERM": "xterm", "NO_COLOR": "1"}, "W"},
		{"TERM=dumb", map[string]string{"TERM": "dumb"}, "W"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"NO_COLOR", "FORCE_COLOR", "TERM"} {
				t.Setenv(k, tt.env[k])
			}
			tty, master := openPTY(t)
			l := logru.New()
			if _, err := l.Add(logru.Handler{Sink: tty, Format: "<level>{message}</level>"}); err != nil {
				t.Fatal(err)
			}
			l.Warning("W")
			l.Close()
			master.SetReadDeadline(time.Now().Add(10 * time.Second))
			buf := make([]byte, 256)
			n, err := master.Read(buf)
			if err != nil {
				t.Fatal(err)
			}
			// The terminal turns the line's "\n" into "\r\n".
			if got, want := string(buf[:n]), tt.want+"\r\n"; got != want {
				t.Errorf("the terminal got %q, want %q", got, want)
			}
		})
	}
}
