package sinks

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/logru/logru/internal/archive"
	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
	"github.com/logru/logru/internal/rotspec"
	"github.com/logru/logru/internal/stack"
)

// FileOptions configures a [File]. A nil *FileOptions, like the zero FileOptions, gives a
// plain appending file: mode 0600, opened at once, unbuffered, never rotated, every
// rotated file kept, nothing compressed, no watching.
//
// The string options use the spec language of loguru, described in the package
// documentation: Rotation "500 MB", "1 day", "00:00", "monday at 12:00",
// "100 MB or daily"; Retention "10", "7 days", "1 GB"; Compression "gz", "bz2", "xz",
// "zst", "zip", "tar", "tar.gz", "tar.bz2", "tar.xz" (or "gzip", "bzip2", "zstd", "tgz",
// "tbz2", "txz").
//
// Rotation, retention and compression only ever rename, compress or delete regular files
// the File created or rotated. A path that names something else (a device such as
// /dev/null, a FIFO, a socket, a symbolic link) is written to as it is, never rotated; with
// Rotation, Retention, Compression or their function options set, NewFile refuses it,
// naming the option. A FIFO that no process reads is an error (ENXIO), not a wait.
//
// The function options are called by the File: RotateFunc on the writing goroutine,
// under the File's lock; RetainFunc, CompressFunc and OnError on the File's background
// worker (OnError also on writing goroutines and the flusher). They must not call the
// File, and OnError must be safe for concurrent use.
type FileOptions struct {
	// Mode is the permission of the files the sink creates; 0 means 0600. The
	// directories it creates get the same permission plus search (x) wherever it grants
	// read: 0600 gives 0700, 0640 gives 0750. Both are subject to the umask. Existing
	// files and directories keep their permissions.
	Mode fs.FileMode

	// Delay creates (or opens) the file at the first write instead of in NewFile. A
	// File closed before any write never creates it.
	Delay bool

	// Buffering is how many bytes of lines are held in memory before they are written
	// to the file; 0 writes every line at once. Held lines reach the file at Flush,
	// Sync, Close, rotation, and at least once a second. A line of Buffering bytes or
	// more is written at once, after the held lines. At most [MaxBuffering]; the buffer
	// grows with what it holds, so a large Buffering costs memory only when used.
	Buffering int

	// Rotation says when the active file is closed, renamed (see Naming) and replaced by
	// a new empty file: "500 MB" before a write would make it larger than that (a line
	// larger than the limit goes alone into a fresh file); "1 day", "daily", "00:00",
	// "monday at 12:00", … when that time comes; conditions joined by " or " when any
	// holds. Time conditions count from when the file was created, so a restarted
	// program neither rotates early nor skips a rotation that fell due while it was
	// stopped; an interval's boundaries stay on the grid from the first file's creation
	// (see the package documentation). "" never rotates.
	Rotation string

	// RotateFunc, when set, is asked before every write, in addition to Rotation,
	// whether to rotate first. msg is the line about to be written and f the state of
	// the active file.
	RotateFunc func(msg []byte, f FileState) bool

	// Retention says which rotated files to delete, after each rotation (once its file
	// is compressed), or at Close when no rotation is configured: "10" keeps the ten
	// newest, "7 days" deletes those last modified longer ago, "1 GB" keeps the newest
	// files whose sizes add up to at most that. Only files the sink recognises as its
	// own are considered: see the package documentation. "" keeps every file.
	Retention string

	// RetainFunc, when set, is called instead of Retention with the paths of the sink's
	// rotated files (the same files Retention would consider), oldest first; it may
	// delete, move or keep them. Setting both Retention and RetainFunc is an error.
	RetainFunc func(rotated []string) error

	// Compression is the format rotated files are compressed into, off the writing
	// path, on the File's background worker: the file app.<time>.log becomes
	// app.<time>.log.gz. With no Rotation (nor RotateFunc), the file is compressed at
	// Close instead, into app.log.gz. "" compresses nothing.
	Compression string

	// CompressFunc, when set, is called on the background worker instead of
	// Compression, with the path of each rotated (closed) file, or of the active file at
	// Close when no rotation is configured. Setting both Compression and CompressFunc is
	// an error.
	CompressFunc func(path string) error

	// Watch makes the sink notice when another program moved or deleted the active
	// file (logrotate's create mode, an operator's rm): at most once a second of writes
	// it compares the path with the open file, and reopens the path (recreating its
	// directories) when they differ. Writes in between still go to the old file.
	Watch bool

	// Naming is how rotated files are named. "" or "time": app.log becomes
	// app.<creation time YYYY-MM-DD_HH-MM-SS_ffffff>.log, with .2, .3 before the
	// extension when that name is taken. "index": the newest rotated file is app.1.log,
	// the one before app.2.log, and so on (logrotate's style); each rotation renames
	// them all, on the background worker. Anything else is a file name with {time} or
	// {time:FORMAT} fields, as in a path, formed with the rotated file's creation time:
	// "app-{time:YYYY-MM-DD}.log" names the file rotated on a day app-2026-03-26.log,
	// the next one that day app-2026-03-26.2.log. It is in the active file's directory,
	// and must not hold a path separator. Retention and compression recognise the
	// names of every scheme; with a custom name, retention considers every name the
	// template could form, so choose one no other program's files take.
	Naming string

	// Shared lets any number of processes (and Files of this process with Shared set)
	// append to and rotate this one path without losing, tearing or duplicating a line:
	// every write takes an advisory lock (flock) on the file, checks that the path still
	// names it (another process may have rotated it: it is then opened anew), decides
	// the rotation from the file's real size, and writes. The process that rotates a
	// file is the one that compresses it. Shared needs flock (Linux and other Unix
	// systems; elsewhere it is an error) and a fixed path (no {time}); it does not take
	// Buffering, Naming "index", or Compression without Rotation (the file would be
	// compressed at Close while others write it). Every process must set it: the lock is
	// advisory. Without Shared, a path belongs to one File in one process.
	Shared bool

	// OnError receives the errors no caller can see: failed rotations (the line was
	// still written, to the current file), compressions, retentions, background
	// flushes, and lines lost when a buffer could not be written. Errors that Write,
	// Flush, Sync or Close return are not also passed to OnError. nil drops them.
	OnError func(error)
}

