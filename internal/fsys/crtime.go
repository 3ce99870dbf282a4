package fsys

import "time"

// CreationRecorder is implemented by a filesystem that can keep a file's creation time
// where the system records none, so that [FS.Created] returns it later, from another
// process too. [OS] implements it. A file sink records the creation time of each file
// it creates, and of each existing file it opens, so that the time boundaries of its
// rotation keep counting from there after a restart.
type CreationRecorder interface {
	// SetCreated records t as the creation time of the file name. It does nothing
	// where the system keeps the file's birth time; it fails where there is nowhere to
	// keep it (then Created falls back to the modification time).
	SetCreated(name string, t time.Time) error
}

// SetCreated records t as the creation time of the file name, where the file has no
// birth time: on Linux in the extended attribute user.logru_crtime (decimal Unix
// nanoseconds), which [OS.Created] reads when statx(2) reports no birth time (tmpfs
// before Linux 6.6 keeps user attributes only from that version on; some network
// filesystems keep neither). Elsewhere it does nothing. It is safe for concurrent use.
func (OS) SetCreated(name string, t time.Time) error {
	if _, ok := birthTime(name); ok {
		return nil
	}
	return recordCreation(name, t)
}
