package logru_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
)

// gatedSink blocks every write until its gate is opened, so that queues fill up.
type gatedSink struct {
	gate    chan struct{}
	entered chan struct{} // when not nil, closed as the first Write begins
	once    sync.Once
	mu      sync.Mutex
	lines   []string
}

func (s *gatedSink) Write(m logru.Message) error {
	if s.entered != nil {
		s.once.Do(func() { close(s.entered) })
	}
	<-s.gate
	s.mu.Lock()
	s.lines = append(s.lines, string(m.Text))
	s.mu.Unlock()
	return nil
}

func (s *gatedSink) Lines() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.lines...)
}

func TestEnqueueBlockLosesNothing(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, Format: "{extra[g]} {extra[i]}", Enqueue: true, QueueSize: 8})
	var wg sync.WaitGroup
	const goroutines, per = 8, 1000
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				l.Info("x", "g", g, "i", i)
			}
		}()
	}
	wg.Wait()
	l.Complete()
	lines := buf.Lines()
	if len(lines) != goroutines*per {
		t.Fatalf("%d lines, want %d", len(lines), goroutines*per)
	}
	next := make([]int, goroutines)
	for _, ln := range lines {
		f := strings.Fields(ln)
		g, _ := strconv.Atoi(f[0])
		i, _ := strconv.Atoi(f[1])
		if i != next[g] {
			t.Fatalf("goroutine %d: line %d came after %d", g, i, next[g]-1)
		}
		next[g]++
	}
	if st := l.Stats()[0]; st.Records != goroutines*per || st.Dropped != 0 {
		t.Errorf("stats %+v", st)
	}
	l.Close()
}

func TestEnqueueDropPolicies(t *testing.T) {
	for _, policy := range []string{"drop_newest", "drop_oldest"} {
		t.Run(policy, func(t *testing.T) {
			l := logru.New()
			sink := &gatedSink{gate: make(chan struct{}), entered: make(chan struct{})}
			var mu sync.Mutex
			var notes []string
			l.Add(logru.Handler{Sink: sink, Format: "{message}", Enqueue: true, QueueSize: 10, Overflow: policy,
				OnError: func(err error) { mu.Lock(); notes = append(notes, err.Error()); mu.Unlock() }})
			const n = 1000
			// The writer holds the first record, stuck in the sink, before the rest come:
			// otherwise a writer scheduled late could take the queue's contents just
			// before the last records and make room for them.
			l.Info("0")
			<-sink.entered
			for i := 1; i < n; i++ {
				l.Info(strconv.Itoa(i)) // never blocks, although the sink is stuck
			}
			close(sink.gate)
			l.Complete()
			st := l.Stats()[0]
			lines := sink.Lines()
			if st.Records+st.Dropped != n || int(st.Records) != len(lines) {
				t.Fatalf("written %d + dropped %d != %d (lines %d)", st.Records, st.Dropped, n, len(lines))
			}
			if policy == "drop_oldest" && lines[len(lines)-1] != "999\n" {
				t.Errorf("drop_oldest lost the newest record: last line %q", lines[len(lines)-1])
			}
			if policy == "drop_newest" && lines[len(lines)-1] == "999\n" {
				t.Errorf("drop_newest kept the newest record")
			}
			mu.Lock()
			defer mu.Unlock()
			if len(notes) == 0 || !strings.Contains(notes[0], "dropped") {
				t.Errorf("no drop note: %q", notes)
			}
			l.Close()
		})
	}
}

type point struct {
	X    int
	Tags []string
}

// resolveCounter is a LogValuer whose value is the number of times it was resolved, so that a
// late resolution shows.
type resolveCounter struct{ n *int }

func (c resolveCounter) LogValue() slog.Value { *c.n++; return slog.IntValue(*c.n) }

