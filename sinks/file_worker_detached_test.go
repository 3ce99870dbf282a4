package sinks

import (
	"errors"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// TestCloseFromOnErrorOnWorkerDetaches shows the worker's detached path (worker.finish,
// File.fail): a job on the worker goroutine fails, its OnError closes the File on that
// goroutine, and
//
//  1. Close returns (it does not wait for the worker, which would be waiting for
//     itself), with nil: no final job has run yet;
//  2. the final jobs Close queued (jobClosed: the compression of the active file, and
//     jobRetain with final set) run after OnError returns, and their errors go to
//     OnError, in order, instead of being lost;
//  3. the worker goroutine then ends: Close left nothing running for long.
//
// Through the public API a File queues non-final jobs only with a rotation configured,
// and final jobs only without one, so the first (failing) job is queued directly: a
// non-final retention pass, as a rotation queues after its file. The faults come from
// fsys.Faulty: retention's directory listing fails with EIO (the first job and the final
// retention), the compression's temporary file with ENOSPC.
//
// On a finish that always waits for the worker, Close never returns: the test fails
// with "deadlock" after 10 s instead of hanging (it does not use open, whose cleanup
// would call Close again and wait for the first one forever).
func TestCloseFromOnErrorOnWorkerDetaches(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	faulty := &fsys.Faulty{}
	errs := &errorLog{}
	closeErr := make(chan error, 1)
	var f *File
	var closing atomic.Bool // set by whoever calls Close: OnError, or the cleanup when it never did
	onError := func(err error) {
		errs.add(err)
		if closing.CompareAndSwap(false, true) {
			closeErr <- f.Close()
		}
	}
	f, err := newFile(filepath.Join(dir, "app.log"),
		&FileOptions{Compression: "gz", Retention: "10", OnError: onError},
		clock.NewFake(t0), faulty)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if closing.CompareAndSwap(false, true) {
			f.Close()
		}
	})
	if _, err := f.Write([]byte("line\n")); err != nil {
		t.Fatal(err)
	}
	// Rules set after newFile, whose cleanup of temporary files lists the directory.
	faulty.Fail(fsys.Rule{Op: fsys.OpReadDir, Times: 2, Err: syscall.EIO})
	faulty.Fail(fsys.Rule{Op: fsys.OpWrite, Path: ".tmp-", Times: 1, Err: syscall.ENOSPC})

	f.w.push(f, job{kind: jobRetain}) // starts the worker; fails; OnError closes f

	select {
	case err := <-closeErr:
		if err != nil {
			t.Errorf("Close from OnError returned %v, want nil (the final jobs had not run)", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("deadlock: Close called from OnError on the worker goroutine did not return")
	}
	select {
	case <-f.w.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the worker goroutine did not end after Close")
	}
	if !ended(f) {
		t.Error("a goroutine of the File is still running after Close and the worker's end")
	}
	f.w.mu.Lock()
	detached, kept := f.w.detached, len(f.w.errs)
	f.w.mu.Unlock()
	if !detached || kept != 0 {
		t.Errorf("worker detached %v with %d errors kept, want detached with none (they went to OnError)", detached, kept)
	}

	got := errs.all()
	if len(got) != 3 ||
		!errors.Is(got[0], syscall.EIO) || // the first job's retention: it closed the File
		!errors.Is(got[1], syscall.ENOSPC) || // final jobClosed: compressing app.log
		!errors.Is(got[2], syscall.EIO) { // final jobRetain
		t.Fatalf("OnError got %d errors %v, want EIO (first job), ENOSPC (final compression), EIO (final retention)", len(got), got)
	}
	// The failed compression kept the file, and left no temporary file.
	wantFiles(t, dir, map[string]string{"app.log": "line\n"})
}
