//go:build !unix

package fsys

import "errors"

// CanLock says whether Flock works on this system.
const CanLock = false

// Flock is not available on this system.
func Flock(File, bool) error { return errors.New("flock is not available on this system") }
