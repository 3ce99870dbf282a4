package archive

import (
	"compress/gzip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/logru/logru/internal/fsys"
)

func TestExt(t *testing.T) {
	want := map[Format]string{
		Gzip: ".gz", Bzip2: ".bz2", Xz: ".xz", Zstd: ".zst", Zip: ".zip",
		Tar: ".tar", TarGz: ".tar.gz", TarBz2: ".tar.bz2", TarXz: ".tar.xz",
	}
	for f, ext := range want {
		if got := f.Ext(); got != ext {
			t.Errorf("Format(%d).Ext() = %q, want %q", f, got, ext)
		}
	}
	for _, f := range []Format{0, TarXz + 1, 255} {
		if got := f.Ext(); got != "" {
			t.Errorf("Format(%d).Ext() = %q, want \"\"", f, got)
		}
	}
}

var sources = []struct {
	name string
	data func() []byte
}{
	{"empty", func() []byte { return nil }},
	{"lines", func() []byte { return []byte("first line\nsecond line\nthird line, no newline") }},
	{"mixed3MB", func() []byte { return mixed(3<<20, 7) }},
}

// TestRoundTrip compresses each source in each format, decompresses the archive with Go
// libraries and, where installed, checks it with the system's own tools.
func TestRoundTrip(t *testing.T) {
	for _, s := range sources {
		full := s.data()
		for _, f := range allFormats {
			t.Run(s.name+"/"+f.name(), func(t *testing.T) {
				t.Parallel()
				data := full
				if c := specs[f].codec; (raceEnabled || testing.Short()) && (c == bzip2Codec || c == xzCodec) && len(data) > 512<<10 {
					// The plain run sends the whole source through every format. With
					// -race the pure-Go bzip2 and xz codecs would take a minute over
					// 3 MB, and -short promises a quick run: they get the first 512 KiB.
					data = data[:512<<10]
				}
				dir := t.TempDir()
				src := writeSrc(t, dir, "app.2026-03-26_14-30-00_000000.log", data)
				dst := src + f.Ext()
				if err := Compress(fsys.OS{}, src, dst, f, nil); err != nil {
					t.Fatal(err)
				}
				checkAbsentFile(t, src)
				checkNoTmp(t, dir)
				fi, err := os.Stat(dst)
				if err != nil {
					t.Fatal(err)
				}
				if fi.Mode() != srcMode && runtime.GOOS != "windows" {
					t.Errorf("dst mode %v, want %v", fi.Mode(), srcMode)
				}
				if ents, _ := os.ReadDir(dir); len(ents) != 1 {
					t.Errorf("dir holds %d files, want only dst", len(ents))
				}
				checkArchive(t, dst, f, filepath.Base(src), data)
				checkWithTools(t, dst, f, filepath.Base(src), data)
			})
		}
	}
}

// TestGzipHeader checks that a .gz records the log's name and time, for gunzip -N.
func TestGzipHeader(t *testing.T) {
	dir := t.TempDir()
	src := writeSrc(t, dir, "app.log", []byte("x\n"))
	if err := Compress(fsys.OS{}, src, src+".gz", Gzip, nil); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(src + ".gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "app.log" || !zr.ModTime.Equal(srcTime) {
		t.Errorf("gzip header: name %q, time %v", zr.Name, zr.ModTime)
	}
}

func TestDstExists(t *testing.T) {
	for _, f := range allFormats {
		t.Run(f.name(), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			data := logLines(10_000, 1)
			src := writeSrc(t, dir, "app.log", data)
			dst := src + f.Ext()
			old := []byte("an earlier archive")
			if err := os.WriteFile(dst, old, 0o600); err != nil {
				t.Fatal(err)
			}
			fa := &fsys.Faulty{}
			err := Compress(fa, src, dst, f, nil)
			if !errors.Is(err, fs.ErrExist) {
				t.Fatalf("Compress = %v, want fs.ErrExist", err)
			}
			if !strings.Contains(err.Error(), dst) {
				t.Errorf("error %q does not name %s", err, dst)
			}
			checkFile(t, src, data)
			checkFile(t, dst, old)
			checkNoTmp(t, dir)
			for _, op := range []fsys.Op{fsys.OpOpen, fsys.OpWrite, fsys.OpRename, fsys.OpRemove} {
				if n := fa.Calls(op); n != 0 {
					t.Errorf("%d calls of %s", n, op)
				}
			}
		})
	}
}

