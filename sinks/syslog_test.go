package sinks

import (
	"bufio"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var at = time.Date(2026, 3, 26, 14, 30, 5, 123456789, time.FixedZone("", 3600))

func TestSeverity(t *testing.T) {
	for _, tc := range []struct{ level, want int }{
		{0, 7}, {5, 7}, {10, 7}, {19, 7}, {20, 6}, {25, 6}, {29, 6},
		{30, 4}, {35, 4}, {40, 3}, {45, 3}, {50, 2}, {99, 2}, {-3, 7},
	} {
		if got := Severity(tc.level); got != tc.want {
			t.Errorf("Severity(%d) = %d, want %d", tc.level, got, tc.want)
		}
	}
}

func TestSyslogAppendMessage(t *testing.T) {
	base := SyslogOptions{Network: "udp", Addr: "127.0.0.1:9", AppName: "shop", ProcID: "42", Hostname: "web1"}
	with := func(f func(*SyslogOptions)) SyslogOptions { o := base; f(&o); return o }
	fields := []Field{{"user", "bob"}, {"a b=c]\"", `q"uo\te]`}, {"", "x"}, {strings.Repeat("k", 40), "long"}}
	for _, tc := range []struct {
		name string
		opts SyslogOptions
		e    Entry
		want string
	}{
		{"rfc5424 plain", base, Entry{Text: []byte("hello\n"), Time: at, Level: 20},
			"<14>1 2026-03-26T14:30:05.123456+01:00 web1 shop 42 - - hello"},
		{"utc time, debug", base, Entry{Text: []byte("x"), Time: at.UTC(), Level: 10},
			"<15>1 2026-03-26T13:30:05.123456Z web1 shop 42 - - x"},
		{"facility and msgid", with(func(o *SyslogOptions) { o.Facility = Local0; o.MsgID = "PAY" }),
			Entry{Text: []byte("boom\n"), Time: at, Level: 50},
			"<130>1 2026-03-26T14:30:05.123456+01:00 web1 shop 42 PAY - boom"},
		{"structured data escaped and names sanitised", base, Entry{Text: []byte("m"), Time: at, Level: 30, Fields: fields},
			`<12>1 2026-03-26T14:30:05.123456+01:00 web1 shop 42 - [logru@32473 user="bob" a_b_c__="q\"uo\\te\]" _="x" ` + strings.Repeat("k", 32) + `="long"] m`},
		{"empty message, zero time", base, Entry{Level: 40}, "<11>1 - web1 shop 42 - -"},
		{"multi-line kept", base, Entry{Text: []byte("a\nb\n"), Time: at, Level: 20},
			"<14>1 2026-03-26T14:30:05.123456+01:00 web1 shop 42 - - a\nb"},
		{"octet counting", with(func(o *SyslogOptions) { o.Network = "tcp" }), Entry{Text: []byte("a\nb\n"), Time: at, Level: 20},
			"59 <14>1 2026-03-26T14:30:05.123456+01:00 web1 shop 42 - - a\nb"},
		{"line framing", with(func(o *SyslogOptions) { o.Network = "tcp"; o.Framing = LineFraming }), Entry{Text: []byte("a\nb\n"), Time: at, Level: 20},
			"<14>1 2026-03-26T14:30:05.123456+01:00 web1 shop 42 - - a#012b\n"},
		{"rfc3164", with(func(o *SyslogOptions) { o.Format = RFC3164 }),
			Entry{Text: []byte("hello\n"), Time: time.Date(2026, 3, 6, 4, 5, 6, 0, time.UTC), Level: 25, Fields: []Field{{"user", "bob"}, {"msg", "a b"}, {"e", ""}}},
			`<14>Mar  6 04:05:06 web1 shop[42]: hello user=bob msg="a b" e=""`},
		{"header fields sanitised", with(func(o *SyslogOptions) { o.AppName = "my app\x01"; o.Hostname = "h h" }),
			Entry{Text: []byte("x"), Time: at, Level: 20}, "<14>1 2026-03-26T14:30:05.123456+01:00 h_h my_app_ 42 - - x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Syslog(tc.opts)
			if s.Err() != nil {
				t.Fatal(s.Err())
			}
			defer s.Close()
			if got := string(s.AppendMessage([]byte("prefix"), tc.e)); got != "prefix"+tc.want {
				t.Errorf("got  %q\nwant %q", got, "prefix"+tc.want)
			}
		})
	}
}

