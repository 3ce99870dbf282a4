package sinks

import (
	"crypto/tls"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Tests against a real syslog-ng (Debian's syslog-ng-core), started in the foreground on
// loopback with testdata/syslog-ng.conf (the reference configuration: ports made free,
// and a TLS source and the unix sockets for RFC 5424 added).

type syslogNG struct {
	*daemon
	ports                               map[string]int
	tls                                 *tls.Config
	dgram3164, dgram5424, stream5424    string
	addr3164, udp5424, octet, lf, tlsAd string
}

// startSyslogNG starts syslog-ng; extra is appended to its configuration (with DIR
// replaced by its directory).
func startSyslogNG(t *testing.T, extra string) *syslogNG {
	t.Helper()
	bin := needEngine(t, "syslog-ng", "syslog-ng-core")
	dir := shortDir(t)
	conf, err := os.ReadFile("testdata/syslog-ng.conf")
	if err != nil {
		t.Fatal(err)
	}
	p := freePorts(t, 5)
	s := &syslogNG{ports: map[string]int{"3164": p[0], "udp5424": p[1], "octet": p[2], "lf": p[3], "tls": p[4]}}
	c := string(conf)
	for from, to := range map[string]int{"port(6514)": p[0], "port(6515)": p[1], "port(6601)": p[2], "port(6602)": p[3]} {
		if !strings.Contains(c, from) {
			t.Fatalf("testdata/syslog-ng.conf has no %s", from)
		}
		c = strings.ReplaceAll(c, from, "port("+strconv.Itoa(to)+")")
	}
	certFile, keyFile, tlsConf := selfSigned(t, dir)
	s.tls = tlsConf
	c += fmt.Sprintf(`
source s_added {
  syslog(ip("127.0.0.1") port(%d) transport("tls") tls(key-file("%s") cert-file("%s") peer-verify(optional-untrusted)));
  unix-dgram("DIR/log5424.sock" flags(syslog-protocol));
  unix-stream("DIR/stream.sock" flags(syslog-protocol));
};
log { source(s_added); destination(d_json); };
`, p[4], keyFile, certFile) + extra
	c = strings.ReplaceAll(c, "DIR", dir)
	confPath := filepath.Join(dir, "syslog-ng.conf")
	if err := os.WriteFile(confPath, []byte(c), 0o600); err != nil {
		t.Fatal(err)
	}
	logf, err := os.Create(filepath.Join(dir, "syslog-ng.out"))
	if err != nil {
		t.Fatal(err)
	}
	s.daemon = &daemon{t: t, dir: dir, log: logf, out: filepath.Join(dir, "received.jsonl"),
		args: []string{bin, "-F", "--no-caps", "-f", confPath, "-R", filepath.Join(dir, "persist"),
			"-p", filepath.Join(dir, "pid"), "-c", filepath.Join(dir, "ctl")}}
	s.dgram3164, s.dgram5424, s.stream5424 = filepath.Join(dir, "log.sock"), filepath.Join(dir, "log5424.sock"), filepath.Join(dir, "stream.sock")
	at := func(p int) string { return "127.0.0.1:" + strconv.Itoa(p) }
	s.addr3164, s.udp5424, s.octet, s.lf, s.tlsAd = at(p[0]), at(p[1]), at(p[2]), at(p[3]), at(p[4])
	t.Cleanup(func() { s.stop(); logf.Close() })
	s.begin()
	return s
}

// begin starts the daemon and waits until its sockets are there.
func (s *syslogNG) begin() {
	s.start()
	s.waitFor("syslog-ng's sockets", func() bool {
		for _, p := range []string{s.dgram3164, s.dgram5424, s.stream5424} {
			if _, err := os.Stat(p); err != nil {
				return false
			}
		}
		return canDial("tcp", s.octet) && canDial("tcp", s.tlsAd) && canDial("tcp", s.lf) && canDial("tcp", s.addr3164)
	})
}

// syslog-ng's names of the severities.
var ngSeverity = map[int]string{7: "debug", 6: "info", 4: "warning", 3: "err", 2: "crit"}

// Every transport and both formats: the received JSON lines compared field by field.
func TestSyslogNG(t *testing.T) {
	ng := startSyslogNG(t, "")
	host, _ := os.Hostname()
	when := time.Date(2026, 3, 26, 14, 30, 5, 123456789, time.FixedZone("", 3600))
	for _, tc := range []struct {
		name      string
		opts      SyslogOptions
		multiline string // how a message with a newline arrives
	}{
		{"udp-5424", SyslogOptions{Network: "udp", Addr: ng.udp5424}, "line one\nline two"},
		{"tcp-octet-5424", SyslogOptions{Network: "tcp", Addr: ng.octet}, "line one\nline two"},
		{"tcp-lf-5424", SyslogOptions{Network: "tcp", Addr: ng.lf, Framing: LineFraming}, "line one#012line two"},
		{"tls-5424", SyslogOptions{Network: "tls", Addr: ng.tlsAd, TLSConfig: ng.tls}, "line one\nline two"},
		{"unixgram-5424", SyslogOptions{Network: "unixgram", Addr: ng.dgram5424}, "line one\nline two"},
		{"unix-lf-5424", SyslogOptions{Network: "unix", Addr: ng.stream5424, Framing: LineFraming}, "line one#012line two"},
		{"udp-3164", SyslogOptions{Network: "udp", Addr: ng.addr3164, Format: RFC3164}, "line one\nline two"},
		{"tcp-lf-3164", SyslogOptions{Network: "tcp", Addr: ng.addr3164, Format: RFC3164, Framing: LineFraming}, "line one#012line two"},
		{"unixgram-3164", SyslogOptions{Network: "unixgram", Addr: ng.dgram3164, Format: RFC3164}, "line one\nline two"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.opts
			o.AppName, o.ProcID, o.Hostname, o.Facility = "shop", "4242", "web1", Local3
			rfc3164 := o.Format == RFC3164
			if !rfc3164 {
				o.MsgID = "PAY"
			}
			s := Syslog(o)
			if s.Err() != nil {
				t.Fatal(s.Err())
			}
			var n notices
			s.SetOnError(n.add)
			at := when
			if rfc3164 { // to the second, in local time, this year (the daemon guesses it)
				at = time.Now().Truncate(time.Second)
			}
			p := tc.name + ": "
			fields := []Field{{"user", "bob"}, {"q", `a"b]c\d`}, {"odd name=", "x y"}}
			sent := []Entry{
				{Text: []byte(p + "plain\n"), Time: at, Level: 20, Fields: fields},
				{Text: []byte(p + "line one\nline two\n"), Time: at, Level: 40},
			}
			for _, lv := range []int{5, 10, 25, 30, 50} {
				sent = append(sent, Entry{Text: []byte(p + "level " + strconv.Itoa(lv) + "\n"), Time: at, Level: lv})
			}
			for _, e := range sent {
				if err := s.WriteRecord(e); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			got := ng.waitLines(len(sent), msgPrefix(p))
			if len(got) != len(sent) || s.Dropped() != 0 {
				t.Fatalf("received %d lines, want %d (dropped %d, notices %v)", len(got), len(sent), s.Dropped(), n.errs)
			}
			wantTS := when.Format("2006-01-02T15:04:05.000000-07:00")
			if rfc3164 {
				wantTS = at.Format("2006-01-02T15:04:05.000000-07:00")
			}
			for i, m := range got {
				e := sent[i]
				sev := Severity(e.Level)
				msg := strings.TrimSuffix(string(e.Text), "\n")
				if i == 1 {
					msg = p + tc.multiline
				}
				want := map[string]string{
					"pri": strconv.Itoa(19*8 + sev), "facility": "local3", "severity": ngSeverity[sev],
					"ts": wantTS, "app": "shop", "procid": "4242", "host": "web1", "msg": msg, "msgid": "PAY",
				}
				if rfc3164 {
					want["msgid"] = ""
					if i == 0 {
						want["msg"] = msg + ` user=bob q="a\"b]c\\d" "odd name="="x y"`
					}
					if o.Network == "unixgram" {
						want["host"] = host // a local message carries no hostname: the daemon's
					}
				}
				for k, v := range want {
					if gv := fmt.Sprint(m[k]); gv != v {
						t.Errorf("message %d: %s = %q, want %q", i, k, gv, v)
					}
				}
				// The daemon adds [meta sequenceId="N"] to what comes from a local socket.
				sd := strings.Split(fmt.Sprint(m["sd"]), "[meta ")[0]
				wantSD := ""
				if i == 0 && !rfc3164 {
					wantSD = `[logru@32473 user="bob" q="a\"b\]c\\d" odd_name_="x y"]`
					if parsed := fmt.Sprint(m["_SDATA"]); !strings.Contains(parsed, "user:bob") {
						t.Errorf("message 0: parsed structured data %s lacks user=bob", parsed)
					}
				}
				if sd != wantSD {
					t.Errorf("message %d: sd = %q, want %q", i, sd, wantSD)
				}
			}
		})
	}
}

// A restart of the daemon mid-stream: every message arrives exactly once, except those
// the sink reports dropped.
func TestSyslogNGRestart(t *testing.T) {
	ng := startSyslogNG(t, "")
	for _, tc := range []struct {
		name string
		opts SyslogOptions
	}{
		// Block (waiting up to 10s for room): nothing may be lost.
		{"tcp-octet", SyslogOptions{Network: "tcp", Addr: ng.octet, Overflow: Block}},
		{"tls", SyslogOptions{Network: "tls", Addr: ng.tlsAd, TLSConfig: ng.tls, Overflow: Block}},
		{"unixgram", SyslogOptions{Network: "unixgram", Addr: ng.dgram5424, Overflow: Block}},
		// DropOldest: what is lost is exactly what the sink reports dropped.
		{"tcp-octet-drop-oldest", SyslogOptions{Network: "tcp", Addr: ng.octet, Overflow: DropOldest}},
		{"unixgram-drop-newest", SyslogOptions{Network: "unixgram", Addr: ng.dgram5424, Overflow: DropNewest}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.opts
			o.AppName, o.BufferSize, o.BlockTimeout, o.MaxBackoff = "restart", 200, 10*time.Second, 200*time.Millisecond
			s := Syslog(o)
			var n notices
			s.SetOnError(n.add)
			const total = 3000
			p := "restart " + tc.name + " "
			start := time.Now()
			// The writer pauses after message 999 while the daemon is stopped (with what it
			// has not read yet), then goes on while the daemon starts again.
			atStop, stopped, werr := make(chan struct{}), make(chan struct{}), make(chan error, 1)
			go func() {
				for i := range total {
					if i == 1000 {
						close(atStop)
						<-stopped
					}
					if err := s.WriteRecord(Entry{Text: []byte(p + strconv.Itoa(i)), Time: time.Now(), Level: 20}); err != nil {
						werr <- err
						return
					}
				}
				werr <- nil
			}()
			<-atStop
			ng.stop()
			close(stopped)
			ng.begin()
			if err := <-werr; err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			dropped := s.Dropped()
			if nd := n.drops(); nd != dropped {
				t.Errorf("drop notices add up to %d, Dropped is %d", nd, dropped)
			}
			want := total - int(dropped)
			got := ng.waitLines(want, msgPrefix(p))
			seen := make(map[int]int)
			for _, m := range got {
				k, err := strconv.Atoi(strings.TrimPrefix(m["msg"].(string), p))
				if err != nil {
					t.Fatalf("message %q", m["msg"])
				}
				seen[k]++
			}
			var missing []int
			for i := range total {
				if seen[i] == 0 {
					missing = append(missing, i)
				} else if seen[i] > 1 {
					t.Errorf("message %d arrived %d times", i, seen[i])
				}
			}
			if o.Overflow == Block && dropped != 0 {
				t.Errorf("%d dropped with Block", dropped)
			}
			if len(got) != want || len(missing) != int(dropped) {
				t.Errorf("received %d, want %d; missing %d, dropped %d", len(got), want, len(missing), dropped)
			}
			t.Logf("%s: %d sent, %d received, %d dropped, in %v", tc.name, total, len(got), dropped, time.Since(start).Round(time.Millisecond))
		})
	}
}
