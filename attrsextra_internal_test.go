package logru

import (
	"bytes"
	"errors"
	"log/slog"
	"regexp"
	"testing"
	"time"
)

// logAt logs one LogAttrs record from one line, whichever the logger.
func logAt(l *Logger, msg string, attrs []slog.Attr) { l.LogAttrs(LevelInfo, msg, attrs...) }

// jsonTime matches the time member of a JSON line, which differs between two records.
var jsonTime = regexp.MustCompile(`"time":"[^"]*"`)

type adoptValuer struct{}

func (adoptValuer) LogValue() slog.Value { return slog.StringValue("resolved") }

// The fields of a LogAttrs call stored straight into the record's Extra (attrsToExtra)
// give byte for byte the lines of the plain path, which a no-op patcher forces, in every
// format kind and with the message rendered from the arguments; the fast path is taken
// exactly when its conditions hold.
func TestAttrsToExtraMatchesPlainPath(t *testing.T) {
	at := time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)
	cases := []struct {
		name  string
		msg   string
		attrs []slog.Attr
		fast  bool // attrsToExtra takes the call
	}{
		{"ten kinds", "ten {string} {int}", []slog.Attr{slog.Int("int", 1), slog.String("string", "two"),
			slog.Bool("bool", true), slog.Float64("float", 4.5), slog.Time("time", at),
			slog.Any("strings", []string{"a", "b"}), slog.Any("error", errors.New("refused")),
			slog.Duration("dur", 1500*time.Millisecond), slog.Any("stringer", time.Monday),
			slog.Uint64("u", 7)}, true},
		{"repeated key", "k={k}", []slog.Attr{slog.Int("k", 1), slog.String("x", "y"), slog.Int("k", 2)}, true},
		{"escaped key and value", "{a\"b}", []slog.Attr{slog.String("a\"b", "line\nbreak\x1b[31m")}, true},
		{"bad key", "m", []slog.Attr{slog.Int("!BADKEY", 1), slog.Int("!BADKEY7", 2)}, false},
		{"empty key", "m", []slog.Attr{slog.Int("", 1), slog.Int("a", 2)}, false},
		{"log valuer", "{v}", []slog.Attr{slog.Any("v", adoptValuer{})}, false},
		{"group", "m", []slog.Attr{slog.Group("g", slog.Int("a", 1), slog.Any("v", adoptValuer{}))}, false},
		{"no fields", "plain", nil, false},
	}
	formats := []Handler{
		{Serialize: true},
		{Format: "{level} {message} {extra}", Colorize: ColorNever},
		{Format: "{level} {message}{fields} [{extra[k]}]", Colorize: ColorNever},
		{Format: "<red>{message}</red> {extra}", Colorize: ColorAlways},
	}
	for _, c := range cases {
		for fi, h := range formats {
			for _, colors := range []bool{false, true} {
				var fastBuf, plainBuf bytes.Buffer
				l := New()
				h.Sink = &fastBuf
				h.Level = "INFO"
				if _, err := l.Add(h); err != nil {
					t.Fatal(err)
				}
				logAt(l.Opt(Options{Colors: colors}), c.msg, c.attrs)
				p := New()
				h.Sink = &plainBuf
				if _, err := p.Add(h); err != nil {
					t.Fatal(err)
				}
				logAt(p.Opt(Options{Colors: colors}).Patch(func(*Record) {}), c.msg, c.attrs)
				fast, plain := jsonTime.ReplaceAll(fastBuf.Bytes(), nil), jsonTime.ReplaceAll(plainBuf.Bytes(), nil)
				if len(fast) == 0 || !bytes.Equal(fast, plain) {
					t.Errorf("%s, format %d, colors %v:\nfast  %q\nplain %q", c.name, fi, colors, fast, plain)
				}
				e := getEntry()
				if got := l.attrsToExtra(e, l.core.state.Load(), c.attrs); got != c.fast {
					t.Errorf("%s: attrsToExtra = %v, want %v", c.name, got, c.fast)
				}
				putEntry(e)
				l.Close()
				p.Close()
			}
		}
	}
}

// A pooled entry whose args viewed the record's Extra gets its own storage back: the
// next record's fields, merged after base fields, do not overwrite its arguments.
func TestAttrsToExtraEntryReuse(t *testing.T) {
	var buf bytes.Buffer
	l := New()
	if _, err := l.Add(Handler{Format: "{message} {extra}", Sink: &buf, Level: "INFO", Colorize: ColorNever}); err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	b := l.Bind("base", 0)
	for i := range 3 {
		buf.Reset()
		l.LogAttrs(LevelInfo, "a={a}", slog.Int("a", i))
		b.LogAttrs(LevelInfo, "b={b}", slog.Int("b", i))
		want := "a=" + string(rune('0'+i)) + " a=" + string(rune('0'+i)) + "\n" +
			"b=" + string(rune('0'+i)) + " base=0 b=" + string(rune('0'+i)) + "\n"
		if buf.String() != want {
			t.Errorf("round %d: %q, want %q", i, buf.String(), want)
		}
	}
}
