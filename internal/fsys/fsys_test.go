package fsys

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestOS(t *testing.T) {
	var fsys FS = OS{}
	dir := t.TempDir()
	p := filepath.Join(dir, "a", "f.log")
	if err := fsys.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	before := time.Now().Add(-time.Second)
	f, err := fsys.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("x"))
	f.Sync()
	f.Close()
	created, err := fsys.Created(p)
	if err != nil || created.Before(before) || created.After(time.Now().Add(time.Second)) {
		t.Errorf("Created = %v, %v", created, err)
	}
	if err := fsys.Rename(p, p+".1"); err != nil {
		t.Fatal(err)
	}
	if ents, _ := fsys.ReadDir(filepath.Dir(p)); len(ents) != 1 || ents[0].Name() != "f.log.1" {
		t.Errorf("ReadDir = %v", ents)
	}
	if err := fsys.Remove(p + ".1"); err != nil {
		t.Fatal(err)
	}
	if _, err := fsys.Stat(p); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Stat after Remove: %v", err)
	}
	if _, err := fsys.OpenFile(filepath.Join(dir, "missing", "x"), os.O_RDONLY, 0); err == nil {
		t.Error("opening a missing file succeeded")
	}
}

func TestFaulty(t *testing.T) {
	dir := t.TempDir()
	f := &Faulty{}
	f.Fail(Rule{Op: OpWrite, Path: "full", Skip: 1, Times: 2, Err: syscall.ENOSPC})
	f.Fail(Rule{Op: OpRename, Err: syscall.EACCES})
	file, err := f.OpenFile(filepath.Join(dir, "full.log"), os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	for i := 0; i < 4; i++ {
		_, err := file.Write([]byte("x"))
		errs = append(errs, err)
	}
	if errs[0] != nil || !errors.Is(errs[1], syscall.ENOSPC) || !errors.Is(errs[2], syscall.ENOSPC) || errs[3] != nil {
		t.Errorf("write errors %v", errs)
	}
	file.Close()
	if err := f.Rename(filepath.Join(dir, "full.log"), filepath.Join(dir, "x")); !errors.Is(err, syscall.EACCES) {
		t.Errorf("rename: %v", err)
	}
	if f.Calls(OpWrite) != 4 || f.Calls(OpRename) != 1 {
		t.Errorf("calls %d %d", f.Calls(OpWrite), f.Calls(OpRename))
	}
	f.Reset()
	if err := f.Rename(filepath.Join(dir, "full.log"), filepath.Join(dir, "x")); err != nil {
		t.Errorf("rename after Reset: %v", err)
	}
}

func TestFaultyDelay(t *testing.T) {
	dir := t.TempDir()
	release := make(chan struct{})
	f := &Faulty{}
	f.Fail(Rule{Op: OpRename, Delay: release})
	done := make(chan error)
	p := filepath.Join(dir, "a")
	os.WriteFile(p, nil, 0o600)
	go func() { done <- f.Rename(p, p+"b") }()
	select {
	case <-done:
		t.Fatal("the delayed rename did not wait")
	default:
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
