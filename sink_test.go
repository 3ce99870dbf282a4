package logru_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
)

func TestColorize(t *testing.T) {
	for _, tt := range []struct {
		mode logru.ColorMode
		want string
	}{
		{logru.ColorAuto, "W\n"}, // a buffer is no terminal
		{logru.ColorNever, "W\n"},
		{logru.ColorAlways, "\x1b[33m\x1b[1mW\x1b[0m\n"},
	} {
		l := logru.New()
		buf := &lineBuffer{}
		l.Add(logru.Handler{Sink: buf, Format: "<level>W</level>", Colorize: tt.mode})
		l.Warning("x")
		expect(t, buf, tt.want)
	}
}

// ColorAuto follows NO_COLOR, FORCE_COLOR and TERM=dumb for *os.File sinks (a temporary
// file here, which is no terminal); writers that are not files and path sinks are never
// coloured automatically, and ColorAlways or ColorNever ignore the environment.
func TestColorAutoEnvironment(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		mode logru.ColorMode
		file bool // an *os.File sink, else a bytes.Buffer
		want bool
	}{
		{"file, no env", nil, logru.ColorAuto, true, false},
		{"file, FORCE_COLOR", map[string]string{"FORCE_COLOR": "1"}, logru.ColorAuto, true, true},
		{"file, FORCE_COLOR and TERM=dumb", map[string]string{"FORCE_COLOR": "1", "TERM": "dumb"}, logru.ColorAuto, true, true},
		{"file, NO_COLOR wins", map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, logru.ColorAuto, true, false},
		{"file, empty NO_COLOR", map[string]string{"FORCE_COLOR": "1", "NO_COLOR": ""}, logru.ColorAuto, true, true},
		{"buffer, FORCE_COLOR", map[string]string{"FORCE_COLOR": "1"}, logru.ColorAuto, false, false},
		{"always, NO_COLOR", map[string]string{"NO_COLOR": "1"}, logru.ColorAlways, true, true},
		{"never, FORCE_COLOR", map[string]string{"FORCE_COLOR": "1"}, logru.ColorNever, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"NO_COLOR", "FORCE_COLOR", "TERM"} {
				t.Setenv(k, tt.env[k])
			}
			f, err := os.CreateTemp(t.TempDir(), "color")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var buf bytes.Buffer
			var sink any = &buf
			if tt.file {
				sink = f
			}
			l := logru.New()
			if _, err := l.Add(logru.Handler{Sink: sink, Format: "<level>{message}</level>", Colorize: tt.mode}); err != nil {
				t.Fatal(err)
			}
			l.Warning("W")
			l.Close()
			got := buf.Bytes()
			if tt.file {
				got, _ = os.ReadFile(f.Name())
			}
			want := "W\n"
			if tt.want {
				want = "\x1b[33m\x1b[1mW\x1b[0m\n"
			}
			if string(got) != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestSinkKinds(t *testing.T) {
	l := logru.New()
	var fromFunc []string
	var mu sync.Mutex
	l.Add(logru.Handler{Sink: func(m logru.Message) {
		mu.Lock()
		defer mu.Unlock()
		fromFunc = append(fromFunc, string(m.Text)+"|"+m.Record.Level.Name)
	}, Format: "{message}"})
	cs := &customSink{}
	id, _ := l.Add(logru.Handler{Sink: cs, Format: "{message}"})
	l.Info("x")
	if len(fromFunc) != 1 || fromFunc[0] != "x\n|INFO" {
		t.Errorf("func sink got %q", fromFunc)
	}
	l.Complete()
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	if cs.lines != "x\n" || cs.flushed != 2 || cs.closed != 1 {
		t.Errorf("custom sink = %+v", cs)
	}
}

func TestFileSink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "dir", "app.log")
	l := logru.New()
	id, err := l.Add(logru.Handler{Sink: path, Format: "{message}"})
	if err != nil {
		t.Fatal(err)
	}
	l.Info("one")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	// An existing file is appended to.
	l.Add(logru.Handler{Sink: path, Format: "{message}", Mode: 0o640, Buffering: 4096})
	l.Info("two")
	l.Complete()
	if b, _ := os.ReadFile(path); string(b) != "one\ntwo\n" {
		t.Errorf("file holds %q", b)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l.Info("after Close")
	if st := l.Stats(); len(st) != 1 || st[0].Dropped != 1 || st[0].Records != 1 {
		t.Errorf("stats after Close: %+v", st)
	}
	if _, err := l.Add(logru.Handler{Sink: &lineBuffer{}}); err == nil {
		t.Error("Add after Close succeeded")
	}
	if err := l.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestFileSinkDelay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "late.log")
	l := logru.New()
	l.Add(logru.Handler{Sink: path, Delay: true, Format: "{message}"})
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("Delay created the file at Add: %v", err)
	}
	l.Info("now")
	l.Close()
	if b, _ := os.ReadFile(path); string(b) != "now\n" {
		t.Errorf("file holds %q", b)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk on fire") }

type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("sink exploded") }

func TestSinkErrors(t *testing.T) {
	l := logru.New()
	var errs []string
	onErr := func(err error) { errs = append(errs, err.Error()) }
	ok := &lineBuffer{}
	l.Add(logru.Handler{Sink: failWriter{}, OnError: onErr})
	l.Add(logru.Handler{Sink: panicWriter{}, OnError: onErr})
	l.Add(logru.Handler{Sink: ok, Format: "{message}"})
	l.Info("survives")
	expect(t, ok, "survives\n")
	if len(errs) != 2 || errs[0] != "disk on fire" || !strings.Contains(errs[1], "sink panicked: sink exploded") {
		t.Errorf("errors = %q", errs)
	}
	st := l.Stats()
	if st[0].Errors != 1 || st[1].Errors != 1 || st[2].Records != 1 {
		t.Errorf("stats = %+v", st)
	}
}
