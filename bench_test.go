package logru_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/logru/logru"
)

func discard(b testing.TB, h logru.Handler) *logru.Logger {
	b.Helper()
	l := logru.New()
	h.Sink = io.Discard
	if _, err := l.Add(h); err != nil {
		b.Fatal(err)
	}
	return l
}

// Allocation budgets (the speed itself is shown by the benchmarks below).
func TestAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	info := discard(t, logru.Handler{Level: "INFO", Serialize: true})
	console := discard(t, logru.Handler{Level: "INFO"})
	text := discard(t, logru.Handler{Level: "INFO", Format: "{time} {level} {message}"})
	user := "alice"
	n := 3
	now := time.Now()
	strs := []string{"a", "b"}
	errBoom := errors.New("boom")
	extraText := discard(t, logru.Handler{Level: "INFO", Format: "{time} {level} {message} {extra}"})
	fieldsText := discard(t, logru.Handler{Level: "INFO", Format: "{time} {level} {message}{fields}"})
	var strsAny, userAny, floatAny, nowAny, durAny any = strs, user, 4.5, now, time.Second
	fieldsMap := logru.Fields{"user": userAny, "n": 3, "ok": true}
	ctx10 := logru.Contextualize(context.Background(), "c0", 0, "c1", 1, "c2", 2, "c3", 3, "c4", 4,
		"c5", 5, "c6", 6, "c7", 7, "c8", 8, "c9", 9)
	bound := info.Bind("int", 1, "string", "two", "bool", true, "float", 4.5, "time", now,
		"strings", strs, "error", errBoom, "dur", time.Second, "stringer", time.Monday, "int64", int64(10))
	boundCtx := bound.Ctx(ctx10)
	for _, tt := range []struct {
		name string
		max  float64
		f    func()
	}{
		{"disabled LogAttrs", 0, func() {
			info.LogAttrs(logru.LevelDebug, "debug", slog.String("user", user), slog.Int("n", n), slog.Bool("ok", true))
		}},
		{"disabled any with constants", 0, func() { info.Debug("debug", "user", "alice", "n", 3, "ok", true) }},
		{"static message serialized", 0, func() { info.Info("the quick brown fox") }},
		{"LogAttrs serialized", 0, func() {
			info.LogAttrs(logru.LevelInfo, "msg", slog.String("user", user), slog.Int("n", n), slog.Bool("ok", true))
		}},
		{"default console format", 0, func() { console.Info("the quick brown fox") }},
		{"default console format, three fields", 1, func() {
			console.LogAttrs(logru.LevelInfo, "the quick brown fox", slog.String("user", user), slog.Int("n", n), slog.Bool("ok", true))
		}},
		{"default console format, a field the message shows", 0, func() {
			console.Info("login by {user}", "user", user, "n", n)
		}},
		// The one allocation is the caller's: slog.Any boxes the []string (24 B).
		{"ten fields LogAttrs", 1, func() {
			info.LogAttrs(logru.LevelInfo, "ten", slog.Int("int", n), slog.String("s", user), slog.Bool("b", true),
				slog.Float64("f", 4.5), slog.Time("t", now), slog.Any("strs", strs), slog.Any("err", errBoom),
				slog.Duration("d", time.Second), slog.Any("stringer", time.Monday), slog.Int64("i64", 10))
		}},
		{"ten fields LogAttrs, slice boxed once", 0, func() {
			info.LogAttrs(logru.LevelInfo, "ten", slog.Int("int", n), slog.String("s", user), slog.Bool("b", true),
				slog.Float64("f", 4.5), slog.Time("t", now), slog.Any("strs", strsAny), slog.Any("err", errBoom),
				slog.Duration("d", time.Second), slog.Any("stringer", time.Monday), slog.Int64("i64", 10))
		}},
		{"LogAttrs, a field the message shows and a repeated key", 0, func() {
			info.LogAttrs(logru.LevelInfo, "login by {user}", slog.String("user", user), slog.Int("n", n), slog.Int("n", 2))
		}},
		{"ten fields LogAttrs, text {extra}", 0, func() {
			extraText.LogAttrs(logru.LevelInfo, "ten", slog.Int("int", n), slog.String("s", user), slog.Bool("b", true),
				slog.Float64("f", 4.5), slog.Time("t", now), slog.Any("strs", strsAny), slog.Any("err", errBoom),
				slog.Duration("d", time.Second), slog.Any("stringer", time.Monday), slog.Int64("i64", 10))
		}},
		{"ten fields LogAttrs, text {fields}", 0, func() {
			fieldsText.LogAttrs(logru.LevelInfo, "ten", slog.Int("int", n), slog.String("s", user), slog.Bool("b", true),
				slog.Float64("f", 4.5), slog.Time("t", now), slog.Any("strs", strsAny), slog.Any("err", errBoom),
				slog.Duration("d", time.Second), slog.Any("stringer", time.Monday), slog.Int64("i64", 10))
		}},
		// Values already in interfaces, and constants, cost the ...any path no allocation:
		// the allocations of a ...any call are the caller's conversions of other values.
		{"a Fields map", 0, func() { info.Info("fields", fieldsMap) }},
		{"ten fields any, values boxed once", 0, func() {
			info.Info("ten", "int", 1, "s", userAny, "b", true, "f", floatAny, "t", nowAny, "strs", strsAny,
				"err", errBoom, "d", durAny, "stringer", time.Monday, "i64", int64(10))
		}},
		{"accumulated context", 0, func() { bound.Info("accumulated") }},
		// Twenty fields from two sources, context and bound: no index either.
		{"context fields and accumulated context", 0, func() { boundCtx.Info("accumulated") }},
		// Twenty fields in all: no index (a map) is built for the record.
		{"accumulated context and ten fields LogAttrs", 0, func() {
			bound.LogAttrs(logru.LevelInfo, "ten", slog.Int("i", n), slog.String("s", user), slog.Bool("b", true),
				slog.Float64("f", 4.5), slog.Time("t", now), slog.Any("strs", strsAny), slog.Any("err", errBoom),
				slog.Duration("d", time.Second), slog.Any("stringer", time.Monday), slog.Int64("int64", 11))
		}},
		{"template LogAttrs", 0, func() {
			text.LogAttrs(logru.LevelInfo, "user {user} logged in from {ip} after {tries} tries",
				slog.String("user", user), slog.String("ip", "10.0.0.1"), slog.Int("tries", n))
		}},
		{"template any", 0, func() {
			text.Info("user {user} logged in from {ip} after {tries} tries", "user", user, "ip", "10.0.0.1", "tries", n)
		}},
	} {
		if got := testing.AllocsPerRun(200, tt.f); got > tt.max {
			t.Errorf("%s: %v allocations, want at most %v", tt.name, got, tt.max)
		}
	}
}

