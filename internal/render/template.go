package render

import (
	"log/slog"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/pyfmt"
	"github.com/logru/logru/internal/timefmt"
)

// DefaultFormat is logru's default format: loguru's ([LoguruFormat]) followed by the
// record's fields that the message did not show, dimmed:
//
//	2026-03-26 14:30:00.123 | INFO     | main:main:42 - charged 42.5 order=A-17 user=alice
//
// With no such field the line ends at the message, with no trailing space. With colours
// on, the <dim> codes are written even then (invisible, as loguru writes the codes of
// any tag around an empty value).
const DefaultFormat = LoguruFormat + "<dim>{fields}</dim>"

// LoguruFormat is loguru's default format, byte for byte: time, padded level, caller and
// message, coloured when colours are on.
const LoguruFormat = "<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> | <level>{level: <8}</level> | <cyan>{name}</cyan>:<cyan>{function}</cyan>:<cyan>{line}</cyan> - <level>{message}</level>"

type fieldKind uint8

const (
	fTime fieldKind = iota
	fLevel
	fLevelNo
	fLevelIcon
	fMessage
	fName
	fModule
	fFunction
	fFile
	fFilePath
	fLine
	fProcessID
	fProcessName
	fGoroutine
	fElapsed
	fExtra
	fExtraKey
	fFields
	fException
)

// fieldNames maps every field a format may name to its kind.
var fieldNames = [...]struct {
	name string
	kind fieldKind
}{
	{"time", fTime},
	{"level", fLevel}, {"level.name", fLevel}, {"level.no", fLevelNo}, {"level.icon", fLevelIcon},
	{"message", fMessage},
	{"name", fName}, {"module", fModule}, {"function", fFunction},
	{"file", fFile}, {"file.name", fFile}, {"file.path", fFilePath}, {"line", fLine},
	{"process", fProcessID}, {"process.id", fProcessID}, {"process.name", fProcessName},
	{"goroutine", fGoroutine}, {"elapsed", fElapsed},
	{"extra", fExtra}, {"fields", fFields}, {"exception", fException},
}

type opKind uint8

const (
	opText       opKind = iota // literal text, or escape codes in the colour program
	opLevelColor               // the record's level colour (colour program only)
	opField                    // a record field
	// The fields most formats show, dispatched without appendField's call (see
	// specialize); each writes what appendField writes for it.
	opTime      // {time}, with any spec
	opLevelName // {level} without a spec or !r
	opMessage   // {message} without a spec or !r: appendField's only with a ColoredMessage
	opException // {exception}: nothing without an exception
)

// ctok is a colour that is open at some point of a template: fixed codes or the level's.
type ctok struct {
	ansi  string
	level bool
}

type op struct {
	kind    opKind
	text    string
	field   fieldKind
	key     string // fExtraKey
	raw     string // the field as written
	conv    string
	hasSpec bool
	spec    pyfmt.Spec
	time    *timefmt.Format
	outer   []ctok // fMessage: the colours open around the message
}

// Options describes the process a template renders records for, the values of
// {process.id} and {process.name} (format never asks the operating system itself), and
// how {exception} renders. The zero Options is valid.
type Options struct {
	PID         int              // {process} and {process.id}; 0 writes 0
	ProcessName string           // {process.name}; "" writes nothing
	Exception   ExceptionOptions // how {exception} renders; the zero value shows the caught frames
}

// Template is a compiled format template. It is immutable after [Parse] (but for an
// internal cache) and safe for concurrent use.
type Template struct {
	src          string
	plain, color []op
	proc         Options
	needs        Needs
	forms        uint8 // 1<<form for each Prefix form the template writes
	levels       atomic.Pointer[[]levelEntry]
}

// Needs says which costly record fields a template reads, so the logger can skip
// capturing what no handler shows.
type Needs struct {
	Caller    bool // name, module, function, file, line
	Goroutine bool // goroutine: the goroutine id, which costs a stack read
}

