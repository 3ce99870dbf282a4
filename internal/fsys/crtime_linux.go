//go:build linux

package fsys

import (
	"strconv"
	"time"

	"golang.org/x/sys/unix"
)

// crtimeAttr is the extended attribute holding a creation time recorded by SetCreated.
const crtimeAttr = "user.logru_crtime"

// recordCreation stores t in the file's crtimeAttr.
func recordCreation(name string, t time.Time) error {
	return unix.Setxattr(name, crtimeAttr, strconv.AppendInt(nil, t.UnixNano(), 10), 0)
}

// recordedCreation reads the file's crtimeAttr, reporting false when it has none or
// cannot be read.
func recordedCreation(name string) (time.Time, bool) {
	var buf [24]byte
	n, err := unix.Getxattr(name, crtimeAttr, buf[:])
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	ns, err := strconv.ParseInt(string(buf[:n]), 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(0, ns), true
}