// BenchmarkDisabled uses a b.N loop, not b.Loop: since Go 1.24 the calls in a b.Loop body
// are not inlined, and the level gate inlined into the caller is what this measures (as
// it is in a program's own code). The attributes are still built on every iteration.
func BenchmarkDisabled(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Serialize: true})
	user, n := "alice", 3
	b.Run("LogAttrs", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			l.LogAttrs(logru.LevelDebug, "debug", slog.String("user", user), slog.Int("n", n), slog.Bool("ok", true))
		}
	})
	b.Run("any", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			l.Debug("debug", "user", user, "n", n, "ok", true)
		}
	})
	b.Run("LogAttrs/no-inline", func(b *testing.B) { // the gate called, not inlined
		b.ReportAllocs()
		for b.Loop() {
			l.LogAttrs(logru.LevelDebug, "debug", slog.String("user", user), slog.Int("n", n), slog.Bool("ok", true))
		}
	})
}

func BenchmarkStaticJSON(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Serialize: true})
	b.ReportAllocs()
	for b.Loop() {
		l.Info("the quick brown fox")
	}
}

func BenchmarkStaticText(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Format: "{time} {level} {message}"})
	b.ReportAllocs()
	for b.Loop() {
		l.Info("the quick brown fox")
	}
}

func BenchmarkConsole(b *testing.B) {
	for _, color := range []logru.ColorMode{logru.ColorNever, logru.ColorAlways} {
		b.Run(color.String(), func(b *testing.B) {
			l := discard(b, logru.Handler{Level: "INFO", Colorize: color})
			b.ReportAllocs()
			for b.Loop() {
				l.Info("the quick brown fox")
			}
		})
	}
}

