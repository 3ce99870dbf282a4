package format

import (
	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/render"
)

// ExceptionOptions says how much of an exception {exception}, [AppendException] and
// the JSON serializer's stack show. The zero value shows the frames between the panic
// and the frame that caught it, without details.
type ExceptionOptions struct {
	// Backtrace shows the whole stack, not only the frames between the panic and the
	// frame that caught it; the catching frame is then marked with "> ".
	Backtrace bool
	// Diagnose adds each error's detailed form (its %+v) under its line, when that says
	// more than the message (a stack, fields).
	Diagnose bool
}

func (o ExceptionOptions) render() render.ExceptionOptions {
	return render.ExceptionOptions{Backtrace: o.Backtrace, Diagnose: o.Diagnose}
}

// AppendException appends e as readable text, as {exception} renders it: a "Type:
// message" header, one line per cause (indented by depth in the wrap tree), then the
// stack, innermost call last. Every line ends with a newline; nil appends nothing. Text
// coming from the errors is escaped so that it cannot forge lines. With color, the
// parts are coloured as loguru colours tracebacks.
func AppendException(dst []byte, e *core.Exception, color bool, o ExceptionOptions) []byte {
	return render.AppendException(dst, e, color, o.render())
}
