package sinks

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Paris and America/New_York whatever the machine has

	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// paris is the zone the time-rotation tests run in: it has daylight saving time.
func paris(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// errorLog collects what a File passes to OnError.
type errorLog struct {
	mu   sync.Mutex
	errs []error
}

func (l *errorLog) add(err error) {
	l.mu.Lock()
	l.errs = append(l.errs, err)
	l.mu.Unlock()
}

func (l *errorLog) all() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.errs)
}

// sink is a File under test with its clock, filesystem and error log.
type sink struct {
	*File
	t    testing.TB
	clk  *clock.Fake
	fs   *fsys.Faulty
	errs *errorLog
	dir  string
}

// open makes a File in a fresh directory with a fake clock at start and a Faulty
// filesystem; name is the path relative to the directory. OnError is collected unless
// opts sets it. The File is closed when the test ends.
func open(t testing.TB, name string, opts *FileOptions, start time.Time) *sink {
	t.Helper()
	dir := t.TempDir()
	return openIn(t, dir, name, opts, clock.NewFake(start), &fsys.Faulty{})
}

func openIn(t testing.TB, dir, name string, opts *FileOptions, clk *clock.Fake, fs *fsys.Faulty) *sink {
	t.Helper()
	s := &sink{t: t, clk: clk, fs: fs, errs: &errorLog{}, dir: dir}
	var o FileOptions
	if opts != nil {
		o = *opts
	}
	if o.OnError == nil {
		o.OnError = s.errs.add
	}
	f, err := newFile(filepath.Join(dir, name), &o, clk, fs)
	if err != nil {
		t.Fatal(err)
	}
	s.File = f
	t.Cleanup(func() { f.Close() })
	return s
}

// write writes lines, failing the test on an error.
func (s *sink) write(lines ...string) {
	s.t.Helper()
	for _, l := range lines {
		if _, err := s.Write([]byte(l)); err != nil {
			s.t.Fatalf("Write(%q): %v", l, err)
		}
	}
}

// close closes the File, failing the test on an error.
func (s *sink) close() {
	s.t.Helper()
	if err := s.Close(); err != nil {
		s.t.Fatalf("Close: %v", err)
	}
}

// noErrors fails the test when OnError was called.
func (s *sink) noErrors() {
	s.t.Helper()
	if errs := s.errs.all(); len(errs) > 0 {
		s.t.Errorf("OnError got %v", errs)
	}
}

// files returns the directory's contents as name → content (directories as "<dir>",
// symbolic links as "-> target").
func files(t testing.TB, dir string) map[string]string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Type()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[e.Name()] = "-> " + target
		case e.IsDir():
			out[e.Name()] = "<dir>"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out[e.Name()] = string(b)
		}
	}
	return out
}

// names returns the sorted names in dir.
func names(t testing.TB, dir string) []string {
	t.Helper()
	m := files(t, dir)
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// wantFiles compares the directory's contents with want.
func wantFiles(t testing.TB, dir string, want map[string]string) {
	t.Helper()
	got := files(t, dir)
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("missing %s (have %v)", name, names(t, dir))
		} else if g != w {
			t.Errorf("%s holds %q, want %q", name, g, w)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("unexpected %s holding %q", name, got[name])
		}
	}
}

// stamp formats t as rotated names show it.
func stamp(t time.Time) string { return string(appendStamp(nil, t)) }

// createdFS reports chosen creation times, standing in for birth times a test cannot
// set on real files.
type createdFS struct {
	fsys.FS
	mu      sync.Mutex
	created map[string]time.Time
}

func (c *createdFS) set(path string, t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.created == nil {
		c.created = map[string]time.Time{}
	}
	c.created[path] = t
}

func (c *createdFS) Created(name string) (time.Time, error) {
	c.mu.Lock()
	t, ok := c.created[name]
	c.mu.Unlock()
	if ok {
		return t, nil
	}
	return c.FS.Created(name)
}

// decompress returns the content of a file, decompressing it by its extension.
func decompress(t testing.TB, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := decode(path, raw)
	if err != nil {
		t.Fatalf("decompressing %s: %v", path, err)
	}
	return b
}

