package logru_test

import (
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
)

// A handler whose Sink is a path rotates, compresses and prunes, and loses no record.
func TestFileRotationThroughHandler(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	l := logru.New()
	var mu sync.Mutex
	var errs []error
	if _, err := l.Add(logru.Handler{
		Sink: path, Format: "{message}", Rotation: "1 KB", Compression: "gz", Retention: "100",
		OnError: func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() },
	}); err != nil {
		t.Fatal(err)
	}
	const n = 500
	for i := 0; i < n; i++ {
		l.Info("line {i} padded to make the records longer", "i", i)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	ents, _ := os.ReadDir(dir)
	seen := map[int]int{}
	archives := 0
	for _, e := range ents {
		data := readLog(t, filepath.Join(dir, e.Name()))
		if strings.HasSuffix(e.Name(), ".gz") {
			archives++
		} else if e.Name() != "app.log" {
			t.Errorf("a rotated file was left uncompressed: %s", e.Name())
		}
		for _, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
			if line == "" {
				continue
			}
			f := strings.Fields(line)
			i, err := strconv.Atoi(f[1])
			if err != nil || len(line) != len("line 0 padded to make the records longer")+len(f[1])-1 {
				t.Fatalf("torn line %q in %s", line, e.Name())
			}
			seen[i]++
		}
	}
	if archives < 10 {
		t.Errorf("only %d archives for %d records of ~45 bytes with a 1 KB limit", archives, n)
	}
	for i := 0; i < n; i++ {
		if seen[i] != 1 {
			t.Fatalf("record %d seen %d times", i, seen[i])
		}
	}
}

func TestFileRetentionThroughHandler(t *testing.T) {
	dir := t.TempDir()
	l := logru.New()
	l.Add(logru.Handler{Sink: filepath.Join(dir, "app.log"), Format: "{message}", Rotation: "100 B", Retention: "3", Naming: "index"})
	for i := 0; i < 50; i++ {
		l.Info("0123456789012345678901234567890123456789")
	}
	l.Close()
	var names []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if strings.Join(names, " ") != "app.1.log app.2.log app.3.log app.log" {
		t.Errorf("files %v", names)
	}
}

func TestFileBackgroundErrorsReachOnError(t *testing.T) {
	dir := t.TempDir()
	l := logru.New()
	var mu sync.Mutex
	var errs []error
	id, _ := l.Add(logru.Handler{
		Sink: filepath.Join(dir, "app.log"), Format: "{message}", Rotation: "10 B",
		CompressFunc: func(string) error { return errors.New("upload failed") },
		OnError:      func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() },
	})
	l.Info("first record, long enough")
	l.Info("second record, rotates")
	l.Close()
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), "upload failed") {
		t.Errorf("errors %v", errs)
	}
	_ = id
}

func readLog(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		r = z
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return string(b)
}

func TestFileCustomNamingThroughHandler(t *testing.T) {
	dir := t.TempDir()
	l := logru.New()
	if _, err := l.Add(logru.Handler{Sink: filepath.Join(dir, "app.log"), Format: "{message}", Rotation: "100 B", Retention: "3", Compression: "gz", Naming: "old-{time:YYYY}.log"}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		l.Info("0123456789012345678901234567890123456789")
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	var names []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if len(names) != 4 || names[0] != "app.log" {
		t.Fatalf("files %v", names)
	}
	for _, n := range names[1:] {
		if !strings.HasPrefix(n, "old-") || !strings.HasSuffix(n, ".log.gz") {
			t.Errorf("files %v", names)
		}
	}
}
