package logru

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestSplitFuncName(t *testing.T) {
	for _, tt := range []struct{ in, pkg, fn string }{
		{"main.main", "main", "main"},
		{"main.main.func1", "main", "main.func1"},
		{"github.com/acme/shop/db.(*Conn).Query", "github.com/acme/shop/db", "(*Conn).Query"},
		{"github.com/acme/shop.v2/db.Open", "github.com/acme/shop.v2/db", "Open"},
		{"gopkg.in/yaml%2ev3.Marshal", "gopkg.in/yaml.v3", "Marshal"}, // the linker escapes dots in the last element
		{"noDot", "noDot", ""},
	} {
		pkg, fn := splitFuncName(tt.in)
		if pkg != tt.pkg || fn != tt.fn {
			t.Errorf("splitFuncName(%q) = %q, %q; want %q, %q", tt.in, pkg, fn, tt.pkg, tt.fn)
		}
	}
}

func TestCallerCache(t *testing.T) {
	var c callerCache
	var pcs [1]uintptr
	runtime.Callers(1, pcs[:])
	a := c.lookup(pcs[0])
	b := c.lookup(pcs[0])
	if a != b {
		t.Error("a second lookup of the same PC resolved it again")
	}
	if a.name != "github.com/logru/logru" || a.function != "TestCallerCache" || a.file != "internal_test.go" {
		t.Errorf("resolved %+v", a)
	}
	if c.lookup(0) != unknownCaller {
		t.Error("PC 0 is not the unknown caller")
	}
}

// Call sites whose program counters share a set do not evict each other, up to the
// set's ways; a fifth one takes a slot and the lookups stay correct.
func TestCallerCacheSetsHoldCollisions(t *testing.T) {
	var c callerCache
	var pcs [1]uintptr
	runtime.Callers(1, pcs[:])
	base := pcs[0]
	var same []uintptr
	for pc := base; len(same) < callerWays+1; pc++ {
		if callerSet(pc) == callerSet(base) {
			same = append(same, pc)
		}
	}
	first := map[uintptr]*callerInfo{}
	for _, pc := range same[:callerWays] {
		first[pc] = c.lookup(pc)
	}
	for _, pc := range same[:callerWays] {
		if c.lookup(pc) != first[pc] {
			t.Errorf("PC %#x was evicted by another of its set", pc)
		}
	}
	extra := same[callerWays]
	if ci := c.lookup(extra); ci.pc != extra || c.lookup(extra).pc != extra {
		t.Errorf("the fifth PC of a set resolved to %#x", ci.pc)
	}
	for _, pc := range same[:callerWays] {
		if ci := c.lookup(pc); ci.pc != pc {
			t.Errorf("PC %#x resolved to %#x", pc, ci.pc)
		}
	}
}

func TestUnderPrefix(t *testing.T) {
	for _, tt := range []struct {
		name, prefix string
		want         bool
	}{
		{"a/b", "", true},
		{"a/b", "a/b", true},
		{"a/b/c", "a/b", true},
		{"a/bc", "a/b", false},
		{"a", "a/b", false},
		{"main", "main", true},
		{"mainx", "main", false},
	} {
		if got := underPrefix(tt.name, tt.prefix); got != tt.want {
			t.Errorf("underPrefix(%q, %q) = %v", tt.name, tt.prefix, got)
		}
	}
}

// The caller is captured only when a handler, filter or rule needs it.
func TestNeedsCaller(t *testing.T) {
	l := New()
	var buf bytes.Buffer
	l.Add(Handler{Sink: &buf, Format: "{time} {level} {message} {extra}"})
	if l.core.state.Load().needs.caller {
		t.Error("a format without caller fields needs the caller")
	}
	l.Add(Handler{Sink: &buf, Format: "{message}", Filter: "x"})
	if !l.core.state.Load().needs.caller {
		t.Error("a filter does not need the caller")
	}
	m := New()
	m.Add(Handler{Sink: &buf, Format: "{message}"})
	m.Disable("x")
	if !m.core.state.Load().needs.caller {
		t.Error("an activation rule does not need the caller")
	}
	g := New()
	g.Add(Handler{Sink: &buf, Format: "{goroutine} {message}"})
	if !g.core.state.Load().needs.goroutine {
		t.Error("{goroutine} does not need the goroutine id")
	}
	buf.Reset()
	g.Info("x")
	if id := strings.Fields(buf.String())[0]; id == "0" {
		t.Errorf("goroutine id %q", id)
	}
}

