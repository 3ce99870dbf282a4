package sinks

import (
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru/internal/fsys"
)

// The error of flushing a handed-off File's lines as it gives the file back goes to
// OnError with no lock held: an OnError that writes to either File does not deadlock.
func TestGiveBackReportsWithoutLocks(t *testing.T) {
	s := open(t, "app.log", nil, t0)
	s.write("a\n")
	reported := make(chan error, 1)
	g, err := s.File.Handoff(&FileOptions{Buffering: 1 << 10, OnError: func(err error) {
		s.File.Write([]byte("from OnError\n")) // the origin's Write takes its lock
		select {
		case reported <- err:
		default:
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	g.Write([]byte("held\n"))
	s.fs.Fail(fsys.Rule{Op: fsys.OpWrite, Path: "app.log", Times: 1, Err: syscall.EIO})
	done := make(chan error, 1)
	go func() { done <- g.Close() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Close deadlocked: OnError ran with the Files' locks held")
	}
	select {
	case err := <-reported:
		if err == nil {
			t.Error("OnError got a nil error")
		}
	default:
		t.Error("the failed flush was not reported")
	}
}
