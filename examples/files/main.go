// Command files shows logru's file sinks: rotation by size or time, compression on a
// background worker, retention by count and by total size, index-style and custom
// names, Delay, Watch, Buffering and Mode, in a temporary directory it lists at the end.
//
//	go run ./examples/files
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/logru/logru"
)

func main() {
	dir, err := os.MkdirTemp("", "logru-files-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)

	l := logru.New()
	// Rotate at 4 KB or at midnight, whichever comes first; compress rotated files with
	// gzip off the logging path; keep the 3 newest.
	_, err = l.Add(logru.Handler{
		Sink:        filepath.Join(dir, "app.log"),
		Format:      "{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {message} {extra}",
		Rotation:    "4 KB or 00:00",
		Compression: "gz",
		Retention:   "3",
	})
	check(err)
	// JSON lines in a second file, rotated logrotate-style (audit.1.log is the newest).
	_, err = l.Add(logru.Handler{
		Sink:      filepath.Join(dir, "audit", "audit.log"),
		Serialize: true,
		Level:     "WARNING",
		Rotation:  "2 KB",
		Naming:    "index",
		Retention: "2",
	})
	check(err)
	// Errors only, in a file created at the first record (Delay), reopened if another
	// program moves or deletes it (Watch), written 64 KiB at a time (Buffering: flushed
	// by Complete, Close and once a second), rotated on Mondays at noon or past 512 bytes
	// into dated names of our own, which retention (a total of 1 MB) still recognises.
	_, err = l.Add(logru.Handler{
		Sink:      filepath.Join(dir, "errors.log"),
		Level:     "ERROR",
		Delay:     true,
		Watch:     true,
		Buffering: 64 << 10,
		Rotation:  "512 B or monday at 12:00",
		Naming:    "errors-{time:YYYY-MM-DD}.log",
		Retention: "1 MB",
		Mode:      0o640,
	})
	check(err)
	// Bad options are refused before any file is created.
	_, err = l.Add(logru.Handler{Sink: filepath.Join(dir, "never.log"), Rotation: "100"})
	fmt.Println("rejected:", err)

	for i := 0; i < 400; i++ {
		l.Info("request {i} served", "i", i, "path", "/api/items", "status", 200)
		if i%25 == 0 {
			l.Warning("slow request {i}", "i", i, "ms", 1200+i)
		}
		if i%40 == 0 {
			l.Error("request {i} failed", "i", i, "status", 503)
		}
	}
	check(l.Close()) // waits for compression and retention to finish

	var files []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, fmt.Sprintf("%-45s %6d bytes  %v", rel, fi.Size(), fi.Mode().Perm()))
		}
		return nil
	})
	sort.Strings(files)
	fmt.Println("files in", dir+":")
	for _, f := range files {
		fmt.Println(" ", f)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
