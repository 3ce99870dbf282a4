package archive_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/logru/logru/internal/archive"
	"github.com/logru/logru/internal/fsys"
)

func ExampleCompress() {
	dir, err := os.MkdirTemp("", "archive-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "app.2026-03-26_14-30-00_000000.log")
	if err := os.WriteFile(src, []byte("2026-03-26 14:29:59.999 | INFO     | main:run:12 - done\n"), 0o600); err != nil {
		panic(err)
	}

	// A rotated log: compress it next to itself; the source goes once the archive is safe.
	if err := archive.Compress(fsys.OS{}, src, src+archive.Zstd.Ext(), archive.Zstd, nil); err != nil {
		fmt.Println(err)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		fmt.Println(e.Name())
	}
	// Output:
	// app.2026-03-26_14-30-00_000000.log.zst
}

func ExampleCleanup() {
	dir, err := os.MkdirTemp("", "archive-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	for _, name := range []string{
		"app.log",                               // the current log
		"app.2026-03-25_00-00-00_000000.log.gz", // an archive
		"app.2026-03-26_00-00-00_000000.log",    // a rotated log not yet compressed
		"app.2026-03-26_00-00-00_000000.log.gz.tmp-5f0c2a9e81d3b447", // a killed Compress
	} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o600)
	}

	// At start-up, before the sink's worker runs:
	removed, err := archive.Cleanup(fsys.OS{}, dir, "app")
	if err != nil {
		fmt.Println(err)
	}
	for _, p := range removed {
		fmt.Println(filepath.Base(p))
	}
	// Output:
	// app.2026-03-26_00-00-00_000000.log.gz.tmp-5f0c2a9e81d3b447
}
