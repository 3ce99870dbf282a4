package logru_test

import (
	"testing"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/internal/ptytest"
)

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
			tty, master := ptytest.Open(t)
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
