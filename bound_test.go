package logru_test

import (
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/logru/logru"
)

type counter struct{ n atomic.Int64 }

func (c *counter) String() string { return "seen " + string(rune('0'+c.n.Load())) }

// Bound fields are encoded once for JSON, but the output must be what encoding them
// per record gives: call fields win, patchers and context see them, live values stay live.
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
		{"live value changes", func(l *logru.Logger) { cnt.n.Store(3); l.Info("m"); cnt.n.Store(0) },
			`{"a":1,"s":"x","c":"seen 3"}`},
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
