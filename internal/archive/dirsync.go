//go:build !windows && !plan9

package archive

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"github.com/logru/logru/internal/fsys"
)

// syncDir makes a rename in dir durable: it opens the directory read-only and syncs it.
// Errors that mean the system or file system cannot sync a directory are ignored, as is a
// directory the process may write but not read (it cannot be opened to sync); any other
// error is returned.
func syncDir(fsys fsys.FS, dir string) error {
	d, err := fsys.OpenFile(dir, os.O_RDONLY, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || dirSyncUnsupported(err) {
			return nil
		}
		return err
	}
	err = d.Sync()
	cerr := d.Close()
	if err != nil {
		if dirSyncUnsupported(err) {
			return nil
		}
		return err
	}
	return cerr
}

// dirSyncUnsupported reports whether err says that a directory cannot be synced here, as
// opposed to a failure of the storage.
func dirSyncUnsupported(err error) bool {
	return errors.Is(err, syscall.EINVAL) ||
		errors.Is(err, syscall.ENOTSUP) ||
		errors.Is(err, syscall.EOPNOTSUPP) ||
		errors.Is(err, syscall.EBADF) ||
		errors.Is(err, errors.ErrUnsupported)
}
