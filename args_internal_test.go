package logru

import (
	"errors"
	"log/slog"
	"testing"
	"time"
)

type testValuer struct{ v slog.Value }

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
	} {
		got, want := toValue(v, false), refToValue(v)
		if got.Kind() != want.Kind() || got.String() != want.String() {
			t.Errorf("toValue(%#v) = %v (%v), want %v (%v)", v, got, got.Kind(), want, want.Kind())
		}
	}
}
