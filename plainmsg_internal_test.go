package logru

import (
	"strings"
	"testing"
)

// isPlain (a word at a time) agrees with plainBytes (a byte at a time) for every byte
// value at every position of a message, before, across and after a word boundary,
// with and without arguments.
func TestIsPlainMatchesBytewise(t *testing.T) {
	for _, base := range []string{"", "a", "the quick brown fox", strings.Repeat("x", 24), "{x}\n\t{{", "tab\there{x}"} {
		for pos := 0; pos <= len(base); pos++ {
			for c := range 256 {
				msg := base[:pos] + string([]byte{byte(c)}) + base[pos:]
				for _, hasArgs := range []bool{false, true} {
					if got, want := isPlain(msg, hasArgs), plainBytes(msg, hasArgs); got != want {
						t.Fatalf("isPlain(%q, %v) = %v, byte by byte %v", msg, hasArgs, got, want)
					}
				}
			}
		}
	}
	for _, tt := range []struct {
		msg           string
		plain, noArgs bool // with arguments, without
	}{
		{"the quick brown fox", true, true},
		{"line\nbreak\tand tab, long enough", true, true},
		{"user {user} logged in", false, true},
		{"a DEL \x7f here, past a word", false, false},
		{"caf\u00e9 is not ASCII, past a word", false, false},
		{"a bell \a rings, past a word", false, false},
	} {
		if got := isPlain(tt.msg, true); got != tt.plain {
			t.Errorf("isPlain(%q, true) = %v", tt.msg, got)
		}
		if got := isPlain(tt.msg, false); got != tt.noArgs {
			t.Errorf("isPlain(%q, false) = %v", tt.msg, got)
		}
	}
}

func BenchmarkIsPlain(b *testing.B) {
	for _, msg := range []string{"the quick brown fox", "user {user} logged in from {ip} after {tries} tries"} {
		b.Run(msg[:4], func(b *testing.B) {
			for b.Loop() {
				isPlain(msg, false)
			}
		})
		b.Run(msg[:4]+"/bytewise", func(b *testing.B) {
			for b.Loop() {
				plainBytes(msg, false)
			}
		})
		b.Run(msg[:4]+"/args", func(b *testing.B) {
			for b.Loop() {
				isPlain(msg, true)
			}
		})
	}
}
