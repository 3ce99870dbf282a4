package logru_test

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/sinks"
)

// recorder is a sinks.RecordWriter that keeps copies of what it receives.
type recorder struct {
	mu      sync.Mutex
	entries []sinks.Entry
	err     error
	onError func(error)
	closed  bool
}

func (r *recorder) WriteRecord(e sinks.Entry) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	e.Text = append([]byte(nil), e.Text...)
	e.Fields = append([]sinks.Field(nil), e.Fields...)
	r.entries = append(r.entries, e)
	if r.onError != nil {
		r.onError(errors.New("a notice"))
	}
	return nil
}
func (r *recorder) Err() error               { return r.err }
func (r *recorder) Dropped() uint64          { return 7 }
func (r *recorder) SetOnError(f func(error)) { r.onError = f }
func (r *recorder) Flush() error             { return nil }
func (r *recorder) Close() error             { r.closed = true; return nil }

// A RecordWriter sink receives the line with the record's level, time, caller and
// fields (rendered as {extra} renders them); its notices reach OnError, its drops Stats.
func TestRecordWriterSink(t *testing.T) {
	for _, enqueue := range []bool{false, true} {
		l := logru.New()
		rec := &recorder{}
		var notes []error
		var mu sync.Mutex
		id, err := l.Add(logru.Handler{Sink: rec, Format: "{message}", Level: "TRACE", Enqueue: enqueue,
			OnError: func(err error) { mu.Lock(); notes = append(notes, err); mu.Unlock() }})
		if err != nil {
			t.Fatal(err)
		}
		l.Bind("user", "bob", "n", 3, "q", `a "b"`+"\n").Warning("multi\nline")
		l.Complete()
		st := l.Stats()[0]
		if err := l.Remove(id); err != nil {
			t.Fatal(err)
		}
		if !rec.closed {
			t.Error("Remove did not close the sink")
		}
		if len(rec.entries) != 1 {
			t.Fatalf("entries: %d", len(rec.entries))
		}
		e := rec.entries[0]
		if string(e.Text) != "multi\nline\n" || e.Level != 30 || e.LevelName != "WARNING" ||
			time.Since(e.Time) > time.Minute || !strings.HasSuffix(e.File, "recordsink_test.go") ||
			e.Line == 0 || !strings.Contains(e.Func, "TestRecordWriterSink") {
			t.Errorf("entry %+v", e)
		}
		want := []sinks.Field{{Key: "user", Value: "bob"}, {Key: "n", Value: "3"}, {Key: "q", Value: `a "b"\n`}}
		if len(e.Fields) != 3 || e.Fields[0] != want[0] || e.Fields[1] != want[1] || e.Fields[2] != want[2] {
			t.Errorf("fields %q, want %q", e.Fields, want)
		}
		if st.Dropped != 7 || st.Errors != 0 || st.Records != 1 || st.Sink != "*logru_test.recorder" {
			t.Errorf("stats %+v", st)
		}
		if len(notes) != 1 || notes[0].Error() != "a notice" {
			t.Errorf("OnError got %v", notes)
		}
	}
}

func TestRecordWriterConfigError(t *testing.T) {
	_, err := logru.New().Add(logru.Handler{Sink: sinks.Syslog(sinks.SyslogOptions{Network: "tcp"})})
	var ce *logru.ConfigError
	if !errors.As(err, &ce) || ce.Field != "Handler.Sink" || !strings.Contains(err.Error(), `Addr ""`) {
		t.Errorf("Add = %v", err)
	}
	_, err = logru.New().Add(logru.Handler{Sink: (*sinks.SyslogWriter)(nil)})
	if err == nil {
		t.Error("a nil sink was accepted")
	}
}

// End to end: a logger with a syslog sink, over a unixgram socket.
func TestSyslogSinkEndToEnd(t *testing.T) {
	dir, err := os.MkdirTemp("", "sl")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "log")
	srv, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	l := logru.New()
	if _, err := l.Add(logru.Handler{Format: "{message}", Sink: sinks.Syslog(sinks.SyslogOptions{
		Network: "unixgram", Addr: path, AppName: "shop", Hostname: "web1", ProcID: "9", Facility: sinks.Local0})}); err != nil {
		t.Fatal(err)
	}
	l.Bind("order", 12).Error("payment failed")
	buf := make([]byte, 4096)
	srv.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := srv.Read(buf)
	if err != nil {
		t.Fatal(err)
	}
	got := string(buf[:n])
	if !strings.HasPrefix(got, "<131>1 ") || !strings.HasSuffix(got, ` web1 shop 9 - [logru@32473 order="12"] payment failed`) {
		t.Errorf("received %q", got)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
}
