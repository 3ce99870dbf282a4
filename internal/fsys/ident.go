package fsys

// ID identifies a file on this machine: its device and inode numbers. Two paths (or an
// open file and a path) with the same ID name the same file. The zero ID is no file.
type ID struct {
	Dev, Ino uint64
}

// Fder is implemented by open files that have an operating system descriptor, as
// *os.File does; the File that Faulty opens passes its file's through.
type Fder interface {
	Fd() uintptr
}

// Fd returns the descriptor of f, wrapped or not, and whether it has one.
func (ff *faultyFile) Fd() uintptr {
	if d, ok := ff.File.(Fder); ok {
		return d.Fd()
	}
	return ^uintptr(0)
}

// descriptor returns f's descriptor, or false.
func descriptor(f File) (int, bool) {
	d, ok := f.(Fder)
	if !ok {
		return 0, false
	}
	fd := d.Fd()
	if fd == ^uintptr(0) {
		return 0, false
	}
	return int(fd), true
}
