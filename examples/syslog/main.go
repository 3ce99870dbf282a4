// Command syslog sends logru records to a syslog daemon. It needs none: it starts a tiny
// UDP listener on 127.0.0.1 itself and prints the RFC 5424 messages that arrive.
//
//	go run ./examples/syslog
package main

import (
	"fmt"
	"net"
	"os"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/sinks"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	// The stand-in daemon: a UDP socket on a free port.
	daemon, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer daemon.Close()

	l := logru.New()
	_, err = l.Add(logru.Handler{
		Format: "{message}", // the syslog header carries time, level and program
		Sink: sinks.Syslog(sinks.SyslogOptions{
			Network:  "udp", // or "tcp" (octet counting), "tls", "unix", "unixgram"
			Addr:     daemon.LocalAddr().String(),
			AppName:  "shop",
			Facility: sinks.Local0,
		}),
	})
	if err != nil {
		return err
	}
	l.Info("service started")
	l.Bind("order", 1234, "user", "bob").Warning("payment retried")
	l.Error("line one\nline two: a multi-line message stays one record")
	if err := l.Close(); err != nil {
		return err
	}

	buf := make([]byte, 64<<10)
	for range 3 {
		daemon.SetReadDeadline(time.Now().Add(5 * time.Second))
		n, _, err := daemon.ReadFrom(buf)
		if err != nil {
			return err
		}
		fmt.Printf("%q\n", buf[:n])
	}
	return nil
}
