package archive

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/logru/logru/internal/fsys"
)

// ErrStopped is wrapped by the error Compress returns when its stop channel was closed
// before it finished. The temporary file is then removed and src is kept.
var ErrStopped = errors.New("archive: stopped")

// tmpMarker separates dst from the random suffix of a temporary file's name.
const tmpMarker = ".tmp-"

// tmpHexLen is the length of the random suffix: 8 random bytes in hex.
const tmpHexLen = 16

// errSizeChanged reports that src grew or shrank while it was compressed: something still
// writes it, so removing it could lose records.
var errSizeChanged = errors.New("file changed size while being compressed")

// Compress writes src compressed in format f to dst (usually src + f.Ext()), then removes src.
//
// Crash-safe: it writes to a temporary file in dst's directory, named dst + ".tmp-" + 16
// random hex digits (a name retention never mistakes for a log, and [Cleanup] removes), syncs
// it, closes it, renames it to dst, syncs the directory where the system supports that, and
// only then removes src. A kill at any moment leaves src intact, or a complete dst (and
// possibly src too), never a partial dst alone. The temporary file is created with src's
// permission bits (under the umask); dst is owned by the calling process.
//
// If dst already exists, Compress returns an error wrapping [fs.ErrExist] and touches
// nothing: the caller chooses unique names. It checks again just before the rename, but two
// Compress calls racing for one dst are the caller's to prevent.
//
// On any error before the rename the temporary file is removed (if even that fails, the
// error says so and [Cleanup] removes it later) and src is kept. The error names the
// operation and the path; an I/O error of the underlying file (syscall.ENOSPC, EIO, …) is
// wrapped, so errors.Is finds it. src must no longer be written: if its size changes while
// it is read, Compress fails and keeps it.
//
// Errors after the rename — syncing the directory, removing src — leave a complete dst and
// src both in place. The caller recognises this case by dst existing after an error that
// does not wrap fs.ErrExist: dst is then a whole archive of src, and the caller should
// report the error and remove src later (for example on its next run); it must not compress
// src again under another name.
//
// Zip, Tar, TarGz, TarBz2 and TarXz hold one member: src under its base name, with its
// permission bits and modification time (whole seconds). Gzip records the base name (when
// it is ASCII) and modification time in its header.
//
// Compress streams: it holds one 256 KiB chunk of src, a 64 KiB output buffer and the
// codec's state, whatever src's size. Its heap grows by about 0.3 MB for tar, 1.5 MB for
// gzip and zip, 10 MB for zstd, 11 MB for xz and 14 MB for bzip2. It starts no goroutine.
//
// stop, when closed, aborts a running compression: it is checked before starting and
// between chunks, and a chunk's write already under way finishes first. Compress then
// cleans up as on error and returns an error wrapping [ErrStopped]. Once all of src has been
// read, Compress completes without looking at stop again. Pass nil when it cannot be
// stopped.
//
// Compress is safe to call concurrently for different files.
func Compress(fsys fsys.FS, src, dst string, f Format, stop <-chan struct{}) error {
	if !f.valid() {
		return fmt.Errorf("archive: compressing %s: invalid format %d", src, uint8(f))
	}
	if src == "" || dst == "" || filepath.Clean(src) == filepath.Clean(dst) {
		return fmt.Errorf("archive: compressing %q to %q: need two distinct paths", src, dst)
	}
	if isClosed(stop) {
		return stoppedError(src)
	}
	if err := checkAbsent(fsys, dst); err != nil {
		return wrapErr(src, err)
	}
	c := &compression{fsys: fsys, src: src, dst: dst, spec: specs[f], stop: stop}
	return c.run()
}

// compression is one Compress call.
type compression struct {
	fsys     fsys.FS
	src, dst string
	spec     spec
	stop     <-chan struct{}

	tmp     string    // the temporary file's path, once created
	tmpFile fsys.File // open until closed before the rename
}

