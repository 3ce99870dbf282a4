//go:build !linux

package fsys

import (
	"errors"
	"time"
)

// recordCreation has nowhere to keep a creation time on this system.
func recordCreation(string, time.Time) error {
	return errors.ErrUnsupported
}

// recordedCreation finds no recorded creation time on this system.
func recordedCreation(string) (time.Time, bool) { return time.Time{}, false }