// Parse compiles a format template: literal text with colour markup, and {field} or
// {field:spec} placeholders naming record fields (see the package documentation). It
// returns a *SyntaxError for unknown fields, bad specs and unknown, unbalanced or
// unclosed tags. opts may be nil.
func Parse(s string, opts *Options) (*Template, error) {
	t := &Template{src: s}
	if opts != nil {
		t.proc = *opts
	}
	var open []mtoken
	var colors []ctok
	sc := fscanner{s: s, strict: true}
	for {
		lit, hasField, ok := sc.next()
		if !ok {
			break
		}
		lx := mlexer{s: lit}
		for tok, ok := lx.next(); ok; tok, ok = lx.next() {
			tok.off += sc.litOff
			switch tok.kind {
			case mText:
				t.emit(op{kind: opText, text: tok.text}, true)
			case mOpen:
				c := ctok{level: isLevelTag(tok.text)}
				if !c.level {
					code, ok := appendTagCode(nil, tok.text)
					if !ok {
						return nil, errUnknownTag(tok)
					}
					c.ansi = string(code)
				}
				open = append(open, tok)
				colors = append(colors, c)
				t.emitColor(c)
			case mClose:
				if err := closes(open, tok); err != nil {
					return nil, err
				}
				open, colors = open[:len(open)-1], colors[:len(colors)-1]
				t.emitColor(ctok{ansi: reset})
				for _, c := range colors {
					t.emitColor(c)
				}
			}
		}
		if hasField {
			o, err := t.compileField(sc.field)
			if err != nil {
				return nil, err
			}
			if o.field == fMessage {
				o.outer = append([]ctok(nil), colors...)
			}
			t.emit(o, true)
		}
	}
	if sc.err != nil {
		return nil, sc.err
	}
	if len(open) > 0 {
		return nil, errUnclosed(open[0])
	}
	t.plain, t.color = specialize(merge(t.plain)), specialize(merge(t.color))
	return t, nil
}

// MustParse is like [Parse] but panics on error. It is meant for templates written in
// the program's source, in package-level variables and tests.
func MustParse(s string) *Template {
	t, err := Parse(s, nil)
	if err != nil {
		panic(err)
	}
	return t
}

func (t *Template) emit(o op, both bool) {
	t.plain = append(t.plain, o)
	if both {
		t.color = append(t.color, o)
	}
}

func (t *Template) emitColor(c ctok) {
	if c.level {
		t.color = append(t.color, op{kind: opLevelColor})
	} else {
		t.color = append(t.color, op{kind: opText, text: c.ansi})
	}
}

// merge joins adjacent text operations and drops empty ones.
func merge(ops []op) []op {
	out := ops[:0]
	for _, o := range ops {
		if o.kind == opText {
			if o.text == "" {
				continue
			}
			if n := len(out); n > 0 && out[n-1].kind == opText {
				out[n-1].text += o.text
				continue
			}
		}
		out = append(out, o)
	}
	return out
}

// specialize gives the fields that need neither a spec nor a conversion an op kind of
// their own, which AppendEncoded writes without calling appendField.
func specialize(ops []op) []op {
	for i := range ops {
		o := &ops[i]
		if o.kind != opField {
			continue
		}
		bare := !o.hasSpec && o.conv != "r" // a string written as it is
		switch {
		case o.field == fTime:
			o.kind = opTime
		case o.field == fLevel && bare:
			o.kind = opLevelName
		case o.field == fMessage && bare:
			o.kind = opMessage
		case o.field == fException:
			o.kind = opException
		}
	}
	return ops
}

func (t *Template) compileField(f rawField) (op, error) {
	o := op{kind: opField, raw: f.raw, conv: f.conv}
	found := false
	for _, fn := range fieldNames {
		if fn.name == f.name {
			o.field, found = fn.kind, true
			break
		}
	}
	if !found {
		key, ok := strings.CutPrefix(f.name, "extra[")
		if !ok || !strings.HasSuffix(key, "]") {
			return op{}, syntaxErrorf(f.off, "unknown field "+strconv.Quote(f.raw)+"; fields are time, level, level.no, level.icon, message, name, module, function, file, file.path, line, process, process.id, process.name, goroutine, elapsed, extra, extra[key], fields, exception")
		}
		o.field, o.key = fExtraKey, key[:len(key)-1]
	}
	switch f.conv {
	case "", "r", "s":
	default:
		return op{}, syntaxErrorf(f.off, "unknown conversion "+strconv.Quote("!"+f.conv)+" in "+strconv.Quote(f.raw)+"; use !r or !s")
	}
	switch o.field {
	case fTime:
		tf, err := timefmt.Compile(f.spec)
		if err != nil {
			return op{}, syntaxErrorf(f.off, err.Error())
		}
		o.time = tf
		return o, nil
	case fName, fModule, fFunction, fFile, fFilePath, fLine:
		t.needs.Caller = true
	case fGoroutine:
		t.needs.Goroutine = true
	case fExtra:
		t.forms |= 1 << formExtra
	case fFields:
		t.forms |= 1 << formFields
	case fExtraKey:
		t.forms |= 1 << formValues
	}
	if f.spec != "" {
		if strings.ContainsAny(f.spec, "{}") {
			return op{}, syntaxErrorf(f.off, "nested fields in a format spec are not supported: "+strconv.Quote(f.raw))
		}
		sp, err := pyfmt.Parse(f.spec)
		if err != nil {
			return op{}, syntaxErrorf(f.off, "bad format spec in "+strconv.Quote(f.raw)+": "+err.Error())
		}
		o.spec, o.hasSpec = sp, true
	}
	return o, nil
}

