package logrutest_test

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"
)

// fakeT is a testing.TB whose failures, logs and output are recorded, so a test can
// check what logrutest does when a test fails. Its cleanups run at end.
type fakeT struct {
	testing.TB // the methods not overridden here are never called
	mu         sync.Mutex
	failed     bool
	fatals     []string
	errors     []string
	logs       []string
	out        bytes.Buffer
	cleanups   []func()
}

func (f *fakeT) Helper()          {}
func (f *fakeT) Cleanup(c func()) { f.cleanups = append(f.cleanups, c) }
func (f *fakeT) Fail()            { f.mu.Lock(); f.failed = true; f.mu.Unlock() }
func (f *fakeT) Failed() bool     { f.mu.Lock(); defer f.mu.Unlock(); return f.failed }
func (f *fakeT) Log(args ...any) {
	f.mu.Lock()
	f.logs = append(f.logs, fmt.Sprint(args...))
	f.mu.Unlock()
}
func (f *fakeT) Errorf(format string, args ...any) {
	f.mu.Lock()
	f.failed = true
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
	f.mu.Unlock()
}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.failed = true
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
	f.mu.Unlock()
}
func (f *fakeT) Output() io.Writer { return writerFunc(f.write) }

func (f *fakeT) write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.out.Write(p)
}

// end runs the cleanups, last registered first, as the testing package does.
func (f *fakeT) end() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
	f.cleanups = nil
}

type writerFunc func([]byte) (int, error)

func (w writerFunc) Write(p []byte) (int, error) { return w(p) }
