package sinks

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Against a real rsyslog (Debian's rsyslog, which conflicts with syslog-ng-core: .ci/run
// installs it in a step of its own): RFC 5424 over TCP with octet counting.
func TestRsyslog(t *testing.T) {
	bin := needEngine(t, "rsyslogd", "rsyslog")
	dir := shortDir(t)
	conf, err := os.ReadFile("testdata/rsyslog.conf")
	if err != nil {
		t.Fatal(err)
	}
	port := freePorts(t, 1)[0]
	c := strings.ReplaceAll(string(conf), `port="5514"`, `port="`+strconv.Itoa(port)+`"`)
	c = strings.ReplaceAll(c, "DIR", dir)
	os.MkdirAll(filepath.Join(dir, "work"), 0o700)
	confPath := filepath.Join(dir, "rsyslog.conf")
	if err := os.WriteFile(confPath, []byte(c), 0o600); err != nil {
		t.Fatal(err)
	}
	logf, err := os.Create(filepath.Join(dir, "rsyslog.out"))
	if err != nil {
		t.Fatal(err)
	}
	d := &daemon{t: t, dir: dir, log: logf, out: filepath.Join(dir, "received.jsonl"),
		args: []string{bin, "-n", "-f", confPath, "-i", filepath.Join(dir, "rsyslogd.pid")}}
	t.Cleanup(func() { d.stop(); logf.Close() })
	d.start()
	addr := "127.0.0.1:" + strconv.Itoa(port)
	d.waitFor("rsyslog's TCP port", func() bool { return canDial("tcp", addr) })

	s := Syslog(SyslogOptions{Network: "tcp", Addr: addr, AppName: "shop", ProcID: "4242", MsgID: "PAY", Hostname: "web1", Facility: Local3})
	var n notices
	s.SetOnError(n.add)
	when := time.Date(2026, 3, 26, 14, 30, 5, 123456789, time.FixedZone("", 3600))
	sent := []Entry{
		{Text: []byte("plain\n"), Time: when, Level: 20, Fields: []Field{{"user", "bob"}, {"q", `a"b]c\d`}}},
		{Text: []byte("line one\nline two\n"), Time: when, Level: 40},
	}
	for _, lv := range []int{5, 25, 30, 50} {
		sent = append(sent, Entry{Text: []byte("level " + strconv.Itoa(lv)), Time: when, Level: lv})
	}
	start := time.Now()
	for _, e := range sent {
		if err := s.WriteRecord(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	got := d.waitLines(len(sent), nil)
	t.Logf("rsyslog received %d messages in %v", len(got), time.Since(start).Round(time.Millisecond))
	if len(got) != len(sent) || s.Dropped() != 0 {
		t.Fatalf("received %d, want %d (dropped %d, notices %v)", len(got), len(sent), s.Dropped(), n.errs)
	}
	for i, m := range got {
		e := sent[i]
		sev := Severity(e.Level)
		want := map[string]string{
			"pri": strconv.Itoa(19*8 + sev), "facility": "19", "severity": strconv.Itoa(sev), "version": "1",
			"ts": "2026-03-26T14:30:05.123456+01:00", "host": "web1", "app": "shop", "procid": "4242", "msgid": "PAY",
			"msg": strings.TrimSuffix(string(e.Text), "\n"), "sd": "-",
		}
		if i == 1 { // one record; rsyslog writes control characters as #ooo (its default)
			want["msg"] = "line one#012line two"
		}
		if i == 0 {
			want["sd"] = `[logru@32473 user="bob" q="a\"b\]c\\d"]`
		}
		for k, v := range want {
			if g := fmt.Sprint(m[k]); g != v {
				t.Errorf("message %d: %s = %q, want %q", i, k, g, v)
			}
		}
	}
}
