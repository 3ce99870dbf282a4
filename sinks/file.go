package sinks

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// FileOptions configures a [File]. The zero FileOptions (or nil) means: mode 0600, open
// at once, no buffering.
type FileOptions struct {
	// Mode is the permission of a file the sink creates; 0 means 0600. Directories it
	// creates get the same permission plus search (x) where it grants read.
	Mode fs.FileMode
	// Delay opens (and creates) the file at the first write instead of at NewFile.
	Delay bool
	// Buffering is how many bytes are held before a write to the file; 0 writes each
	// line at once. Buffered lines reach the file at Flush, Sync and Close.
	Buffering int
}

// File appends lines to a file, creating the file and its directories as needed. An
// existing file is appended to, never truncated.
//
// A File is safe for concurrent use: each Write is made under the File's lock, so lines
// never interleave.
type File struct {
	mu     sync.Mutex
	path   string
	mode   fs.FileMode
	delay  bool
	bufN   int
	f      *os.File
	w      *bufio.Writer
	closed bool
}

// NewFile returns a File appending to path. Unless opts.Delay is set the file is opened
// now, and an error is returned if it cannot be.
func NewFile(path string, opts *FileOptions) (*File, error) {
	if path == "" {
		return nil, errors.New("sinks: empty file path")
	}
	var o FileOptions
	if opts != nil {
		o = *opts
	}
	if o.Mode == 0 {
		o.Mode = 0o600
	}
	if o.Mode&^fs.ModePerm != 0 {
		return nil, fmt.Errorf("sinks: file mode %v has bits other than permissions", o.Mode)
	}
	if o.Buffering < 0 {
		return nil, fmt.Errorf("sinks: negative buffering %d", o.Buffering)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sinks: file path %q: %w", path, err)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("sinks: file path %q is a directory", path)
	}
	f := &File{path: abs, mode: o.Mode, delay: o.Delay, bufN: o.Buffering}
	if !o.Delay {
		if err := f.open(); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// dirMode grants search permission wherever mode grants read.
func dirMode(mode fs.FileMode) fs.FileMode {
	return mode | (mode&0o444)>>2
}

func (f *File) open() error {
	if err := os.MkdirAll(filepath.Dir(f.path), dirMode(f.mode)); err != nil {
		return fmt.Errorf("sinks: %w", err)
	}
	file, err := os.OpenFile(f.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, f.mode)
	if err != nil {
		return fmt.Errorf("sinks: %w", err)
	}
	f.f = file
	if f.bufN > 0 {
		f.w = bufio.NewWriterSize(file, f.bufN)
	}
	return nil
}

// Path returns the absolute path of the file.
func (f *File) Path() string { return f.path }

// Write appends p to the file (or to its buffer).
func (f *File) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return 0, ErrClosed
	}
	if f.f == nil {
		if err := f.open(); err != nil {
			return 0, err
		}
	}
	if f.w != nil {
		return f.w.Write(p)
	}
	return f.f.Write(p)
}

// Flush writes buffered lines to the file.
func (f *File) Flush() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.flush()
}

func (f *File) flush() error {
	if f.w == nil {
		return nil
	}
	return f.w.Flush()
}

// Sync flushes buffered lines and commits the file to stable storage.
func (f *File) Sync() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.f == nil {
		return nil
	}
	if err := f.flush(); err != nil {
		return err
	}
	return f.f.Sync()
}

// Close flushes buffered lines and closes the file. Closing twice is not an error.
func (f *File) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil
	}
	f.closed = true
	if f.f == nil {
		return nil
	}
	err := f.flush()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	f.f, f.w = nil, nil
	return err
}
