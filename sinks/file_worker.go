package sinks

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/logru/logru/internal/archive"
	"github.com/logru/logru/internal/rotspec"
	"github.com/logru/logru/internal/stack"
)

// This file holds a File's background worker: one goroutine, started at the first
// rotation (or by Close when it has work for it), that compresses rotated files, renames
// them into the index scheme, and applies the retention, one job at a time, in the order
// the rotations happened. Writers only queue jobs; Close waits for the queue to drain.

type jobKind uint8

const (
	jobRotated jobKind = iota // a rotated file: (index scheme: renumber) compress, then retention
	jobClosed                 // the active file at Close, without rotation: compress it
	jobRetain                 // retention alone, at Close without rotation
	jobBarrier                // tests: close done when reached
)

type job struct {
	kind    jobKind
	path    string      // the file to work on; its base name is protected until the job ends
	base    string      // the active-file name it was rotated from (jobRotated, jobClosed)
	created time.Time   // its creation time, for a rotated name
	staged  bool        // renamed by the rotation to a time-scheme name (not a template's own name)
	info    fs.FileInfo // the file as the sink had it open: only that file is renamed or compressed
	final   bool        // queued by Close: errors are returned by Close, not reported
	done    chan struct{}
}

// worker is the queue and the state shared by writers and the worker goroutine.
type worker struct {
	mu         sync.Mutex
	jobs       []job
	names      *nameSet // base names retention must not touch; shared along a Handoff
	started    bool
	closing    bool
	detached   bool          // finish returned without waiting (see finish): final errors go to OnError
	wake       chan struct{} // capacity 1: a job was queued, or Close is waiting
	done       chan struct{} // closed when the goroutine ends
	errs       []error       // errors of final jobs
	unretained int           // rotated files processed since the last retention (worker goroutine only)
	// The last time-scheme name reserved, without counter, and its counter: when the
	// clock stands still, the search for a free name starts there, not at 1.
	lastName string
	lastN    int
}

// retainEvery bounds how many rotated files a busy worker processes between two
// retentions; an idle one applies the retention after every file.
const retainEvery = 8

func (w *worker) init() {
	w.names = &nameSet{m: map[string]int{}}
	w.wake = make(chan struct{}, 1)
	w.done = make(chan struct{})
}

// nameSet counts the base names retention and renaming must not touch: the active file
// and the files queued for background work. A File made by Handoff shares its
// predecessor's, so that neither touches a file the other works on.
type nameSet struct {
	mu sync.Mutex
	m  map[string]int
}

func (w *worker) protect(name string) {
	w.names.mu.Lock()
	w.names.m[name]++
	w.names.mu.Unlock()
}

func (w *worker) unprotect(name string) {
	w.names.mu.Lock()
	if n := w.names.m[name]; n > 1 {
		w.names.m[name] = n - 1
	} else {
		delete(w.names.m, name)
	}
	w.names.mu.Unlock()
}

