package encode

import (
	"encoding/json"
	"errors"
	"log/slog"
	"math"
	"net/netip"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
	"unsafe"
)

var testTime = time.Date(2000, 1, 2, 3, 4, 5, 600_000_000, time.UTC)

// Types with methods, for the Any rules.

type strType struct{ s string }

func (s strType) String() string { return s.s }

type errType struct{ msg string }

func (e *errType) Error() string { return e.msg }

type textType struct{ s string }

func (t textType) MarshalText() ([]byte, error) { return []byte("text:" + t.s), nil }

type jsonType struct{ raw string }

func (j jsonType) MarshalJSON() ([]byte, error) { return []byte(j.raw), nil }

type jsonErrType struct{}

func (jsonErrType) MarshalJSON() ([]byte, error) { return nil, errors.New("no\nway") }

type textErrType struct{}

func (textErrType) MarshalText() ([]byte, error) { return nil, errors.New("bad text") }

// jsonAndString has both methods: JSON output uses MarshalJSON, text String.
type jsonAndString struct{}

func (jsonAndString) MarshalJSON() ([]byte, error) { return []byte(`{"from":"json"}`), nil }
func (jsonAndString) String() string               { return "from string" }

type panicString struct{}

func (panicString) String() string { panic("boom") }

type panicError struct{}

func (panicError) Error() string { panic(errors.New("bad error")) }

type panicJSON struct{}

func (panicJSON) MarshalJSON() ([]byte, error) { panic("mboom") }

type panicText struct{}

func (panicText) MarshalText() ([]byte, error) { panic("tboom") }

type panicLogValue struct{}

func (panicLogValue) LogValue() slog.Value { panic("lboom") }

// derefString dereferences its receiver: a nil pointer panics.
type derefString struct{ s string }

func (d *derefString) String() string { return d.s }

type derefJSON struct{ s string }

func (d *derefJSON) MarshalJSON() ([]byte, error) { return json.Marshal(d.s) }

type derefLogValue struct{ s string }

func (d *derefLogValue) LogValue() slog.Value { return slog.StringValue(d.s) }

// nilSafe handles a nil receiver itself.
type nilSafe struct{}

func (n *nilSafe) String() string {
	if n == nil {
		return "empty"
	}
	return "full"
}

// panicWith panics with its value from String.
type panicWith struct{ v any }

func (p panicWith) String() string { panic(p.v) }

// indexPanic fails with a runtime error.
type indexPanic struct{ s []int }

func (p indexPanic) String() string { return strconv.Itoa(p.s[5]) }

// token redacts itself.
type token string

func (token) LogValue() slog.Value { return slog.StringValue("REDACTED") }

type user struct {
	Name  string
	Age   int
	Token token
	Tags  []string `json:"tags,omitempty"`
	Pass  string   `json:"-"`
	//lint:ignore SA5008 "-," names the field "-": encoding/json's rule under test
	Dash  string          `json:"-,"`
	Note  string          `json:"note,omitempty"`
	Zero  struct{ A int } `json:",omitzero"`
	inner int
}

type embedded struct {
	user
	Base
	Extra int
}

type Base struct{ ID int }

type keyType struct{ A, B int }

type textKey int

func (k textKey) MarshalText() ([]byte, error) { return []byte("k" + string(rune('0'+k))), nil }

type logValuer struct{ v slog.Value }

func (l logValuer) LogValue() slog.Value { return l.v }