// Values are captured at the call: mutating what was logged afterwards changes nothing,
// for line sinks (the line is formatted by the caller) and for the sinks that receive the
// record on the writer goroutine (slog.Handler, func and Sink).
func TestEnqueueCapturesValues(t *testing.T) {
	mk := func(lineOnly bool) (*logru.Logger, *gatedSink, *bytes.Buffer, *[]string, func()) {
		l := logru.New()
		line := &gatedSink{gate: make(chan struct{})}
		var slogOut bytes.Buffer
		var fromRec []string
		l.Add(logru.Handler{Sink: line, Format: "{message} {extra}", Enqueue: true})
		if lineOnly {
			return l, line, &slogOut, &fromRec, func() { close(line.gate); l.Close() }
		}
		l.Add(logru.Handler{Enqueue: true, Sink: slog.NewTextHandler(&slogOut, &slog.HandlerOptions{
			ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
				if a.Key == slog.TimeKey {
					return slog.Attr{}
				}
				return a
			}})})
		l.Add(logru.Handler{Enqueue: true, Sink: func(m logru.Message) {
			<-line.gate
			var b strings.Builder
			for k, v := range m.Record.Extra.All() {
				fmt.Fprintf(&b, "%s=%v ", k, v)
			}
			fromRec = append(fromRec, b.String())
		}})
		return l, line, &slogOut, &fromRec, func() { close(line.gate); l.Close() }
	}
	for _, tt := range []struct {
		name               string
		log                func(l *logru.Logger) (mutate func())
		line, slog, record string
		lineOnly           bool // the record-consuming sinks would share the pointer: a race
	}{
		{"slice and map", func(l *logru.Logger) func() {
			s, m := []string{"before"}, map[string]int{"n": 1}
			l.Info("v={s}", "s", s, "m", m)
			return func() { s[0], m["n"] = "after", 2 }
		}, "v=[before] s=[before] m=map[n:1]\n", `level=INFO msg="v=[before]" s=[before] m=map[n:1]` + "\n", "s=[before] m=map[n:1] ", false},
		{"struct pointer", func(l *logru.Logger) func() {
			p := &point{X: 1}
			l.Info("p", "p", p)
			return func() { p.X = 2 }
		}, "p p=\"{X:1 Tags:[]}\"\n", "", "", true}, // pointers are shared with record-consuming sinks
		{"struct with a slice", func(l *logru.Logger) func() {
			p := point{X: 1, Tags: []string{"a"}}
			l.Info("p", "p", p)
			return func() { p.Tags[0] = "b" }
		}, "p p=\"{X:1 Tags:[a]}\"\n", "level=INFO msg=p p=\"{X:1 Tags:[a]}\"\n", "p={1 [a]} ", false},
		{"group and LogValuer", func(l *logru.Logger) func() {
			n := 0
			attrs := []any{"c", resolveCounter{&n}, "s", []int{1}}
			l.Info("g", slog.Group("grp", attrs...), "top", resolveCounter{&n})
			return func() { n = 100; attrs[3].([]int)[0] = 2 }
		}, "g grp={c=1 s=[1]} top=2\n", "level=INFO msg=g grp.c=1 grp.s=[1] top=2\n", "grp=[c=1 s=[1]] top=2 ", false},
		{"bound fields", func(l *logru.Logger) func() {
			s := []string{"before"}
			l.Bind("b", s).Info("m")
			return func() { s[0] = "after" }
		}, "m b=[before]\n", "level=INFO msg=m b=[before]\n", "b=[before] ", false},
		{"lazy", func(l *logru.Logger) func() {
			v := "before"
			l.Opt(logru.Options{Lazy: true}).Info("m", "v", func() any { return v })
			return func() { v = "after" }
		}, "m v=before\n", "level=INFO msg=m v=before\n", "v=before ", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, line, slogOut, fromRec, finish := mk(tt.lineOnly)
			tt.log(l)()
			finish()
			if got := line.Lines(); len(got) != 1 || got[0] != tt.line {
				t.Errorf("line sink: got %q, want %q", got, tt.line)
			}
			if tt.slog != "" && slogOut.String() != tt.slog {
				t.Errorf("slog.Handler sink: got %q, want %q", slogOut.String(), tt.slog)
			}
			if tt.record != "" && (len(*fromRec) != 1 || (*fromRec)[0] != tt.record) {
				t.Errorf("func sink's record: got %q, want %q", *fromRec, tt.record)
			}
		})
	}
}

