//go:build !linux

package sinks

import (
	"errors"
	"net"
	"time"
)

func journalSupported() error { return errors.New("sinks: Journal: the systemd journal is Linux only") }

func dialJournal(string, time.Duration) (net.Conn, error) { return nil, journalSupported() }

func sendJournal(net.Conn, []byte, time.Duration) error { return journalSupported() }
