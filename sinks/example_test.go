package sinks_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

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

// The message a SyslogWriter sends for a record: RFC 5424 with octet counting over TCP,
// extra fields in the logru@32473 structured-data element.
func ExampleSyslog() {
	s := sinks.Syslog(sinks.SyslogOptions{Network: "tcp", Addr: "127.0.0.1:1", DialTimeout: time.Millisecond,
		AppName: "shop", ProcID: "42", Hostname: "web1", Facility: sinks.Local0})
	defer s.Close()
	at := time.Date(2026, 3, 26, 14, 30, 5, 123456789, time.UTC)
	fmt.Printf("%s\n", s.AppendMessage(nil, sinks.Entry{Text: []byte("payment retried\n"), Time: at, Level: 30,
		Fields: []sinks.Field{{Key: "order", Value: "1234"}}}))
	// Output:
	// 92 <132>1 2026-03-26T14:30:05.123456Z web1 shop 42 - [logru@32473 order="1234"] payment retried
}

// The native-protocol datagram a JournalWriter sends for a record.
func ExampleJournal() {
	j := sinks.Journal(sinks.JournalOptions{Socket: "/nonexistent", Identifier: "shop", WriteTimeout: time.Millisecond})
	defer j.Close()
	fmt.Printf("%s", j.AppendEntry(nil, sinks.Entry{Text: []byte("disk full\n"), Level: 40, Line: 7,
		Fields: []sinks.Field{{Key: "disk.path", Value: "/var"}}}))
	// Output:
	// MESSAGE=disk full
	// PRIORITY=3
	// CODE_LINE=7
	// SYSLOG_IDENTIFIER=shop
	// DISK_PATH=/var
}
