package render

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
)

// ExceptionOptions says how much of an exception is shown.
type ExceptionOptions struct {
	// Backtrace shows the whole stack, not only the frames between the panic and the
	// frame that caught it; the catching frame is then marked with "> ".
	Backtrace bool
	// Diagnose adds each error's detailed form (its %+v) under its line, when that says
	// more than the message (a stack, fields).
	Diagnose bool
}

// The exception theme, as loguru colours tracebacks.
const (
	ansiType  = "\x1b[31m\x1b[1m"
	ansiValue = "\x1b[1m"
	ansiFunc  = "\x1b[35m"
	ansiDir   = "\x1b[32m"
	ansiBase  = "\x1b[32m\x1b[1m"
	ansiLine  = "\x1b[33m"
	ansiMark  = "\x1b[36m\x1b[1m"
	ansiDim   = "\x1b[2m"
)

// AppendException appends e as readable text, as {exception} renders it: a "Type:
// message" header (the message alone for the Type "error", and when it starts with the
// Type: "runtime error: …"),
// one line per cause (indented by depth in the wrap tree), then the stack, innermost
// call last. With Diagnose, each error's concrete Go type and detailed form follow its
// line. Every line ends with a newline; nil appends nothing. Text
// coming from the errors is escaped so that it cannot forge lines.
func AppendException(dst []byte, e *core.Exception, color bool, o ExceptionOptions) []byte {
	if e == nil {
		return dst
	}
	if e.Type != "" || e.Value != "" {
		dst = appendErrorLine(dst, "", e.Type, e.Value, color)
		if o.Diagnose {
			v := any(e.Err)
			if e.Panic != nil {
				v = e.Panic
			}
			dst = appendGoType(dst, "  ", v, e.Type, color)
			dst = appendDetail(dst, "  ", e.Err, e.Value, color)
		}
	}
	for _, c := range e.Chain {
		indent := strings.Repeat("  ", c.Depth)
		dst = appendErrorLine(dst, indent+"caused by ", c.Type, c.Value, color)
		if o.Diagnose {
			dst = appendGoType(dst, indent+"  ", c.Err, c.Type, color)
			dst = appendDetail(dst, indent+"  ", c.Err, c.Value, color)
		}
	}
	frames, marked := shownFrames(e, o.Backtrace)
	if len(frames) == 0 {
		return dst
	}
	dst = append(dst, "Stack (most recent call last):\n"...)
	for i, f := range frames {
		switch {
		case i == marked && color:
			dst = append(dst, ansiMark+">"+reset+" "...)
		case i == marked:
			dst = append(dst, "> "...)
		default:
			dst = append(dst, "  "...)
		}
		dst = appendColored(dst, color, ansiFunc, f.Function)
		dst = append(dst, "\n    "...)
		dir, base := filepath.Split(f.File)
		dst = appendColored(dst, color, ansiDir, dir)
		dst = appendColored(dst, color, ansiBase, base)
		dst = append(dst, ':')
		if color {
			dst = append(dst, ansiLine...)
		}
		dst = strconv.AppendInt(dst, int64(f.Line), 10)
		if color {
			dst = append(dst, reset...)
		}
		dst = append(dst, '\n')
	}
	return dst
}

// shownFrames returns the frames a rendering shows and the index of the catching frame
// to mark (-1 for none).
func shownFrames(e *core.Exception, backtrace bool) ([]core.Frame, int) {
	caught := e.Caught
	if caught <= 0 || caught > len(e.Stack) {
		caught = len(e.Stack)
	}
	if !backtrace {
		return e.Stack[len(e.Stack)-caught:], -1
	}
	if caught == len(e.Stack) {
		return e.Stack, -1
	}
	return e.Stack, len(e.Stack) - caught
}

// appendErrorLine writes "type: value": the value alone for a plain "error" (an error of
// the standard library's, whose message says it all), and the type once when the value
// starts with it already (a runtime error's message starts with "runtime error: ").
func appendErrorLine(dst []byte, prefix, typ, value string, color bool) []byte {
	dst = append(dst, prefix...)
	if typ != "" && typ != "error" {
		dst = appendColored(dst, color, ansiType, typ)
		dst = append(dst, ": "...)
		if rest, ok := strings.CutPrefix(value, typ+": "); ok {
			value = rest // "runtime error: index out of range": the type once
		}
	}
	if color {
		dst = append(dst, ansiValue...)
	}
	dst = encode.AppendTextString(dst, value)
	if color {
		dst = append(dst, reset...)
	}
	return append(dst, '\n')
}

// appendGoType writes v's concrete Go type under its error line, for Diagnose, when
// the line names it otherwise ("error", "panic", "runtime error").
func appendGoType(dst []byte, indent string, v any, label string, color bool) []byte {
	if v == nil {
		return dst
	}
	t := core.TypeName(v)
	if t == label {
		return dst
	}
	dst = append(dst, indent...)
	dst = appendColored(dst, color, ansiDim, "| ")
	dst = append(dst, "Go type: "...)
	dst = encode.AppendTextString(dst, t)
	return append(dst, '\n')
}

// appendDetail writes err's %+v, one escaped line per line of it, under its error line;
// nothing when it is only the message (value) again.
func appendDetail(dst []byte, indent string, err error, value string, color bool) []byte {
	if err == nil {
		return dst
	}
	d := detail(err)
	if d == value {
		return dst
	}
	for _, line := range strings.Split(d, "\n") {
		if line == "" {
			continue
		}
		dst = append(dst, indent...)
		dst = appendColored(dst, color, ansiDim, "| ")
		dst = encode.AppendTextString(dst, line)
		dst = append(dst, '\n')
	}
	return dst
}

// detail is err's %+v; a panicking Format or Error method is contained.
func detail(err error) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = "<PANIC in %+v>"
		}
	}()
	return fmt.Sprintf("%+v", err)
}

func appendColored(dst []byte, color bool, code, s string) []byte {
	if s == "" {
		return dst
	}
	if !color {
		return encode.AppendTextString(dst, s)
	}
	dst = append(dst, code...)
	dst = encode.AppendTextString(dst, s)
	return append(dst, reset...)
}
