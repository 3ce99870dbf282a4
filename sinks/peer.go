package sinks

import (
	"errors"
	"net"
	"sync/atomic"
)

// errPeerClosed: the daemon closed the connection (it sends nothing, so a readable end
// of stream or a reset means it is gone).
var errPeerClosed = errors.New("the peer closed the connection")

// watchedConn is a connection whose incoming bytes one goroutine reads and discards
// (a TLS server's session tickets), noting when the peer closes it. Close waits for
// that goroutine.
type watchedConn struct {
	net.Conn
	gone atomic.Bool
	done chan struct{}
}

func watch(c net.Conn) *watchedConn {
	w := &watchedConn{Conn: c, done: make(chan struct{})}
	go func() {
		defer close(w.done)
		var buf [512]byte
		for {
			if _, err := c.Read(buf[:]); err != nil {
				w.gone.Store(true)
				return
			}
		}
	}()
	return w
}

func (w *watchedConn) Close() error {
	err := w.Conn.Close()
	<-w.done
	return err
}

// peerGone reports errPeerClosed when the daemon has closed the stream connection c.
func peerGone(c net.Conn) error {
	if w, ok := c.(*watchedConn); ok {
		if w.gone.Load() {
			return errPeerClosed
		}
		return nil
	}
	return peekClosed(c)
}
