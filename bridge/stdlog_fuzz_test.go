package bridge

import (
	"bytes"
	"log"
	"strings"
	"testing"
)

// FuzzStripHeader: whatever the flags, prefix and message, stripping the header log
// writes, then the newline log ends the line with, gives back the message exactly.
func FuzzStripHeader(f *testing.F) {
	f.Add(log.LstdFlags, "", "hello")
	f.Add(log.LstdFlags|log.Lmicroseconds|log.Lshortfile, "app: ", "a: b: c")
	f.Add(log.Llongfile|log.Lmsgprefix, "[x] ", "")
	f.Add(log.Ldate|log.LUTC, "2009/01/23 ", "01:23:23 message")
	f.Fuzz(func(t *testing.T, flags int, prefix, msg string) {
		flags &= log.Ldate | log.Ltime | log.Lmicroseconds | log.Llongfile | log.Lshortfile | log.LUTC | log.Lmsgprefix
		if strings.Contains(msg, "\n") {
			return // log ends each line with one newline; Write strips it before stripHeader
		}
		var buf bytes.Buffer
		lg := log.New(&buf, prefix, flags)
		lg.Print(msg)
		line := buf.Bytes()
		if got := string(bytes.TrimSuffix(stripHeader(line, flags, prefix), []byte("\n"))); got != msg {
			t.Fatalf("flags %d prefix %q: stripHeader(%q) = %q, want %q", flags, prefix, line, got, msg)
		}
	})
}
