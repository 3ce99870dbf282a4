//go:build linux

package sinks

import (
	"errors"
	"fmt"
	"net"
	"os"
	"runtime"
	"syscall"
	"time"
	"unsafe"
)

func journalSupported() error {
	if memfdCreate == 0 {
		return errors.New("sinks: Journal: memfd_create is not known on " + runtime.GOARCH)
	}
	return nil
}

func dialJournal(socket string, timeout time.Duration) (net.Conn, error) {
	d := net.Dialer{Timeout: timeout}
	return d.Dial("unixgram", socket)
}

// sendJournal sends one entry as a datagram; one too large for that goes as a sealed
// memfd passed with SCM_RIGHTS.
func sendJournal(c net.Conn, frame []byte, timeout time.Duration) error {
	c.SetWriteDeadline(time.Now().Add(timeout))
	_, err := c.Write(frame)
	if err == nil || !(errors.Is(err, syscall.EMSGSIZE) || errors.Is(err, syscall.ENOBUFS)) {
		return err
	}
	f, err := sealedMemfd(frame)
	if err != nil {
		return fatalError{fmt.Errorf("sinks: journal: an entry of %d bytes: %w", len(frame), err)}
	}
	defer f.Close()
	// (*net.UnixConn).WriteMsgUnix refuses a connected datagram socket: send on its
	// descriptor, an empty datagram carrying the memfd.
	rc, err := c.(*net.UnixConn).SyscallConn()
	if err != nil {
		return err
	}
	oob := syscall.UnixRights(int(f.Fd()))
	werr := rc.Write(func(fd uintptr) bool {
		err = syscall.Sendmsg(int(fd), nil, oob, nil, syscall.MSG_DONTWAIT)
		return err != syscall.EAGAIN
	})
	if werr != nil {
		return werr
	}
	return err
}

// The memfd_create system call and the sealing constants (linux/memfd.h, fcntl.h),
// which package syscall does not have.
const (
	mfdCloexec      = 0x1
	mfdAllowSealing = 0x2
	fAddSeals       = 1024 + 9
	fSealSeal       = 0x1
	fSealShrink     = 0x2
	fSealGrow       = 0x4
	fSealWrite      = 0x8
)

var memfdCreate = map[string]uintptr{
	"amd64": 319, "arm64": 279, "riscv64": 279, "loong64": 279, "386": 356, "arm": 385,
	"ppc64": 360, "ppc64le": 360, "s390x": 350, "mips64": 5314, "mips64le": 5314,
	"mips": 4354, "mipsle": 4354,
}[runtime.GOARCH]

// sealedMemfd returns a memory file holding data, sealed against any change.
func sealedMemfd(data []byte) (*os.File, error) {
	name := [...]byte{'l', 'o', 'g', 'r', 'u', '-', 'j', 'o', 'u', 'r', 'n', 'a', 'l', 0}
	fd, _, errno := syscall.Syscall(memfdCreate, uintptr(unsafe.Pointer(&name[0])), mfdCloexec|mfdAllowSealing, 0)
	if errno != 0 {
		return nil, fmt.Errorf("memfd_create: %w", errno)
	}
	f := os.NewFile(fd, "logru-journal")
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, err
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_FCNTL, fd, fAddSeals, fSealSeal|fSealShrink|fSealGrow|fSealWrite); errno != 0 {
		f.Close()
		return nil, fmt.Errorf("sealing the memfd: %w", errno)
	}
	return f, nil
}
