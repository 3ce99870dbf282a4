package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"
)

// readTimeout bounds how long reading a configuration file may take (a file on a
// hung network or FUSE mount): ReadFile gives up with an error after it.
const readTimeout = 5 * time.Second

// ReadFile reads the configuration file at path, refusing anything but a regular file
// (a named pipe, a device, a socket or a directory, each named in the error) and files
// over MaxSize. Opening does not wait for a FIFO's writer (see openNoBlock), and the
// whole read gives up after 5 seconds; a read still blocked then (a hung network or FUSE
// mount) is left to finish on its own goroutine. An error opening or examining the file
// is an *fs.PathError, which names it; the other errors do not. ReadFile is safe for
// concurrent use.
func ReadFile(path string) ([]byte, error) {
	return readBounded(func() ([]byte, error) { return readRegular(path) }, readTimeout)
}

// readBounded runs read and returns its result, or an error once timeout has passed.
// A read still blocked then is left to finish on its own goroutine; what it returns is
// discarded.
func readBounded(read func() ([]byte, error), timeout time.Duration) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := read()
		done <- result{data, err}
	}()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case r := <-done:
		return r.data, r.err
	case <-t.C:
		return nil, fmt.Errorf("reading took longer than %v", timeout)
	}
}

func readRegular(path string) ([]byte, error) {
	f, err := openNoBlock(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file (" + fileKind(st.Mode()) + ")")
	}
	if st.Size() > MaxSize {
		return nil, errTooLarge
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, errTooLarge // it grew while we read
	}
	return data, nil
}

var errTooLarge = errors.New("larger than the limit of 4 MiB")

// fileKind names the type of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}
