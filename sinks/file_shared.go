package sinks

import (
	"errors"
	"fmt"
	"time"

	"github.com/logru/logru/internal/fsys"
)

// This file holds the Shared mode of a File: several processes (and Files) append to
// and rotate one path. Every write takes an advisory flock on the open file, checks under
// it that the path still names that file (another process may have rotated it: then the
// path is opened anew), decides the rotation from the file's real size, rotates while
// still holding the lock of the old file, writes, and lets go.

// checkShared refuses the options Shared cannot honour.
func (f *File) checkShared(o *FileOptions) error {
	switch {
	case !fsys.CanLock:
		return optionError("Shared", "true", errors.New("needs flock, which this system lacks (Linux and other Unix systems have it)"))
	case f.bufCap > 0:
		return optionError("Shared", "true", fmt.Errorf("it does not take Buffering (%d): every line is written under the lock at once", f.bufCap))
	case f.names.tmpl != nil:
		return optionError("Shared", "true", errors.New("a {time} path is not supported; rotate one fixed path instead"))
	case f.names.scheme == namingIndex:
		return optionError("Shared", "true", errors.New("it does not take Naming \"index\", which renames every rotated file; use \"time\" or a template"))
	case (f.format != 0 || f.compFunc != nil) && f.rot == nil && f.rotFunc == nil:
		return optionError("Shared", "true", errors.New("it does not take Compression without Rotation, which would compress the file at Close while other processes still write it; add a Rotation"))
	}
	_ = o
	return nil
}

// writeShared is write for a Shared File; f.mu is held.
func (f *File) writeShared(p []byte) (n int, err, rep error) {
	now := f.clk.Now()
	rep, err = f.lockCurrent(now)
	if err != nil {
		return 0, err, rep
	}
	if f.rotationDue(p, now) {
		opened, rerr := f.rotateShared(now)
		rep = errors.Join(rep, rerr)
		if opened {
			// The new file was created before rotateShared locked it: meanwhile another
			// writer may have opened it from the path, locked it first, written it and
			// rotated it away (its worker may be compressing it). Check again, under
			// this lock, that the path names it; if not, the path is opened anew.
			r, err := f.lockCurrent(now)
			rep = errors.Join(rep, r)
			if err != nil {
				return 0, err, rep
			}
		}
	}
	n, err = f.writeFile(p)
	if uerr := fsys.Flock(f.file, false); uerr != nil {
		rep = errors.Join(rep, fmt.Errorf("sinks: unlocking %s: %w", f.path, uerr))
	}
	if after := f.afterWrite; after != nil {
		f.afterWrite = nil
		after()
	}
	return n, err, rep
}

// sharedAttempts bounds how many times in a row lockCurrent finds that the path no
// longer names the file it locked. Each time, another writer rotated the path while this
// one waited for the lock: under load a goroutine that is not scheduled can miss several
// rotations in a row (six did happen, with two Files rotating every 4 KB on a loaded
// machine), and giving up drops the record. An attempt opens, locks and checks a file
// (microseconds), so the bound only stops a path that changes for ever.
const sharedAttempts = 1000

// lockCurrent opens the path when no file is open, locks the open file, and makes sure
// the path still names it: when another process rotated or deleted it meanwhile, the
// path is opened anew (and locked). On success the file is locked and f.size is its
// real size. rep holds what went wrong without stopping the write: unlocking or closing
// a file the path no longer names.
func (f *File) lockCurrent(now time.Time) (rep, err error) {
	for attempt := 0; ; attempt++ {
		if f.file == nil {
			if err := f.openPath(f.path, now, false, time.Time{}); err != nil {
				return rep, err
			}
		}
		if err := fsys.Flock(f.file, true); err != nil {
			return rep, fmt.Errorf("sinks: locking %s: %w", f.path, err)
		}
		st, ok, err := fsys.FStat(f.file)
		if err == nil && !ok {
			err = errors.New("no file descriptor")
		}
		if err != nil {
			if uerr := fsys.Flock(f.file, false); uerr != nil {
				rep = errors.Join(rep, fmt.Errorf("sinks: unlocking %s: %w", f.path, uerr))
			}
			return rep, fmt.Errorf("sinks: %s: %w", f.path, err)
		}
		fi, lerr := f.fs.Lstat(f.path)
		if lerr == nil {
			if id, ok := fsys.IDOf(fi); ok && id == st.ID && st.Nlink > 0 {
				f.size = st.Size
				return rep, nil
			}
		}
		// Closing the file lets its lock go, whether or not the unlock worked.
		_ = fsys.Flock(f.file, false)
		rep = errors.Join(rep, f.closeFile())
		if attempt == sharedAttempts {
			return rep, fmt.Errorf("sinks: %s keeps changing under the lock", f.path)
		}
	}
}

// rotateShared renames the locked active file and opens a new one at the path, holding
// the old file's lock until the new file is locked, so no writer waiting on the old file
// writes in between or rotates again. Only this process compresses the renamed file.
// opened says a new file was opened at the path (and locked, unless err says otherwise);
// the caller must still check that the path names it: the file was open, unlocked, for
// a moment, and a writer that opened the path then did not wait for the old file's lock.
func (f *File) rotateShared(now time.Time) (opened bool, err error) {
	oldFile, oldPath, oldCreated, oldInfo := f.file, f.path, f.created, f.info
	rotated, err := f.renameAside(oldPath, oldCreated, now)
	if err != nil {
		return false, err
	}
	f.file = nil
	if err := f.openPath(oldPath, now, true, time.Time{}); err != nil {
		// No new file: the line goes to the renamed one, which nobody else writes now,
		// and its compression is queued once that line is written (afterWrite), not
		// before: the compressor could read the file before the line is in it.
		f.file, f.info, f.path = oldFile, oldInfo, oldPath
		f.afterWrite = func() { f.pushRotated(rotated, oldPath, oldCreated, oldInfo) }
		return false, fmt.Errorf("sinks: rotating %s: %w", oldPath, err)
	}
	lerr := fsys.Flock(f.file, true)
	cerr := oldFile.Close() // lets the old lock go
	f.pushRotated(rotated, oldPath, oldCreated, oldInfo)
	var errs error
	if cerr != nil {
		errs = fmt.Errorf("sinks: closing %s (rotated to %s): %w", oldPath, rotated, cerr)
	}
	if lerr != nil {
		errs = errors.Join(errs, fmt.Errorf("sinks: locking %s: %w", oldPath, lerr))
	}
	return true, errs
}