func TestNoteRateLimit(t *testing.T) {
	var out bytes.Buffer
	l := New()
	l.core.errOut = &out
	l.Add(Handler{Sink: failing{}})
	for i := 0; i < 5; i++ {
		l.Info("x")
	}
	got := out.String()
	if strings.Count(got, "\n") != 1 || !strings.Contains(got, "logru: handler 0 (logru.failing): nope") {
		t.Errorf("notes: %q", got)
	}
	if st := l.Stats(); st[0].Errors != 5 {
		t.Errorf("errors counted: %d", st[0].Errors)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errNope }

var errNope = &noteErr{}

type noteErr struct{}

func (*noteErr) Error() string { return "nope" }

// A sink of one logger that logs into another, whose handler lock another goroutine
// holds for a while, waits for the lock: it is not refused as re-entrant.
func TestCrossLoggerLockWait(t *testing.T) {
	b := New()
	b.core.reentryWait = time.Minute // the test decides when the lock is released
	var got []string
	var mu sync.Mutex
	gate, entered := make(chan struct{}), make(chan struct{})
	var notes bytes.Buffer
	if _, err := b.Add(Handler{Format: "{message}", OnError: func(err error) { notes.WriteString(err.Error()) },
		Sink: func(m Message) {
			if m.Record.Message == "first" {
				close(entered)
				<-gate // hold b's handler lock until the other record waits for it
			}
			mu.Lock()
			got = append(got, m.Record.Message)
			mu.Unlock()
		}}); err != nil {
		t.Fatal(err)
	}
	a := New()
	if _, err := a.Add(Handler{Format: "{message}", Sink: func(m Message) { b.Info("from a: " + m.Record.Message) }}); err != nil {
		t.Fatal(err)
	}
	done, doneA := make(chan struct{}), make(chan struct{})
	go func() { b.Info("first"); close(done) }()
	<-entered
	go func() { a.Info("x"); close(doneA) }()
	hd := b.core.state.Load().handlers[0]
	for hd.lockWaits.Load() == 0 {
		runtime.Gosched()
	}
	close(gate)
	<-done
	<-doneA
	if len(got) != 2 || got[1] != "from a: x" || notes.Len() > 0 {
		t.Errorf("records %q, notes %q", got, notes.String())
	}
}

// A sink logging into its own handler is still refused, after the bounded wait.
func TestSelfReentryRefusedAfterWait(t *testing.T) {
	l := New()
	l.core.reentryWait = time.Millisecond
	var notes, lines []string
	if _, err := l.Add(Handler{Format: "{message}", OnError: func(err error) { notes = append(notes, err.Error()) },
		Sink: func(m Message) {
			lines = append(lines, m.Record.Message)
			if m.Record.Message == "outer" {
				l.Info("inner")
			}
		}}); err != nil {
		t.Fatal(err)
	}
	l.Info("outer")
	if len(lines) != 1 || len(notes) != 1 || !strings.Contains(notes[0], "logged into its own handler") {
		t.Errorf("lines %q, notes %q", lines, notes)
	}
}

// Logging never takes the lock that Add, Remove and the other configuration methods
// take: with that lock held elsewhere, every kind of log call still completes.
func TestLoggingDoesNotTakeTheConfigLock(t *testing.T) {
	l := New()
	var buf bytes.Buffer
	var errs []error
	l.Add(Handler{Sink: &buf, Format: "{level} {name}:{function} {message} {extra}", OnError: func(err error) { errs = append(errs, err) }})
	l.Add(Handler{Sink: &buf, Serialize: true, Filter: "github.com/logru", FilterLevels: map[string]string{"": "DEBUG"}, OnError: func(error) {}})
	l.Disable("github.com/nowhere")
	l.core.mu.Lock()
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.Info("info {n}", "n", 1)
		l.LogAttrs(LevelWarning, "attrs")
		l.Log("SUCCESS", "named")
		l.Log("NOPE", "unknown level")
		l.LogAttrs(33, "unknown number")
		l.Exception("exception")
		l.Bind("a", 1).Patch(func(r *Record) {}).Opt(Options{Colors: true, Lazy: true}).Error("<red>child</red>")
		l.Opt(Options{Raw: true}).Critical("raw\n")
		_ = l.Enabled(LevelDebug)
		_ = l.Stats()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a log call waited for the configuration lock")
	}
	l.core.mu.Unlock()
	if n := strings.Count(buf.String(), "\n"); n != 12 || len(errs) != 2 {
		t.Errorf("%d lines, errors %v:\n%s", n, errs, buf.String())
	}
}

