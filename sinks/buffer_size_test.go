package sinks

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestBufferSizeLimits: the syslog and journal sinks hold at most MaxQueueSize messages
// while their daemon is away; a larger BufferSize is refused, naming the limit, instead
// of letting an outage fill the memory. The limit itself is accepted.
func TestBufferSizeLimits(t *testing.T) {
	for _, tt := range []struct {
		size int
		ok   bool
	}{
		{0, true}, {MaxQueueSize, true},
		{MaxQueueSize + 1, false}, {1e12, false}, {math.MaxInt64, false},
	} {
		t.Run(strconv.Itoa(tt.size), func(t *testing.T) {
			s := Syslog(SyslogOptions{Network: "udp", Addr: "127.0.0.1:1", BufferSize: tt.size})
			defer s.Close()
			j := Journal(JournalOptions{Socket: "/nonexistent/journal.socket", BufferSize: tt.size})
			defer j.Close()
			for _, c := range []struct {
				name string
				err  error
			}{{"syslog", s.Err()}, {"journal", j.Err()}} {
				if c.name == "journal" && journalSupported() != nil {
					continue // the platform has no journal: Err says so whatever the size
				}
				switch {
				case tt.ok && c.err != nil:
					t.Errorf("%s: BufferSize %d: %v", c.name, tt.size, c.err)
				case !tt.ok && (c.err == nil || !strings.Contains(c.err.Error(), "10,000,000")):
					t.Errorf("%s: BufferSize %d: Err() = %v; want the limit named", c.name, tt.size, c.err)
				}
			}
		})
	}
}
