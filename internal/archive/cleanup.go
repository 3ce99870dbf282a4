package archive

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/logru/logru/internal/fsys"
)

// Cleanup removes the temporary files that a killed (or unlucky) [Compress] left in dir for
// logs named like base, and returns the removed paths.
//
// It removes only regular files whose names start with base and end in a Format's
// extension followed by ".tmp-" and 16 hex digits — exactly the names Compress gives its
// temporary files — so logs and finished archives are never touched, even a log whose name
// happens to contain ".tmp-". base is a file name prefix, not a path; "" matches every
// Compress temporary file in dir.
//
// Call it when no Compress is running into dir (a file sink calls it when it starts, before
// its worker runs): a running compression's temporary file looks like any other. A file
// that is already gone is not an error; other failures to remove are joined into the
// returned error, after the other files have been tried.
func Cleanup(fsys fsys.FS, dir, base string) ([]string, error) {
	return CleanupFunc(fsys, dir, func(archive string) bool { return strings.HasPrefix(archive, base) })
}

// CleanupFunc is [Cleanup] with a finer choice of files: it removes the temporary files
// of [Compress] in dir whose archive name (the temporary file's name without ".tmp-" and
// its hex digits, such as "app.2026-03-26_14-30-00_000000.log.gz") own accepts. A file
// sink passes a function that accepts only the archives it makes itself, so that it
// never removes the temporary file of another sink compressing in the same directory
// ("app.err.….log.gz.tmp-…" next to "app.log"). own must not be nil.
func CleanupFunc(fsys fsys.FS, dir string, own func(archive string) bool) ([]string, error) {
	entries, err := fsys.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("archive: cleaning up %s: %w", dir, err)
	}
	var removed []string
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !isTmpName(name) || !own(name[:strings.LastIndex(name, tmpMarker)]) {
			continue
		}
		path := filepath.Join(dir, name)
		if err := fsys.Remove(path); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			continue
		}
		removed = append(removed, path)
	}
	if len(errs) > 0 {
		return removed, fmt.Errorf("archive: cleaning up %s: %w", dir, errors.Join(errs...))
	}
	return removed, nil
}

// isTmpName reports whether name has the shape of a Compress temporary file:
// <archive name ending in a Format's extension> ".tmp-" <16 hex digits>.
func isTmpName(name string) bool {
	i := strings.LastIndex(name, tmpMarker)
	if i < 0 {
		return false
	}
	stem, suffix := name[:i], name[i+len(tmpMarker):]
	if len(suffix) != tmpHexLen || strings.Trim(suffix, "0123456789abcdef") != "" {
		return false
	}
	for f := Gzip; f <= TarXz; f++ {
		if ext := f.Ext(); len(stem) > len(ext) && strings.HasSuffix(stem, ext) {
			return true
		}
	}
	return false
}