type panickyErr struct{}

func (panickyErr) Error() string { panic("Error blew up") }

type errSink struct{ err error }

func (s errSink) Write([]byte) (int, error) { return 0, s.err }

// The note written to stderr for a handler without OnError is one safe line: the error's
// text is escaped (it cannot forge a line or drive the terminal), and an Error method
// that panics does not reach the caller.
func TestNoteIsOneSafeLine(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{errors.New("bad\nlogru: forged\x1b[31m"), `logru: handler 0 (logru.errSink): bad\nlogru: forged\x1b[31m` + "\n"},
		{panickyErr{}, "logru: handler 0 (logru.errSink): <PANIC=Error method: Error blew up>\n"},
	} {
		var out bytes.Buffer
		l := New()
		l.core.errOut = &out
		l.Add(Handler{Sink: errSink{tt.err}})
		l.Info("x")
		if out.String() != tt.want {
			t.Errorf("note %q, want %q", out.String(), tt.want)
		}
	}
}

// An unknown level with no OnError to take it becomes one note on stderr: from a
// handler without OnError, and from a logger without handlers.
func TestUnknownLevelNote(t *testing.T) {
	for _, withHandler := range []bool{true, false} {
		var out, buf bytes.Buffer
		l := New()
		l.core.errOut = &out
		if withHandler {
			l.Add(Handler{Sink: &buf})
		}
		l.Log("AUDTI", "lost\n{x}", "x", 1)
		want := `logru: logger: Log: level "AUDTI" does not exist; record not logged: "lost\n{x}"` + "\n"
		if out.String() != want || buf.Len() != 0 {
			t.Errorf("handler %v: note %q, want %q; written %q", withHandler, out.String(), want, buf.String())
		}
	}
}

// Catch with Reraise waits for the handlers to complete, but not for ever: a sink that
// hangs lets the panic go on after panicFlushWait, with a note to OnError.
func TestCatchReraiseFlushIsBounded(t *testing.T) {
	l := New()
	l.core.panicFlushWait = 20 * time.Millisecond
	release := make(chan struct{})
	var mu sync.Mutex
	var notes, lines []string
	if _, err := l.Add(Handler{Format: "{message}", Enqueue: true,
		OnError: func(err error) { mu.Lock(); notes = append(notes, err.Error()); mu.Unlock() },
		Sink: func(m Message) {
			<-release // the sink hangs until the test releases it
			mu.Lock()
			lines = append(lines, m.Record.Message)
			mu.Unlock()
		}}); err != nil {
		t.Fatal(err)
	}
	type boom struct{ n int }
	var got any
	func() {
		defer func() { got = recover() }()
		func() {
			defer l.Catch(CatchOptions{Reraise: true, Message: "caught"})
			panic(boom{7})
		}()
	}()
	if got != (boom{7}) {
		t.Fatalf("re-panicked with %#v, want the original value", got)
	}
	mu.Lock()
	if len(notes) != 1 || !strings.Contains(notes[0], "not complete after 20ms") || len(lines) != 0 {
		t.Errorf("notes %q, lines %q", notes, lines)
	}
	mu.Unlock()
	close(release)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || lines[0] != "caught" {
		t.Errorf("lines after Close: %q", lines)
	}
}

// closingSink closes, removes or completes its own logger from inside Write when it sees
// the message "stop"; it counts the calls logru makes to its Flush and Close.
type closingSink struct {
	l        *Logger
	id       int
	op       string
	mu       sync.Mutex
	lines    []string
	flushes  int
	closes   int
	opResult error
}