func TestEnqueueCloseStopsGoroutines(t *testing.T) {
	before := queueWriters()
	var loggers []*logru.Logger
	for i := 0; i < 20; i++ {
		l := logru.New()
		l.Add(logru.Handler{Sink: &lineBuffer{}, Enqueue: true})
		l.Info("x")
		loggers = append(loggers, l)
	}
	for _, l := range loggers {
		l.Close()
		l.Info("after Close")
		if st := l.Stats()[0]; st.Records != 1 || st.Dropped != 1 {
			t.Errorf("stats %+v", st)
		}
	}
	// Counted by their stacks, so that goroutines other tests leave (a timer's, a
	// finishing writer's) neither hide a leak nor fake one.
	n := queueWriters()
	for i := 0; i < 1000 && n > before; i++ {
		runtime.Gosched()
		n = queueWriters()
	}
	if n > before {
		t.Errorf("%d queue writer goroutines left running after Close (%d before)", n-before, before)
	}
}

// queueWriters counts the goroutines a queue started (its writer, made by sinks.NewAsync).
func queueWriters() int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return strings.Count(string(buf[:n]), "created by github.com/logru/logru/sinks.NewAsync ")
		}
		buf = make([]byte, 2*len(buf))
	}
}

// A sink behind a queue that logs into its own logger: no deadlock.
func TestEnqueueReentrantSink(t *testing.T) {
	l := logru.New()
	var self *logru.Logger = l
	count := 0
	l.Add(logru.Handler{Format: "{message}", Enqueue: true, QueueSize: 2, Sink: func(m logru.Message) {
		count++
		if count < 50 {
			self.Info("from the sink")
		}
	}})
	for i := 0; i < 20; i++ {
		l.Info("outer")
	}
	l.Close()
	st := l.Stats()[0]
	if st.Records == 0 || st.Records+st.Dropped < 20 {
		t.Errorf("stats %+v", st)
	}
}

// Close leaves no open file behind (Linux: counted in /proc/self/fd).
func TestCloseLeavesNoOpenFile(t *testing.T) {
	fds := func() int {
		ents, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd on this system")
		}
		return len(ents)
	}
	before := fds()
	dir := t.TempDir()
	for i := 0; i < 5; i++ {
		l := logru.New()
		l.Add(logru.Handler{Sink: filepath.Join(dir, "a.log"), Enqueue: true, Rotation: "200 B", Compression: "gz", Retention: "2"})
		l.Add(logru.Handler{Sink: filepath.Join(dir, "b.log"), Buffering: 4096})
		for j := 0; j < 50; j++ {
			l.Info("some line to rotate the file now and then", "j", j)
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if after := fds(); after > before {
		t.Errorf("%d file descriptors left open after Close", after-before)
	}
}

// QueueSize 0 means 10,000 records: with the sink stuck, drop_newest keeps 10,000 queued
// (plus the batch being written, if the writer took one before the queue filled) and drops
// the rest, counted exactly.
func TestEnqueueDefaultQueueSize(t *testing.T) {
	l := logru.New()
	sink := &gatedSink{gate: make(chan struct{})}
	l.Add(logru.Handler{Sink: sink, Format: "{message}", Enqueue: true, Overflow: "drop_newest", OnError: func(error) {}})
	const n = 12000
	for i := 0; i < n; i++ {
		l.Info("x")
	}
	close(sink.gate)
	l.Close()
	st := l.Stats()[0]
	if st.Records+st.Dropped != n || st.Records < 10000 || st.Records > 10000+256 {
		t.Errorf("written %d, dropped %d: want 10,000 queued plus at most one batch of n=%d", st.Records, st.Dropped, n)
	}
}
