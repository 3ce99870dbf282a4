package sinks_test

import (
	"fmt"
	"os"
	"path/filepath"

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
