package sinks

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A shipper follows our files: syslog-ng's file() source tails a File that rotates every
// 64 KB (rename rotation, rotated files compressed with gz) while 100,000 lines are
// written; syslog-ng's output holds every line exactly once.
//
// A shipper that follows a path polls it (here every 0.1s): a file renamed and then
// compressed away between two polls is never seen by it, whatever the writer does. So
// the writer lets the shipper lag at most half a file behind: at each rotation, the
// shipper may still be reading the renamed file (whose name soon disappears, being
// compressed) while the next one fills. That is the case rename rotation must get right.
func TestShipperFollowsRotatedFile(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 100,000 lines through syslog-ng")
	}
	logDir := shortDir(t)
	path := filepath.Join(logDir, "app.log")
	f, err := NewFile(path, &FileOptions{Rotation: "64 KB", Compression: "gz"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ng := startSyslogNG(t, fmt.Sprintf(`
source s_file { file("%s" follow-freq(0.1) flags(no-parse) log-fetch-limit(10000) log-iw-size(20000)); };
destination d_file { file("DIR/shipped.txt" template("${MESSAGE}\n")); };
log { source(s_file); destination(d_file); };
`, path))
	shipped := filepath.Join(ng.dir, "shipped.txt")
	c := &lineCounter{path: shipped}

	const total = 100000
	const line = "shipped line %06d of the rotating file, padded to about sixty bytes\n"
	perFile := 64 << 10 / len(fmt.Sprintf(line, 0))
	start := time.Now()
	waits := 0
	for i := range total {
		// At every rotation (each perFile lines) the shipper is at most half a file
		// (plus the 100 lines between two checks) behind: it is reading the file renamed.
		if i%100 == 0 && i-c.count() > perFile/2 {
			waits++
			ng.waitFor("the shipper to catch up", func() bool { return i-c.count() <= perFile/2 })
		}
		if _, err := fmt.Fprintf(f, line, i); err != nil {
			t.Fatal(err)
		}
	}
	written := time.Since(start)
	for deadline := time.Now().Add(20 * time.Second); c.count() < total && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond) // polling the external process's output
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	seen := make([]int, total)
	for _, l := range c.all() {
		var n int
		if _, err := fmt.Sscanf(l, "shipped line %d of", &n); err != nil || n < 0 || n >= total {
			t.Fatalf("shipped a line that was not written: %q", l)
		}
		seen[n]++
	}
	var bad []string
	for i := 0; i < total; i++ {
		if seen[i] == 1 {
			continue
		}
		j := i
		for j+1 < total && seen[j+1] == seen[i] {
			j++
		}
		bad = append(bad, fmt.Sprintf("lines %d-%d shipped %d times", i, j, seen[i]))
		i = j
	}
	if len(bad) > 0 {
		t.Errorf("%d lines shipped of %d: %s", len(c.all()), total, strings.Join(bad, "; "))
	}
	gz, _ := filepath.Glob(filepath.Join(logDir, "app.*.log.gz"))
	t.Logf("%d lines written in %v (%d pauses for the shipper), %d rotated files compressed; shipped all in %v",
		total, written.Round(time.Millisecond), waits, len(gz), time.Since(start).Round(time.Millisecond))
	if len(gz) < 50 {
		t.Errorf("only %d rotated files: the test did not rotate as it should", len(gz))
	}
}

// lineCounter counts the lines of a growing file, reading only what is new.
type lineCounter struct {
	path  string
	off   int64
	lines []string
	part  string
}

func (c *lineCounter) read() {
	fh, err := os.Open(c.path)
	if err != nil {
		return
	}
	defer fh.Close()
	fh.Seek(c.off, 0)
	r := bufio.NewReaderSize(fh, 1<<16)
	for {
		s, err := r.ReadString('\n')
		c.off += int64(len(s))
		if err != nil {
			c.part += s
			return
		}
		c.lines = append(c.lines, strings.TrimSuffix(c.part+s, "\n"))
		c.part = ""
	}
}

func (c *lineCounter) count() int { c.read(); return len(c.lines) }
func (c *lineCounter) all() []string {
	c.read()
	return c.lines
}