// FileState describes the active file of a [File], as RotateFunc sees it.
type FileState struct {
	Path    string    // the absolute path of the active file
	Size    int64     // its size in bytes, including lines still held in the buffer
	Created time.Time // when it was created (for a file that existed: its birth or modification time)
}

// File appends lines to a file, creating the file and its directories as needed, and
// optionally rotates it, deletes old rotated files and compresses them. An existing
// file is appended to, never truncated: the file is always opened with O_APPEND.
//
// A path belongs to one File in a process: NewFile refuses a path (or a file, reached
// through another spelling or a link) that another File of the process has open; see
// [File.Handoff] to pass an open file to a File with new options. A write that finds the
// file deleted while open (its link count is 0) returns an error, and the next write
// opens the path anew.
//
// A File is safe for concurrent use. Each Write is made, with the rotation check and
// any rotation before it, under the File's lock, so lines never interleave and a line is
// never split between two files. Compression and retention run on one background
// goroutine per File, started at the first rotation; Close waits for it and for the
// flusher, so that when Close returns the File runs nothing and holds no file open.
type File struct {
	// Set once by newFile.
	clk      clock.Clock
	fs       fsys.FS
	loc      *time.Location // the clock's location, for times read from the filesystem
	dir      string         // the absolute directory of the active file
	names    namer
	mode     fs.FileMode
	delay    bool
	bufCap   int
	rot      *rotspec.Rotation // nil: no Rotation spec
	limit    int64             // rot.SizeLimit()
	hasTime  bool              // rot.HasTime()
	rotFunc  func([]byte, FileState) bool
	ret      *rotspec.Retention // nil: no Retention spec
	retFunc  func([]string) error
	format   archive.Format // 0: no Compression spec
	compName string         // the Compression spec as given
	compFunc func(string) error
	watch    bool
	onError  func(error)
	shared   bool // Shared: other Files (and processes) may have the path open too
	// afterWrite, when set, runs once the write under way is done (Shared: the
	// compression of a rotated file the line had to go to; see rotateShared).
	afterWrite func()
	given      string // the path as given to NewFile
	givenBase  string // the file name part of it, unescaped only by the namer
	regKey     string // the registry key of the path (see file_registry.go)

	// origin is the File this one took the open file from by Handoff, while that File
	// is not closed; heir is the File this one handed its open file to. Both are
	// guarded by the mutexes of the two Files, the origin's taken first.
	origin *File
	heir   *File
	regID  fsys.ID // the registered identity of the open file; zero when none

	mu        sync.Mutex
	closed    bool
	path      string    // the active file's path (for a template before the first open: the template)
	file      fsys.File // nil before the first open, after a failed open, and after Close
	info      fs.FileInfo
	buf       []byte
	size      int64
	created   time.Time
	next      time.Time // the next time boundary; zero when none
	grid      time.Time // the origin of the interval grid: the creation time of the first file opened
	retryAt   time.Time // no rotation attempt before this, after one failed
	lastWatch time.Time
	active    string // the base name protected from retention as the active file
	reuse     bool   // the next open reuses path instead of rendering the template again
	torn      bool   // the last write stopped part-way through a line
	unlinked  bool   // the last write found the file deleted
	onTick    func() // test hook: called after each flush by the ticker

	tickStop chan struct{} // nil when Buffering is 0
	tickDone chan struct{}
	// stopping is the done channel of a flusher Handoff told to stop (guarded by mu;
	// nil when none): Close waits for it too, so it returns with nothing running.
	stopping chan struct{}

	w worker

	closeDone chan struct{}
}