func TestSyslogOptionErrors(t *testing.T) {
	for _, tc := range []struct {
		opts SyslogOptions
		want string
	}{
		{SyslogOptions{Network: "sctp", Addr: "x:1"}, `Network "sctp"`},
		{SyslogOptions{Network: "tcp"}, `Addr ""`},
		{SyslogOptions{Network: "udp", Addr: "nohost"}, `Addr "nohost"`},
		{SyslogOptions{Network: "udp", Addr: "h:1", Format: 7}, "Format 7"},
		{SyslogOptions{Network: "udp", Addr: "h:1", Framing: 3}, "Framing 3"},
		{SyslogOptions{Network: "udp", Addr: "h:1", Facility: 24}, "Facility 24"},
		{SyslogOptions{Network: "udp", Addr: "h:1", Overflow: "wait"}, `Overflow "wait"`},
		{SyslogOptions{Network: "udp", Addr: "h:1", BufferSize: -1}, "BufferSize -1"},
		{SyslogOptions{Network: "udp", Addr: "h:1", WriteTimeout: -1}, "WriteTimeout -1ns"},
	} {
		s := Syslog(tc.opts)
		if s.Err() == nil || !strings.Contains(s.Err().Error(), tc.want) {
			t.Errorf("%+v: Err() = %v, want it to name %s", tc.opts, s.Err(), tc.want)
		}
		if err := s.WriteRecord(Entry{}); err != s.Err() {
			t.Errorf("WriteRecord = %v, want the configuration error", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close = %v", err)
		}
	}
}

// gramServer is a unixgram socket standing in for a daemon.
type gramServer struct {
	t    *testing.T
	path string
	c    *net.UnixConn
}

func shortDir(t *testing.T) string {
	t.Helper()
	// Socket paths are limited to 108 bytes: t.TempDir's can be longer.
	dir, err := os.MkdirTemp("", "sl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func listenGram(t *testing.T, path string) *gramServer {
	t.Helper()
	c, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	s := &gramServer{t: t, path: path, c: c}
	t.Cleanup(s.stop)
	return s
}

func (s *gramServer) stop() {
	s.c.Close()
	os.Remove(s.path)
}

// next reads one datagram, waiting at most 10s.
func (s *gramServer) next() string {
	s.t.Helper()
	buf := make([]byte, 1<<20)
	s.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := s.c.Read(buf)
	if err != nil {
		s.t.Fatalf("reading the daemon's socket: %v", err)
	}
	return string(buf[:n])
}

// notices collects what a sink reports.
type notices struct {
	mu   sync.Mutex
	errs []error
}

func (n *notices) add(err error) { n.mu.Lock(); n.errs = append(n.errs, err); n.mu.Unlock() }
func (n *notices) drops() (total uint64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, err := range n.errs {
		var d *DropError
		if errors.As(err, &d) {
			total += d.N
		}
	}
	return total
}

func msgOf(frame string) string { return frame[strings.LastIndex(frame, " ")+1:] }

// While the daemon is away, messages are held (up to BufferSize, then the overflow
// policy drops); when it comes back they arrive first, in order, then new ones.
func TestSyslogHoldsWhileDisconnected(t *testing.T) {
	for _, tc := range []struct {
		overflow string
		want     []string // what arrives after the daemon starts
	}{
		{DropNewest, []string{"m0", "m1", "m2", "after"}},
		{DropOldest, []string{"m2", "m3", "m4", "after"}},
		{Block, []string{"m0", "m1", "m2", "after"}},
	} {
		t.Run(tc.overflow, func(t *testing.T) {
			path := filepath.Join(shortDir(t), "log")
			var n notices
			s := Syslog(SyslogOptions{Network: "unixgram", Addr: path, BufferSize: 3, Overflow: tc.overflow,
				BlockTimeout: time.Millisecond, AppName: "t", Hostname: "h", ProcID: "1"})
			s.SetOnError(n.add)
			for i := range 5 {
				if err := s.WriteRecord(Entry{Text: []byte("m" + strconv.Itoa(i)), Time: at, Level: 20}); err != nil {
					t.Fatal(err)
				}
			}
			if d := s.Dropped(); d != 2 {
				t.Errorf("Dropped = %d, want 2", d)
			}
			srv := listenGram(t, path)
			if err := s.Flush(); err != nil {
				t.Fatal(err)
			}
			if err := s.WriteRecord(Entry{Text: []byte("after"), Time: at, Level: 20}); err != nil {
				t.Fatal(err)
			}
			var got []string
			for range tc.want {
				got = append(got, msgOf(srv.next()))
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("received %v, want %v", got, tc.want)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if d := n.drops(); d != 2 {
				t.Errorf("drop notices add up to %d, want 2 (%v)", d, n.errs)
			}
			if err := s.WriteRecord(Entry{Text: []byte("late")}); err != ErrClosed {
				t.Errorf("WriteRecord after Close = %v, want ErrClosed", err)
			}
		})
	}
}

// Close with the daemon away: what is held is counted as dropped and announced.
func TestSyslogCloseDropsHeld(t *testing.T) {
	path := filepath.Join(shortDir(t), "log")
	var n notices
	s := Syslog(SyslogOptions{Network: "unixgram", Addr: path, DialTimeout: 10 * time.Millisecond, WriteTimeout: 10 * time.Millisecond})
	s.SetOnError(n.add)
	for range 4 {
		s.WriteRecord(Entry{Text: []byte("x")})
	}
	if err := s.Close(); err == nil {
		t.Error("Close = nil, want the flush error")
	}
	if s.Dropped() != 4 || n.drops() != 4 {
		t.Errorf("Dropped = %d, notices %d, want 4 and 4", s.Dropped(), n.drops())
	}
}

// A TCP daemon that closes the connection: the sink notices before its next write,
// holds the message, reconnects and sends it: nothing is lost.
func TestSyslogTCPReconnects(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s := Syslog(SyslogOptions{Network: "tcp", Addr: ln.Addr().String(), AppName: "t", Hostname: "h", ProcID: "1"})
	defer s.Close()
	accept := func() (net.Conn, *bufio.Reader) {
		t.Helper()
		ln.(*net.TCPListener).SetDeadline(time.Now().Add(10 * time.Second))
		c, err := ln.Accept()
		if err != nil {
			t.Fatal(err)
		}
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		return c, bufio.NewReader(c)
	}
	read := func(r *bufio.Reader) string {
		t.Helper()
		n, err := r.ReadString(' ')
		if err != nil {
			t.Fatal(err)
		}
		size, _ := strconv.Atoi(strings.TrimSpace(n))
		b := make([]byte, size)
		if _, err := io.ReadFull(r, b); err != nil {
			t.Fatal(err)
		}
		return msgOf(string(b))
	}
	s.WriteRecord(Entry{Text: []byte("one"), Level: 20})
	c, r := accept()
	if got := read(r); got != "one" {
		t.Fatalf("got %q", got)
	}
	c.Close() // the daemon goes away
	s.WriteRecord(Entry{Text: []byte("two"), Level: 20})
	s.WriteRecord(Entry{Text: []byte("three"), Level: 20})
	c, r = accept()
	defer c.Close()
	for _, want := range []string{"two", "three"} {
		if got := read(r); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	if s.Dropped() != 0 {
		t.Errorf("Dropped = %d", s.Dropped())
	}
}
