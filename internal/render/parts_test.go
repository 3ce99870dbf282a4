package render

import (
	"reflect"
	"testing"
)

func TestMessageParts(t *testing.T) {
	lit := func(text string, off int) MessagePart { return MessagePart{Text: text, Off: off} }
	tests := []struct {
		msg  string
		want []MessagePart
	}{
		{"", nil},
		{"plain", []MessagePart{lit("plain", 0)}},
		{"{a}", []MessagePart{lit("", 0), {Field: true, Text: "{a}", Off: 0, Name: "a"}}},
		{"x {u!r:>8} y", []MessagePart{
			lit("x ", 0),
			{Field: true, Text: "{u!r:>8}", Off: 2, Name: "u", Conv: "r", Spec: ">8"},
			lit(" y", 10),
		}},
		{"{{a}} }", []MessagePart{lit("{", 0), lit("a}", 2), lit(" }", 5)}},
		{"{a[b:c]:{w}}{", []MessagePart{
			lit("", 0),
			{Field: true, Text: "{a[b:c]:{w}}", Off: 0, Name: "a[b:c]", Spec: "{w}"},
			lit("{", 12),
		}},
		{"open {a", []MessagePart{lit("open {a", 0)}},
	}
	for _, tt := range tests {
		var got []MessagePart
		for p := range MessageParts(tt.msg) {
			got = append(got, p)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("MessageParts(%q) = %+v, want %+v", tt.msg, got, tt.want)
		}
	}
}

// TestMessagePartsStops: the iterator honours a break.
func TestMessagePartsStops(t *testing.T) {
	n := 0
	for range MessageParts("a{b}c{d}e") {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Fatalf("got %d parts before the break, want 2", n)
	}
}