// push queues j, starting the goroutine at the first job.
func (w *worker) push(f *File, j job) {
	w.mu.Lock()
	w.jobs = append(w.jobs, j)
	start := !w.started
	w.started = true
	w.mu.Unlock()
	if start {
		go w.run(f)
		return
	}
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// finish lets the goroutine run the queued jobs, waits for it to end, and returns the
// errors of the final jobs.
//
// Called on the worker's own goroutine (an OnError, reached from a job's note, that
// closes the File), it cannot wait for itself: it returns the errors so far, and the
// final jobs, which run once OnError returns, report theirs to OnError (detached).
func (w *worker) finish() []error {
	w.mu.Lock()
	w.closing = true
	started := w.started
	w.mu.Unlock()
	if !started {
		return nil
	}
	select {
	case w.wake <- struct{}{}:
	default:
	}
	if fnWorkerRun.In(stack.Callers(1)) {
		w.mu.Lock()
		errs := w.errs
		w.errs, w.detached = nil, true
		w.mu.Unlock()
		return errs
	}
	<-w.done
	return w.errs
}

// fnWorkerRun is the worker goroutine's function, which finish looks for on a stack.
var fnWorkerRun = stack.Of((*worker).run)

func (w *worker) run(f *File) {
	defer close(w.done)
	for {
		w.mu.Lock()
		for len(w.jobs) == 0 {
			if w.closing {
				w.mu.Unlock()
				return
			}
			w.mu.Unlock()
			<-w.wake
			w.mu.Lock()
		}
		j := w.jobs[0]
		w.jobs[0] = job{}
		w.jobs = w.jobs[1:]
		idle := true // no work waits (barriers are not work)
		for _, next := range w.jobs {
			if next.kind != jobBarrier {
				idle = false
				break
			}
		}
		w.mu.Unlock()
		f.do(j, idle)
	}
}

// fail records or reports the error of a job.
func (f *File) fail(j job, err error) {
	if err == nil {
		return
	}
	if j.final {
		f.w.mu.Lock()
		if !f.w.detached {
			f.w.errs = append(f.w.errs, err)
			f.w.mu.Unlock()
			return
		}
		f.w.mu.Unlock() // nobody waits for the final errors: see worker.finish
	}
	f.report(err)
}

// do runs one job. Retention follows a rotated file's job when no other job waits, or
// after retainEvery files when the worker is behind: a burst of rotations is retained
// in a few passes, not one per file.
func (f *File) do(j job, idle bool) {
	defer func() {
		if r := recover(); r != nil {
			f.fail(j, fmt.Errorf("sinks: panic in background work on %s: %v", j.path, r))
		}
	}()
	switch j.kind {
	case jobBarrier:
		close(j.done)
		return
	case jobRotated, jobClosed:
		f.fail(j, f.process(j))
		if j.kind == jobClosed {
			return
		}
		if f.w.unretained++; !idle && f.w.unretained < retainEvery {
			return
		}
	}
	if f.ret != nil || f.retFunc != nil {
		f.w.unretained = 0
		f.fail(j, f.retain())
	}
}

// process renumbers (index scheme) and compresses one file.
func (f *File) process(j job) (err error) {
	path := j.path
	cur := filepath.Base(path) // the protected name
	defer func() { f.w.unprotect(cur) }()
	root, ext := splitExt(j.base)

	// moveAside renames the file to a free time-scheme name.
	moveAside := func() error {
		np, err := f.w.reserveTimeName(f, root, ext, j.created)
		if err != nil {
			return err
		}
		if err := f.fs.Rename(path, np); err != nil {
			f.w.unprotect(filepath.Base(np))
			return fmt.Errorf("sinks: renaming %s: %w", path, err)
		}
		f.w.unprotect(cur)
		path, cur = np, filepath.Base(np)
		return nil
	}

	if !f.ownsPath(path, j.info) {
		// Something else has the name now (a FIFO, a device, another program's file):
		// it is not the sink's to rename or compress.
		return fmt.Errorf("sinks: not compressing %s: it is no longer the file the sink wrote", path)
	}
	if j.kind == jobClosed {
		if f.compFunc != nil {
			return f.callCompress(path)
		}
		err := archive.Compress(f.fs, path, path+f.format.Ext(), f.format, nil)
		if err == nil || !errors.Is(err, fs.ErrExist) {
			return err
		}
		// An archive of an earlier run has this name: keep both, the file under a
		// rotated name.
		if err := moveAside(); err != nil {
			return err
		}
		j.staged = true
	}

	var errs []error
	if j.staged && f.names.scheme == namingIndex {
		np, err := f.renumber(path, j.base)
		if err != nil {
			// It stays under its time-scheme name, which retention recognises too.
			errs = append(errs, err)
		} else {
			f.w.unprotect(cur)
			path, cur = np, ""
		}
	}

	switch {
	case f.compFunc != nil:
		errs = append(errs, f.callCompress(path))
	case f.format != 0:
		for attempt := 0; ; attempt++ {
			err := archive.Compress(f.fs, path, path+f.format.Ext(), f.format, nil)
			if err == nil || !errors.Is(err, fs.ErrExist) || attempt == 3 {
				errs = append(errs, err)
				break
			}
			// The archive's name is taken (by a file of an earlier run, or a foreign
			// one): move the file to a free name and compress it there.
			if err := moveAside(); err != nil {
				errs = append(errs, err)
				break
			}
		}
	}
	return errors.Join(errs...)
}

// callCompress calls CompressFunc.
func (f *File) callCompress(path string) error {
	if err := f.compFunc(path); err != nil {
		return fmt.Errorf("sinks: CompressFunc(%q): %w", path, err)
	}
	return nil
}

// reserveTimeName returns a free name for a file rotated from root+ext and created at
// created (a time-scheme name, or the custom Naming template's), and protects it until the caller is done with it. A name is free
// when neither it nor its archive exists and no job holds it; the counter .2, .3, …
// makes it so, so a clock that stands still or goes back never overwrites a file.
func (w *worker) reserveTimeName(f *File, root, ext string, created time.Time) (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.names.mu.Lock()
	defer w.names.mu.Unlock()
	stamp := created.In(f.loc)
	first := 1
	if key := f.names.rotatedName(root, ext, stamp, 1); key == w.lastName {
		first = w.lastN + 1
	} else {
		w.lastName = key
	}
	for n := first; n < first+100000; n++ {
		name := f.names.rotatedName(root, ext, stamp, n)
		if w.names.m[name] > 0 {
			continue
		}
		p := filepath.Join(f.dir, name)
		taken, err := f.exists(p)
		if err == nil && !taken && f.format != 0 {
			taken, err = f.exists(p + f.format.Ext())
		}
		if err != nil {
			return "", fmt.Errorf("sinks: choosing a name for a rotated file: %w", err)
		}
		if !taken {
			w.names.m[name]++
			w.lastN = n - 1 // n itself may be given back, if the rename fails
			return p, nil
		}
	}
	return "", fmt.Errorf("sinks: no free name for a rotated file %s.%s…%s", root, stamp.Format(time.DateOnly), ext)
}

// exists reports whether anything (a file, a directory, a symbolic link) has path.
func (f *File) exists(path string) (bool, error) {
	_, err := f.fs.Lstat(path)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return false, err
}

// renumber gives a staged rotated file the index-scheme name root.1ext, after renaming
// root.Kext (and its archives) to root.K+1ext, highest K first. Nothing is ever renamed
// over an existing name: when one is in the way, renumbering stops with an error.
func (f *File) renumber(staged, base string) (string, error) {
	root, ext := splitExt(base)
	ents, err := f.fs.ReadDir(f.dir)
	if err != nil {
		return "", fmt.Errorf("sinks: renumbering rotated files: %w", err)
	}
	type indexed struct {
		name, suffix string
		k            int
	}
	var files []indexed
	for _, e := range ents {
		o, ok := f.names.parse(e.Name())
		if !ok || o.kind != kindIndex || o.base != base {
			continue
		}
		if fi, err := f.fs.Lstat(filepath.Join(f.dir, e.Name())); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		files = append(files, indexed{e.Name(), e.Name()[len(o.logical):], o.n})
	}
	sort.Slice(files, func(a, b int) bool { return files[a].k > files[b].k })
	rename := func(from, to string) error {
		taken, err := f.exists(to)
		if err == nil && taken {
			err = &fs.PathError{Op: "rename", Path: to, Err: fs.ErrExist}
		}
		if err == nil {
			err = f.fs.Rename(from, to)
		}
		if err != nil {
			return fmt.Errorf("sinks: renumbering rotated files: %w", err)
		}
		return nil
	}
	for _, x := range files {
		to := filepath.Join(f.dir, indexName(root, ext, x.k+1)+x.suffix)
		if err := rename(filepath.Join(f.dir, x.name), to); err != nil {
			return "", err
		}
	}
	first := filepath.Join(f.dir, indexName(root, ext, 1))
	if f.format != 0 {
		if taken, err := f.exists(first + f.format.Ext()); err != nil || taken {
			return "", fmt.Errorf("sinks: renumbering rotated files: %s exists", first+f.format.Ext())
		}
	}
	if err := rename(staged, first); err != nil {
		return "", err
	}
	return first, nil
}

// candidate is one rotated file for retention: a file, with its archive when both exist.
type candidate struct {
	own   ownName
	paths []string
	mod   time.Time
	size  int64
}

// rotatedFiles lists the sink's rotated files, oldest first: regular files (never
// directories or symbolic links) whose names follow the sink's grammar, except the
// active file and the files queued for background work.
func (f *File) rotatedFiles() ([]*candidate, error) {
	ents, err := f.fs.ReadDir(f.dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("sinks: listing rotated files: %w", err)
	}
	// Protected names are read after the listing: a file renamed before the listing
	// was protected before it was renamed.
	f.w.names.mu.Lock()
	protected := maps.Clone(f.w.names.m)
	f.w.names.mu.Unlock()
	byName := map[string]*candidate{}
	var out []*candidate
	for _, e := range ents {
		name := e.Name()
		if protected[name] > 0 {
			continue
		}
		o, ok := f.names.parse(name)
		if !ok || (f.names.tmpl == nil && name == f.names.base) {
			continue
		}
		fi, err := f.fs.Lstat(filepath.Join(f.dir, name))
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		c := byName[o.logical]
		if c == nil {
			c = &candidate{own: o}
			byName[o.logical] = c
			out = append(out, c)
		}
		c.paths = append(c.paths, filepath.Join(f.dir, name))
		c.size += fi.Size()
		if fi.ModTime().After(c.mod) {
			c.mod = fi.ModTime()
		}
	}
	slices.SortFunc(out, func(a, b *candidate) int {
		if c := a.mod.Compare(b.mod); c != 0 {
			return c
		}
		if a.own.older(b.own) {
			return -1
		}
		if b.own.older(a.own) {
			return 1
		}
		return 0
	})
	// Make the order strict, so that retention keeps it whatever it breaks ties by.
	for i := 1; i < len(out); i++ {
		if !out[i].mod.After(out[i-1].mod) {
			out[i].mod = out[i-1].mod.Add(time.Nanosecond)
		}
	}
	return out, nil
}

// retain applies Retention or RetainFunc to the sink's rotated files.
func (f *File) retain() error {
	files, err := f.rotatedFiles()
	if err != nil {
		return err
	}
	if f.retFunc != nil {
		var paths []string
		for _, c := range files {
			paths = append(paths, c.paths...)
		}
		if err := f.retFunc(paths); err != nil {
			return fmt.Errorf("sinks: RetainFunc: %w", err)
		}
		return nil
	}
	infos := make([]rotspec.FileInfo, len(files))
	byPath := make(map[string]*candidate, len(files))
	for i, c := range files {
		infos[i] = rotspec.FileInfo{Path: c.own.logical, ModTime: c.mod, Size: c.size}
		byPath[c.own.logical] = c
	}
	var errs []error
	for _, logical := range f.ret.Select(infos, f.clk.Now()) {
		for _, p := range byPath[logical].paths {
			if err := f.fs.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, fmt.Errorf("sinks: retention: %w", err))
			}
		}
	}
	return errors.Join(errs...)
}

// waitIdle returns when the jobs queued so far are done. For tests; not after Close.
func (f *File) waitIdle() {
	done := make(chan struct{})
	f.w.push(f, job{kind: jobBarrier, done: done})
	<-done
}
