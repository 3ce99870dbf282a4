package sinks

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// closeSpyFS is the OS filesystem whose files call onClose just before their
// descriptor is closed.
type closeSpyFS struct {
	fsys.OS
	onClose func(fsys.File)
}

type closeSpyFile struct {
	fsys.File
	fs *closeSpyFS
}

func (s *closeSpyFS) OpenFile(name string, flag int, perm fs.FileMode) (fsys.File, error) {
	f, err := s.OS.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return closeSpyFile{File: f, fs: s}, nil
}

func (f closeSpyFile) Close() error {
	f.fs.onClose(f.File)
	return f.File.Close()
}

// A File forgets its file's identity before it closes the descriptor: once closed, a
// deleted file's inode number is free, and another sink of the process creating a file
// may get it and must not find it taken (it did, now and then, between a close and the
// release that followed it, with tests running in parallel).
func TestRegistryReleasedBeforeClose(t *testing.T) {
	for _, tc := range []struct {
		name string
		act  func(s *sink, dir string)
	}{
		{"Close", func(s *sink, dir string) { s.close() }},
		{"Watch reopens a deleted path", func(s *sink, dir string) {
			if err := os.Remove(filepath.Join(dir, "app.log")); err != nil {
				t.Fatal(err)
			}
			s.clk.Advance(time.Second)
			s.write("b\n")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			spy := &closeSpyFS{}
			var f *File
			closes := 0
			spy.onClose = func(file fsys.File) {
				fi, err := file.Stat()
				if err != nil {
					t.Errorf("stat before close: %v", err)
					return
				}
				id, ok := fsys.IDOf(fi)
				if !ok {
					return
				}
				closes++
				registry.mu.Lock()
				defer registry.mu.Unlock()
				for _, o := range registry.ids[id] {
					if o == f {
						t.Errorf("the file's identity %v is still registered as its descriptor is closed", id)
					}
				}
			}
			clk := clock.NewFake(t0)
			s := &sink{t: t, clk: clk, errs: &errorLog{}, dir: dir}
			var err error
			f, err = newFile(filepath.Join(dir, "app.log"), &FileOptions{Watch: true, OnError: s.errs.add}, clk, spy)
			if err != nil {
				t.Fatal(err)
			}
			s.File = f
			t.Cleanup(func() { f.Close() })
			s.write("a\n")
			tc.act(s, dir)
			if closes == 0 {
				t.Fatal("no file was closed")
			}
		})
	}
}
