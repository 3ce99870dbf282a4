//go:build linux

package fsys

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestRecordedCreation: where a file has no birth time, Created returns the time
// SetCreated recorded in an extended attribute, else the modification time.
func TestRecordedCreation(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "app.log")
	if err := os.WriteFile(p, []byte("x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2026, 3, 24, 10, 0, 0, 0, time.UTC)
	if err := os.Chtimes(p, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	if got, err := createdNoBirth(p); err != nil || !got.Equal(mtime) {
		t.Errorf("without a record: %v, %v; want the modification time %v", got, err, mtime)
	}
	created := time.Date(2026, 3, 20, 12, 0, 0, 123456789, time.UTC)
	if err := recordCreation(p, created); errors.Is(err, unix.ENOTSUP) {
		t.Skipf("no user extended attributes in %s: %v", dir, err)
	} else if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		at   time.Time
	}{
		{"recorded", created},
		{"rewritten", created.Add(time.Hour)},
		{"before 1970", time.Date(1969, 7, 20, 20, 17, 0, 0, time.UTC)},
	} {
		if err := recordCreation(p, tt.at); err != nil {
			t.Fatal(err)
		}
		if got, err := createdNoBirth(p); err != nil || !got.Equal(tt.at) {
			t.Errorf("%s: %v, %v; want %v", tt.name, got, err, tt.at)
		}
	}
	// A value that is not a number is ignored.
	if err := unix.Setxattr(p, crtimeAttr, []byte("soon"), 0); err != nil {
		t.Fatal(err)
	}
	if got, err := createdNoBirth(p); err != nil || !got.Equal(mtime) {
		t.Errorf("with a bad record: %v, %v; want the modification time %v", got, err, mtime)
	}
}

// TestSetCreated: OS.SetCreated records nothing where the file has a birth time, and
// Created then returns that birth time.
func TestSetCreated(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "app.log")
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	birth, ok := birthTime(p)
	if !ok {
		t.Skipf("no birth times in %s", dir)
	}
	var rec CreationRecorder = OS{}
	if err := rec.SetCreated(p, birth.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, ok := recordedCreation(p); ok {
		t.Error("SetCreated recorded a creation time on a file with a birth time")
	}
	if got, err := (OS{}).Created(p); err != nil || !got.Equal(birth) {
		t.Errorf("Created = %v, %v; want the birth time %v", got, err, birth)
	}
}
