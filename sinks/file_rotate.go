package sinks

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/logru/logru/internal/fsys"
)

// dirMode grants search permission wherever mode grants read.
func dirMode(mode fs.FileMode) fs.FileMode {
	return mode | (mode&0o444)>>2
}

// retryDelay is how long a File waits, by its clock, before it tries again a rotation
// that failed. The condition that asked for it still holds, so the next write after
// that tries again; meanwhile lines go to the current file.
const retryDelay = time.Second

// open opens the active file: the path, or the template rendered with now. An existing
// file is appended to, and its creation time read from the filesystem; a new one is
// created now. The next time boundary is the first one after the creation time, or
// after now when afterRotation is set (see openPath).
func (f *File) open(now time.Time, afterRotation bool) error {
	path := f.path
	if f.names.tmpl != nil && !f.reuse {
		name := f.names.tmpl.render(now)
		if err := checkName(name); err != nil {
			return fmt.Errorf("sinks: %w", err)
		}
		path = filepath.Join(f.dir, name)
	}
	f.reuse = false
	return f.openPath(path, now, afterRotation, time.Time{})
}

// openPath opens path as the active file. created, when not zero, is the file's known
// creation time (the file is being reopened after a failed rotation).
//
// The first file opened fixes the origin of the interval grid, f.grid, for the File's
// life: interval boundaries are f.grid + k·interval (see rotspec.Rotation.NextOnGrid),
// however late the records that cross them come and whatever other condition rotated
// the file in between. The next boundary is the first one on the grid after the
// creation time (a restarted program rotates at once a file whose boundary passed
// while it was stopped), or after now when the file replaces one just rotated (a
// rotation that came late does not rotate again at once).
func (f *File) openPath(path string, now time.Time, afterRotation bool, created time.Time) error {
	if err := f.fs.MkdirAll(f.dir, dirMode(f.mode)); err != nil {
		return fmt.Errorf("sinks: creating the directory of %s: %w", path, err)
	}
	if err := f.checkKind(path); err != nil {
		return err
	}
	file, existed, err := f.openOrCreate(path)
	if err != nil {
		return fmt.Errorf("sinks: opening %s: %w", path, err)
	}
	info, err := file.Stat()
	if err != nil {
		file.Close()
		return fmt.Errorf("sinks: opening %s: %w", path, err)
	}
	if !info.Mode().IsRegular() && f.touches() {
		// The path changed between the check and the open.
		file.Close()
		return f.notRegular(path, info.Mode())
	}
	f.releaseID()
	if id, ok := fsys.IDOf(info); ok && info.Mode().IsRegular() {
		if err := f.claimID(id); err != nil {
			file.Close()
			return err
		}
	}
	switch {
	case !created.IsZero():
	case !existed:
		created = now
		f.recordCreation(path, created)
	default:
		if c, err := f.fs.Created(path); err == nil {
			created = c.In(f.loc)
		} else {
			created = info.ModTime().In(f.loc)
		}
		f.recordCreation(path, created)
	}
	if name := filepath.Base(path); name != f.active {
		// The active file is never offered to retention.
		f.w.protect(name)
		if f.active != "" {
			f.w.unprotect(f.active)
		}
		f.active = name
	}
	f.file, f.info, f.path = file, info, path
	// The lines still held (after a write found the old file deleted) go to this file.
	f.size, f.created = info.Size()+int64(len(f.buf)), created
	if !existed {
		f.torn = false
	}
	f.lastWatch = now
	if f.grid.IsZero() {
		f.grid = created
	}
	f.next = time.Time{}
	if f.hasTime {
		if afterRotation {
			f.next = f.rot.NextOnGrid(f.grid, now)
		} else {
			f.next = f.rot.NextOnGrid(f.grid, created)
		}
	}
	return nil
}

// recordCreation keeps created as the creation time of the file at path where the
// filesystem records no birth time (see fsys.CreationRecorder: on Linux, an extended
// attribute), so that a program restarted on that file finds the same origin for its
// time boundaries. Where it cannot be kept, a restart reads the file's modification
// time instead, that is the time of the last write before the stop.
func (f *File) recordCreation(path string, created time.Time) {
	if r, ok := f.fs.(fsys.CreationRecorder); ok {
		_ = r.SetCreated(path, created) // best effort: the fallback is documented
	}
}

