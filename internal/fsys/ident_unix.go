//go:build unix

package fsys

import (
	"io/fs"
	"syscall"
)

// IDOf returns the ID of the file fi describes, and false when fi does not say (it
// came from another filesystem implementation than the operating system's).
func IDOf(fi fs.FileInfo) (ID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || st == nil {
		return ID{}, false
	}
	return ID{Dev: uint64(st.Dev), Ino: uint64(st.Ino)}, true
}

// Stat is a file's identity, size and link count, as fstat gives them, without
// allocating.
type Stat struct {
	ID    ID
	Size  int64
	Nlink uint64
}

// FStat fstats f's descriptor. ok is false when f has none (a test double); err is the
// system's error.
func FStat(f File) (st Stat, ok bool, err error) {
	fd, ok := descriptor(f)
	if !ok {
		return Stat{}, false, nil
	}
	var s syscall.Stat_t
	if err := syscall.Fstat(fd, &s); err != nil {
		return Stat{}, true, err
	}
	return Stat{ID: ID{Dev: uint64(s.Dev), Ino: uint64(s.Ino)}, Size: s.Size, Nlink: uint64(s.Nlink)}, true, nil
}
