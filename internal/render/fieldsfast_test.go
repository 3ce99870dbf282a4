package render

import (
	"log/slog"
	"math"
	"testing"
	"time"

	"github.com/logru/logru/core"
)

// appendFieldsRef is appendFields as it was: every field through appendFieldsPair, the
// message's keys looked up whenever it showed any.
func appendFieldsRef(dst []byte, r *core.Record) []byte {
	skip := r.MessageKeys.Len() > 0
	for _, a := range r.Extra.Attrs() {
		dst = appendFieldsPair(dst, r, skip, a)
	}
	return dst
}

// appendFields (by index, the key lookup only when the message showed a key) writes
// what appendFieldsRef writes.
func TestFieldsMatchesRef(t *testing.T) {
	attrs := []slog.Attr{
		slog.String("method", "GET"), slog.String("path", "/api/v1/users/42"), slog.Int("status", 200),
		slog.Duration("duration", 1234567), slog.Int64("bytes", 5120),
		slog.String("a b", "x=y"), slog.String("", ""), slog.String("q", `say "hi"`), slog.String("k\n", "line\nforged"),
		slog.Int("neg", -42), slog.Int64("min", math.MinInt64), slog.Uint64("max", math.MaxUint64),
		slog.Float64("nan", math.NaN()), slog.Float64("inf", math.Inf(-1)), slog.Float64("f", -0.25),
		slog.Bool("ok", false), slog.Duration("huge", math.MaxInt64), slog.Duration("neg-d", -time.Hour),
		slog.Time("at", time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)),
		slog.Group("req", slog.String("m", "GET"), slog.Group("h", slog.String("ua", "curl 8"))),
		slog.Group("empty"), slog.Any("tags", []string{"a", "b"}), slog.Any("nil", nil),
	}
	for _, used := range [][]string{nil, {"method"}, {"status", "bytes", "absent"}, {"a b", "", "req"}, {"nan", "at", "tags", "huge"}} {
		for n := 0; n <= len(attrs); n++ {
			var r core.Record
			for _, a := range attrs[:n] {
				r.Extra.SetAttr(a)
			}
			for _, k := range used {
				r.MessageKeys.Add(k)
			}
			want := string(appendFieldsRef([]byte("m"), &r))
			if got := string(appendFields([]byte("m"), &r)); got != want {
				t.Errorf("used %q, %d fields: appendFields = %q, want %q", used, n, got, want)
			}
		}
	}
}
