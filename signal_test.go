package logru_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/internal/leaktest"
)

// stuckSink never finishes a flush: Close waits on it for ever.
type stuckSink struct{ entered chan struct{} }

func (s stuckSink) Write(logru.Message) error { return nil }
func (s stuckSink) Flush() error              { close(s.entered); select {} }

// signalChild is the child process of the FlushOnSignal tests; mode says which. Each
// writes to the file path and signals itself. A child that survives its signals exits 0;
// the guard exit 3 means a signal neither killed it nor was ignored.
func signalChild(mode, path string) {
	l := logru.New()
	self, _ := os.FindProcess(os.Getpid())
	switch mode {
	case "term": // a buffered file, SIGTERM
		l.Add(logru.Handler{Sink: path, Format: "{message}", Buffering: 1 << 16})
		l.Info("flushed by the signal")
		l.FlushOnSignal(syscall.SIGTERM)
		self.Signal(syscall.SIGTERM)
	case "int-enqueue": // a queue in front of a buffered file, SIGINT, default signals
		l.Add(logru.Handler{Sink: path, Format: "{message}", Buffering: 1 << 16, Enqueue: true})
		for i := range 1000 {
			l.Info("record {i}", "i", i)
		}
		l.FlushOnSignal()
		self.Signal(os.Interrupt)
	case "ignored": // SIGINT ignored before: it stays ignored
		l.Add(logru.Handler{Sink: path, Format: "{message}"})
		signal.Ignore(os.Interrupt)
		l.FlushOnSignal()
		usr := make(chan os.Signal, 1)
		signal.Notify(usr, syscall.SIGUSR1)
		self.Signal(os.Interrupt)
		self.Signal(syscall.SIGUSR1) // pending signals arrive lowest number first: SIGINT is handled by now
		<-usr
		l.Info("still logging")
		l.Close()
		os.Exit(0)
	case "stuck": // Close hangs on a sink: a second SIGTERM still ends the process
		entered := make(chan struct{})
		l.Add(logru.Handler{Sink: stuckSink{entered}})
		l.FlushOnSignal()
		self.Signal(syscall.SIGTERM)
		<-entered
		self.Signal(syscall.SIGTERM)
	}
	time.Sleep(30 * time.Second) // a guard only: the signal ends the process first
	os.Exit(3)
}

// TestMain runs the tests under the leak check of internal/leaktest. When the binary is
// re-executed as the child of a FlushOnSignal test, it plays the child instead (which never
// returns) and runs no test.
func TestMain(m *testing.M) {
	if path := os.Getenv("LOGRU_SIGNAL_CHILD"); path != "" {
		signalChild(os.Getenv("LOGRU_SIGNAL_MODE"), path)
	}
	leaktest.Main(m)
}

func TestFlushOnSignal(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("needs POSIX signals")
	}
	var many strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&many, "record %d\n", i)
	}
	for _, tt := range []struct {
		mode string
		sig  syscall.Signal // the signal the child must die of; 0: it must exit 0
		want string         // the file's content
	}{
		{"term", syscall.SIGTERM, "flushed by the signal\n"},
		{"int-enqueue", syscall.SIGINT, many.String()},
		{"ignored", 0, "still logging\n"},
		{"stuck", syscall.SIGTERM, ""},
	} {
		t.Run(tt.mode, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "child.log")
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "LOGRU_SIGNAL_CHILD="+path, "LOGRU_SIGNAL_MODE="+tt.mode)
			err := cmd.Run()
			if tt.sig == 0 {
				if err != nil {
					t.Fatalf("the child should have ignored its signal: %v", err)
				}
			} else {
				var ee *exec.ExitError
				if !errors.As(err, &ee) {
					t.Fatalf("the child did not die of its signal: %v", err)
				}
				ws, ok := ee.Sys().(syscall.WaitStatus)
				if !ok || !ws.Signaled() || ws.Signal() != tt.sig {
					t.Fatalf("the child ended with %v, not by %v: the signal's default action was swallowed", ee, tt.sig)
				}
			}
			if b, _ := os.ReadFile(path); string(b) != tt.want {
				t.Errorf("file content (%d bytes) %.200q, want (%d bytes) %.200q", len(b), b, len(tt.want), tt.want)
			}
		})
	}
}

func TestFlushOnSignalStop(t *testing.T) {
	l := logru.New()
	stop := l.FlushOnSignal(syscall.SIGUSR2)
	stop()
	stop() // idempotent
	l.FlushOnSignal(syscall.SIGUSR2)
	if err := l.Close(); err != nil { // Close withdraws it and stops its goroutine
		t.Fatal(err)
	}
	l.FlushOnSignal(syscall.SIGUSR2)() // after Close: nothing to start, stop returns at once
}
