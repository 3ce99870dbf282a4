package logru_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/logru/logru"
)

// fuzzLevels are the built-in levels FuzzLog picks from.
var fuzzLevels = [...]struct {
	name string
	no   int
}{
	{"TRACE", logru.LevelTrace}, {"DEBUG", logru.LevelDebug}, {"INFO", logru.LevelInfo},
	{"SUCCESS", logru.LevelSuccess}, {"WARNING", logru.LevelWarning},
	{"ERROR", logru.LevelError}, {"CRITICAL", logru.LevelCritical},
}

// fuzzFallbackFormat replaces a fuzzed format that Add rejects.
const fuzzFallbackFormat = "<level>{level: <8}</level> | {extra} | {message}"

// The option bits of FuzzLog's mode argument.
const (
	fzSerialize = 1 << iota
	fzColorAlways
	fzColorNever // with fzColorAlways too: ColorAuto, which a bytes writer never colours
	fzOptColors
	fzOptRaw
	fzLazy
	fzBind     // k1=v1 is bound with Bind instead of passed with the call
	fzLogAttrs // LogAttrs instead of ...any
	fzThird    // pass k3=v3 too
	fzByName   // Log(name, …) instead of Info(…) and its siblings
	fzEnqueue  // the main handler has a queue
)

// fuzzRecords is how many times FuzzLog logs its record: the third call meets the
// message template compiled by the core's message cache, the first two do not.
const fuzzRecords = 3

