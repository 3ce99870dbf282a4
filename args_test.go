package logru_test

import (
	"log/slog"
	"testing"

	"github.com/logru/logru"
)

func TestArguments(t *testing.T) {
	l, buf := newTest(t, "{extra}")
	l.Info("m", "a", 1, "b", "two")
	l.Info("m", slog.Int("n", 3), "s", "x")
	l.Info("m", logru.Fields{"z": 1, "y": 2})
	l.Info("m", "lone")
	l.Info("m", 42, "v")
	l.Info("m", "k", 1, "k", 2)
	l.Info("m", "t", slog.GroupValue(slog.Int("a", 1)))
	l.Info("m", slog.Group("", slog.Int("inlined", 1)))
	l.Info("m", "tok", secretToken("secret"))
	expect(t, buf, "a=1 b=two\nn=3 s=x\ny=2 z=1\n!BADKEY=lone\n!BADKEY=42 !BADKEY2=v\nk=2\nt={a=1}\ninlined=1\ntok=REDACTED\n")
}

// LogAttrs copies plain attributes in one step and resolves the others one by one; both
// ways must give the record the ...any path gives.
func TestLogAttrsMatchesArgs(t *testing.T) {
	for _, attrs := range [][]slog.Attr{
		{slog.String("user", "alice"), slog.Int("n", 3)},
		{slog.Int("k", 1), slog.Int("k", 2)},
		{slog.Int("a", 1), {}, slog.Int("b", 2)},
		{slog.Group("", slog.Int("inlined", 1)), slog.Int("after", 2)},
		{slog.Group("", slog.Group("", slog.Int("deep", 1)))},
		{slog.Any("tok", secretToken("x")), slog.Int("n", 3)},
		{slog.Group("g", slog.Int("a", 1))},
	} {
		la, bufA := newTest(t, "{message} | {extra}")
		lb, bufB := newTest(t, "{message} | {extra}")
		args := make([]any, len(attrs))
		for i, a := range attrs {
			args[i] = a
		}
		la.LogAttrs(logru.LevelInfo, "n={n}", attrs...)
		lb.Info("n={n}", args...)
		if a, b := bufA.String(), bufB.String(); a != b {
			t.Errorf("%v: LogAttrs wrote %q, Info wrote %q", attrs, a, b)
		}
	}
}
