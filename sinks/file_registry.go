package sinks

import (
	"errors"
	"path/filepath"
	"sync"

	"github.com/logru/logru/internal/fsys"
)

// This file holds the registry of the files open by file sinks in this process: a path
// (and the file it names) belongs to one File, unless every File on it is Shared. A File
// made by Handoff takes its predecessor's place.

var registry = struct {
	mu    sync.Mutex
	paths map[string][]*File // by registration key: the absolute path, directory symlinks resolved
	ids   map[fsys.ID][]*File
}{paths: map[string][]*File{}, ids: map[fsys.ID][]*File{}}

// regKey is the key f's path is registered under: its absolute path, with symbolic links
// in the directory resolved (so that two spellings of one directory are one key), and the
// template as written for a {time} path.
func (f *File) regKeyOf() string {
	dir := f.dir
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	if f.names.tmpl != nil {
		return filepath.Join(dir, f.givenBase)
	}
	return filepath.Join(dir, filepath.Base(f.path))
}

// compatible reports whether a and b may have one path open together.
func compatible(a, b *File) bool { return a == b || a.shared && b.shared }

// errInUse is the error for a path another File of this process has open.
func (f *File) errInUse() error {
	return optionError("path", f.given, errors.New("already open by another file sink of this process; a path belongs to one sink (set Shared on every sink of the path to share it)"))
}

// claimPath registers f's path, or says it is taken.
func (f *File) claimPath() error {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	for _, o := range registry.paths[f.regKey] {
		if !compatible(o, f) {
			return f.errInUse()
		}
	}
	registry.paths[f.regKey] = append(registry.paths[f.regKey], f)
	return nil
}

// claimID registers the file f has just opened, or says another File has it open.
func (f *File) claimID(id fsys.ID) error {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	for _, o := range registry.ids[id] {
		if !compatible(o, f) {
			return f.errInUse()
		}
	}
	registry.ids[id] = append(registry.ids[id], f)
	f.regID = id
	return nil
}

// releaseID forgets the file f had open. It must come before the file's descriptor is
// closed: once closed, a deleted file's inode is free, and a file another sink of this
// process creates next may get its number, and find it still taken.
func (f *File) releaseID() {
	if f.regID == (fsys.ID{}) {
		return
	}
	registry.mu.Lock()
	registry.ids[f.regID] = remove(registry.ids[f.regID], f)
	if len(registry.ids[f.regID]) == 0 {
		delete(registry.ids, f.regID)
	}
	registry.mu.Unlock()
	f.regID = fsys.ID{}
}

// releasePath forgets f's path.
func (f *File) releasePath() {
	registry.mu.Lock()
	registry.paths[f.regKey] = remove(registry.paths[f.regKey], f)
	if len(registry.paths[f.regKey]) == 0 {
		delete(registry.paths, f.regKey)
	}
	registry.mu.Unlock()
}

// othersHold reports whether a File other than f has the file id open.
func othersHold(f *File, id fsys.ID) bool {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	for _, o := range registry.ids[id] {
		if o != f {
			return true
		}
	}
	return false
}

// succeed puts to in from's place in the registry (a Handoff, or its reversal). The id
// moves with the open file.
func succeed(from, to *File) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	swap := func(list []*File) {
		for i, o := range list {
			if o == from {
				list[i] = to
			}
		}
	}
	swap(registry.paths[from.regKey])
	if from.regID != (fsys.ID{}) {
		swap(registry.ids[from.regID])
	}
	to.regID, from.regID = from.regID, fsys.ID{}
}

func remove(list []*File, f *File) []*File {
	for i, o := range list {
		if o == f {
			return append(list[:i:i], list[i+1:]...)
		}
	}
	return list
}
