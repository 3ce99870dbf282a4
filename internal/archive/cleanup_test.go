package archive

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"

	"github.com/logru/logru/internal/fsys"
)

func TestCleanup(t *testing.T) {
	dir := t.TempDir()
	const hex = "0123456789abcdef"
	leftovers := []string{
		"app.2026-03-26_14-30-00_000000.log.gz.tmp-" + hex,
		"app.2026-03-26_14-30-00_000000.log.tar.xz.tmp-" + hex,
		"app.log.zst.tmp-fedcba9876543210",
		"app.log.zip.tmp-" + hex,
		"app.log.tar.tmp-" + hex,
	}
	kept := []string{
		"app.log",                                   // the current log
		"app.2026-03-26_14-30-00_000000.log",        // a rotated log
		"app.2026-03-26_14-30-00_000000.log.gz",     // an archive
		"app.2026-03-26_14-30-00_000000.log.tar.gz", // another
		"app.tmp-2026.log",                          // a log whose name holds ".tmp-"
		"app.log.tmp-" + hex,                        // not after a format's extension
		"app.log.gz.tmp-" + hex + "0",               // 17 digits
		"app.log.gz.tmp-0123456789ABCDEF",           // not what Compress writes
		"app.log.gz.tmp-0123456789abcdeg",           // not hex
		"app.log.gz.tmp-",                           // no suffix
		".gz.tmp-" + hex,                            // nothing before the extension
		"other.log.gz.tmp-" + hex,                   // another sink's base
	}
	for _, name := range append(slices.Clone(leftovers), kept...) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "app.log.gz.tmp-aaaaaaaaaaaaaaaa"), 0o700); err != nil {
		t.Fatal(err) // a directory with a temporary file's name: not ours
	}
	kept = append(kept, "app.log.gz.tmp-aaaaaaaaaaaaaaaa")
	// A symbolic link: not ours either (Windows may refuse to make one).
	if err := os.Symlink("app.log", filepath.Join(dir, "app.log.gz.tmp-bbbbbbbbbbbbbbbb")); err == nil {
		kept = append(kept, "app.log.gz.tmp-bbbbbbbbbbbbbbbb")
	} else if runtime.GOOS != "windows" {
		t.Fatal(err)
	}

	removed, err := Cleanup(fsys.OS{}, dir, "app")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, name := range leftovers {
		want = append(want, filepath.Join(dir, name))
	}
	slices.Sort(want)
	slices.Sort(removed)
	if !slices.Equal(removed, want) {
		t.Errorf("removed %q\nwant %q", removed, want)
	}
	var left []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		left = append(left, e.Name())
	}
	slices.Sort(left)
	slices.Sort(kept)
	if !slices.Equal(left, kept) {
		t.Errorf("left %q\nwant %q", left, kept)
	}

	// Nothing more to do the second time.
	if removed, err := Cleanup(fsys.OS{}, dir, "app"); err != nil || len(removed) != 0 {
		t.Errorf("second Cleanup = %v, %v", removed, err)
	}
}

// TestCleanupBase checks that base narrows what is removed, and "" widens it.
func TestCleanupBase(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a.log.gz.tmp-0123456789abcdef", "b.log.gz.tmp-0123456789abcdef"}
	for _, name := range names {
		os.WriteFile(filepath.Join(dir, name), nil, 0o600)
	}
	if removed, err := Cleanup(fsys.OS{}, dir, "a.log"); err != nil || len(removed) != 1 || filepath.Base(removed[0]) != names[0] {
		t.Errorf("Cleanup(a.log) = %v, %v", removed, err)
	}
	if removed, err := Cleanup(fsys.OS{}, dir, ""); err != nil || len(removed) != 1 || filepath.Base(removed[0]) != names[1] {
		t.Errorf("Cleanup(\"\") = %v, %v", removed, err)
	}
}

// TestCleanupErrors checks that a failing removal does not stop the others, and that a
// directory that cannot be read is an error.
func TestCleanupErrors(t *testing.T) {
	dir := t.TempDir()
	names := []string{"app.log.gz.tmp-0123456789abcdef", "app.log.xz.tmp-0123456789abcdef"}
	for _, name := range names {
		os.WriteFile(filepath.Join(dir, name), nil, 0o600)
	}
	fa := &fsys.Faulty{}
	fa.Fail(fsys.Rule{Op: fsys.OpRemove, Path: ".gz.", Err: syscall.EACCES})
	removed, err := Cleanup(fa, dir, "app")
	if !errors.Is(err, syscall.EACCES) || len(removed) != 1 || filepath.Base(removed[0]) != names[1] {
		t.Errorf("Cleanup = %v, %v; want the .xz one removed and EACCES", removed, err)
	}

	fa = &fsys.Faulty{}
	fa.Fail(fsys.Rule{Op: fsys.OpReadDir, Err: syscall.EIO})
	if removed, err := Cleanup(fa, dir, "app"); !errors.Is(err, syscall.EIO) || removed != nil {
		t.Errorf("Cleanup = %v, %v; want EIO", removed, err)
	}
	if _, err := Cleanup(fsys.OS{}, filepath.Join(dir, "missing"), "app"); err == nil {
		t.Error("Cleanup of a missing directory succeeded")
	}
}

// TestCleanupFunc checks that own sees the archive's name, without the temporary
// suffix, and decides alone which temporary files are removed.
func TestCleanupFunc(t *testing.T) {
	dir := t.TempDir()
	const hex = "0123456789abcdef"
	mine := "app.2026-03-26_14-30-00_000000.log.gz"
	theirs := "app.err.2026-03-26_14-30-00_000000.log.gz" // another sink, same prefix
	for _, name := range []string{mine, theirs} {
		if err := os.WriteFile(filepath.Join(dir, name+".tmp-"+hex), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var seen []string
	removed, err := CleanupFunc(fsys.OS{}, dir, func(archive string) bool {
		seen = append(seen, archive)
		return archive == mine
	})
	if err != nil || len(removed) != 1 || filepath.Base(removed[0]) != mine+".tmp-"+hex {
		t.Errorf("CleanupFunc = %v, %v", removed, err)
	}
	slices.Sort(seen)
	if want := []string{mine, theirs}; !slices.Equal(seen, want) {
		t.Errorf("own saw %q, want %q", seen, want)
	}
	if _, err := os.Stat(filepath.Join(dir, theirs+".tmp-"+hex)); err != nil {
		t.Errorf("the other sink's temporary file: %v", err)
	}
}
