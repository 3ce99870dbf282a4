package sinks_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/logru/logru/sinks"
)

func ExampleNewFile() {
	dir, err := os.MkdirTemp("", "sinks-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	f, err := sinks.NewFile(filepath.Join(dir, "logs", "app.log"), &sinks.FileOptions{Buffering: 4096})
	if err != nil {
		panic(err)
	}
	f.Write([]byte("one line\n"))
	f.Close() // flushes the buffer

	data, _ := os.ReadFile(f.Path())
	fi, _ := os.Stat(f.Path())
	fmt.Printf("%q %v\n", data, fi.Mode().Perm())
	// Output:
	// "one line\n" -rw-------
}

// A File rotated by size: before a line would take app.log past 100 bytes, app.log is
// renamed after its creation time and a new app.log is started. Rotated files are
// compressed in the background; Close waits for that.
func ExampleNewFile_rotation() {
	dir, err := os.MkdirTemp("", "sinks-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	f, err := sinks.NewFile(filepath.Join(dir, "app.log"), &sinks.FileOptions{
		Rotation:    "100 B",
		Compression: "gz",
		Retention:   "2", // keep the two newest rotated files
	})
	if err != nil {
		panic(err)
	}
	for i := range 10 {
		fmt.Fprintf(f, "this is line %d of the log\n", i) // 27 bytes: three lines a file
	}
	if err := f.Close(); err != nil {
		panic(err)
	}

	stamp := regexp.MustCompile(`\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d_\d{6}(\.\d+)?`)
	ents, _ := os.ReadDir(dir)
	fmt.Println(len(ents), "files:")
	for _, e := range ents {
		fmt.Println(stamp.ReplaceAllString(e.Name(), "<time>"))
	}
	active, _ := os.ReadFile(filepath.Join(dir, "app.log"))
	fmt.Print(strings.ToUpper(string(active)))
	// Output:
	// 3 files:
	// app.<time>.log.gz
	// app.<time>.log.gz
	// app.log
	// THIS IS LINE 9 OF THE LOG
}
