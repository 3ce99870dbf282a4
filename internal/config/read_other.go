//go:build !unix

package config

import (
	"errors"
	"os"
)

// openNoBlock opens path for reading, after checking that it is a regular file (where
// opening a named pipe could wait for a writer); readRegular checks the opened file
// again.
func openNoBlock(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file (" + fileKind(st.Mode()) + ")")
	}
	return os.Open(path)
}