// NewFile returns a File appending to path, which it makes absolute. Unless opts.Delay
// is set the file is opened now, and an error is returned if it cannot be.
//
// The base name of path may hold {time} or {time:FORMAT} (loguru's time tokens,
// "YYYY-MM-DD_HH-mm-ss_SSSSSS" by default): the name is then formed with the time the
// file is opened, and a rotation opens a new name instead of renaming the file. {{ and
// }} stand for literal braces; any other brace is an error.
//
// Invalid options are reported, naming the option and its value, before anything is
// created. NewFile also removes the temporary files that a compression killed part-way
// (by a crash of an earlier run) left next to the sink's files.
func NewFile(path string, opts *FileOptions) (*File, error) {
	return newFile(path, opts, clock.System{}, fsys.OS{})
}

// newFile is NewFile with its clock and filesystem injected, for tests.
func newFile(path string, opts *FileOptions, clk clock.Clock, fsys fsys.FS) (*File, error) {
	if path == "" {
		return nil, optionError("path", path, errors.New("empty path"))
	}
	var o FileOptions
	if opts != nil {
		o = *opts
	}
	f, err := prepareFile(path, &o, clk, fsys)
	if err != nil {
		return nil, err
	}
	if f.names.tmpl == nil {
		if fi, err := fsys.Stat(f.path); err == nil && fi.IsDir() {
			return nil, optionError("path", path, errors.New("is a directory"))
		}
		if err := f.checkKind(f.path); err != nil {
			return nil, err
		}
	}
	if err := f.claimPath(); err != nil {
		return nil, err
	}
	if !f.shared { // a Shared path's temporary files may be another process's work
		f.cleanup()
	}
	if !f.delay {
		if err := f.open(f.clk.Now(), false); err != nil {
			f.releasePath()
			return nil, err
		}
	}
	f.startFlusher()
	return f, nil
}