// String returns the template's source.
func (t *Template) String() string { return t.src }

// Needs reports which costly record fields the template reads.
func (t *Template) Needs() Needs { return t.needs }

// ColoredMessage carries what a template needs to colour a message logged with markup
// (logru's Options.Colors): the message template as logged and its arguments. Plain is
// the message rendered without colours; when the record's Message differs from it (a
// patcher changed it), the record's Message is written instead.
type ColoredMessage struct {
	Template string      // the message as logged, markup and placeholders included
	Args     []slog.Attr // the call's arguments, read during Append only
	Fields   bool        // whether placeholders are substituted (the call had arguments)
	Plain    string      // the message rendered without colours
}

// Append appends r rendered by t to dst and returns the extended buffer. With color,
// markup becomes ANSI escape codes; without, it is left out. msg is nil unless the
// message itself holds markup to colour. Append does not retain dst or r.
func (t *Template) Append(dst []byte, r *core.Record, color bool, msg *ColoredMessage) []byte {
	return t.AppendEncoded(dst, r, color, msg, nil, 0)
}

// AppendEncoded is [Template.Append] with a run of the record's fields rendered in
// advance: p, when not nil, stands for the fields of r.Extra from index at on, which
// the caller vouches are p's own, unchanged. {extra} and {fields} copy p's bytes for
// them, and {extra[key]} writes p's text of a bound value that could have changed
// since (a slice, an error, a Stringer…), so that every part of a line shows the same
// snapshot. The output is otherwise Append's.
func (t *Template) AppendEncoded(dst []byte, r *core.Record, color bool, msg *ColoredMessage, p *Prefix, at int) []byte {
	ops := t.plain
	if color {
		ops = t.color
	}
	for i := range ops {
		o := &ops[i]
		switch o.kind {
		case opText:
			if len(o.text) == 1 { // a separator or the newline: no memmove call
				dst = append(dst, o.text[0])
			} else {
				dst = append(dst, o.text...)
			}
		case opTime:
			dst = o.time.Append(dst, r.Time)
		case opLevelName:
			dst = append(dst, r.Level.Name...)
		case opMessage:
			if msg == nil {
				dst = append(dst, r.Message...)
			} else {
				dst = t.appendField(dst, o, r, color, msg, p, at)
			}
		case opException:
			if r.Exception != nil {
				dst = AppendException(dst, r.Exception, color, t.proc.Exception)
			}
		case opLevelColor:
			dst = append(dst, t.levelANSI(r.Level)...)
		default:
			dst = t.appendField(dst, o, r, color, msg, p, at)
		}
	}
	return dst
}

func (t *Template) appendField(dst []byte, o *op, r *core.Record, color bool, msg *ColoredMessage, p *Prefix, at int) []byte {
	switch o.field {
	case fTime:
		return o.time.Append(dst, r.Time)
	case fLevel:
		return appendStringSpec(dst, o, r.Level.Name)
	case fLevelNo:
		return appendIntSpec(dst, o, int64(r.Level.No))
	case fLevelIcon:
		return appendStringSpec(dst, o, r.Level.Icon)
	case fMessage:
		if color && msg != nil && msg.Plain == r.Message {
			if !o.hasSpec {
				return appendMessageFields(dst, msg.Template, msg.Args, msg.Fields, true, true, t.levelANSI(r.Level), o.outer, nil)
			}
			var tmp [256]byte
			b := appendMessageFields(tmp[:0], msg.Template, msg.Args, msg.Fields, true, true, t.levelANSI(r.Level), o.outer, nil)
			return appendStringSpec(dst, o, bytesString(b))
		}
		return appendStringSpec(dst, o, r.Message)
	case fName:
		return appendStringSpec(dst, o, r.Name)
	case fModule:
		return appendStringSpec(dst, o, r.Module)
	case fFunction:
		return appendStringSpec(dst, o, r.Function)
	case fFile:
		return appendStringSpec(dst, o, r.File)
	case fFilePath:
		return appendStringSpec(dst, o, r.FilePath)
	case fLine:
		return appendIntSpec(dst, o, int64(r.Line))
	case fProcessID:
		return appendIntSpec(dst, o, int64(t.proc.PID))
	case fProcessName:
		return appendStringSpec(dst, o, t.proc.ProcessName)
	case fGoroutine:
		if o.hasSpec && charSpecSafe(&o.spec, r.Goroutine, false) {
			if out, ok := o.spec.AppendUint(dst, r.Goroutine); ok {
				return out
			}
		}
		return strconv.AppendUint(dst, r.Goroutine, 10)
	case fElapsed:
		if !o.hasSpec {
			return appendElapsed(dst, r.Elapsed)
		}
		var tmp [64]byte
		return appendStringSpec(dst, o, bytesString(appendElapsed(tmp[:0], r.Elapsed)))
	case fExtra:
		if !o.hasSpec {
			return p.appendExtra(dst, &r.Extra, at)
		}
		var tmp [256]byte
		return appendStringSpec(dst, o, bytesString(p.appendExtra(tmp[:0], &r.Extra, at)))
	case fExtraKey:
		v, ok := r.Extra.Lookup(o.key)
		if !ok {
			return append(dst, o.raw...)
		}
		if v.Kind() == slog.KindAny && p.covers(r.Extra.Attrs(), at) {
			if text, ok := p.text(o.key); ok {
				return appendValueText(dst, text, o.spec, o.hasSpec)
			}
		}
		return appendValue(dst, v, o.spec, o.hasSpec, o.conv)
	case fFields:
		if !o.hasSpec {
			return p.appendFields(dst, r, at)
		}
		var tmp [256]byte
		return appendStringSpec(dst, o, bytesString(p.appendFields(tmp[:0], r, at)))
	case fException:
		if r.Exception == nil {
			return dst // without copying the exception options
		}
		return AppendException(dst, r.Exception, color, t.proc.Exception)
	}
	return dst
}

