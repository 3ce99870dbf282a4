package main

import (
	"bytes"
	"log/slog"
	"time"
)

func slogDuration(key string, d time.Duration) slog.Attr { return slog.Duration(key, d) }

// lastLines returns the last n lines of data.
func lastLines(data []byte, n int) []byte {
	lines := bytes.SplitAfter(bytes.TrimRight(data, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return append(bytes.Join(lines, nil), '\n')
}
