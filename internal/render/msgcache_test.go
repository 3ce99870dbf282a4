package render

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/logru/logru/core"
)

// checkCache renders msg with args through a MessageCache until it is compiled, into
// destinations of every spare capacity from 0 to 40 bytes after a prefix, and compares
// each rendering, and the keys it records, with AppendMessageKeys (the scanner's path).
func checkCache(t *testing.T, msg string, args []slog.Attr) {
	t.Helper()
	var wantKeys core.Keys
	want := AppendMessageKeys(nil, msg, args, true, false, &wantKeys)
	var c MessageCache
	c.Append(nil, msg, args) // seen; the next use compiles it
	const prefix = "pre:"
	for spare := 0; spare <= 40; spare++ {
		dst := make([]byte, len(prefix), len(prefix)+spare)
		copy(dst, prefix)
		var keys core.Keys
		got := c.AppendKeys(dst, msg, args, &keys)
		if !bytes.HasPrefix(got, []byte(prefix)) || !bytes.Equal(got[len(prefix):], want) {
			t.Fatalf("MessageCache(%q, %v), spare %d:\n got %q\nwant %q", msg, args, spare, got, prefix+string(want))
		}
		if keys.Len() != wantKeys.Len() {
			t.Fatalf("MessageCache(%q, %v): %d keys, AppendMessageKeys %d", msg, args, keys.Len(), wantKeys.Len())
		}
		for _, a := range args {
			if keys.Has(a.Key) != wantKeys.Has(a.Key) {
				t.Fatalf("MessageCache(%q, %v): key %q: %v, AppendMessageKeys %v", msg, args, a.Key, keys.Has(a.Key), wantKeys.Has(a.Key))
			}
		}
	}
}

// The fast path (every placeholder bare and named by 1 to 16 bytes) renders as the
// scanner does: short literals and short printable strings copied as words, keys
// compared as words, whatever the destination's spare capacity.
func TestMessageCacheFast(t *testing.T) {
	strs := []string{"", "a", "ab", "abc", "abcd", "abcde", "alice", "abcdefg", "10.0.0.1", "abcdefghi",
		"abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "a b c d e f g h i j k l m n o p q r s",
		"~", " ", "\x7f", "a\x1f", "é", "abcdéfgh", "abc\n", "\x00\x00\x00\x00\x00\x00\x00\x00", "abcdefghijklmno\x80",
		"\x1babcdefghijklmn", "abcdefg\tijklmnop", "\u202e", "a\u202eb", "{user}", "}{"}
	ints := []int64{0, 1, 9, 10, 42, 99, 100, 12345, -1, -9, -10, 1 << 62, -1 << 63}
	msgs := []string{
		"user {user} logged in from {ip} after {tries} tries",
		"{user}", "{user}{user}", "{v}", "{v} and {v!s}", "x{v}y", "{missing} {v}", "{a}{b}{c}",
		"a long literal of more than sixteen bytes {v} and another long literal after it",
		"{abcdefghijklmnop} {abcdefghijklmnopq}", "{ip} {ab} {abcdefgh} {abcdefghi}", "pre\t{v}\npost",
		"\x1b{v}\x1b", "{{ {v} }}", "{v}{{",
	}
	for _, msg := range msgs {
		for _, s := range strs {
			checkCache(t, msg, []slog.Attr{slog.String("v", s), slog.String("user", s), slog.String("ip", "10.0.0.1"), slog.Int("tries", 3)})
		}
		for _, n := range ints {
			checkCache(t, msg, []slog.Attr{slog.Int64("v", n), slog.Int64("user", n), slog.Int64("tries", n)})
		}
	}
	// Values of every kind, LogValuers, repeated keys (the last one counts) and keys
	// that share a length, a prefix or a suffix with a placeholder's name.
	others := []slog.Attr{slog.Uint64("v", 7), slog.Float64("v", 0.1), slog.Bool("v", true),
		slog.Duration("v", 1500*time.Millisecond), slog.Time("v", time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)),
		slog.Any("v", secretValuer{}), slog.Group("v", slog.Int("x", 1)), slog.Any("v", errors.New("x}{y")),
		slog.Any("v", nil), slog.Any("v", []string{"a"}), slog.Any("v", slog.StringValue("s"))}
	for _, msg := range msgs {
		for _, a := range others {
			checkCache(t, msg, []slog.Attr{a})
			checkCache(t, msg, []slog.Attr{slog.String("v", "first"), a, slog.String("w", "x")})
			checkCache(t, msg, []slog.Attr{a, slog.String("v", "last")})
		}
	}
	near := []string{"u", "us", "use", "usr", "user", "usex", "xser", "users", "ip", "iq", "pi", "abcdefgh",
		"abcdefgx", "xbcdefgh", "abcdefghi", "abcdefghx", "abcdxfghi", "abcdefghijklmnop", "abcdefghijklmnox",
		"abcdefgxijklmnop", "abcdefghijklmnopq", "a", "b", "c", "ab", "bb"}
	for _, msg := range msgs {
		for _, k := range near {
			checkCache(t, msg, []slog.Attr{slog.String(k, "K"), slog.Int("tries", 3)})
			checkCache(t, msg, []slog.Attr{slog.String("user", "U"), slog.String(k, "K")})
		}
	}
}

