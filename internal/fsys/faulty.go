package fsys

import (
	"io/fs"
	"strings"
	"sync"
	"time"
)

// Op names a filesystem operation a [Rule] can fail.
type Op string

// The operations Faulty can fail.
const (
	OpOpen    Op = "open"
	OpWrite   Op = "write"
	OpSync    Op = "sync"
	OpClose   Op = "close"
	OpRename  Op = "rename"
	OpRemove  Op = "remove"
	OpStat    Op = "stat"
	OpReadDir Op = "readdir"
	OpMkdir   Op = "mkdir"
)

// Rule makes Faulty fail an operation.
type Rule struct {
	// Op is the operation the rule fails; required.
	Op Op
	// Path limits the rule to paths containing this string ("" matches every path). For
	// a rename, the old path is matched.
	Path string
	// Skip lets this many matching calls succeed before the rule fails calls.
	Skip int
	// Times is how many calls fail once the rule is active; 0 means every call after Skip.
	Times int
	// Err is the error returned, e.g. syscall.ENOSPC (wrapped in a *fs.PathError).
	Err error
	// Delay, when set, makes each matching call wait on this channel before it runs
	// (close the channel to release them), to hold an operation in flight.
	Delay <-chan struct{}
}

// Faulty wraps an FS and fails operations by rules. It is safe for concurrent use; the
// zero value wraps OS.
type Faulty struct {
	// FS is the filesystem wrapped; nil means OS.
	FS FS

	mu    sync.Mutex
	rules []*ruleState
	calls map[Op]int
}

type ruleState struct {
	Rule
	seen, failed int
}

// Fail adds a rule.
func (f *Faulty) Fail(r Rule) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = append(f.rules, &ruleState{Rule: r})
}

// Reset removes every rule.
func (f *Faulty) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = nil
}

// Calls returns how many times op was called.
func (f *Faulty) Calls(op Op) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[op]
}

func (f *Faulty) base() FS {
	if f.FS == nil {
		return OS{}
	}
	return f.FS
}

// check counts a call and returns the error a rule imposes on it, if any.
func (f *Faulty) check(op Op, path string) error {
	f.mu.Lock()
	if f.calls == nil {
		f.calls = map[Op]int{}
	}
	f.calls[op]++
	var delay <-chan struct{}
	var err error
	for _, r := range f.rules {
		if r.Op != op || (r.Path != "" && !strings.Contains(path, r.Path)) {
			continue
		}
		if r.Delay != nil {
			delay = r.Delay
		}
		if r.Err == nil {
			continue
		}
		r.seen++
		if r.seen <= r.Skip || (r.Times > 0 && r.failed >= r.Times) {
			continue
		}
		r.failed++
		err = &fs.PathError{Op: string(op), Path: path, Err: r.Err}
		break
	}
	f.mu.Unlock()
	if delay != nil {
		<-delay
	}
	return err
}

// OpenFile opens through the wrapped FS unless a rule fails it.
func (f *Faulty) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	if err := f.check(OpOpen, name); err != nil {
		return nil, err
	}
	file, err := f.base().OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &faultyFile{File: file, f: f}, nil
}

// Rename renames unless a rule fails it.
func (f *Faulty) Rename(oldpath, newpath string) error {
	if err := f.check(OpRename, oldpath); err != nil {
		return err
	}
	return f.base().Rename(oldpath, newpath)
}

// Remove removes unless a rule fails it.
func (f *Faulty) Remove(name string) error {
	if err := f.check(OpRemove, name); err != nil {
		return err
	}
	return f.base().Remove(name)
}

// Stat stats unless a rule fails it.
func (f *Faulty) Stat(name string) (fs.FileInfo, error) {
	if err := f.check(OpStat, name); err != nil {
		return nil, err
	}
	return f.base().Stat(name)
}

// Lstat lstats unless a rule for OpStat fails it.
func (f *Faulty) Lstat(name string) (fs.FileInfo, error) {
	if err := f.check(OpStat, name); err != nil {
		return nil, err
	}
	return f.base().Lstat(name)
}

// ReadDir reads a directory unless a rule fails it.
func (f *Faulty) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.check(OpReadDir, name); err != nil {
		return nil, err
	}
	return f.base().ReadDir(name)
}

// MkdirAll makes directories unless a rule fails it.
func (f *Faulty) MkdirAll(path string, perm fs.FileMode) error {
	if err := f.check(OpMkdir, path); err != nil {
		return err
	}
	return f.base().MkdirAll(path, perm)
}

// Created asks the wrapped FS unless a rule for OpStat fails it.
func (f *Faulty) Created(name string) (time.Time, error) {
	if err := f.check(OpStat, name); err != nil {
		return time.Time{}, err
	}
	return f.base().Created(name)
}

type faultyFile struct {
	File
	f *Faulty
}

func (ff *faultyFile) Write(p []byte) (int, error) {
	if err := ff.f.check(OpWrite, ff.Name()); err != nil {
		return 0, err
	}
	return ff.File.Write(p)
}

func (ff *faultyFile) Sync() error {
	if err := ff.f.check(OpSync, ff.Name()); err != nil {
		return err
	}
	return ff.File.Sync()
}

func (ff *faultyFile) Close() error {
	err := ff.f.check(OpClose, ff.Name())
	if cerr := ff.File.Close(); err == nil {
		err = cerr
	}
	return err
}
