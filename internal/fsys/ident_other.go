//go:build !unix

package fsys

import "io/fs"

// IDOf returns false: identities are known on Unix systems only.
func IDOf(fs.FileInfo) (ID, bool) { return ID{}, false }

// Stat is a file's identity, size and link count, as fstat gives them.
type Stat struct {
	ID    ID
	Size  int64
	Nlink uint64
}

// FStat returns ok false: it is available on Unix systems only.
func FStat(File) (Stat, bool, error) { return Stat{}, false, nil }
