package logru_test

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/logru/logru"
)

// A file handler rotates its file when a record would take it past Rotation's size (or
// at a time, see Handler.Rotation), compresses the rotated files on a background worker
// and keeps as many as Retention says. Close waits for compression and retention.
func ExampleHandler_rotation() {
	dir, err := os.MkdirTemp("", "logru-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	l := logru.New()
	_, err = l.Add(logru.Handler{
		Sink:        filepath.Join(dir, "app.log"),
		Format:      "{message}",
		Rotation:    "20 B",  // a size, or "daily", "00:00", "1 week", "monday at 12:00"…
		Naming:      "index", // app.1.log is the newest rotated file; default: its time in the name
		Compression: "gz",    // or "bz2", "xz", "zst", "zip", "tar.gz"…
		Retention:   "2",     // keep two rotated files
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range 7 {
		l.Info("record {i}", "i", i) // 9 bytes with the newline: two records a file
	}
	l.Close()

	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, name := range names {
		fmt.Println(filepath.Base(name))
	}
	f, _ := os.Open(filepath.Join(dir, "app.1.log.gz"))
	defer f.Close()
	zr, _ := gzip.NewReader(f)
	text, _ := io.ReadAll(zr)
	fmt.Printf("app.1.log.gz holds %q\n", text)
	last, _ := os.ReadFile(filepath.Join(dir, "app.log"))
	fmt.Printf("app.log holds %q\n", last)
	// Output:
	// app.1.log.gz
	// app.2.log.gz
	// app.log
	// app.1.log.gz holds "record 4\nrecord 5\n"
	// app.log holds "record 6\n"
}