// prepareFile makes a File from its options, checked, opening nothing.
func prepareFile(path string, o *FileOptions, clk clock.Clock, fsys fsys.FS) (*File, error) {
	f := &File{
		clk: clk, fs: fsys, loc: clk.Now().Location(),
		mode: o.Mode, delay: o.Delay, bufCap: o.Buffering,
		rotFunc: o.RotateFunc, retFunc: o.RetainFunc, compFunc: o.CompressFunc,
		watch: o.Watch, onError: o.OnError, given: path, shared: o.Shared,
		closeDone: make(chan struct{}),
	}
	if err := f.configure(path, o); err != nil {
		return nil, err
	}
	if f.shared {
		if err := f.checkShared(o); err != nil {
			return nil, err
		}
	}
	f.w.init()
	f.regKey = f.regKeyOf()
	return f, nil
}

// MaxBuffering is the largest FileOptions.Buffering NewFile accepts: 64 MiB. Lines
// held longer than a second are flushed anyway, so a larger buffer would only hold
// more lines at risk in a crash.
const MaxBuffering = 64 << 20

// initialBuffer is what a File's buffer holds at first; append grows it, up to about
// Buffering, as lines arrive.
const initialBuffer = 64 << 10

// startFlusher starts the goroutine that flushes the buffer every second.
func (f *File) startFlusher() {
	if f.bufCap > 0 {
		f.tickStop, f.tickDone = make(chan struct{}), make(chan struct{})
		go f.flusher(f.clk.NewTicker(time.Second), f.tickStop, f.tickDone)
	}
}

// configure validates the options and the path and fills in what derives from them.
func (f *File) configure(path string, o *FileOptions) error {
	if f.mode == 0 {
		f.mode = 0o600
	}
	spec, err := o.parse(f.loc)
	if err != nil {
		return err
	}
	f.rot, f.ret, f.format = spec.rot, spec.ret, spec.format
	if f.rot != nil {
		f.limit, f.hasTime = f.rot.SizeLimit(), f.rot.HasTime()
	}
	f.compName = o.Compression
	scheme, custom := spec.scheme, spec.custom
	abs, err := filepath.Abs(path)
	if err != nil {
		return optionError("path", path, err)
	}
	dir, base := filepath.Split(abs)
	if base == "" || strings.HasSuffix(path, string(filepath.Separator)) || strings.HasSuffix(path, "/") {
		return optionError("path", path, errors.New("names a directory, not a file"))
	}
	dir, err = unescapeDir(filepath.Clean(dir))
	if err != nil {
		return optionError("path", path, err)
	}
	tmpl, lit, err := parsePathTemplate(base, f.loc)
	if err != nil {
		return optionError("path", path, err)
	}
	f.dir = dir
	f.givenBase = base
	f.names = namer{base: lit, tmpl: tmpl, scheme: scheme, custom: custom}
	if tmpl != nil {
		name := tmpl.render(f.clk.Now())
		if err := checkName(name); err != nil {
			return optionError("path", path, err)
		}
		f.path = filepath.Join(dir, base)
	} else {
		if err := checkName(lit); err != nil {
			return optionError("path", path, err)
		}
		f.path = filepath.Join(dir, lit)
	}
	return nil
}

// touches reports whether the File renames, compresses or deletes files: a rotation,
// retention or compression is configured. Such a File works only on regular files.
func (f *File) touches() bool {
	return f.rot != nil || f.rotFunc != nil || f.ret != nil || f.retFunc != nil || f.format != 0 || f.compFunc != nil
}

