//go:build unix

package logru

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru/internal/config"
)

// loadWithin runs LoadConfig(path) and fails the test if it does not return within 10 s
// (opening a FIFO for reading waits for a writer); a FIFO left waiting is then released.
func loadWithin(t *testing.T, path string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := LoadConfig(path)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil { // releases the reader
			f.Close()
		}
		<-done
		t.Fatalf("LoadConfig(%s) did not return: it waits on the file", path)
		return nil
	}
}

// TestLoadConfigOnlyRegularFiles: a FIFO, a device, a directory or a socket named as a
// configuration file is refused at once, naming what it is; so is a file over the size
// limit, naming the limit. The default logger still comes up, with its stderr handler
// and a note, when LOGRU_CONFIG names one.
func TestLoadConfigOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	null := filepath.Join(dir, "null.json")
	if err := os.Symlink(os.DevNull, null); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "dir.yaml")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", config.MaxSize)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{fifo, "not a regular file (a named pipe)"},
		{null, "not a regular file (a character device)"},
		{sub, "not a regular file (a directory)"},
		{big, "larger than the limit of 4 MiB"},
	} {
		err := loadWithin(t, tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
			t.Errorf("LoadConfig(%s) = %v, want an error naming the file and %q", tt.path, err, tt.want)
		}
	}

	var out bytes.Buffer
	done := make(chan *Logger, 1)
	go func() { done <- newDefault(envOf(map[string]string{"LOGRU_CONFIG": fifo}), &out) }()
	var l *Logger
	select {
	case l = <-done:
	case <-time.After(10 * time.Second):
		if f, err := os.OpenFile(fifo, os.O_RDWR, 0); err == nil {
			f.Close()
		}
		l = <-done
		t.Errorf("the default logger waited on LOGRU_CONFIG's FIFO")
	}
	defer l.Close()
	if note := out.String(); !strings.Contains(note, "not a regular file") || !strings.Contains(note, "using the default handler") {
		t.Errorf("note = %q", note)
	}
	if st := l.Stats(); len(st) != 1 || st[0].Sink != "stderr" {
		t.Errorf("handlers = %+v, want the stderr one", st)
	}
}