// FuzzLog drives the whole logging path (arguments, Bind, Opt, message templates,
// format templates, colours, JSON) with hostile keys, values, message templates and
// formats, and checks the promises the documentation makes:
//
//   - nothing panics, nothing is reported to OnError, and every record is written once
//     to every handler (Stats);
//   - values and keys never forge a line: with a format and a message literal without
//     '\n', a text record is exactly one line (a raw one, no line end at all);
//   - a record's Message has every control character of the values escaped, and of its
//     literal all but '\n' and '\t' (core.Record.Message, format.AppendMessage), and is
//     valid UTF-8;
//   - without colours no escape byte is written that the format itself does not hold;
//   - a serialized record is one line of valid JSON with the documented members, its
//     extra holding the raw values, each byte that is not UTF-8 as U+FFFD;
//   - the message cache renders a template as the uncached path does.
func FuzzLog(f *testing.F) {
	type seed struct {
		msg, k1, k2, k3, v1, v2, v3 string
		n                           int64
		x                           float64
		format                      string
		mode                        uint16
		level                       uint8
	}
	seeds := []seed{
		{"user {user} logged in", "user", "tries", "ip", "alice", "3", "10.0.0.1", 42, 1.5, "", 0, 2},
		{"value {v}", "v", "w", "z", "a\nb\r\nc", "line1\nINFO fake", "\r", 1, 0, "{level} | {message} | {extra}", fzThird, 2},
		{"padded [{v:>10}] [{n:05d}] [{x:.2f}]", "v", "k", "z", "\x1b[31mred\x1b[0m", "x", "y", -7, math.Pi, "{time:YYYY} {level.no:03d} {message}", fzColorNever | fzThird, 4},
		{"{{literal}} {v} }} {{", "v", "k", "z", "{v}", "{{", "}}", 0, 0, "", fzColorNever, 3},
		{"unknown {nothere} {v}", "v", "k", "z", "x", "y", "z", 0, 0, "{message} {extra[v]} {extra[nothere]}", fzColorAlways, 1},
		{"<red>{v}</red> and <b>{k}</b>", "v", "k", "z", "<red>markup</red>", "</>", "<level>", 1, 2, "{message}", fzOptColors | fzColorAlways, 5},
		{"<red>{v}</red>", "v", "k", "z", "<red>markup</red>", "\x1b]0;title\x07", "\u202eevil", 1, 2, "", fzOptColors | fzColorNever, 6},
		{"bad utf8 {v} {k}", "v", "k", "\xff\xfe", "\xff\xfe\xfd", "ok\xc3", "\xed\xa0\x80", 1, 2, "", fzSerialize | fzThird, 2},
		{"bad spec {v:Z} {n:Z} {x:Z}", "v", "k", "z", "value", "k", "z", 5, 0.1, "{message}", 0, 2},
		{"c1 {v} {k}", "v", "k", "z", "\u0085next\u009bline", "\u2028sep\u2029", "\x00\x7f", 1, math.Inf(-1), "{extra}", fzThird, 2},
		{"keys {v}", "ke\ny", "k\x1b[2Jey", "k=\"q\" y", "v", "w", "z", 0, math.NaN(), "{extra} - {message}", fzThird, 0},
		{"raw {v}", "v", "k", "z", "a\nb", "c\rd", "e", 0, 0, "", fzOptRaw, 2},
		{"raw {v}", "v", "k", "z", "a\nb", "c\rd", "e", 0, 0, "", fzOptRaw | fzSerialize, 2},
		{"bound {v} {k}", "v", "v", "!BADKEY", "bound", "call", "bad", 0, 0, "", fzBind | fzSerialize | fzThird, 2},
		{"bound {v} {k}", "v", "k", "z", "bound\n", "call\n", "z", 0, 0, "{extra}", fzBind | fzThird, 2},
		{"lazy {v}", "v", "k", "z", "lazy\nvalue", "w", "z", 1, 1, "", fzLazy | fzLogAttrs, 2},
		{"attrs {v!r} {k!s} {z!x}", "v", "k", "z", "quote\"d\n", "s", "z", 1, 1, "", fzLogAttrs | fzByName | fzThird, 5},
		{"queued {v}", "v", "k", "z", "a\nb", "c", "d", 1, 1, "{message}", fzEnqueue, 2},
		{"{v:\x1b>12}", "v", "k", "z", "x", "y", "z", 0, 0, "", fzColorNever, 2},
		{"{v}", "v", "k", "z", "x", "y", "z", 0, 0, "{message:Z}", 0, 2},
		{"{v}", "v", "k", "z", "x", "y", "z", 0, 0, "<red>{message}", 0, 2},
		{"{v}", "", "", "", "empty key", "", "", 0, 0, "{extra}", fzThird | fzSerialize, 2},
		{"tab\there {v}", "v", "k", "z", "tab\tvalue", "y", "z", 0, 0, "{message!r} {extra[v]!r}", 0, 2},
	}
	for _, s := range seeds {
		f.Add(s.msg, s.k1, s.k2, s.k3, s.v1, s.v2, s.v3, s.n, s.x, s.format, s.mode, s.level)
	}
	f.Fuzz(func(t *testing.T, msg, k1, k2, k3, v1, v2, v3 string, n int64, x float64, fmtSrc string, mode uint16, level uint8) {
		lv := fuzzLevels[int(level)%len(fuzzLevels)]
		serialize := mode&fzSerialize != 0
		colorize := logru.ColorAuto
		switch mode & (fzColorAlways | fzColorNever) {
		case fzColorAlways:
			colorize = logru.ColorAlways
		case fzColorNever:
			colorize = logru.ColorNever
		}
		colored := colorize == logru.ColorAlways && !serialize
		opts := logru.Options{Colors: mode&fzOptColors != 0, Raw: mode&fzOptRaw != 0, Lazy: mode&fzLazy != 0}

		l := logru.New()
		defer l.Close()
		var errMu sync.Mutex
		var errs []error
		onError := func(err error) {
			errMu.Lock()
			errs = append(errs, err)
			errMu.Unlock()
		}

		// The main handler, shaped by the input.
		out := &lineBuffer{}
		h := logru.Handler{Sink: out, Level: "TRACE", Colorize: colorize, Serialize: serialize,
			Enqueue: mode&fzEnqueue != 0, OnError: onError}
		format := ""
		if !serialize {
			format = fmtSrc
		}
		h.Format = format
		if _, err := l.Add(h); err != nil {
			var ce *logru.ConfigError
			if !errors.As(err, &ce) || ce.Field != "Handler.Format" || format == "" {
				t.Fatalf("Add(Format %q) = %v; want nil or a ConfigError for Handler.Format", format, err)
			}
			format = fuzzFallbackFormat
			h.Format = format
			if _, err := l.Add(h); err != nil {
				t.Fatalf("Add(Format %q): %v", format, err)
			}
		}
		if format == "" && !serialize {
			format = "<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> | <level>{level: <8}</level> | <cyan>{name}</cyan>:<cyan>{function}</cyan>:<cyan>{line}</cyan> - <level>{message}</level>"
		}
		// A second handler shows each record's Message alone.
		msgs := &lineBuffer{}
		if _, err := l.Add(logru.Handler{Sink: msgs, Level: "TRACE", Format: "{message}", Colorize: logru.ColorNever, OnError: onError}); err != nil {
			t.Fatal(err)
		}

		// The record's fields, in the order the record's Extra should hold them.
		type field struct {
			key string
			val any // string, int64 or float64
		}
		var bound, call []field
		if mode&fzBind != 0 {
			bound = append(bound, field{k1, v1})
		} else {
			call = append(call, field{k1, v1})
		}
		call = append(call, field{k2, v2}, field{"n", n}, field{"x", x})
		if mode&fzThird != 0 {
			call = append(call, field{k3, v3})
		}
		var want []field
		bad := 0 // a bad key takes the next unused one: !BADKEY, !BADKEY2…
		for _, fd := range append(append([]field(nil), bound...), call...) {
			i := -1
			if isBadKey(fd.key) {
				if bad++; bad == 1 {
					fd.key = "!BADKEY"
				} else {
					fd.key = "!BADKEY" + strconv.Itoa(bad)
				}
			} else {
				for j := range want {
					if want[j].key == fd.key {
						i = j
					}
				}
			}
			if i >= 0 {
				want[i].val = fd.val
			} else {
				want = append(want, fd)
			}
		}

		lg := l
		if len(bound) > 0 {
			lg = lg.Bind(bound[0].key, bound[0].val)
		}
		lg = lg.Opt(opts)
		var args []any
		var attrs []slog.Attr
		for _, fd := range call {
			val := fd.val
			if opts.Lazy {
				val = func() any { return fd.val }
			}
			args = append(args, fd.key, val)
			attrs = append(attrs, slog.Any(fd.key, val))
		}
		for range fuzzRecords {
			switch {
			case mode&fzLogAttrs != 0:
				lg.LogAttrs(lv.no, msg, attrs...)
			case mode&fzByName != 0:
				lg.Log(lv.name, msg, args...)
			default:
				logByMethod(lg, lv.name, msg, args)
			}
		}
		l.Complete()

		// Every record written once to each handler, and nothing reported.
		errMu.Lock()
		for _, err := range errs {
			if strings.Contains(err.Error(), "panicked") {
				t.Errorf("logru panicked: %v", err)
			} else {
				t.Errorf("OnError: %v", err)
			}
		}
		errMu.Unlock()
		for _, s := range l.Stats() {
			if s.Records != fuzzRecords || s.Errors != 0 || s.Dropped != 0 {
				t.Errorf("Stats: %+v; want %d records, no errors, none dropped", s, fuzzRecords)
			}
		}
		lines, mlines := out.Lines(), msgs.Lines()
		if len(lines) != fuzzRecords || len(mlines) != fuzzRecords {
			t.Fatalf("%d writes to the main handler and %d to the message handler; want %d each", len(lines), len(mlines), fuzzRecords)
		}

		// The message: escaped, valid UTF-8, the same from the cache as without it.
		message := mlines[0]
		if !opts.Raw {
			var ok bool
			if message, ok = strings.CutSuffix(message, "\n"); !ok {
				t.Fatalf("message line %q does not end with a newline", mlines[0])
			}
		}
		for i, m := range mlines[1:] {
			if m != mlines[0] {
				t.Errorf("record %d's message %q differs from the first's %q", i+2, m, mlines[0])
			}
		}
		checkMessageEscaped(t, message, msg)

		literalNL := strings.ContainsAny(msg, "\n")
		for i, line := range lines {
			if !colored && strings.IndexByte(line, 0x1b) >= 0 && !strings.Contains(format, "\x1b") {
				t.Errorf("record %d: an escape byte without colours: %q", i+1, line)
			}
			switch {
			case serialize:
				checkJSONLine(t, line, lv.name, lv.no, message, func(got []jsonMember) {
					if len(got) != len(want) {
						t.Errorf("extra has %d members %v; want %d %v", len(got), got, len(want), want)
						return
					}
					for j, w := range want {
						if got[j].key != validUTF8(w.key) || !jsonValueIs(got[j].val, w.val) {
							t.Errorf("extra member %d = %q: %#v; want %q: %#v", j, got[j].key, got[j].val, validUTF8(w.key), w.val)
						}
					}
				})
			case opts.Raw:
				if !literalNL && strings.Contains(line, "\n") {
					t.Errorf("record %d: a raw record of a message without newlines holds one: %q", i+1, line)
				}
				if !colored && line != message {
					t.Errorf("record %d: raw record %q; want the message %q", i+1, line, message)
				}
			default:
				if !literalNL && !strings.Contains(format, "\n") {
					if strings.Count(line, "\n") != 1 || !strings.HasSuffix(line, "\n") {
						t.Errorf("record %d: %q is not one line", i+1, line)
					}
				}
				if utf8.ValidString(format) && !utf8.ValidString(line) {
					t.Errorf("record %d: %q is not valid UTF-8", i+1, line)
				}
			}
		}
	})
}