func appendStringSpec(dst []byte, o *op, s string) []byte {
	if o.conv == "r" {
		return appendValue(dst, slog.StringValue(s), o.spec, o.hasSpec, o.conv)
	}
	if o.hasSpec {
		if out, ok := o.spec.AppendString(dst, s); ok {
			return out
		}
	}
	return append(dst, s...)
}

func appendIntSpec(dst []byte, o *op, n int64) []byte {
	if o.hasSpec && charSpecSafe(&o.spec, uint64(n), n < 0) {
		if out, ok := o.spec.AppendInt(dst, n); ok {
			return out
		}
	}
	return strconv.AppendInt(dst, n, 10)
}

type levelEntry struct{ markup, ansi string }

const maxLevelCache = 64

// levelANSI returns the escape codes of a level's colour, through a small cache of
// compiled level colours.
func (t *Template) levelANSI(l core.Level) string {
	if l.Color == "" {
		return ""
	}
	p := t.levels.Load()
	if p != nil {
		for _, e := range *p {
			if e.markup == l.Color {
				return e.ansi
			}
		}
	}
	ansi, err := LevelColor(l.Color)
	if err != nil {
		ansi = ""
	}
	if p == nil || len(*p) < maxLevelCache {
		var next []levelEntry
		if p != nil {
			next = append(next, *p...)
		}
		next = append(next, levelEntry{l.Color, ansi})
		t.levels.CompareAndSwap(p, &next)
	}
	return ansi
}

// LevelColor compiles a level's colour markup, opening tags only ("<red><bold>"), into
// escape codes. Unknown tags, closing tags without an opening one and <level> itself are
// errors; surrounding white space is ignored.
func LevelColor(markup string) (string, error) {
	var out []byte
	var open []mtoken
	var colors []string
	lx := mlexer{s: strings.TrimSpace(markup)}
	for tok, ok := lx.next(); ok; tok, ok = lx.next() {
		switch tok.kind {
		case mText:
			out = append(out, tok.text...)
		case mOpen:
			if isLevelTag(tok.text) {
				return "", syntaxErrorf(tok.off, "the "+strconv.Quote(tok.raw)+" tag is not allowed in a level's colour")
			}
			n := len(out)
			var ok bool
			if out, ok = appendTagCode(out, tok.text); !ok {
				return "", errUnknownTag(tok)
			}
			open = append(open, tok)
			colors = append(colors, string(out[n:]))
		case mClose:
			if err := closes(open, tok); err != nil {
				return "", err
			}
			open, colors = open[:len(open)-1], colors[:len(colors)-1]
			out = append(out, reset...)
			for _, c := range colors {
				out = append(out, c...)
			}
		}
	}
	return string(out), nil
}

// Strip returns markup with its tags removed and escapes resolved, or an error for
// markup that does not parse (unknown, unbalanced or unclosed tags).
func Strip(markup string) (string, error) {
	if err := checkMarkup(markup); err != nil {
		return "", err
	}
	var out []byte
	lx := mlexer{s: markup}
	for tok, ok := lx.next(); ok; tok, ok = lx.next() {
		if tok.kind == mText {
			out = append(out, tok.text...)
		}
	}
	return string(out), nil
}

// Colorize returns markup rendered with ANSI escape codes, <level> taking levelColor's
// codes (markup as in a level's colour), or an error for markup that does not parse.
func Colorize(markup, levelColor string) (string, error) {
	if err := checkMarkup(markup); err != nil {
		return "", err
	}
	lv, err := LevelColor(levelColor)
	if err != nil {
		return "", err
	}
	var st mstate
	out := st.render(nil, markup, true, lv, nil, false)
	return string(out), nil
}