// touchOption names the first option that makes the File touch files, with its value
// ("" for a function), for error messages.
func (f *File) touchOption() (option, value string) {
	switch {
	case f.rot != nil:
		return "Rotation", f.rot.String()
	case f.rotFunc != nil:
		return "RotateFunc", ""
	case f.ret != nil:
		return "Retention", f.ret.String()
	case f.retFunc != nil:
		return "RetainFunc", ""
	case f.format != 0:
		return "Compression", f.compName
	}
	return "CompressFunc", ""
}

// checkKind refuses a path that names something other than a regular file (a device, a
// FIFO, a socket, a symbolic link) when the File would rename, compress or delete it: those
// options only ever touch regular files. A path that does not exist is fine.
func (f *File) checkKind(path string) error {
	if !f.touches() {
		return nil
	}
	fi, err := f.fs.Lstat(path)
	if err != nil || fi.Mode().IsRegular() {
		return nil
	}
	return f.notRegular(path, fi.Mode())
}

// notRegular is the error for a path that is not a regular file, given the options of
// f, which need one.
func (f *File) notRegular(path string, mode fs.FileMode) error {
	option, value := f.touchOption()
	return optionError(option, value, fmt.Errorf("%s is %s, not a regular file; rotation, retention and compression only touch regular files (without them, the sink writes to it as it is)", path, kindName(mode)))
}

// kindName says what kind of file mode describes, with an article.
func kindName(mode fs.FileMode) string {
	switch t := mode.Type(); {
	case t&fs.ModeSymlink != 0:
		return "a symbolic link"
	case t&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeCharDevice != 0:
		return "a character device"
	case t&fs.ModeDevice != 0:
		return "a device"
	case t&fs.ModeDir != 0:
		return "a directory"
	}
	return "of an unknown kind"
}