// keyWords and the length tell keys apart: two keys of one length pack alike exactly
// when they are equal.
func TestKeyWords(t *testing.T) {
	var keys []string
	for n := 1; n <= maxKeyWords; n++ {
		base := strings.Repeat("k", n)
		keys = append(keys, base)
		for i := range n { // every position changed, once
			keys = append(keys, base[:i]+"x"+base[i+1:])
		}
	}
	for _, a := range keys {
		for _, b := range keys {
			if len(a) != len(b) {
				continue
			}
			checkKeyWords(t, a, b)
		}
	}
}

// checkKeyWords fails t when keyWords tells a and b (of one length) apart wrongly: equal
// words for different keys, or different words for equal ones.
func checkKeyWords(t *testing.T, a, b string) {
	t.Helper()
	a1, a2 := keyWords(a)
	b1, b2 := keyWords(b)
	if (a1 == b1 && a2 == b2) != (a == b) {
		t.Errorf("keyWords(%q) = %x %x, keyWords(%q) = %x %x", a, a1, a2, b, b1, b2)
	}
}

func FuzzKeyWords(f *testing.F) {
	f.Add("user", "usex")
	f.Add("abcdefghijklmnop", "abcdefghijklmnoq")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) != len(b) || len(a) == 0 || len(a) > maxKeyWords {
			return
		}
		checkKeyWords(t, a, b)
	})
}

// The compiled template, fast path or not, renders as the scanner does, with any
// message, keys, string and integer, into a destination of any spare capacity.
func FuzzMessageCacheFast(f *testing.F) {
	f.Add("user {user} logged in from {ip} after {tries} tries", "user", "alice", int64(3), uint8(0))
	f.Add("{k} {k!s} {kk}", "kk", "a\x1bb", int64(-7), uint8(17))
	f.Add("{abcdefghijklmnop}", "abcdefghijklmnop", "abcdefghijklmnop", int64(10), uint8(3))
	f.Fuzz(func(t *testing.T, msg, key, val string, n int64, spare uint8) {
		args := []slog.Attr{slog.String(key, val), slog.Int64("tries", n), slog.String("ip", val), slog.Int64(key+"2", n)}
		want := string(AppendMessage(nil, msg, args, true, false))
		var c MessageCache
		c.Append(nil, msg, args) // seen
		for _, sp := range []int{int(spare), int(spare % 20)} {
			dst := make([]byte, 3, 3+sp)
			copy(dst, "pre")
			if got := string(c.Append(dst, msg, args)); got != "pre"+want {
				t.Fatalf("MessageCache(%q, %v), spare %d = %q, AppendMessage gives %q", msg, args, sp, got, want)
			}
		}
	})
}

// BenchmarkMessageCacheKinds renders a template of several kinds of values.
func BenchmarkMessageCacheKinds(b *testing.B) {
	args := []slog.Attr{slog.String("user", "a user with a long name"), slog.Int("n", 12345),
		slog.Float64("f", 1.5), slog.Bool("ok", true), slog.String("q", "needs\nescaping")}
	buf := make([]byte, 0, 256)
	var c MessageCache
	b.ReportAllocs()
	for b.Loop() {
		buf = c.Append(buf[:0], "{user} {n} {f} {ok} {q}", args)
	}
}

// The templates the tests above mean to render through appendFast do take it.
func TestMessageCacheFastTaken(t *testing.T) {
	for msg, fast := range map[string]bool{
		"user {user} logged in from {ip} after {tries} tries": true,
		"{v} and {v!s}":       true,
		"{abcdefghijklmnop}":  true,
		"{abcdefghijklmnopq}": false, // a name longer than 16 bytes
		"{v:>5}":              false, // a spec
		"{v!r}":               false,
		"{v!x}":               false, // an invalid conversion
		"{}":                  false,
		"no placeholder {{}}": false,
	} {
		if got := compileMessage(msg).fast != nil; got != fast {
			t.Errorf("compileMessage(%q): fast %v, want %v", msg, got, fast)
		}
	}
}
