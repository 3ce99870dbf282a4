package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
)

var allFormats = []Format{Gzip, Bzip2, Xz, Zstd, Zip, Tar, TarGz, TarBz2, TarXz}

func (f Format) name() string { return strings.TrimPrefix(f.Ext(), ".") }

// srcMode and srcTime are what test sources get, so that archives can be checked for them.
const srcMode fs.FileMode = 0o640

var srcTime = time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)

// writeSrc writes a source log with srcMode and srcTime and returns its path.
func writeSrc(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, srcMode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, srcMode); err != nil { // whatever the umask
		t.Fatal(err)
	}
	if err := os.Chtimes(p, srcTime, srcTime); err != nil {
		t.Fatal(err)
	}
	return p
}

// logLines returns about size bytes of log-like lines, the same for the same seed.
func logLines(size int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	levels := []string{"DEBUG   ", "INFO    ", "INFO    ", "INFO    ", "WARNING ", "ERROR   "}
	funcs := []string{"shop.cart:add_item", "shop.cart:checkout", "shop.http:serve", "shop.db:query", "shop.auth:login"}
	msgs := []string{
		"user %d added item %d to cart",
		"request GET /api/v1/items/%d took %d ms",
		"query SELECT * FROM orders WHERE id = %d returned %d rows",
		"login failed for user %d from 10.0.%d.17",
		"checkout of order %d completed, total %d cents",
	}
	t := time.Date(2026, 3, 26, 0, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	b.Grow(size + 256)
	for b.Len() < size {
		t = t.Add(time.Duration(r.IntN(50_000_000)))
		i := r.IntN(len(msgs))
		fmt.Fprintf(&b, "%s | %s | %s:%d - ", t.Format("2006-01-02 15:04:05.000"), levels[r.IntN(len(levels))], funcs[i], 10+r.IntN(400))
		fmt.Fprintf(&b, msgs[i], r.IntN(100_000), r.IntN(1000))
		fmt.Fprintf(&b, " request_id=%016x\n", r.Uint64())
	}
	return b.Bytes()[:size]
}

// mixed returns size bytes alternating random (incompressible) blocks and log lines.
func mixed(size int, seed uint64) []byte {
	var key [32]byte
	key[0] = byte(seed)
	noise := rand.NewChaCha8(key)
	r := rand.New(noise)
	var b bytes.Buffer
	for b.Len() < size {
		blk := make([]byte, 1+r.IntN(64<<10))
		noise.Read(blk)
		b.Write(blk)
		b.Write(logLines(1+r.IntN(64<<10), r.Uint64()))
	}
	return b.Bytes()[:size]
}

// member describes the entry of a zip or tar archive.
type member struct {
	name  string
	mode  fs.FileMode
	mtime time.Time
}

// decompress reads the archive at path with Go libraries and returns src's bytes and, for
// zip and tar formats, its one member. It fails t when a zip or tar holds another entry.
func decompress(t testing.TB, path string, f Format) ([]byte, *member) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if f == Zip {
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatalf("zip: %v", err)
		}
		if len(zr.File) != 1 {
			t.Fatalf("zip holds %d entries, want 1", len(zr.File))
		}
		zf := zr.File[0]
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc) // checks the CRC at EOF
		if err != nil {
			t.Fatalf("zip member: %v", err)
		}
		return data, &member{zf.Name, zf.Mode(), zf.Modified}
	}
	var r io.Reader = bytes.NewReader(raw)
	switch f {
	case Gzip, TarGz:
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		zr.Multistream(false)
		r = zr
	case Bzip2, TarBz2:
		r = bzip2.NewReader(r) // the standard library's reader, not the writer's package
	case Xz, TarXz:
		xr, err := xz.NewReader(r)
		if err != nil {
			t.Fatalf("xz: %v", err)
		}
		r = xr
	case Zstd:
		d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
		if err != nil {
			t.Fatalf("zstd: %v", err)
		}
		defer d.Close()
		r = d
	}
	if f == Gzip || f == Bzip2 || f == Xz || f == Zstd {
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", f.name(), err)
		}
		return data, nil
	}
	tr := tar.NewReader(r)
	hdr, err := tr.Next()
	if err != nil {
		t.Fatalf("tar: %v", err)
	}
	data, err := io.ReadAll(tr)
	if err != nil {
		t.Fatalf("tar member: %v", err)
	}
	if hdr2, err := tr.Next(); err != io.EOF {
		t.Fatalf("tar holds a second entry %v (%v)", hdr2, err)
	}
	if rest, err := io.ReadAll(r); err != nil {
		t.Fatalf("%s after tar: %v", f.name(), err)
	} else if len(bytes.Trim(rest, "\x00")) != 0 {
		t.Fatalf("%d bytes of garbage after the tar archive", len(rest))
	}
	return data, &member{hdr.Name, hdr.FileInfo().Mode(), hdr.ModTime}
}

// tmpFiles lists the names in dir that hold ".tmp-".
func tmpFiles(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var tmps []string
	for _, e := range ents {
		if strings.Contains(e.Name(), tmpMarker) {
			tmps = append(tmps, e.Name())
		}
	}
	return tmps
}

func checkNoTmp(t testing.TB, dir string) {
	t.Helper()
	if tmps := tmpFiles(t, dir); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

// checkFile fails t unless path holds want.
func checkFile(t testing.TB, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: %d bytes differ from the %d expected", path, len(got), len(want))
	}
}

func checkAbsentFile(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		t.Errorf("%s exists (%v)", path, err)
	}
}

// checkArchive fails t unless path is a complete archive in format f of want, a file named
// base with srcMode and srcTime.
func checkArchive(t testing.TB, path string, f Format, base string, want []byte) {
	t.Helper()
	got, m := decompress(t, path, f)
	if !bytes.Equal(got, want) {
		t.Errorf("%s decompresses to %d bytes, differing from the %d of the source", path, len(got), len(want))
	}
	if m != nil {
		if m.name != base {
			t.Errorf("member name %q, want %q", m.name, base)
		}
		if m.mode != srcMode {
			t.Errorf("member mode %v, want %v", m.mode, srcMode)
		}
		if !m.mtime.Equal(srcTime) {
			t.Errorf("member time %v, want %v", m.mtime, srcTime)
		}
	}
}