// BenchmarkConsoleFields is BenchmarkConsole with three call fields, which the default
// format shows after the message.
func BenchmarkConsoleFields(b *testing.B) {
	for _, color := range []logru.ColorMode{logru.ColorNever, logru.ColorAlways} {
		b.Run(color.String(), func(b *testing.B) {
			l := discard(b, logru.Handler{Level: "INFO", Colorize: color})
			b.ReportAllocs()
			for b.Loop() {
				l.LogAttrs(logru.LevelInfo, "the quick brown fox",
					slog.String("user", "alice"), slog.Int("n", 3), slog.Bool("ok", true))
			}
		})
	}
}

func BenchmarkTenFields(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Serialize: true})
	err := errors.New("boom")
	now := time.Now()
	b.Run("LogAttrs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			l.LogAttrs(logru.LevelInfo, "ten fields",
				slog.Int("int", 1), slog.String("string", "two"), slog.Bool("bool", true),
				slog.Float64("float", 4.5), slog.Time("time", now), slog.Any("strings", []string{"a", "b"}),
				slog.Any("error", err), slog.Duration("dur", time.Second), slog.Any("stringer", time.Monday),
				slog.Int64("int64", 10))
		}
	})
	for _, f := range []struct{ name, format string }{
		{"LogAttrs text {extra}", "{level} {message} {extra}"}, {"LogAttrs text {fields}", "{level} {message}{fields}"},
	} {
		tl := discard(b, logru.Handler{Level: "INFO", Format: f.format})
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tl.LogAttrs(logru.LevelInfo, "ten fields",
					slog.Int("int", 1), slog.String("string", "two"), slog.Bool("bool", true),
					slog.Float64("float", 4.5), slog.Time("time", now), slog.Any("strings", []string{"a", "b"}),
					slog.Any("error", err), slog.Duration("dur", time.Second), slog.Any("stringer", time.Monday),
					slog.Int64("int64", 10))
			}
		})
	}
	b.Run("any", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			l.Info("ten fields", "int", 1, "string", "two", "bool", true, "float", 4.5, "time", now,
				"strings", []string{"a", "b"}, "error", err, "dur", time.Second, "stringer", time.Monday, "int64", int64(10))
		}
	})
}

func BenchmarkAccumulatedContext(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Serialize: true}).Bind(
		"int", 1, "string", "two", "bool", true, "float", 4.5, "a", "b",
		"c", "d", "e", 5, "f", 6, "g", 7, "h", 8)
	b.ReportAllocs()
	for b.Loop() {
		l.Info("accumulated")
	}
}

func BenchmarkTemplate(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Format: "{time} {level} {message}"})
	b.Run("LogAttrs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			l.LogAttrs(logru.LevelInfo, "user {user} logged in from {ip} after {tries} tries",
				slog.String("user", "alice"), slog.String("ip", "10.0.0.1"), slog.Int("tries", 3))
		}
	})
	b.Run("any", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			l.Info("user {user} logged in from {ip} after {tries} tries", "user", "alice", "ip", "10.0.0.1", "tries", 3)
		}
	})
}

func BenchmarkParallelJSON(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Serialize: true})
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			l.Info("the quick brown fox", "n", 1)
		}
	})
}
