package logru

import (
	"errors"
	"log/slog"
	"math"
	"testing"
	"time"
)

type testValuer struct{ v slog.Value }

// namedString and namedInt are not string and int to a type switch: AnyValue makes
// them KindAny values, and so does toValue.
type (
	namedString string
	namedInt    int
)

func (t testValuer) LogValue() slog.Value { return t.v }

// refToValue is toValue as it was before it left the LogValuer test to slog.AnyValue.
func refToValue(v any) slog.Value {
	switch x := v.(type) {
	case slog.Value:
		v := x.Resolve()
		if v.Kind() == slog.KindGroup {
			v = resolveGroup(v)
		}
		return v
	case slog.LogValuer:
		v := slog.AnyValue(x).Resolve()
		if v.Kind() == slog.KindGroup {
			v = resolveGroup(v)
		}
		return v
	}
	return slog.AnyValue(v)
}

// toValue makes the value it always made, for every kind and for LogValuers given
// directly, in a slog.Value, in groups and returning groups.
func TestToValueKinds(t *testing.T) {
	grp := slog.GroupValue(slog.Any("lv", testValuer{slog.StringValue("secret")}), slog.Int("n", 1))
	for _, v := range []any{
		nil, "s", 1, int64(2), uint64(3), 4.5, true, time.Second, time.Unix(5, 6), []string{"a"},
		errors.New("e"), time.Monday, slog.IntValue(7), slog.AnyValue(testValuer{slog.IntValue(8)}),
		testValuer{slog.StringValue("v")}, testValuer{grp}, grp, slog.GroupValue(), slog.KindInt64,
		&testValuer{slog.BoolValue(true)}, testValuer{slog.AnyValue(testValuer{slog.IntValue(9)})},
		"", -1, math.MinInt, math.MaxInt, namedString("n"), namedInt(3), int32(4), uint(5),
	} {
		got, want := toValue(v, false), refToValue(v)
		if got.Kind() != want.Kind() || got.String() != want.String() {
			t.Errorf("toValue(%#v) = %v (%v), want %v (%v)", v, got, got.Kind(), want, want.Kind())
		}
		if k := want.Kind(); k != slog.KindAny && k != slog.KindGroup && !got.Equal(want) {
			t.Errorf("toValue(%#v) = %v, not equal to %v", v, got, want)
		}
	}
}

// BenchmarkAppendArgs turns the Template scenario's `...any` arguments into attributes.
func BenchmarkAppendArgs(b *testing.B) {
	user, ip, tries := "alice", "10.0.0.1", 3
	args := []any{"user", user, "ip", ip, "tries", tries}
	dst := make([]slog.Attr, 0, 8)
	for b.Loop() {
		dst = appendArgs(dst[:0], args, false)
	}
}