// unescapeDir turns {{ and }} into braces in the directory part of a path; {time} is
// allowed only in the file name.
func unescapeDir(dir string) (string, error) {
	if !strings.ContainsAny(dir, "{}") {
		return dir, nil
	}
	var b strings.Builder
	for i := 0; i < len(dir); i++ {
		c := dir[i]
		if c == '{' || c == '}' {
			if i+1 < len(dir) && dir[i+1] == c {
				i++
			} else if c == '{' && strings.HasPrefix(dir[i:], "{time") {
				return "", errors.New("{time} is allowed only in the file name, not in its directories")
			} else {
				return "", fmt.Errorf("single %q in a directory name: write %q for a literal brace", c, string([]byte{c, c}))
			}
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

// checkName refuses file names that cannot be files in the sink's directory.
func checkName(name string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsRune(name, filepath.Separator) || strings.ContainsRune(name, '/') {
		return fmt.Errorf("the file name %q is not a file name", name)
	}
	return nil
}

// cleanup removes the temporary files of compressions that a crash interrupted, before
// the worker can start one: only those of archives whose names the sink makes, never
// those of another sink compressing in the same directory. Rotated files left
// uncompressed by such a crash are kept as they are (retention still manages them);
// they are not compressed again.
func (f *File) cleanup() {
	own := func(archive string) bool {
		_, ok := f.names.parse(archive)
		return ok
	}
	if _, err := archive.CleanupFunc(f.fs, f.dir, own); err != nil && !errors.Is(err, fs.ErrNotExist) {
		f.report(err)
	}
}

// Path returns the absolute path of the active file. For a path with {time}, it is the
// name formed when the file was last opened, or the path as given (made absolute) before
// the first open.
func (f *File) Path() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.path
}

// Write appends p, which should be one complete line, to the active file (or to the
// buffer), rotating the file first when a rotation condition holds. Lines from
// concurrent Writes never interleave, and a line is never split across two files.
//
// Write returns an error only when p could not be written: the file could not be opened
// or the write itself failed (p may then be partly written; the next write ends that
// line first). The next Write tries again, reopening the file if needed. Errors on the
// way that did not stop p from being written, such as a failed rotation, go to
// OnError. After Close, Write returns [ErrClosed] (a File handed off by [File.Handoff]
// passes its Writes on to the File that has its file, closed or not).
func (f *File) Write(p []byte) (int, error) {
	for range 8 {
		n, heir, rep, err := f.write(p)
		if heir != nil {
			// Handed off: the File that has the open file writes. It may hand it back
			// meanwhile (it was closed first), and then this one writes again.
			n, err = heir.Write(p)
			if errors.Is(err, ErrClosed) && f.handedBack(heir) {
				continue
			}
			return n, err
		}
		if rep != nil {
			f.report(rep) // not under the lock: OnError may take its time, or log elsewhere
		}
		return n, err
	}
	return 0, ErrClosed
}

// write is Write under the lock. rep holds errors for OnError. The lock is released by a
// deferred call, so that a panicking RotateFunc leaves the File usable. heir is set, and
// nothing done, when f has handed its file off.
func (f *File) write(p []byte) (n int, heir *File, rep, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.heir != nil {
		return 0, f.heir, nil, nil // also after Close: the heir has the file
	}
	if f.closed {
		return 0, nil, nil, ErrClosed
	}
	if f.shared {
		n, err, rep = f.writeShared(p)
		return n, nil, rep, err
	}
	var now time.Time
	if f.hasTime || f.watch || f.file == nil || !f.retryAt.IsZero() {
		now = f.clk.Now()
	}
	if f.watch && f.file != nil && (now.Sub(f.lastWatch) >= time.Second || now.Before(f.lastWatch)) {
		f.lastWatch = now
		rep = f.checkWatch()
	}
	if f.file == nil {
		if err := f.open(now, false); err != nil {
			return 0, nil, rep, err
		}
	}
	if f.rotationDue(p, now) {
		if now.IsZero() {
			now = f.clk.Now()
		}
		rerr, oerr := f.rotate(now)
		rep = errors.Join(rep, rerr)
		if oerr != nil {
			return 0, nil, rep, oerr
		}
	}
	n, err, ferr := f.put(p)
	if f.unlinked {
		rep = errors.Join(rep, f.dropUnlinked())
	}
	if ferr != nil {
		rep = errors.Join(rep, ferr) // not on every write: errors.Join costs ~10 ns
	}
	return n, nil, rep, err
}

// dropUnlinked closes the file a write found deleted (see writeFile): the next write,
// or the flush of the lines still held, opens the path anew.
func (f *File) dropUnlinked() error {
	f.unlinked = false
	f.reuse = true
	var err error
	f.releaseID() // before the close: see releaseID
	if cerr := f.file.Close(); cerr != nil {
		err = fmt.Errorf("sinks: closing %s (deleted): %w", f.path, cerr)
	}
	f.file, f.info = nil, nil
	return err
}

// rotationDue is the O(1) check made before every write.
func (f *File) rotationDue(p []byte, now time.Time) bool {
	if !f.retryAt.IsZero() {
		if now.Before(f.retryAt) {
			return false
		}
		f.retryAt = time.Time{}
	}
	if f.limit > 0 && f.size > 0 && f.size+int64(len(p)) > f.limit {
		return true
	}
	if !f.next.IsZero() && !now.Before(f.next) {
		return true
	}
	return f.rotFunc != nil && f.rotFunc(p, FileState{Path: f.path, Size: f.size, Created: f.created})
}

// put writes p to the buffer or the file. ferr reports lines of earlier writes lost
// when the buffer could not be flushed.
func (f *File) put(p []byte) (n int, err, ferr error) {
	if f.bufCap > 0 {
		if len(f.buf)+len(p) > f.bufCap && len(f.buf) > 0 {
			ferr = f.flush()
		}
		if len(p) < f.bufCap {
			if f.buf == nil {
				f.buf = make([]byte, 0, min(f.bufCap, initialBuffer))
			}
			f.buf = append(f.buf, p...)
			f.size += int64(len(p))
			return len(p), nil, ferr
		}
	}
	n, err = f.writeFile(p)
	return n, err, ferr
}

// writeFile writes p to the file, ending first a line that an earlier failed write left
// incomplete.
func (f *File) writeFile(p []byte) (int, error) {
	if f.torn {
		if _, err := f.file.Write([]byte{'\n'}); err != nil {
			return 0, fmt.Errorf("sinks: %w", err)
		}
		f.size++
		f.torn = false
	}
	n, err := f.file.Write(p)
	f.size += int64(n)
	if err == nil && n < len(p) {
		err = &fs.PathError{Op: "write", Path: f.path, Err: errShortWrite}
	}
	if err != nil {
		f.torn = n > 0 && p[n-1] != '\n'
		return n, fmt.Errorf("sinks: %w", err)
	}
	if f.info != nil && f.info.Mode().IsRegular() {
		if st, ok, serr := fsys.FStat(f.file); ok && serr == nil && st.Nlink == 0 {
			// The file was deleted while open: what was written has no name and is
			// lost. It is not counted as written; the path is opened anew.
			f.unlinked = true
			return 0, fmt.Errorf("sinks: %s was deleted while open: %d bytes written to it are lost; opening the path anew", f.path, n)
		}
	}
	return n, nil
}

var errShortWrite = errors.New("short write")

// flush writes the buffer to the file. The buffer is emptied even when the write fails:
// the lines it held are then lost, and the error says how many bytes.
func (f *File) flush() error {
	if len(f.buf) == 0 {
		return nil
	}
	if f.file == nil {
		// Lines held when a write found the file deleted (and closed it) go to the file
		// the path now opens.
		if err := f.open(f.clk.Now(), false); err != nil {
			held := len(f.buf)
			f.buf = f.buf[:0]
			f.size -= int64(held)
			return fmt.Errorf("%w (%d buffered bytes lost)", err, held)
		}
	}
	held := len(f.buf)
	n, err := f.writeFile(f.buf)
	f.size -= int64(held) // writeFile counted the bytes written; the buffer counted them all
	f.buf = f.buf[:0]
	if err != nil {
		return fmt.Errorf("%w (%d buffered bytes lost)", err, held-n)
	}
	return nil
}

// Flush writes the lines held in the buffer to the file.
func (f *File) Flush() error {
	f.mu.Lock()
	if h := f.heir; h != nil {
		f.mu.Unlock()
		return h.Flush()
	}
	defer f.mu.Unlock()
	return f.flush()
}

// handedBack reports whether heir, which f handed its file to, has handed it back.
func (f *File) handedBack(heir *File) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return !f.closed && f.heir != heir
}

// Sync writes the lines held in the buffer and commits the file to stable storage. A
// Sync error means lines may be lost: a later Sync that succeeds does not mean they were
// saved.
func (f *File) Sync() error {
	f.mu.Lock()
	if h := f.heir; h != nil {
		f.mu.Unlock()
		return h.Sync()
	}
	defer f.mu.Unlock()
	if err := f.flush(); err != nil {
		return err
	}
	if f.file == nil {
		return nil
	}
	if err := f.file.Sync(); err != nil {
		return fmt.Errorf("sinks: %w", err)
	}
	return nil
}

// fnFlusher is the flusher's function, which onFlusher looks for on a stack.
var fnFlusher = stack.Of((*File).flusher)

// onFlusher reports whether the calling goroutine is a File's flusher (running the
// OnError of a failed flush). It reads the stack: Close and Handoff only.
func onFlusher() bool { return fnFlusher.In(stack.Callers(1)) }

// flusher flushes the buffer at every tick until Close. onFlusher looks for its
// frame: never inlined (a loop with a select is not, in any case).
//
//go:noinline
func (f *File) flusher(tk clock.Ticker, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	defer tk.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tk.C():
			f.mu.Lock()
			err := f.flush()
			hook := f.onTick
			f.mu.Unlock()
			if err != nil {
				f.report(err)
			}
			if hook != nil {
				hook()
			}
		}
	}
}