// logByMethod logs through the method named after the level: Info, Warning…
func logByMethod(l *logru.Logger, level, msg string, args []any) {
	switch level {
	case "TRACE":
		l.Trace(msg, args...)
	case "DEBUG":
		l.Debug(msg, args...)
	case "INFO":
		l.Info(msg, args...)
	case "SUCCESS":
		l.Success(msg, args...)
	case "WARNING":
		l.Warning(msg, args...)
	case "ERROR":
		l.Error(msg, args...)
	case "CRITICAL":
		l.Critical(msg, args...)
	}
}

// checkMessageEscaped checks a record's Message against format.AppendMessage's promise:
// values have every control character escaped, the literal all but '\n' and '\t'; and
// the result is valid UTF-8. Line and paragraph separators, bidi controls and C1
// controls count as control characters (see internal/encode).
func checkMessageEscaped(t *testing.T, message, literal string) {
	t.Helper()
	if !utf8.ValidString(message) {
		t.Errorf("message %q is not valid UTF-8", message)
	}
	for _, r := range message {
		switch {
		case r == '\n' && strings.Contains(literal, "\n"), r == '\t' && strings.Contains(literal, "\t"):
		case r < 0x20, r >= 0x7f && r <= 0x9f, r >= 0x2028 && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Errorf("message %q holds an unescaped %U", message, r)
			return
		}
	}
}