// openOrCreate opens path for appending, creating it when it does not exist, and says
// whether it existed.
func (f *File) openOrCreate(path string) (file fsys.File, existed bool, err error) {
	for range 3 { // the file may appear or vanish between the two opens
		file, err = f.fs.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE|os.O_EXCL, f.mode)
		if err == nil || !errors.Is(err, fs.ErrExist) {
			return file, false, err
		}
		flag := os.O_WRONLY | os.O_APPEND
		if fi, err := f.fs.Stat(path); err == nil && fi.Mode()&fs.ModeNamedPipe != 0 {
			// A FIFO with no reader would block the open forever: fail instead
			// (ENXIO). Once open, writes wait for the reader as usual.
			flag |= syscall.O_NONBLOCK
		}
		file, err = f.fs.OpenFile(path, flag, 0)
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			return file, true, err
		}
	}
	return nil, false, err
}

// closeFile flushes and closes the active file, returning what went wrong.
func (f *File) closeFile() error {
	err := f.flush()
	f.releaseID() // before the close: see releaseID
	if cerr := f.file.Close(); cerr != nil {
		err = errors.Join(err, fmt.Errorf("sinks: closing %s: %w", f.path, cerr))
	}
	f.file, f.info = nil, nil
	f.unlinked = false // whatever a write found of the file closed
	return err
}

// rotate replaces the active file by a new one: the old file is closed and renamed to
// its rotated name (or, for a template whose name changed, left as it is), queued for
// compression and retention, and a new file is opened. rep reports what went wrong
// without stopping the line from being written; openErr is set when no file could be
// opened, and the line cannot be written.
//
// When the rename fails the old file is reopened and written on, and the rotation is
// tried again after retryDelay.
func (f *File) rotate(now time.Time) (rep, openErr error) {
	oldPath, oldCreated, oldInfo := f.path, f.created, f.info
	rep = f.closeFile()

	if f.names.tmpl != nil {
		if name := f.names.tmpl.render(now); filepath.Join(f.dir, name) != oldPath {
			// A new name: the old file keeps its name. It stays protected from
			// retention (as the active file was) until its job is done.
			f.w.protect(filepath.Base(oldPath))
			f.w.push(f, job{kind: jobRotated, path: oldPath, base: filepath.Base(oldPath), created: oldCreated, info: oldInfo})
			return rep, f.open(now, true)
		}
	}

	if !f.ownsPath(oldPath, oldInfo) {
		// The path no longer names the file written (it was moved, deleted or replaced
		// by someone else): nothing is renamed; the path is opened anew.
		rep = errors.Join(rep, fmt.Errorf("sinks: rotating %s: the path no longer names the file written (another program moved, deleted or replaced it); renaming nothing, opening the path anew", oldPath))
		return rep, f.openPath(oldPath, now, true, time.Time{})
	}
	rotated, err := f.renameAside(oldPath, oldCreated, now)
	if err != nil {
		rep = errors.Join(rep, err)
		return rep, f.openPath(oldPath, now, false, oldCreated)
	}
	f.pushRotated(rotated, oldPath, oldCreated, oldInfo)
	return rep, f.openPath(oldPath, now, true, time.Time{})
}

// renameAside renames the active file at oldPath, created at oldCreated, to its rotated
// name. When it cannot, the name is given back, the rotation is tried again after
// retryDelay, and the error says the sink writes on to the file.
func (f *File) renameAside(oldPath string, oldCreated, now time.Time) (rotated string, err error) {
	root, ext := splitExt(filepath.Base(oldPath))
	rotated, err = f.w.reserveTimeName(f, root, ext, oldCreated)
	if err == nil {
		if err = f.fs.Rename(oldPath, rotated); err != nil {
			f.w.unprotect(filepath.Base(rotated))
		}
	}
	if err != nil {
		f.retryAt = now.Add(retryDelay)
		return "", fmt.Errorf("sinks: rotating %s (writing on to it, trying again in %v): %w", oldPath, retryDelay, err)
	}
	return rotated, nil
}

// pushRotated queues the compression and retention of a file renamed to rotated.
func (f *File) pushRotated(rotated, oldPath string, oldCreated time.Time, oldInfo fs.FileInfo) {
	f.w.push(f, job{kind: jobRotated, path: rotated, base: filepath.Base(oldPath), created: oldCreated, staged: true, info: oldInfo})
}

// checkWatch compares the path with the open file, and closes the file when the path
// was moved or deleted, or now names another file; the write that follows opens the
// same path again (recreating its directories). The lines held in the buffer go to the
// old file first.
func (f *File) checkWatch() error {
	fi, err := f.fs.Stat(f.path)
	if err == nil && os.SameFile(fi, f.info) {
		return nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("sinks: watching %s: %w", f.path, err)
	}
	f.reuse = true
	return f.closeFile()
}

// ownsPath reports whether path still names the regular file described by info (the
// file the sink opened there): only then may the sink rename or compress it.
func (f *File) ownsPath(path string, info fs.FileInfo) bool {
	if info == nil {
		return false
	}
	fi, err := f.fs.Lstat(path)
	return err == nil && fi.Mode().IsRegular() && os.SameFile(fi, info)
}
