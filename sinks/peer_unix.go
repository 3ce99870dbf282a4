//go:build unix

package sinks

import (
	"net"
	"syscall"
)

// peekClosed looks, without blocking or consuming anything, whether the peer of c has
// closed the connection: a syslog daemon never writes, so end of stream or an error
// means it is gone.
func peekClosed(c net.Conn) error {
	sc, ok := c.(syscall.Conn)
	if !ok {
		return nil
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return err
	}
	var gone error
	var buf [1]byte
	err = rc.Read(func(fd uintptr) bool {
		n, _, err := syscall.Recvfrom(int(fd), buf[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		switch {
		case err == syscall.EAGAIN || err == syscall.EINTR:
		case err != nil:
			gone = err
		case n == 0:
			gone = errPeerClosed
		}
		return true
	})
	if err != nil {
		return err
	}
	return gone
}
