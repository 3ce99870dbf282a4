//go:build unix

package fsys

import (
	"errors"
	"syscall"
)

// CanLock says whether Flock works on this system.
const CanLock = true

// Flock takes (exclusive) or releases an advisory flock on f's open file description,
// waiting for another holder to release it. Locks of different opens of one file exclude
// each other, also within one process.
func Flock(f File, exclusive bool) error {
	fd, ok := descriptor(f)
	if !ok {
		return errors.New("no file descriptor to lock")
	}
	how := syscall.LOCK_UN
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err := syscall.Flock(fd, how)
		if err != syscall.EINTR {
			return err
		}
	}
}
