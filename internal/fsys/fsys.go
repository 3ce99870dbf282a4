// Package fsys is the filesystem seam of logru's file sinks: production code uses [OS],
// tests wrap it in [Faulty] to inject errors (ENOSPC, EACCES, EIO, failing renames) per
// instance, without package globals.
package fsys

import (
	"io"
	"io/fs"
	"os"
	"time"
)

// FS is the part of a writable filesystem the file sinks use. Implementations are safe
// for concurrent use.
type FS interface {
	OpenFile(name string, flag int, perm fs.FileMode) (File, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	Stat(name string) (fs.FileInfo, error)
	Lstat(name string) (fs.FileInfo, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	MkdirAll(path string, perm fs.FileMode) error
	// Created returns when the file was created: its birth time where the system records
	// it (statx on Linux), else the time recorded by [CreationRecorder] where the FS is
	// one and recorded it, else its modification time.
	Created(name string) (time.Time, error)
}

// File is an open file.
type File interface {
	io.Reader
	io.Writer
	io.Closer
	Sync() error
	Stat() (fs.FileInfo, error)
	Name() string
}

// OS is the real filesystem, through package os. Its zero value is ready to use.
type OS struct{}

// OpenFile calls os.OpenFile.
func (OS) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	f, err := os.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err // a nil *os.File must not become a non-nil File
	}
	return f, nil
}

// Rename calls os.Rename.
func (OS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// Remove calls os.Remove.
func (OS) Remove(name string) error { return os.Remove(name) }

// Stat calls os.Stat.
func (OS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// Lstat calls os.Lstat.
func (OS) Lstat(name string) (fs.FileInfo, error) { return os.Lstat(name) }

// ReadDir calls os.ReadDir.
func (OS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

// MkdirAll calls os.MkdirAll.
func (OS) MkdirAll(path string, perm fs.FileMode) error { return os.MkdirAll(path, perm) }

// Created returns the file's birth time where the system has one, else the time
// [OS.SetCreated] recorded, else its modification time.
func (OS) Created(name string) (time.Time, error) {
	if t, ok := birthTime(name); ok {
		return t, nil
	}
	return createdNoBirth(name)
}

// createdNoBirth is Created for a file without a birth time.
func createdNoBirth(name string) (time.Time, error) {
	if t, ok := recordedCreation(name); ok {
		return t, nil
	}
	fi, err := os.Stat(name)
	if err != nil {
		return time.Time{}, err
	}
	return fi.ModTime(), nil
}