func TestValues(t *testing.T) {
	errNil := (*errType)(nil)
	var strNil *derefString
	var jsonNil *derefJSON
	var lvNil *derefLogValue
	n := 42
	pn := &n
	for _, tt := range []struct {
		name     string
		v        slog.Value
		wantText string
		wantJSON string
	}{
		// Kinds.
		{"string", slog.StringValue("a b"), `a b`, `"a b"`},
		{"string escapes", slog.StringValue("x\n\x1b[2J\xff"), `x\n\x1b[2J\xff`, `"x\n\u001b[2J\ufffd"`},
		{"empty string", slog.StringValue(""), ``, `""`},
		{"int", slog.IntValue(-42), `-42`, `-42`},
		{"int64 min", slog.Int64Value(math.MinInt64), `-9223372036854775808`, `-9223372036854775808`},
		{"uint64 max", slog.Uint64Value(math.MaxUint64), `18446744073709551615`, `18446744073709551615`},
		{"float", slog.Float64Value(1.5), `1.5`, `1.5`},
		{"float int", slog.Float64Value(3), `3`, `3`},
		{"float million", slog.Float64Value(1e6), `1e+06`, `1000000`},
		{"float 1e20", slog.Float64Value(1e20), `1e+20`, `100000000000000000000`},
		{"float 1e21", slog.Float64Value(1e21), `1e+21`, `1e+21`},
		{"float small", slog.Float64Value(1e-7), `1e-07`, `1e-7`},
		{"float 1e-6", slog.Float64Value(1e-6), `1e-06`, `0.000001`},
		{"float tiny", slog.Float64Value(5e-324), `5e-324`, `5e-324`},
		{"float max", slog.Float64Value(math.MaxFloat64), `1.7976931348623157e+308`, `1.7976931348623157e+308`},
		{"float negative zero", slog.Float64Value(math.Copysign(0, -1)), `-0`, `-0`},
		{"float pi", slog.Float64Value(math.Pi), `3.141592653589793`, `3.141592653589793`},
		{"NaN", slog.Float64Value(math.NaN()), `NaN`, `"NaN"`},
		{"+Inf", slog.Float64Value(math.Inf(1)), `+Inf`, `"+Inf"`},
		{"-Inf", slog.Float64Value(math.Inf(-1)), `-Inf`, `"-Inf"`},
		{"bool", slog.BoolValue(true), `true`, `true`},
		{"false", slog.BoolValue(false), `false`, `false`},
		{"duration", slog.DurationValue(1500 * time.Millisecond), `1.5s`, `"1.5s"`},
		{"duration micro", slog.DurationValue(1500 * time.Nanosecond), `1.5µs`, `"1.5µs"`},
		{"duration zero", slog.DurationValue(0), `0s`, `"0s"`},
		{"duration negative", slog.DurationValue(-90 * time.Minute), `-1h30m0s`, `"-1h30m0s"`},
		{"time", slog.TimeValue(testTime), `2000-01-02T03:04:05.6Z`, `"2000-01-02T03:04:05.6Z"`},
		{"time zone", slog.TimeValue(time.Date(2026, 3, 26, 14, 30, 0, 123456789, time.FixedZone("X", 5*3600+1800))),
			`2026-03-26T14:30:00.123456789+05:30`, `"2026-03-26T14:30:00.123456789+05:30"`},
		{"time zero", slog.TimeValue(time.Time{}), `0001-01-01T00:00:00Z`, `"0001-01-01T00:00:00Z"`},

		// Groups.
		{"group", slog.GroupValue(slog.Int("a", 1), slog.String("b", "x y")), `{a=1 b="x y"}`, `{"a":1,"b":"x y"}`},
		{"empty group", slog.GroupValue(), `{}`, `{}`},
		{"nested group", slog.GroupValue(slog.Group("g", slog.Bool("ok", true)), slog.Float64("f", math.NaN())),
			`{g={ok=true} f=NaN}`, `{"g":{"ok":true},"f":"NaN"}`},
		{"group keys escaped", slog.GroupValue(slog.Int("a\nb", 1), slog.Int(`x"y`, 2), slog.Int("\x1b", 3)),
			`{a\nb=1 "x\"y"=2 \x1b=3}`, `{"a\nb":1,"x\"y":2,"\u001b":3}`},
		{"group rules", slog.GroupValue(slog.Attr{}, slog.Group("empty"), slog.Group("", slog.Int("inl", 1)), slog.Int("", 2)),
			`{inl=1 ""=2}`, `{"inl":1,"":2}`},
		{"group with LogValuer", slog.GroupValue(slog.Any("tok", token("hunter2"))), `{tok=REDACTED}`, `{"tok":"REDACTED"}`},
		{"group LogValuer to empty group dropped", slog.GroupValue(slog.Any("g", logValuer{slog.GroupValue()}), slog.Int("x", 1)),
			`{x=1}`, `{"x":1}`},
		{"group with any", slog.GroupValue(slog.Any("m", map[string]int{"b": 2, "a": 1})), `{m="map[a:1 b:2]"}`, `{"m":{"a":1,"b":2}}`},

		// LogValuers.
		{"LogValuer", slog.AnyValue(token("hunter2")), `REDACTED`, `"REDACTED"`},
		{"LogValuer to group", slog.AnyValue(logValuer{slog.GroupValue(slog.Int("a", 1))}), `{a=1}`, `{"a":1}`},
		{"LogValuer chain", slog.AnyValue(logValuer{slog.AnyValue(logValuer{slog.IntValue(7)})}), `7`, `7`},
		{"LogValuer panic", slog.AnyValue(panicLogValue{}), `<PANIC=LogValue method: lboom>`, `"<PANIC=LogValue method: lboom>"`},
		{"LogValuer nil pointer", slog.AnyValue(lvNil), `<nil>`, `null`},

		// Any: nil and hooks.
		{"nil", slog.AnyValue(nil), `<nil>`, `null`},
		{"zero Value", slog.Value{}, `<nil>`, `null`},
		{"error", slog.AnyValue(errors.New("disk full\nretry")), `disk full\nretry`, `"disk full\nretry"`},
		{"joined errors", slog.AnyValue(errors.Join(errors.New("a"), errors.New("b"))), `a\nb`, `"a\nb"`},
		{"Stringer", slog.AnyValue(strType{"s\x1b"}), `s\x1b`, `"s\u001b"`},
		{"TextMarshaler", slog.AnyValue(textType{"t"}), `text:t`, `"text:t"`},
		{"netip TextMarshaler and Stringer", slog.AnyValue(netip.MustParseAddr("::1")), `::1`, `"::1"`},
		{"MarshalJSON compacted", slog.AnyValue(jsonType{"{ \"a\" : [1, 2] }"}), `{}`, `{"a":[1,2]}`},
		{"MarshalJSON invalid", slog.AnyValue(jsonType{"{"}), `{}`, `"<invalid MarshalJSON output: {>"`},
		{"MarshalJSON empty", slog.AnyValue(jsonType{""}), `{}`, `"<invalid MarshalJSON output: >"`},
		{"MarshalJSON sanitized", slog.AnyValue(jsonType{"\"a\xff\u2028\u0085\x7f\""}), `{}`, `"a\ufffd\u2028\u0085\u007f"`},
		{"MarshalJSON error", slog.AnyValue(jsonErrType{}), `{}`, `"<MarshalJSON error: no\nway>"`},
		{"MarshalText error", slog.AnyValue(textErrType{}), `<MarshalText error: bad text>`, `"<MarshalText error: bad text>"`},
		{"MarshalJSON before String", slog.AnyValue(jsonAndString{}), `from string`, `{"from":"json"}`},
		{"json.Number", slog.AnyValue(json.Number("12.5e3")), `12.5e3`, `12.5e3`},
		{"json.Number invalid", slog.AnyValue(json.Number("12x")), `12x`, `"12x"`},
		{"json.RawMessage", slog.AnyValue(json.RawMessage(`[1, {"a": null}]`)), `[1, {"a": null}]`, `[1,{"a":null}]`},

		// Panics and nil receivers.
		{"String panic", slog.AnyValue(panicString{}), `<PANIC=String method: boom>`, `"<PANIC=String method: boom>"`},
		{"Error panic", slog.AnyValue(panicError{}), `<PANIC=Error method: bad error>`, `"<PANIC=Error method: bad error>"`},
		{"MarshalJSON panic", slog.AnyValue(panicJSON{}), `{}`, `"<PANIC=MarshalJSON method: mboom>"`},
		{"MarshalText panic", slog.AnyValue(panicText{}), `<PANIC=MarshalText method: tboom>`, `"<PANIC=MarshalText method: tboom>"`},
		{"panic value escaped", slog.AnyValue(panicWith{"a\nb"}), `<PANIC=String method: a\nb>`, `"<PANIC=String method: a\nb>"`},
		{"panic value int", slog.AnyValue(panicWith{42}), `<PANIC=String method: 42>`, `"<PANIC=String method: 42>"`},
		{"panic value panics", slog.AnyValue(panicWith{panicError{}}),
			`<PANIC=String method: <PANIC=Error method: bad error>>`, `"<PANIC=String method: <PANIC=Error method: bad error>>"`},
		{"panic nil", slog.AnyValue(panicWith{nil}),
			`<PANIC=String method: panic called with nil argument>`,
			`"<PANIC=String method: panic called with nil argument>"`},
		{"nil pointer Stringer", slog.AnyValue(strNil), `<nil>`, `null`},
		{"nil pointer error", slog.AnyValue(errNil), `<nil>`, `null`},
		{"nil error in interface", slog.AnyValue(error(errNil)), `<nil>`, `null`},
		{"nil pointer Marshaler", slog.AnyValue(jsonNil), `<nil>`, `null`},
		{"nil-safe method called", slog.AnyValue((*nilSafe)(nil)), `empty`, `"empty"`},
		{"panic value slice", slog.AnyValue(panicWith{[]int{}}), `<PANIC=String method: []>`, `"<PANIC=String method: []>"`},
		{"runtime error panic", slog.AnyValue(indexPanic{}), `<PANIC=String method: runtime error: index out of range [5] with length 0>`,
			`"<PANIC=String method: runtime error: index out of range [5] with length 0>"`},

		// Any: bytes and reflection.
		{"bytes", slog.AnyValue([]byte("hi\n")), `hi\n`, `"aGkK"`},
		{"nil bytes", slog.AnyValue([]byte(nil)), ``, `null`},
		{"empty bytes", slog.AnyValue([]byte{}), ``, `""`},
		{"named bytes", slog.AnyValue(json.RawMessage(nil)), ``, `null`},
		{"pointer", slog.AnyValue(pn), `42`, `42`},
		{"pointer to pointer", slog.AnyValue(&pn), `42`, `42`},
		{"nil pointer", slog.AnyValue((*int)(nil)), `<nil>`, `null`},
		{"int8", slog.AnyValue(int8(-8)), `-8`, `-8`},
		{"float32", slog.AnyValue([]float32{1.1, float32(math.Inf(1))}), `[1.1 +Inf]`, `[1.1,"+Inf"]`},
		{"complex", slog.AnyValue(complex(1, 2)), `(1+2i)`, `"(1+2i)"`},
		{"complex64 negative", slog.AnyValue(complex64(complex(-1.5, -0.25))), `(-1.5-0.25i)`, `"(-1.5-0.25i)"`},
		{"complex NaN", slog.AnyValue(complex(math.Inf(1), math.NaN())), `(+Inf+NaNi)`, `"(+Inf+NaNi)"`},
		{"chan", slog.AnyValue(make(chan int)), `<chan int>`, `"<chan int>"`},
		{"recv chan", slog.AnyValue(make(<-chan string)), `<<-chan string>`, `"<<-chan string>"`},
		{"func", slog.AnyValue(func(int) error { return nil }), `<func(int) error>`, `"<func(int) error>"`},
		{"unsafe.Pointer", slog.AnyValue(unsafe.Pointer(pn)), `<unsafe.Pointer>`, `"<unsafe.Pointer>"`},
		{"slice", slog.AnyValue([]string{"a", "b c", "d\n"}), `[a b c d\n]`, `["a","b c","d\n"]`},
		{"empty slice", slog.AnyValue([]int{}), `[]`, `[]`},
		{"nil slice", slog.AnyValue([]int(nil)), `[]`, `null`},
		{"array", slog.AnyValue([3]int{1, 2, 3}), `[1 2 3]`, `[1,2,3]`},
		{"byte array", slog.AnyValue([2]byte{1, 2}), `[1 2]`, `[1,2]`},
		{"any slice", slog.AnyValue([]any{1, "x", nil, 2.5, true, []int{1}}), `[1 x <nil> 2.5 true [1]]`, `[1,"x",null,2.5,true,[1]]`},
		{"errors in slice", slog.AnyValue([]error{errors.New("a"), nil}), `[a <nil>]`, `["a",null]`},
		{"struct", slog.AnyValue(struct {
			Name string
			Age  int
		}{"alice", 3}), `{Name:alice Age:3}`, `{"Name":"alice","Age":3}`},
		{"struct tags", slog.AnyValue(user{Name: "bob", Token: "hunter2", Pass: "hunter2", Dash: "d", inner: 1}),
			`{Name:bob Age:0 Token:REDACTED Tags:[] Dash:d Note: Zero:{A:0}}`,
			`{"Name":"bob","Age":0,"Token":"REDACTED","-":"d"}`},
		{"struct tags set", slog.AnyValue(user{Tags: []string{"x"}, Note: "n", Zero: struct{ A int }{1}}),
			`{Name: Age:0 Token:REDACTED Tags:[x] Dash: Note:n Zero:{A:1}}`,
			`{"Name":"","Age":0,"Token":"REDACTED","tags":["x"],"-":"","note":"n","Zero":{"A":1}}`},
		{"embedded", slog.AnyValue(embedded{Base: Base{ID: 7}, Extra: 1}), `{Base:{ID:7} Extra:1}`, `{"Base":{"ID":7},"Extra":1}`},
		{"pointer to struct", slog.AnyValue(&Base{ID: 1}), `{ID:1}`, `{"ID":1}`},
		{"struct with time and duration", slog.AnyValue(struct {
			T time.Time
			D time.Duration
			E error
			P *int
		}{testTime, time.Second, errors.New("x"), nil}),
			`{T:2000-01-02T03:04:05.6Z D:1s E:x P:<nil>}`, `{"T":"2000-01-02T03:04:05.6Z","D":"1s","E":"x","P":null}`},
		{"map sorted", slog.AnyValue(map[string]int{"b": 2, "a": 1, "c": 3}), `map[a:1 b:2 c:3]`, `{"a":1,"b":2,"c":3}`},
		{"empty map", slog.AnyValue(map[string]int{}), `map[]`, `{}`},
		{"nil map", slog.AnyValue(map[string]int(nil)), `map[]`, `null`},
		{"map int keys", slog.AnyValue(map[int]string{10: "x", 2: "y", -1: "z"}), `map[-1:z 2:y 10:x]`, `{"-1":"z","2":"y","10":"x"}`},
		{"map float keys", slog.AnyValue(map[float64]int{2.5: 1, -1: 2}), `map[-1:2 2.5:1]`, `{"-1":2,"2.5":1}`},
		{"map struct keys", slog.AnyValue(map[keyType]bool{{2, 1}: true, {1, 2}: false}), `map[{A:1 B:2}:false {A:2 B:1}:true]`,
			`{"{A:1 B:2}":false,"{A:2 B:1}":true}`},
		{"map TextMarshaler keys", slog.AnyValue(map[textKey]int{2: 2, 1: 1}), `map[k1:1 k2:2]`, `{"k1":1,"k2":2}`},
		{"map Stringer keys", slog.AnyValue(map[strType]int{{"b"}: 2, {"a"}: 1}), `map[a:1 b:2]`, `{"a":1,"b":2}`},
		{"map keys escaped", slog.AnyValue(map[string]string{"a\nb": "c\nd", `"q"`: "x"}), `map["q":x a\nb:c\nd]`, `{"\"q\"":"x","a\nb":"c\nd"}`},
		{"map any keys", slog.AnyValue(map[any]int{"b": 1, 2: 2, 1: 3, "a\x1b": 4}), `map[1:3 2:2 a\x1b:4 b:1]`, `{"1":3,"2":2,"a\u001b":4,"b":1}`},
		{"map bool keys", slog.AnyValue(map[bool]int{true: 1, false: 0}), `map[false:0 true:1]`, `{"false":0,"true":1}`},
		{"map pointer values", slog.AnyValue(map[string]*Base{"x": {1}, "y": nil}), `map[x:{ID:1} y:<nil>]`, `{"x":{"ID":1},"y":null}`},
		{"interface nesting", slog.AnyValue([]any{map[string]any{"k": []any{struct{ X any }{X: "v"}}}}), `[map[k:[{X:v}]]]`, `[{"k":[{"X":"v"}]}]`},
		{"slog.Value inside", slog.AnyValue([]slog.Value{slog.IntValue(1), slog.GroupValue(slog.Int("a", 2))}), `[1 {a=2}]`, `[1,{"a":2}]`},
		{"slog.Attr inside", slog.AnyValue([]any{slog.String("k", "v")}), `[k=v]`, `[{"k":"v"}]`},
		{"Kind", slog.AnyValue(slog.KindInt64), `Int64`, `"Int64"`},
		{"shared not cycle", slog.AnyValue(func() any { b := &Base{1}; return []*Base{b, b} }()), `[{ID:1} {ID:1}]`, `[{"ID":1},{"ID":1}]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			gotText := string(AppendText(nil, tt.v))
			if gotText != tt.wantText {
				t.Errorf("AppendText = %q\n                    want %q", gotText, tt.wantText)
			}
			checkText(t, gotText, false)
			gotJSON := string(AppendJSON(nil, tt.v))
			if gotJSON != tt.wantJSON {
				t.Errorf("AppendJSON = %s\n            want %s", gotJSON, tt.wantJSON)
			}
			checkJSON(t, gotJSON)
		})
	}
}

func TestNilPointerLogValuerInGroup(t *testing.T) {
	var lv *derefLogValue
	v := slog.GroupValue(slog.Any("a", lv), slog.Any("b", &derefLogValue{"x"}))
	if got, want := string(AppendText(nil, v)), `{a=<nil> b=x}`; got != want {
		t.Errorf("AppendText = %q, want %q", got, want)
	}
	if got, want := string(AppendJSON(nil, v)), `{"a":null,"b":"x"}`; got != want {
		t.Errorf("AppendJSON = %q, want %q", got, want)
	}
}

func TestAnyHelpers(t *testing.T) {
	for _, x := range []any{nil, "s\n", 1, uint8(2), 2.5, true, time.Second, testTime, []int{1}, errors.New("e")} {
		if got, want := string(AppendTextAny(nil, x)), string(AppendText(nil, slog.AnyValue(x))); got != want {
			t.Errorf("AppendTextAny(%#v) = %q, want %q", x, got, want)
		}
		if got, want := string(AppendJSONAny(nil, x)), string(AppendJSON(nil, slog.AnyValue(x))); got != want {
			t.Errorf("AppendJSONAny(%#v) = %q, want %q", x, got, want)
		}
	}
}

func TestPrefixKept(t *testing.T) {
	for _, v := range []slog.Value{slog.IntValue(1), slog.GroupValue(slog.Int("a", 1)), slog.AnyValue([]int{1})} {
		if got := string(AppendText([]byte("p="), v)); !strings.HasPrefix(got, "p=") {
			t.Errorf("AppendText dropped prefix: %q", got)
		}
		if got := string(AppendJSON([]byte(`{"p":`), v)); !strings.HasPrefix(got, `{"p":`) {
			t.Errorf("AppendJSON dropped prefix: %q", got)
		}
	}
}

func TestDurationText(t *testing.T) {
	for _, d := range []time.Duration{0, 1, 999, 1000, 1001, 1500, time.Millisecond, 1234567, time.Second, 61 * time.Second,
		90 * time.Minute, 25*time.Hour + 1, math.MaxInt64, math.MinInt64, -1, -time.Microsecond} {
		if got := string(AppendText(nil, slog.DurationValue(d))); got != d.String() {
			t.Errorf("AppendText(%d) = %q, want %q", int64(d), got, d.String())
		}
		if got := string(AppendJSON(nil, slog.DurationValue(d))); got != `"`+d.String()+`"` {
			t.Errorf("AppendJSON(%d) = %q", int64(d), got)
		}
	}
}

func TestJSONFloatsRoundTrip(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.1, 1.5, 1e-6, 9.99999e-7, 1e-7, 123456789, 1e20, 1e21, 1.2345e21, 1e300, -1e-300,
		math.MaxFloat64, math.SmallestNonzeroFloat64, math.Pi, 100000, 1e6} {
		got := AppendJSON(nil, slog.Float64Value(f))
		var back float64
		if err := json.Unmarshal(got, &back); err != nil || back != f {
			t.Errorf("%v: %s decodes to %v, %v", f, got, back, err)
		}
		want, _ := json.Marshal(f)
		if string(got) != string(want) {
			t.Errorf("%v: got %s, encoding/json writes %s", f, got, want)
		}
	}
	for _, f := range []float32{0, 1.1, 1e-7, 3.4e38, 1e21, 1e20} {
		got := AppendJSONAny(nil, []float32{f})
		want, _ := json.Marshal([]float32{f})
		if string(got) != string(want) {
			t.Errorf("float32 %v: got %s, encoding/json writes %s", f, got, want)
		}
	}
}

// TestJSONRoundTrip decodes the JSON of plain data and compares it with what
// encoding/json makes of the same data.
func TestJSONRoundTrip(t *testing.T) {
	type inner struct {
		X float64           `json:"x"`
		Y []string          `json:"y,omitempty"`
		M map[string]int    `json:"m"`
		P *inner            `json:"p,omitempty"`
		B []byte            `json:"b"`
		I any               `json:"i"`
		N map[int]bool      `json:"n"`
		S map[string]string `json:"-"`
	}
	for _, x := range []any{
		"plain", "esc\n\t\"\\\x00\u2028é\u0085\x7f", 42, -7, 1.25, 1e300, 5e-324, math.Copysign(0, -1), true, nil,
		[]any{1.5, "two", []any{false, nil}, map[string]any{"k": "v"}},
		map[string]any{"z": 1.0, "a": []any{"x"}, "m": map[string]any{"n": nil}},
		inner{X: 1.5, M: map[string]int{"b": 2, "a": 1}, B: []byte{0, 1, 255}, I: map[string]any{"q": 1.0}, N: map[int]bool{3: true, 1: false}},
		inner{Y: []string{"a", "\xff"}, P: &inner{X: -1}},
		[]int{}, map[string]int{}, [2]bool{true, false},
	} {
		got := AppendJSONAny(nil, x)
		if !json.Valid(got) {
			t.Errorf("%#v: invalid JSON %s", x, got)
			continue
		}
		want, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		var a, b any
		if err := json.Unmarshal(got, &a); err != nil {
			t.Fatal(err)
		}
		if jsonNative(x) && !reflect.DeepEqual(a, x) {
			t.Errorf("%#v decodes to %#v", x, a)
		}
		if err := json.Unmarshal(got, &a); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(want, &b); err != nil {
			t.Fatal(err)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%#v:\n got %s\nwant %s", x, got, want)
		}
	}
}

// jsonNative reports whether x is made only of what encoding/json decodes
// into an any, so that decoding the JSON must give x back exactly.
func jsonNative(x any) bool {
	switch x := x.(type) {
	case nil, string, float64, bool:
		return true
	case []any:
		for _, e := range x {
			if !jsonNative(e) {
				return false
			}
		}
		return true
	case map[string]any:
		for _, e := range x {
			if !jsonNative(e) {
				return false
			}
		}
		return true
	}
	return false
}

// checkJSON fails t unless s is valid JSON and valid UTF-8 with no raw
// control character.
func checkJSON(t *testing.T, s string) {
	t.Helper()
	if !json.Valid([]byte(s)) {
		t.Errorf("invalid JSON: %s", s)
	}
	if !utf8.ValidString(s) {
		t.Errorf("invalid UTF-8: %q", s)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == '\u2028' || r == '\u2029' {
			t.Errorf("raw %U in JSON: %q", r, s)
			return
		}
	}
}

// The common-value fast path must write what the slow path writes.
func TestCommonMatchesSlow(t *testing.T) {
	for _, x := range []any{
		errors.New("boom \"quoted\"\n"), time.Monday, []string{"a", "b\x1b[31m", ""}, []string{},
		json.Number("12"), netIP{1, 2, 3, 4},
	} {
		v := slog.AnyValue(x)
		fast, slow := string(AppendJSON(nil, v)), string(appendSlow(nil, v, true))
		if fast != slow {
			t.Errorf("%T: fast path %s, slow path %s", x, fast, slow)
		}
	}
}

type netIP [4]byte

func (ip netIP) String() string { return "ip" }
