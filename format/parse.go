package format

import (
	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/render"
)

// Options describes the process a template renders records for, the values of
// {process.id} and {process.name} (format never asks the operating system itself), and
// how {exception} renders. The zero Options is valid: PID 0, no process name, the
// caught frames of an exception without details.
type Options struct {
	PID         int              // {process} and {process.id}; 0 writes 0
	ProcessName string           // {process.name}; "" writes nothing
	Exception   ExceptionOptions // how {exception} renders; the zero value shows the caught frames
}

func (o *Options) render() *render.Options {
	if o == nil {
		return nil
	}
	return &render.Options{PID: o.PID, ProcessName: o.ProcessName, Exception: o.Exception.render()}
}

// Template is a compiled format template. It is immutable after [Parse] (but for an
// internal cache) and safe for concurrent use. The zero Template renders nothing.
type Template struct {
	t *render.Template
}

// Parse compiles a format template: literal text with colour markup, and {field} or
// {field:spec} placeholders naming record fields (see the package documentation). It
// returns a *[SyntaxError] for unknown fields, bad specs and unknown, unbalanced or
// unclosed tags. opts may be nil, which is the zero [Options].
func Parse(s string, opts *Options) (*Template, error) {
	t, err := render.Parse(s, opts.render())
	if err != nil {
		return nil, err
	}
	return &Template{t: t}, nil
}

// MustParse is like [Parse] with nil options but panics on error. It is meant for
// templates written in the program's source, in package-level variables and tests.
func MustParse(s string) *Template {
	t, err := Parse(s, nil)
	if err != nil {
		panic(err)
	}
	return t
}

// Append appends r rendered by t to dst and returns the extended buffer. With color,
// markup becomes ANSI escape codes; without, it is left out. The record's Message is
// written as it is (it is data: markup in it is not interpreted). Append does not
// retain dst or r, and allocates nothing once dst has room.
func (t *Template) Append(dst []byte, r *core.Record, color bool) []byte {
	if t == nil || t.t == nil {
		return dst
	}
	return t.t.Append(dst, r, color, nil)
}

// String returns the template's source; "" for the zero Template.
func (t *Template) String() string {
	if t == nil || t.t == nil {
		return ""
	}
	return t.t.String()
}
