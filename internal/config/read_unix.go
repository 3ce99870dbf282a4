//go:build unix

package config

import (
	"os"
	"syscall"
)

// openNoBlock opens path for reading without waiting: opening a named pipe for reading
// would wait for a writer, possibly forever. O_NONBLOCK does not change how a regular
// file is read.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