func (c *compression) run() (err error) {
	in, err := c.fsys.OpenFile(c.src, os.O_RDONLY, 0)
	if err != nil {
		return wrapErr(c.src, err)
	}
	// in is read-only: its Close error says nothing about the data. It is closed once read,
	// before the rename and the removal, which Windows refuses on an open file.
	defer func() {
		if in != nil {
			in.Close()
		}
	}()
	fi, err := in.Stat()
	if err != nil {
		return wrapErr(c.src, err)
	}
	if !fi.Mode().IsRegular() {
		return wrapErr(c.src, &fs.PathError{Op: "compress", Path: c.src, Err: errors.New("not a regular file")})
	}

	if err := c.createTmp(fi.Mode().Perm()); err != nil {
		return wrapErr(c.src, err)
	}
	defer func() {
		if err != nil {
			err = c.discardTmp(err)
		}
	}()

	if err := c.write(in, fi); err != nil {
		return err
	}
	in.Close()
	in = nil
	if err := c.tmpFile.Sync(); err != nil {
		return wrapErr(c.src, err)
	}
	f := c.tmpFile
	c.tmpFile = nil
	if err := f.Close(); err != nil {
		return wrapErr(c.src, err)
	}
	// The sink picks unique names, but a second look narrows the window in which an
	// archive appearing meanwhile would be replaced by the rename.
	if err := checkAbsent(c.fsys, c.dst); err != nil {
		return wrapErr(c.src, err)
	}
	if err := c.fsys.Rename(c.tmp, c.dst); err != nil {
		return wrapErr(c.src, err)
	}
	c.tmp = "" // from here on dst is complete: nothing to discard

	if err := syncDir(c.fsys, filepath.Dir(c.dst)); err != nil {
		return fmt.Errorf("archive: compressed %s into %s, but kept the source: the directory could not be synced: %w", c.src, c.dst, err)
	}
	if err := c.fsys.Remove(c.src); err != nil {
		return fmt.Errorf("archive: compressed %s into %s, but could not remove the source: %w", c.src, c.dst, err)
	}
	return nil
}

// createTmp creates the temporary file next to dst, exclusively.
func (c *compression) createTmp(perm fs.FileMode) error {
	var err error
	for range 3 { // a collision of 64 random bits means a stale file with our name: try again
		name := c.dst + tmpMarker + randomHex()
		var f fsys.File
		f, err = c.fsys.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			c.tmp, c.tmpFile = name, f
			return nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return err
}

// discardTmp closes and removes the temporary file after err, adding any failure to do so.
func (c *compression) discardTmp(err error) error {
	if c.tmpFile != nil {
		c.tmpFile.Close() // the file is being thrown away: its Close error does not matter
		c.tmpFile = nil
	}
	if c.tmp != "" {
		if rerr := c.fsys.Remove(c.tmp); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
			err = errors.Join(err, fmt.Errorf("archive: leaving temporary file %s (Cleanup removes it): %w", c.tmp, rerr))
		}
		c.tmp = ""
	}
	return err
}

// write streams src through the format's encoder into the temporary file and flushes it.
func (c *compression) write(in io.Reader, fi fs.FileInfo) error {
	out := &fileWriter{f: c.tmpFile}
	buf := bufio.NewWriterSize(out, writeBuffer)
	enc, err := newEncoder(c.spec, buf, filepath.Base(c.src), fi)
	if err != nil {
		return c.encodeErr(out, err)
	}

	chunk := make([]byte, readChunk)
	size := fi.Size()
	var read int64
	for {
		if isClosed(c.stop) {
			return stoppedError(c.src)
		}
		n, rerr := io.ReadFull(in, chunk)
		read += int64(n)
		if read > size {
			return wrapErr(c.src, &fs.PathError{Op: "read", Path: c.src, Err: errSizeChanged})
		}
		if n > 0 {
			if _, err := enc.body.Write(chunk[:n]); err != nil {
				return c.encodeErr(out, err)
			}
		}
		if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
			break
		}
		if rerr != nil {
			return wrapErr(c.src, rerr)
		}
	}
	if read != size {
		return wrapErr(c.src, &fs.PathError{Op: "read", Path: c.src, Err: errSizeChanged})
	}
	if err := enc.close(); err != nil {
		return c.encodeErr(out, err)
	}
	if err := buf.Flush(); err != nil {
		return c.encodeErr(out, err)
	}
	return nil
}

// encodeErr reports an error of the encoder chain. When the file under it failed, that
// error is the cause (some codecs replace it by their own): it is returned as it came.
func (c *compression) encodeErr(out *fileWriter, err error) error {
	if out.err != nil {
		return wrapErr(c.src, out.err)
	}
	return wrapErr(c.src, &fs.PathError{Op: "compress", Path: c.tmp, Err: err})
}

// fileWriter writes to the temporary file and remembers its first error.
type fileWriter struct {
	f   fsys.File
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.f.Write(p)
	if err == nil && n < len(p) {
		err = &fs.PathError{Op: "write", Path: w.f.Name(), Err: io.ErrShortWrite}
	}
	if err != nil {
		w.err = err
	}
	return n, err
}

// checkAbsent returns nil when nothing exists at path, an error wrapping fs.ErrExist when
// something does, and the error of the look-up when that fails.
func checkAbsent(fsys fsys.FS, path string) error {
	_, err := fsys.Lstat(path)
	switch {
	case err == nil:
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	case errors.Is(err, fs.ErrNotExist):
		return nil
	default:
		return err
	}
}

func wrapErr(src string, err error) error {
	return fmt.Errorf("archive: compressing %s: %w", src, err)
}

func stoppedError(src string) error {
	return fmt.Errorf("%w while compressing %s", ErrStopped, src)
}

func isClosed(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

func randomHex() string {
	var b [tmpHexLen / 2]byte
	rand.Read(b[:]) // never fails (crypto/rand since Go 1.24)
	return hex.EncodeToString(b[:])
}
