package format_test

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/logru/logru/core"
	"github.com/logru/logru/format"
)

func record() *core.Record {
	r := &core.Record{
		Time:     time.Date(2018, 6, 9, 1, 2, 3, 45000, time.UTC),
		Level:    core.Level{Name: "WARNING", No: 30, Color: "<yellow><bold>"},
		Message:  "disk almost full",
		Name:     "main",
		Function: "main",
		Line:     42,
	}
	r.Extra.Set("pct", 93.5)
	return r
}

func ExampleParse() {
	t, err := format.Parse("{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {name}:{function}:{line} - {message} {extra}", nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(t.Append(nil, record(), false)))

	_, err = format.Parse("<red>{message}", nil)
	fmt.Println(err)
	// Output:
	// 2018-06-09 01:02:03.000 | WARNING  | main:main:42 - disk almost full pct=93.5
	// format: opening tag "<red>" has no corresponding closing tag (at byte 0)
}

func ExampleTemplate_Append() {
	t := format.MustParse("<level>{level}</level> {message}")
	fmt.Printf("%q\n", t.Append(nil, record(), true))
	fmt.Printf("%q\n", t.Append(nil, record(), false))
	// Output:
	// "\x1b[33m\x1b[1mWARNING\x1b[0m disk almost full"
	// "WARNING disk almost full"
}

func ExampleAppendMessage() {
	args := []slog.Attr{slog.String("user", "bob\nINFO forged"), slog.Float64("ms", 3.14159)}
	msg := format.AppendMessage(nil, "user {user} took {ms:.2f} ms, {missing} stays", args, true, false)
	fmt.Println(string(msg))
	// Output:
	// user bob\nINFO forged took 3.14 ms, {missing} stays
}

func ExampleColorize() {
	s, _ := format.Colorize("<b>1<d>2</d>3</b>", "")
	fmt.Printf("%q\n", s)
	s, _ = format.Strip(`<red>red</red> and \<escaped>`)
	fmt.Println(s)
	// Output:
	// "\x1b[1m1\x1b[2m2\x1b[0m\x1b[1m3\x1b[0m"
	// red and <escaped>
}

func ExampleJSON_Append() {
	fmt.Print(string(format.NewJSON(nil).Append(nil, record())))
	// Output:
	// {"time":"2018-06-09T01:02:03.000045+00:00","level":"WARNING","level_no":30,"message":"disk almost full","name":"main","function":"main","file":"","line":42,"extra":{"pct":93.5},"exception":null}
}

// The default format: loguru's, then the fields the message did not substitute.
func ExampleDefaultFormat() {
	t := format.MustParse(format.DefaultFormat)
	r := record()
	r.Extra.Set("disk", "/var")
	r.MessageKeys.Add("pct") // the message showed pct: "{pct}% of the disk used"
	r.Message = "93.5% of the disk used"
	fmt.Println(string(t.Append(nil, r, false)))
	r.Extra.Reset()
	fmt.Printf("%q\n", t.Append(nil, r, false))
	// Output:
	// 2018-06-09 01:02:03.000 | WARNING  | main:main:42 - 93.5% of the disk used disk=/var
	// "2018-06-09 01:02:03.000 | WARNING  | main:main:42 - 93.5% of the disk used"
}
