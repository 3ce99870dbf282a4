package bridge_test

import (
	"bytes"
	"errors"
	"log"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
	"github.com/logru/logru/bridge"
)

// textLogger returns a logger writing "{level} {function}:{line} {message}" lines.
func textLogger(t *testing.T) (*logru.Logger, *syncBuffer) {
	t.Helper()
	l := logru.New()
	buf := &syncBuffer{}
	if _, err := l.Add(logru.Handler{Sink: buf, Format: "{level} {function}:{line} {message}", Level: "TRACE"}); err != nil {
		t.Fatal(err)
	}
	return l, buf
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// keepLogGlobals puts package log's output, flags and prefix and slog's default logger
// back as they are now when the test ends, whatever it changes meanwhile.
func keepLogGlobals(t *testing.T) {
	t.Helper()
	prev, out, flags, prefix := slog.Default(), log.Writer(), log.Flags(), log.Prefix()
	t.Cleanup(func() {
		slog.SetDefault(prev) // first: a non-default slog handler also changes package log
		log.SetOutput(out)
		log.SetFlags(flags)
		log.SetPrefix(prefix)
	})
}

func TestStdLog(t *testing.T) {
	keepLogGlobals(t)
	l, buf := textLogger(t)
	log.SetFlags(log.LstdFlags | log.Lshortfile)
	log.SetPrefix("app: ")
	restore, err := bridge.StdLog(l, "WARNING")
	if err != nil {
		t.Fatal(err)
	}
	_, _, line, _ := runtime.Caller(0)
	log.Print("one")                            // line+1
	log.Printf("two\nINFO forged \x1b[2J")      // line+2
	log.Default().Println("three {x}")          // line+3
	log.SetFlags(log.Ldate | log.Lmicroseconds) // flags set later are removed too
	log.Print("four")                           // line+5
	restore()
	restore()
	if log.Flags() != log.LstdFlags|log.Lshortfile || log.Prefix() != "app: " {
		t.Errorf("restore left flags %d, prefix %q", log.Flags(), log.Prefix())
	}
	want := strings.Join([]string{
		"WARNING TestStdLog:" + itoa(line+1) + " one",
		"WARNING TestStdLog:" + itoa(line+2) + ` two\nINFO forged \x1b[2J`,
		"WARNING TestStdLog:" + itoa(line+3) + " three {x}",
		"WARNING TestStdLog:" + itoa(line+5) + " four",
	}, "\n") + "\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestStdLogUnknownLevel(t *testing.T) {
	keepLogGlobals(t)
	out := log.Writer()
	if _, err := bridge.StdLog(logru.New(), "LOUD"); err == nil {
		t.Error("an unknown level was accepted")
	}
	if log.Writer() != out {
		t.Error("a failed StdLog changed the log package")
	}
	if _, err := bridge.NewStdLogger(logru.New(), "35"); err != nil {
		t.Errorf("a level number was refused: %v", err)
	}
}

func TestNewStdLogger(t *testing.T) {
	l, buf := textLogger(t)
	lg, err := bridge.NewStdLogger(l, "ERROR")
	if err != nil {
		t.Fatal(err)
	}
	lg.SetPrefix("[srv] ")
	lg.SetFlags(log.Lmsgprefix | log.Ltime)
	_, _, line, _ := runtime.Caller(0)
	lg.Printf("http: TLS handshake error") // line+1
	if got, want := buf.String(), "ERROR TestNewStdLogger:"+itoa(line+1)+" http: TLS handshake error\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A prefix ending in a newline, after the file:line, with an empty message: the record's
// message is empty, not the prefix's first line (found by FuzzStripHeader).
func TestStdLoggerNewlinePrefix(t *testing.T) {
	l, buf := textLogger(t)
	lg, err := bridge.NewStdLogger(l, "INFO")
	if err != nil {
		t.Fatal(err)
	}
	lg.SetPrefix("0\n")
	lg.SetFlags(log.Lshortfile | log.Lmsgprefix)
	_, _, line, _ := runtime.Caller(0)
	lg.Print("") // line+1
	if got, want := buf.String(), "INFO TestStdLoggerNewlinePrefix:"+itoa(line+1)+" \n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestStdLogAndSlogDefault routes both package log and slog into one logger, from many
// goroutines: every message arrives once, and nothing deadlocks.
func TestStdLogAndSlogDefault(t *testing.T) {
	keepLogGlobals(t)
	l, buf := textLogger(t)
	prev := slog.Default()
	for _, order := range []string{"slog first", "log first"} {
		var restore func()
		var err error
		if order == "slog first" {
			slog.SetDefault(slog.New(bridge.NewSlogHandler(l)))
			restore, err = bridge.StdLog(l, "INFO")
		} else {
			restore, err = bridge.StdLog(l, "INFO")
			slog.SetDefault(slog.New(bridge.NewSlogHandler(l)))
		}
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 20 {
					log.Print("from log")
					slog.Info("from slog")
				}
			}()
		}
		wg.Wait()
		restore()
		slog.SetDefault(prev)
	}
	got := buf.String()
	if n := strings.Count(got, "from log\n"); n != 2*16*20 {
		t.Errorf("%d log lines, want %d", n, 2*16*20)
	}
	if n := strings.Count(got, "from slog\n"); n != 2*16*20 {
		t.Errorf("%d slog lines, want %d", n, 2*16*20)
	}
	if strings.Contains(got, "bridge") || strings.Contains(got, "log.") {
		t.Errorf("a caller inside log or the bridge was reported:\n%.300s", got)
	}
}

// TestLoopThroughLogRefused: a handler whose sink is slog's default handler (which writes
// through package log) loops when package log writes into the same logger.
func TestLoopThroughLogRefused(t *testing.T) {
	keepLogGlobals(t)
	l, buf := textLogger(t)
	restore, err := bridge.StdLog(l, "INFO")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(restore)
	_, err = l.Add(logru.Handler{Sink: slog.Default().Handler()})
	var ce *logru.ConfigError
	if !errors.As(err, &ce) || ce.Field != "Handler.Sink" {
		t.Errorf("Add(slog's default handler) = %v, want a Handler.Sink ConfigError", err)
	}
	if _, err := l.Add(logru.Handler{Sink: log.Writer()}); !errors.As(err, &ce) {
		t.Errorf("Add(log.Writer()) = %v, want a ConfigError", err)
	}
	_ = buf
}

// TestLoopThroughLogAtRunTime: the same loop, made in the order Add cannot see, drops the
// record that comes back (reported to OnError) instead of deadlocking.
func TestLoopThroughLogAtRunTime(t *testing.T) {
	keepLogGlobals(t)
	var mu sync.Mutex
	var errs []error
	// The text handler may also see a record come back (and drop it): keep its notes
	// off stderr.
	l, buf := logru.New(), &syncBuffer{}
	if _, err := l.Add(logru.Handler{Sink: buf, Format: "{message}", OnError: func(error) {}}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Add(logru.Handler{Sink: slog.Default().Handler(), Level: "INFO", OnError: func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}}); err != nil {
		t.Fatal(err)
	}
	restore, err := bridge.StdLog(l, "INFO")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(restore)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				l.Info("from logru")
				log.Print("from log")
			}
		}()
	}
	wg.Wait()
	restore()
	if n := strings.Count(buf.String(), "from log\n"); n != 80 {
		t.Errorf("%d log lines, want 80", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(errs) == 0 {
		t.Error("the loop was not reported")
	}
}
