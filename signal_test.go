package logru_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru"
)

// The child process: a buffered file sink, one record, FlushOnSignal, then SIGTERM to
// itself. It must die of the signal with the record on disk.
func TestMain(m *testing.M) {
	if path := os.Getenv("LOGRU_SIGNAL_CHILD"); path != "" {
		l := logru.New()
		l.Add(logru.Handler{Sink: path, Format: "{message}", Buffering: 1 << 16})
		l.Info("flushed by the signal")
		l.FlushOnSignal(syscall.SIGTERM)
		p, _ := os.FindProcess(os.Getpid())
		p.Signal(syscall.SIGTERM)
		select {
		case <-time.After(30 * time.Second): // a guard only: the signal ends the process first
		}
		os.Exit(3)
	}
	os.Exit(m.Run())
}

func TestFlushOnSignal(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("needs POSIX signals")
	}
	path := filepath.Join(t.TempDir(), "child.log")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "LOGRU_SIGNAL_CHILD="+path)
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("the child did not die of its signal: %v", err)
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Fatalf("the child ended with %v, not by SIGTERM: the signal's default action was swallowed", ee)
	}
	if b, _ := os.ReadFile(path); string(b) != "flushed by the signal\n" {
		t.Errorf("the buffered record was lost: %q", b)
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
