package logru_test

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/logru/logru"
)

type counter struct{ n atomic.Int64 }

func (c *counter) String() string { return "seen " + string(rune('0'+c.n.Load())) }

// Bound fields are encoded once for JSON, and the output is what encoding them per
// record gives: call fields win, patchers and context see them; values are snapshots.
func TestBoundFieldsJSON(t *testing.T) {
	var cnt counter
	extra := func(line string) string {
		var obj struct {
			Extra json.RawMessage `json:"extra"`
		}
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		return string(obj.Extra)
	}
	for _, tt := range []struct {
		name string
		log  func(l *logru.Logger)
		want string
	}{
		{"bound only", func(l *logru.Logger) { l.Info("m") },
			`{"a":1,"s":"x","c":"seen 0"}`},
		{"call field appended", func(l *logru.Logger) { l.Info("m", "z", true) },
			`{"a":1,"s":"x","c":"seen 0","z":true}`},
		{"call field replaces a bound one", func(l *logru.Logger) { l.Info("m", "s", "y") },
			`{"a":1,"s":"y","c":"seen 0"}`},
		{"a value changed after Bind is not seen", func(l *logru.Logger) { cnt.n.Store(3); l.Info("m"); cnt.n.Store(0) },
			`{"a":1,"s":"x","c":"seen 0"}`},
		{"patcher edits a bound field", func(l *logru.Logger) {
			l.Patch(func(r *logru.Record) { r.Extra.Set("a", 2) }).Info("m")
		}, `{"a":2,"s":"x","c":"seen 0"}`},
		{"patcher deletes a bound field", func(l *logru.Logger) {
			l.Patch(func(r *logru.Record) { r.Extra.Delete("a") }).Info("m")
		}, `{"s":"x","c":"seen 0"}`},
		{"context fields come first", func(l *logru.Logger) {
			l.Ctx(logru.Contextualize(t.Context(), "req", 7, "a", 0)).Info("m")
		}, `{"req":7,"a":1,"s":"x","c":"seen 0"}`},
		{"child binds more", func(l *logru.Logger) { l.Bind("b", 2, "a", 9).Info("m") },
			`{"a":9,"s":"x","c":"seen 0","b":2}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf lineBuffer
			l := logru.New()
			if _, err := l.Add(logru.Handler{Sink: &buf, Serialize: true}); err != nil {
				t.Fatal(err)
			}
			bl := l.Bind("a", 1, "s", "x", "c", &cnt)
			bl.Info("warm the cache")
			tt.log(bl)
			lines := buf.Lines()
			if got := extra(lines[len(lines)-1]); got != tt.want {
				t.Errorf("extra = %s, want %s", got, tt.want)
			}
			if strings.Count(buf.String(), "\n") != 2 {
				t.Errorf("want two lines, got %q", buf.String())
			}
		})
	}
}

type tick struct{ n *atomic.Int64 }

func (t tick) LogValue() slog.Value { return slog.Int64Value(t.n.Add(1)) }

// Bind renders its values when bound: a slice or Stringer changed later is not seen, in
// any form a handler writes; a LogValuer is resolved for every record, and so is a
// function on a logger with Options.Lazy.
func TestBindSnapshot(t *testing.T) {
	for _, tt := range []struct {
		name, format string
		serialize    bool
		want         []string // the two lines, time left out
	}{
		{"JSON", "", true, []string{
			`"extra":{"strs":["old"],"c":"seen 0","v":1,"f":10,"call":1}`,
			`"extra":{"strs":["old"],"c":"seen 0","v":2,"f":20,"call":2}`}},
		{"extra", "{extra}", false, []string{
			"strs=[old] c=\"seen 0\" v=1 f=10 call=1\n", "strs=[old] c=\"seen 0\" v=2 f=20 call=2\n"}},
		{"fields", "{message}{fields}", false, []string{
			"m strs=[old] c=\"seen 0\" v=1 f=10 call=1\n", "m strs=[old] c=\"seen 0\" v=2 f=20 call=2\n"}},
		{"extra[key]", "{extra[strs]} {extra[c]!r:>8} {extra[v]} {extra[f]}", false, []string{
			"[old]   seen 0 1 10\n", "[old]   seen 0 2 20\n"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf lineBuffer
			l := logru.New()
			if _, err := l.Add(logru.Handler{Sink: &buf, Format: tt.format, Serialize: tt.serialize}); err != nil {
				t.Fatal(err)
			}
			var cnt counter
			var n, calls atomic.Int64
			strs := []string{"old"}
			bl := l.Bind("strs", strs, "c", &cnt, "v", tick{&n},
				"f", func() int { return 10 * int(calls.Add(1)) }).Opt(logru.Options{Lazy: true})
			strs[0] = "new"
			cnt.n.Store(5)
			for i := 1; i <= 2; i++ {
				bl.Info("m", "call", i)
			}
			lines := buf.Lines()
			if len(lines) != 2 {
				t.Fatalf("want two lines, got %q", lines)
			}
			for i, line := range lines {
				if !strings.HasSuffix(line, tt.want[i]) && !strings.Contains(line, tt.want[i]) {
					t.Errorf("line %d = %q, want %q", i+1, line, tt.want[i])
				}
			}
		})
	}
}

// A bound function is a value unless the logger that logs has Options.Lazy; a bound
// LogValuer reaches filters and patchers resolved.
func TestBindLiveValuesInRecord(t *testing.T) {
	var n atomic.Int64
	var seen []any
	l := logru.New()
	if _, err := l.Add(logru.Handler{Sink: io.Discard, FilterFunc: func(r *logru.Record) bool {
		v, _ := r.Extra.Get("v")
		f, _ := r.Extra.Get("f")
		_, isFunc := f.(func() string)
		seen = append(seen, v, isFunc)
		return true
	}}); err != nil {
		t.Fatal(err)
	}
	bl := l.Bind("v", tick{&n}, "f", func() string { return "called" })
	bl.Info("a")
	bl.Opt(logru.Options{Lazy: true}).Info("b")
	want := []any{int64(1), true, int64(2), false}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("filter saw %v, want %v", seen, want)
	}
}

// boundSetups log records whose bound fields the rendered bytes stand for, and records
// they cannot stand for; every one must come out as the plain path writes it.
var boundSetups = []struct {
	name string
	log  func(t *testing.T, l *logru.Logger)
}{
	{"bound only", func(t *testing.T, l *logru.Logger) { l.Bind(tenBound()...).Info("m") }},
	{"bound and call fields", func(t *testing.T, l *logru.Logger) {
		l.Bind(tenBound()...).Info("login by {user}", "user", "alice", "n", 2)
	}},
	{"call field replaces a bound one", func(t *testing.T, l *logru.Logger) { l.Bind(tenBound()...).Info("m", "string", "y") }},
	{"message shows a call field with a bound key", func(t *testing.T, l *logru.Logger) {
		l.Bind(tenBound()...).Info("{string}", "string", "y")
	}},
	{"context fields first", func(t *testing.T, l *logru.Logger) {
		l.Bind(tenBound()...).Ctx(logru.Contextualize(t.Context(), "req", 7)).Info("m", "z", 1)
	}},
	{"context field with a bound key", func(t *testing.T, l *logru.Logger) {
		l.Bind(tenBound()...).Ctx(logru.Contextualize(t.Context(), "int", 0)).Info("m")
	}},
	{"bad keys after context bad keys", func(t *testing.T, l *logru.Logger) {
		l.Bind("a", 1, "lone").Ctx(logru.Contextualize(t.Context(), 5)).Info("m", 6)
	}},
	{"child extends", func(t *testing.T, l *logru.Logger) { l.Bind(tenBound()...).Bind("more", "x y", 3).Info("m") }},
	{"child binds a key again", func(t *testing.T, l *logru.Logger) { l.Bind(tenBound()...).Bind("int", 9).Info("m") }},
	{"groups and maps", func(t *testing.T, l *logru.Logger) {
		l.Bind(slog.Group("req", slog.String("method", "GET"), slog.Group("none")), logru.Fields{"b": 2, "a": "x=y"},
			"m", map[string]int{"k": 1}).Info("m", "k", "v")
	}},
	{"LogValuer", func(t *testing.T, l *logru.Logger) { l.Bind("s", secretToken("x"), "n", 1).Info("m") }},
}

func tenBound() []any {
	return []any{"int", 1, "string", "two words", "bool", true, "float", 4.5,
		"time", time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC), "strings", []string{"a", "b"},
		"error", errors.New("conn\nrefused"), "dur", time.Second, "stringer", time.Monday, "int64", int64(10)}
}

// The rendered bound fields give the bytes the plain path gives (a patcher, even one
// that does nothing, makes a logger render from the record).
func TestBoundRenderedMatchesPlain(t *testing.T) {
	for _, h := range []logru.Handler{
		{Serialize: true},
		{Format: "{level} {message} | {extra} |{fields}| {extra[error]} {extra[strings]:>12} {extra[int]}"},
		{Format: "{message}<dim>{fields}</dim>", Colorize: logru.ColorAlways},
	} {
		for _, tt := range boundSetups {
			t.Run(h.Format+"/"+tt.name, func(t *testing.T) {
				var fast, plain lineBuffer
				lf, lp := logru.New(), logru.New()
				h.Sink = &fast
				if _, err := lf.Add(h); err != nil {
					t.Fatal(err)
				}
				h.Sink = &plain
				if _, err := lp.Add(h); err != nil {
					t.Fatal(err)
				}
				tt.log(t, lf)
				tt.log(t, lp.Patch(func(*logru.Record) {}))
				f, p := untimed(fast.String()), untimed(plain.String())
				if f != p || f == "" {
					t.Errorf("rendered\n%q\nplain\n%q", f, p)
				}
			})
		}
	}
}

var jsonTime = regexp.MustCompile(`"time":"[^"]*"`)

func untimed(s string) string { return jsonTime.ReplaceAllString(s, "") }

// Accumulated context costs no allocation, in JSON and in text.
func TestBoundAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	for _, h := range []logru.Handler{
		{Serialize: true},
		{Format: "{time} {level} {message} {extra}"},
		{Format: "{time} {level} {message}{fields} {extra[error]}"},
	} {
		h.Sink, h.Level = io.Discard, "INFO"
		l := logru.New()
		if _, err := l.Add(h); err != nil {
			t.Fatal(err)
		}
		bl := l.Bind(tenBound()...)
		if got := testing.AllocsPerRun(200, func() { bl.Info("accumulated") }); got > 0 {
			t.Errorf("%q: %v allocations, want 0", h.Format, got)
		}
	}
}

// A handler added after Bind has its form of the bound fields made at its first record,
// by whichever goroutine logs first; every goroutine writes the same bytes (run with
// -race).
func TestBoundFormMadeConcurrently(t *testing.T) {
	l := logru.New()
	bl := l.Bind(tenBound()...)
	var buf lineBuffer
	if _, err := l.Add(logru.Handler{Sink: &buf, Format: "{message} {extra}|{fields}"}); err != nil {
		t.Fatal(err)
	}
	const n = 8
	start := make(chan struct{})
	done := make(chan struct{})
	for range n {
		go func() {
			defer func() { done <- struct{}{} }()
			<-start
			bl.Info("m")
		}()
	}
	close(start)
	for range n {
		<-done
	}
	lines := buf.Lines()
	if len(lines) != n {
		t.Fatalf("%d lines, want %d", len(lines), n)
	}
	for _, line := range lines[1:] {
		if line != lines[0] {
			t.Errorf("lines differ:\n%q\n%q", line, lines[0])
		}
	}
}

// Bind renders the bound fields for the handlers there are: with one handler, a Bind of
// two fields and a record cost at most six allocations.
func TestBindAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	for _, h := range []logru.Handler{{Serialize: true}, {}} {
		h.Sink = io.Discard
		l := logru.New()
		if _, err := l.Add(h); err != nil {
			t.Fatal(err)
		}
		if got := testing.AllocsPerRun(100, func() { l.Bind("request_id", "abc-123", "user", "alice").Info("m") }); got > 6 {
			t.Errorf("serialize %v: %v allocations, want at most 6", h.Serialize, got)
		}
	}
}

func BenchmarkBindThenLog(b *testing.B) {
	for _, h := range []logru.Handler{{Serialize: true}, {}} {
		h.Sink = io.Discard
		l := logru.New()
		if _, err := l.Add(h); err != nil {
			b.Fatal(err)
		}
		name := "text"
		if h.Serialize {
			name = "json"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.Bind("request_id", "abc-123", "user", "alice").Info("m")
			}
		})
	}
}

type requestCount struct{ n *int }

func (c requestCount) LogValue() slog.Value { *c.n++; return slog.IntValue(*c.n) }

// Bind renders values when bound; a LogValuer is resolved for each record.
func ExampleLogger_Bind_snapshot() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{message} | {extra}"})

	tags := []string{"beta"}
	var n int
	req := l.Bind("tags", tags, "seq", requestCount{&n})
	tags[0] = "changed" // not seen: the line shows the slice as it was at Bind
	req.Info("first")
	req.Info("second")
	// Output:
	// first | tags=[beta] seq=1
	// second | tags=[beta] seq=2
}