type jsonMember struct {
	key string
	val any
}

// checkJSONLine checks one serialized record: one line, valid JSON, the members of
// API.md's schema with the record's values, and hands extra's members, in order, to
// checkExtra.
func checkJSONLine(t *testing.T, line, level string, levelNo int, message string, checkExtra func([]jsonMember)) {
	t.Helper()
	if strings.Count(line, "\n") != 1 || !strings.HasSuffix(line, "\n") {
		t.Errorf("serialized record %q is not one line", line)
		return
	}
	if !json.Valid([]byte(line)) || !utf8.ValidString(line) {
		t.Errorf("serialized record %q is not valid JSON", line)
		return
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(line), &obj); err != nil {
		t.Errorf("serialized record %q: %v", line, err)
		return
	}
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	if len(obj) != 10 {
		t.Errorf("serialized record has members %q; want time, level, level_no, message, name, function, file, line, extra, exception", keys)
	}
	str := func(name string) string {
		var s string
		if err := json.Unmarshal(obj[name], &s); err != nil {
			t.Errorf("%s = %s: %v", name, obj[name], err)
		}
		return s
	}
	if s := str("time"); s == "" {
		t.Errorf("time is empty")
	}
	if s := str("level"); s != level {
		t.Errorf("level = %q; want %q", s, level)
	}
	if s := string(obj["level_no"]); s != strconv.Itoa(levelNo) {
		t.Errorf("level_no = %s; want %d", s, levelNo)
	}
	if s := str("message"); s != message {
		t.Errorf("message = %q; want %q", s, message)
	}
	if s := str("file"); s != "fuzz_log_test.go" {
		t.Errorf("file = %q; want fuzz_log_test.go", s)
	}
	if s := str("name"); s != "github.com/logru/logru_test" {
		t.Errorf("name = %q; want github.com/logru/logru_test", s)
	}
	str("function")
	if n, err := strconv.Atoi(string(obj["line"])); err != nil || n <= 0 {
		t.Errorf("line = %s; want a positive number", obj["line"])
	}
	if s := string(obj["exception"]); s != "null" {
		t.Errorf("exception = %s; want null", s)
	}
	dec := json.NewDecoder(bytes.NewReader(obj["extra"]))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Errorf("extra = %s; want an object", obj["extra"])
		return
	}
	var members []jsonMember
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Errorf("extra = %s: %v", obj["extra"], err)
			return
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Errorf("extra = %s: %v", obj["extra"], err)
			return
		}
		members = append(members, jsonMember{tok.(string), v})
	}
	if _, err := dec.Token(); err != nil {
		t.Errorf("extra = %s: %v", obj["extra"], err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Errorf("extra = %s: trailing data", obj["extra"])
	}
	checkExtra(members)
}

// validUTF8 is s as JSON decodes its encoding: each byte that is not part of valid
// UTF-8 is U+FFFD.
func validUTF8(s string) string { return string([]rune(s)) }

// jsonValueIs reports whether the decoded JSON value got stands for the logged value
// want: a string with its bad bytes as U+FFFD, an integer exactly, a float as the
// shortest form that reads back as the same number, NaN and infinities as strings.
func jsonValueIs(got, want any) bool {
	switch w := want.(type) {
	case string:
		return got == validUTF8(w)
	case int64:
		num, ok := got.(json.Number)
		return ok && string(num) == strconv.FormatInt(w, 10)
	case float64:
		switch {
		case math.IsNaN(w):
			return got == "NaN"
		case math.IsInf(w, 1):
			return got == "+Inf"
		case math.IsInf(w, -1):
			return got == "-Inf"
		}
		num, ok := got.(json.Number)
		if !ok {
			return false
		}
		g, err := strconv.ParseFloat(string(num), 64)
		return err == nil && g == w
	}
	return false
}

// isBadKey reports whether key is reserved for values without a valid key: "!BADKEY",
// or it followed by digits.
func isBadKey(key string) bool {
	rest, ok := strings.CutPrefix(key, "!BADKEY")
	return ok && strings.Trim(rest, "0123456789") == ""
}