// Close writes the lines held in the buffer and closes the file. Without a rotation
// configured, it then compresses the file (when Compression or CompressFunc is set) and
// applies the retention. It waits for the background work already queued (compressions
// are finished, never abandoned half-made) and returns the first error of its own work;
// the errors of earlier rotations went to OnError.
//
// When Close returns, the File has stopped every goroutine it started and holds no file
// open. Close may be called more than once, also concurrently with Write: later Writes
// return [ErrClosed], later Closes wait for the first and return nil.
//
// One exception: called from an OnError that runs on a background goroutine of this
// package (a File's flusher or compression worker, a syslog or journal sink's link, an
// [Async] writer: of this File or of another), Close does not wait for the File's
// flusher and worker. Waiting there could wait for the calling goroutine itself, or for
// one that waits for it; they finish on their own, and the errors of the work left
// (the final compression and retention) go to OnError instead of being returned.
func (f *File) Close() error {
	if f.giveBack() {
		return f.finishClose(nil)
	}
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		<-f.closeDone
		return nil
	}
	f.closed = true
	if h := f.heir; h != nil {
		// Handed off: the open file is the heir's. Nothing is flushed, closed,
		// compressed or deleted here; the heir no longer hands the file back.
		h.mu.Lock()
		h.origin = nil
		h.mu.Unlock()
		f.mu.Unlock()
		return f.finishClose(nil)
	}
	var errs []error
	rotating := f.rot != nil || f.rotFunc != nil
	if f.file == nil && len(f.buf) > 0 {
		// Lines held after a write found the file deleted: flush opens the path for them.
		if err := f.flush(); err != nil {
			errs = append(errs, err)
		}
	}
	if f.file != nil {
		if err := f.flush(); err != nil {
			errs = append(errs, err)
		}
		id := f.regID
		f.releaseID() // before the close: see releaseID
		if err := f.file.Close(); err != nil {
			errs = append(errs, fmt.Errorf("sinks: %w", err))
		}
		f.file = nil
		// Another File of this process (a Shared one) still writing the file keeps it
		// as it is: nothing of a live file is compressed. Shared Files of other
		// processes are ruled out by Shared refusing compression without rotation.
		if !rotating && (f.format != 0 || f.compFunc != nil) && (id == (fsys.ID{}) || !othersHold(f, id)) {
			f.w.protect(filepath.Base(f.path))
			f.w.push(f, job{kind: jobClosed, path: f.path, base: filepath.Base(f.path), created: f.created, final: true, info: f.info})
		}
	}
	if !rotating && (f.ret != nil || f.retFunc != nil) {
		f.w.push(f, job{kind: jobRetain, final: true})
	}
	f.mu.Unlock()
	return f.finishClose(errs)
}

// finishClose stops the flusher, waits for the background work, releases the path and
// returns the first error (reporting the others).
func (f *File) finishClose(errs []error) error {
	f.mu.Lock()
	stop, done, stopping := f.tickStop, f.tickDone, f.stopping
	f.mu.Unlock()
	// Called from OnError on the flusher's goroutine (a note of a failed flush that
	// closes the logger), the flusher cannot be waited for: it ends as OnError returns.
	self := (stop != nil || stopping != nil) && onFlusher()
	if stop != nil {
		close(stop)
		if !self {
			<-done
		}
	}
	if stopping != nil && !self { // a flusher Handoff stopped may still be finishing a tick
		<-stopping
	}
	errs = append(errs, f.w.finish()...)
	f.releasePath()
	close(f.closeDone)
	if len(errs) == 0 {
		return nil
	}
	for _, err := range errs[1:] {
		f.report(err)
	}
	return errs[0]
}

// report passes err to OnError.
func (f *File) report(err error) {
	if f.onError != nil && err != nil {
		f.onError(err)
	}
}