// TestDstAppears has dst appear while Compress works: the rename must not replace it.
func TestDstAppears(t *testing.T) {
	dir := t.TempDir()
	data := logLines(100_000, 2)
	src := writeSrc(t, dir, "app.log", data)
	dst := src + ".gz"
	fa := &fsys.Faulty{}
	release := make(chan struct{})
	fa.Fail(fsys.Rule{Op: fsys.OpSync, Path: tmpMarker, Delay: release})
	done := make(chan error, 1)
	go func() { done <- Compress(fa, src, dst, Gzip, nil) }()
	waitCalls(t, fa, fsys.OpSync, 1)
	other := []byte("written by someone else")
	if err := os.WriteFile(dst, other, 0o600); err != nil {
		t.Fatal(err)
	}
	close(release)
	if err := <-done; !errors.Is(err, fs.ErrExist) {
		t.Fatalf("Compress = %v, want fs.ErrExist", err)
	}
	checkFile(t, src, data)
	checkFile(t, dst, other)
	checkNoTmp(t, dir)
}

func TestBadArguments(t *testing.T) {
	dir := t.TempDir()
	data := []byte("log\n")
	src := writeSrc(t, dir, "app.log", data)
	for _, c := range []struct {
		name     string
		src, dst string
		f        Format
	}{
		{"zero format", src, src + ".gz", 0},
		{"unknown format", src, src + ".gz", TarXz + 1},
		{"same path", src, src, Gzip},
		{"same path, unclean", src, filepath.Join(dir, ".", "app.log"), Gzip},
		{"empty src", "", src + ".gz", Gzip},
		{"empty dst", src, "", Gzip},
		{"missing src", filepath.Join(dir, "missing.log"), filepath.Join(dir, "missing.log.gz"), Gzip},
		{"directory src", dir, dir + ".gz", Gzip},
		{"missing dst dir", src, filepath.Join(dir, "no", "app.log.gz"), Gzip},
	} {
		if err := Compress(fsys.OS{}, c.src, c.dst, c.f, nil); err == nil {
			t.Errorf("%s: Compress succeeded", c.name)
		} else if c.name == "missing src" && !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %v, want fs.ErrNotExist", c.name, err)
		}
	}
	checkFile(t, src, data)
	checkNoTmp(t, dir)
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("dir holds %d files, want only src", len(ents))
	}
}

// TestSourceChanges has src's size differ from what it was when opened: something still
// writes it, so it must be kept.
func TestSourceChanges(t *testing.T) {
	for _, delta := range []int64{-1, +1} {
		dir := t.TempDir()
		data := logLines(300_000, 3)
		src := writeSrc(t, dir, "app.log", data)
		err := Compress(lyingFS{fsys.OS{}, delta}, src, src+".tar", Tar, nil)
		if !errors.Is(err, errSizeChanged) || !strings.Contains(err.Error(), src) {
			t.Errorf("size off by %d: Compress = %v, want errSizeChanged naming src", delta, err)
		}
		checkFile(t, src, data)
		checkAbsentFile(t, src+".tar")
		checkNoTmp(t, dir)
	}
}

// lyingFS reports opened files delta bytes larger than they are.
type lyingFS struct {
	fsys.FS
	delta int64
}

func (l lyingFS) OpenFile(name string, flag int, perm fs.FileMode) (fsys.File, error) {
	f, err := l.FS.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return lyingFile{f, l.delta}, nil
}

type lyingFile struct {
	fsys.File
	delta int64
}

func (l lyingFile) Stat() (fs.FileInfo, error) {
	fi, err := l.File.Stat()
	if err != nil {
		return nil, err
	}
	return lyingInfo{fi, l.delta}, nil
}

type lyingInfo struct {
	fs.FileInfo
	delta int64
}

func (l lyingInfo) Size() int64 { return l.FileInfo.Size() + l.delta }

// TestConcurrent runs several compressions at once: Compress keeps no shared state.
func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	data := logLines(200_000, 4)
	done := make(chan error)
	for i, f := range allFormats {
		src := writeSrc(t, dir, "app"+string(rune('a'+i))+".log", data)
		go func() { done <- Compress(fsys.OS{}, src, src+f.Ext(), f, nil) }()
	}
	for range allFormats {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	for i, f := range allFormats {
		name := "app" + string(rune('a'+i)) + ".log"
		checkArchive(t, filepath.Join(dir, name+f.Ext()), f, name, data)
	}
	checkNoTmp(t, dir)
}
