package archive

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/logru/logru/internal/fsys"
)

// BenchmarkCompress compresses a 16 MB file of generated log lines in each format. MB/s is
// the source's size over the time; ratio is source size over archive size.
//
//	go test -run '^$' -bench Compress -benchtime 5x ./internal/archive/
func BenchmarkCompress(b *testing.B) {
	data := logLines(16<<20, 42)
	for _, f := range allFormats {
		b.Run(f.name(), func(b *testing.B) {
			dir := b.TempDir()
			src := writeSrc(b, dir, "app.log", data)
			keep := keepSrc{fsys.OS{}, src}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var size int64
			i := 0
			for b.Loop() {
				dst := filepath.Join(dir, "app."+strconv.Itoa(i)+".log"+f.Ext())
				i++
				if err := Compress(keep, src, dst, f, nil); err != nil {
					b.Fatal(err)
				}
				fi, err := os.Stat(dst)
				if err != nil {
					b.Fatal(err)
				}
				size = fi.Size()
				os.Remove(dst)
			}
			b.ReportMetric(float64(len(data))/float64(size), "ratio")
		})
	}
}

// keepSrc does not remove src, so that a benchmark compresses it again and again.
type keepSrc struct {
	fsys.FS
	src string
}

func (k keepSrc) Remove(name string) error {
	if name == k.src {
		return nil
	}
	return k.FS.Remove(name)
}