func (s *closingSink) Write(m Message) error {
	s.mu.Lock()
	s.lines = append(s.lines, m.Record.Message)
	s.mu.Unlock()
	if m.Record.Message == "stop" {
		var err error
		switch s.op {
		case "Close":
			err = s.l.Close()
		case "Remove":
			err = s.l.Remove(s.id)
		case "RemoveAll":
			err = s.l.RemoveAll()
		case "Complete":
			s.l.Complete()
		}
		s.mu.Lock()
		s.opResult = err
		s.mu.Unlock()
	}
	return nil
}

func (s *closingSink) Flush() error { s.mu.Lock(); s.flushes++; s.mu.Unlock(); return nil }
func (s *closingSink) Close() error { s.mu.Lock(); s.closes++; s.mu.Unlock(); return nil }

// A sink that closes its logger, removes its handler or completes the logger from inside
// its own Write does not deadlock: the close is done as the write returns, once, and
// records after it are dropped and counted.
func TestCloseFromInsideSink(t *testing.T) {
	for _, enqueue := range []bool{false, true} {
		for _, op := range []string{"Close", "Remove", "RemoveAll", "Complete"} {
			t.Run(op+"/enqueue="+strconv.FormatBool(enqueue), func(t *testing.T) {
				l := New()
				l.core.reentryWait = time.Millisecond
				l.core.errOut = io.Discard // the note about the record after Close
				s := &closingSink{l: l, op: op}
				id, err := l.Add(Handler{Format: "{message}", Sink: s, Enqueue: enqueue})
				if err != nil {
					t.Fatal(err)
				}
				s.id = id
				done := make(chan struct{})
				go func() {
					defer close(done)
					l.Info("first")
					l.Info("stop")
					l.Complete()
					l.Info("after")
					l.Complete()
				}()
				select {
				case <-done:
				case <-time.After(10 * time.Second):
					t.Fatal("deadlock: the logging goroutine never returned")
				}
				if err := l.Close(); err != nil {
					t.Fatal(err)
				}
				s.mu.Lock()
				defer s.mu.Unlock()
				if s.opResult != nil {
					t.Errorf("%s from the sink returned %v", op, s.opResult)
				}
				want := []string{"first", "stop"}
				if op == "Complete" {
					want = append(want, "after")
				}
				if !slices.Equal(s.lines, want) {
					t.Errorf("lines %q, want %q", s.lines, want)
				}
				if s.closes != 1 {
					t.Errorf("Sink.Close called %d times, want 1", s.closes)
				}
				if op != "Complete" {
					var dropped uint64
					for _, st := range l.Stats() {
						dropped += st.Dropped
					}
					if op != "Remove" && op != "RemoveAll" && dropped != 1 {
						t.Errorf("dropped %d, want 1 (the record after Close)", dropped)
					}
				}
			})
		}
	}
}

// A record whose handler lock is held by another goroutine's slow sink write waits for
// it, however long: only a goroutine already inside a sink write is bounded (inEmit
// must not count the emit that asks).
func TestContendedSlowSinkWaits(t *testing.T) {
	l := New()
	l.core.reentryWait = time.Millisecond
	gate, entered := make(chan struct{}), make(chan struct{})
	var mu sync.Mutex
	var lines, notes []string
	if _, err := l.Add(Handler{Format: "{message}",
		OnError: func(err error) { mu.Lock(); notes = append(notes, err.Error()); mu.Unlock() },
		Sink: func(m Message) {
			if m.Record.Message == "slow" {
				close(entered)
				<-gate
			}
			mu.Lock()
			lines = append(lines, m.Record.Message)
			mu.Unlock()
		}}); err != nil {
		t.Fatal(err)
	}
	first, second := make(chan struct{}), make(chan struct{})
	go func() { l.Info("slow"); close(first) }()
	<-entered
	go func() { l.Info("waiting"); close(second) }()
	// Hold the lock well past reentryWait: a wrongly bounded wait would give up and
	// refuse the second record meanwhile.
	for deadline := time.Now().Add(20 * time.Millisecond); time.Now().Before(deadline); {
		runtime.Gosched()
	}
	close(gate)
	<-first
	<-second
	if !slices.Equal(lines, []string{"slow", "waiting"}) || len(notes) != 0 {
		t.Errorf("lines %q, notes %q", lines, notes)
	}
}
