package render

import (
	"encoding/json"
	"errors"
	"log/slog"
	"math"
	"testing"
	"time"

	"github.com/logru/logru/core"
)

func TestJSON(t *testing.T) {
	r := fixedRecord()
	r.Time = time.Date(2026, 3, 26, 14, 30, 0, 123456000, time.FixedZone("", 3600))
	r.Extra.Set("nan", math.NaN())
	r.Extra.Set("bad", "a\xffb")
	r.Extra.Set("group", slog.GroupValue(slog.Int("x", 1)))
	line := string(NewJSON(nil).Append(nil, r))
	want := `{"time":"2026-03-26T14:30:00.123456+01:00","level":"WARNING","level_no":30,"message":"disk almost full","name":"github.com/acme/shop/db","function":"(*Conn).Query","file":"conn.go","line":42,"extra":{"user":"alice","n":3,"nan":"NaN","bad":"a\ufffdb","group":{"x":1}},"exception":null}` + "\n"
	if line != want {
		t.Errorf("got  %s\nwant %s", line, want)
	}
	if !json.Valid([]byte(line)) {
		t.Errorf("not valid JSON: %s", line)
	}
}

func TestJSONZeroTimeAndException(t *testing.T) {
	r := &core.Record{Level: info, Message: "m"}
	r.Exception = core.NewException(errors.Join(errors.New("a")))
	r.Exception.Stack = []core.Frame{{Function: "main.main", File: "/m.go", Line: 3}}
	line := NewJSON(nil).Append(nil, r)
	var got map[string]any
	if err := json.Unmarshal(line, &got); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
	if got["time"] != nil {
		t.Errorf("zero time = %v, want null", got["time"])
	}
	exc := got["exception"].(map[string]any)
	if exc["type"] != "error" || exc["value"] != "a" {
		t.Errorf("exception = %v", exc)
	}
	if chain := exc["chain"].([]any); len(chain) != 1 {
		t.Errorf("chain = %v", chain)
	}
	if stack := exc["stack"].([]any); len(stack) != 1 || stack[0].(map[string]any)["line"] != 3.0 {
		t.Errorf("stack = %v", stack)
	}
}