func decode(path string, raw []byte) ([]byte, error) {
	name := filepath.Base(path)
	stream := func(ext string) (io.Reader, error) {
		r := bytes.NewReader(raw)
		switch ext {
		case ".gz":
			return gzip.NewReader(r)
		case ".bz2":
			return bzip2.NewReader(r), nil
		case ".xz":
			return xz.NewReader(r)
		case ".zst":
			d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
			if err != nil {
				return nil, err
			}
			return d.IOReadCloser(), nil
		}
		return r, nil
	}
	member := strings.TrimSuffix(name, filepath.Ext(name))
	switch {
	case strings.HasSuffix(name, ".zip"):
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			return nil, err
		}
		if len(zr.File) != 1 || zr.File[0].Name != member {
			return nil, fmt.Errorf("zip members %v, want just %s", zr.File, member)
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(rc)
	case strings.Contains(name, ".tar"):
		i := strings.LastIndex(name, ".tar")
		member = name[:i]
		r, err := stream(name[i+len(".tar"):])
		if err != nil {
			return nil, err
		}
		tr := tar.NewReader(r)
		h, err := tr.Next()
		if err != nil {
			return nil, err
		}
		if h.Name != member {
			return nil, fmt.Errorf("tar member %q, want %q", h.Name, member)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		if _, err := tr.Next(); err != io.EOF {
			return nil, fmt.Errorf("tar holds more than one member: %v", err)
		}
		return b, nil
	}
	for _, ext := range []string{".gz", ".bz2", ".xz", ".zst"} {
		if strings.HasSuffix(name, ext) {
			r, err := stream(ext)
			if err != nil {
				return nil, err
			}
			return io.ReadAll(r)
		}
	}
	return raw, nil
}

// systemCheck runs the system tool that tests an archive of this extension, skipping
// the test when the tool is missing.
func systemCheck(t *testing.T, path string) {
	t.Helper()
	name := filepath.Base(path)
	var tool, pkg string
	var args []string
	switch {
	case strings.HasSuffix(name, ".zip"):
		tool, pkg, args = "unzip", "unzip", []string{"-tq"}
	case strings.Contains(name, ".tar"):
		tool, pkg, args = "tar", "tar", []string{"-tf"}
		// GNU tar runs the decompressor itself; it needs that tool too.
		for ext, dep := range map[string][2]string{".tar.bz2": {"bzip2", "bzip2"}, ".tar.xz": {"xz", "xz-utils"}, ".tar.gz": {"gzip", "gzip"}} {
			if strings.HasSuffix(name, ext) {
				if _, err := exec.LookPath(dep[0]); err != nil {
					t.Skipf("%s is not installed (Debian package %s)", dep[0], dep[1])
				}
			}
		}
	case strings.HasSuffix(name, ".gz"):
		tool, pkg, args = "gzip", "gzip", []string{"-t"}
	case strings.HasSuffix(name, ".bz2"):
		tool, pkg, args = "bzip2", "bzip2", []string{"-t"}
	case strings.HasSuffix(name, ".xz"):
		tool, pkg, args = "xz", "xz-utils", []string{"-t"}
	case strings.HasSuffix(name, ".zst"):
		tool, pkg, args = "zstd", "zstd", []string{"-q", "-t"}
	default:
		t.Fatalf("no system check for %s", name)
	}
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s is not installed (Debian package %s)", tool, pkg)
	}
	out, err := exec.Command(tool, append(args, path)...).CombinedOutput()
	if err != nil {
		t.Errorf("%s %v %s: %v\n%s", tool, args, name, err, out)
	}
}

// openFDs returns how many of the process's open file descriptors point into dir
// (Linux), or -1 when that cannot be known.
func openFDs(dir string) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	n := 0
	for _, e := range ents {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", e.Name()))
		if err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) {
			n++
		}
	}
	return n
}

// settleGoroutines waits, without sleeping, for the goroutine count to come down to
// want, and returns the count it saw last.
func settleGoroutines(want int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 10000 && n > want; i++ {
		runtime.Gosched()
		n = runtime.NumGoroutine()
	}
	return n
}

// ended reports whether every goroutine f started has ended.
func ended(f *File) bool {
	select {
	case <-f.closeDone:
	default:
		return false
	}
	if f.tickDone != nil {
		select {
		case <-f.tickDone:
		default:
			return false
		}
	}
	f.w.mu.Lock()
	started := f.w.started
	f.w.mu.Unlock()
	if started {
		select {
		case <-f.w.done:
		default:
			return false
		}
	}
	return true
}

var errTest = errors.New("test error")

func mustWrite(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func mustSymlink(t testing.TB, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
}

// noSyncFS skips fsync: for tests about concurrency, not durability, where hundreds of
// compressions would otherwise spend their time waiting for the disk.
type noSyncFS struct{ fsys.FS }

type noSyncFile struct{ fsys.File }

func (n noSyncFS) OpenFile(name string, flag int, perm os.FileMode) (fsys.File, error) {
	f, err := n.FS.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return noSyncFile{f}, nil
}

func (noSyncFile) Sync() error { return nil }

// openFast is open on a filesystem that does not sync.
func openFast(t testing.TB, name string, opts *FileOptions, start time.Time) *sink {
	t.Helper()
	return openIn(t, t.TempDir(), name, opts, clock.NewFake(start), &fsys.Faulty{FS: noSyncFS{fsys.OS{}}})
}
