package encode_test

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"time"

	"github.com/logru/logru/internal/encode"
)

func ExampleAppendTextString() {
	// A forged second record and a terminal escape stay on one harmless line.
	fmt.Printf("%s\n", encode.AppendTextString(nil, "bob\nINFO admin logged in \x1b[2J"))
	// Output: bob\nINFO admin logged in \x1b[2J
}

func ExampleAppendJSONString() {
	fmt.Printf("%s\n", encode.AppendJSONString(nil, "a<b>\n\xff\u2028"))
	// Output: "a<b>\n\ufffd\u2028"
}

func ExampleAppendJSON() {
	v := slog.GroupValue(
		slog.String("user", "alice"),
		slog.Duration("took", 1500*time.Millisecond),
		slog.Float64("ratio", math.NaN()),
		slog.Any("err", errors.New("disk full")),
		slog.Any("tags", map[string]int{"b": 2, "a": 1}),
	)
	fmt.Printf("%s\n", encode.AppendJSON(nil, v))
	// Output: {"user":"alice","took":"1.5s","ratio":"NaN","err":"disk full","tags":{"a":1,"b":2}}
}

func ExampleAppendText() {
	type node struct {
		Name string
		Next *node
	}
	n := &node{Name: "loop"}
	n.Next = n
	fmt.Printf("%s\n", encode.AppendText(nil, slog.GroupValue(slog.Any("n", n), slog.Int("count", 3))))
	// Output: {n="{Name:loop Next:<cycle *encode_test.node>}" count=3}
}
