package sinks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestJournalFieldName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"user", "USER"}, {"http.status", "HTTP_STATUS"}, {"_secret", "SECRET"}, {"__a_b", "A_B"},
		{"9lives", "X_9LIVES"}, {"", "X_"}, {"___", "X_"}, {"é", "X_"}, {"message", "EXTRA_MESSAGE"},
		{"Priority", "EXTRA_PRIORITY"}, {strings.Repeat("a", 70), strings.Repeat("A", 64)},
	} {
		if got := JournalFieldName(tc.in); got != tc.want {
			t.Errorf("JournalFieldName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestJournalAppendEntry(t *testing.T) {
	j := &JournalWriter{ident: "shop"}
	got := j.AppendEntry(nil, Entry{Text: []byte("a\nb\n"), Level: 30, File: "/src/x.go", Line: 7, Func: "main.f",
		Fields: []Field{{"user", "bob"}, {"v", "1\n2"}}})
	want := "MESSAGE\n\x03\x00\x00\x00\x00\x00\x00\x00a\nb\nPRIORITY=4\nCODE_FILE=/src/x.go\nCODE_LINE=7\nCODE_FUNC=main.f\n" +
		"SYSLOG_IDENTIFIER=shop\nUSER=bob\nV\n\x03\x00\x00\x00\x00\x00\x00\x001\n2\n"
	if string(got) != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// journald is a systemd-journald running in a namespace of its own.
type journald struct {
	*daemon
	ns, socket string
}

func startJournald(t *testing.T) *journald {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the journal is Linux only")
	}
	bin := needEngine(t, "/lib/systemd/systemd-journald", "systemd")
	needEngine(t, "journalctl", "systemd")
	ns := "logru" + strconv.Itoa(os.Getpid())
	conf, err := os.ReadFile("testdata/journald@NS.conf")
	if err != nil {
		t.Fatal(err)
	}
	confPath := "/etc/systemd/journald@" + ns + ".conf"
	if err := os.WriteFile(confPath, conf, 0o644); err != nil {
		engineMissing(t, "journald cannot start here: "+err.Error())
	}
	dir := shortDir(t)
	logf, err := os.Create(filepath.Join(dir, "journald.out"))
	if err != nil {
		t.Fatal(err)
	}
	j := &journald{ns: ns, socket: "/run/systemd/journal." + ns + "/socket",
		daemon: &daemon{t: t, dir: dir, log: logf, args: []string{bin, ns}}}
	t.Cleanup(func() {
		j.stop()
		logf.Close()
		os.Remove(confPath)
		os.RemoveAll("/run/systemd/journal." + ns)
		matches, _ := filepath.Glob("/run/log/journal/*." + ns)
		for _, m := range matches {
			os.RemoveAll(m)
		}
	})
	j.start()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := os.Stat(j.socket); err == nil {
			break
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(logf.Name())
			engineMissing(t, "journald did not start: "+string(out))
		}
		time.Sleep(20 * time.Millisecond)
	}
	return j
}

// entries reads the namespace's entries of identifier ident, waiting until there are n.
func (j *journald) entries(ident string, n int) []map[string]any {
	j.t.Helper()
	var got []map[string]any
	j.waitFor(strconv.Itoa(n)+" journal entries", func() bool {
		out, err := exec.Command("journalctl", "--namespace="+j.ns, "-o", "json", "-a", "SYSLOG_IDENTIFIER="+ident).Output()
		if err != nil {
			return false
		}
		got = got[:0]
		for _, line := range bytes.Split(out, []byte("\n")) {
			var m map[string]any
			if json.Unmarshal(line, &m) == nil {
				got = append(got, m)
			}
		}
		return len(got) >= n
	})
	return got
}

// text reads a journalctl JSON value: a string, or an array of bytes for a value that
// is not printable text.
func text(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		b := make([]byte, len(v))
		for i, x := range v {
			f, _ := x.(float64)
			b[i] = byte(f)
		}
		return string(b)
	}
	return fmt.Sprint(v)
}

// Against the real journald: fields, a multi-line message, a 300 KB entry (sent as a
// memfd), the priority of every level.
func TestJournald(t *testing.T) {
	jd := startJournald(t)
	ident := "logrutest" + strconv.Itoa(os.Getpid())
	j := Journal(JournalOptions{Socket: jd.socket, Identifier: ident})
	if j.Err() != nil {
		t.Fatal(j.Err())
	}
	var n notices
	j.SetOnError(n.add)
	big := strings.Repeat("0123456789abcdef", 300<<10/16)
	sent := []Entry{
		{Text: []byte("plain\n"), Level: 20, File: "/src/app/main.go", Line: 42, Func: "main.run",
			Fields: []Field{{"user", "bob"}, {"http.status", "200"}, {"message", "shadow"}, {"multi", "x\ny"}}},
		{Text: []byte("line one\nline two\n"), Level: 40},
		{Text: []byte("big " + big), Level: 20},
	}
	levels := []int{5, 10, 20, 25, 30, 40, 50}
	for _, lv := range levels {
		sent = append(sent, Entry{Text: []byte("level " + strconv.Itoa(lv)), Level: lv})
	}
	start := time.Now()
	for _, e := range sent {
		if err := j.WriteRecord(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Close(); err != nil {
		t.Fatal(err, n.errs)
	}
	got := jd.entries(ident, len(sent))
	t.Logf("%d entries (one of %d bytes) in journald and read back in %v", len(got), len(sent[2].Text), time.Since(start).Round(time.Millisecond))
	if len(got) != len(sent) || j.Dropped() != 0 || len(n.errs) != 0 {
		t.Fatalf("%d entries, want %d; dropped %d; notices %v", len(got), len(sent), j.Dropped(), n.errs)
	}
	for i, m := range got {
		e := sent[i]
		if msg, want := text(m["MESSAGE"]), strings.TrimSuffix(string(e.Text), "\n"); msg != want {
			t.Errorf("entry %d: MESSAGE of %d bytes %.40q, want %d bytes %.40q", i, len(msg), msg, len(want), want)
		}
		if p, want := text(m["PRIORITY"]), strconv.Itoa(Severity(e.Level)); p != want {
			t.Errorf("entry %d (level %d): PRIORITY %s, want %s", i, e.Level, p, want)
		}
	}
	want := map[string]string{"CODE_FILE": "/src/app/main.go", "CODE_LINE": "42", "CODE_FUNC": "main.run",
		"SYSLOG_IDENTIFIER": ident, "USER": "bob", "HTTP_STATUS": "200", "EXTRA_MESSAGE": "shadow", "MULTI": "x\ny"}
	for k, v := range want {
		if g := text(got[0][k]); g != v {
			t.Errorf("entry 0: %s = %q, want %q", k, g, v)
		}
	}
	if s := fmt.Sprint(got[2]["_TRANSPORT"]); s != "journal" {
		t.Errorf("the big entry came by %s", s)
	}
}
