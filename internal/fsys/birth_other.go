//go:build !linux

package fsys

import "time"

// birthTime is not implemented on this system: Created falls back to the modification
// time.
func birthTime(string) (time.Time, bool) { return time.Time{}, false }
