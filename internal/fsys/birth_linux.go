//go:build linux

package fsys

import (
	"time"

	"golang.org/x/sys/unix"
)

// birthTime reads the file's creation time with statx(2), which the standard library's
// syscall package does not offer. It reports false where the filesystem does not record
// birth times (some tmpfs and network filesystems).
func birthTime(name string) (time.Time, bool) {
	var st unix.Statx_t
	if err := unix.Statx(unix.AT_FDCWD, name, 0, unix.STATX_BTIME, &st); err != nil {
		return time.Time{}, false
	}
	if st.Mask&unix.STATX_BTIME == 0 || st.Btime.Sec == 0 {
		return time.Time{}, false
	}
	return time.Unix(st.Btime.Sec, int64(st.Btime.Nsec)), true
}
