package logru

// Options change how a child logger's calls are recorded; see [Logger.Opt]. The zero
// Options is the default behaviour.
type Options struct {
	// Lazy calls argument values that are functions of no arguments and exactly one
	// result (func() any, func() string, func() int, func() error, a named func type…)
	// only when some handler will emit the record, and logs what they return: in
	// key/value pairs, slog.Attr values (also through LogAttrs) and Fields. Each is called
	// once per record; a panic in one is logged as a placeholder naming the panic
	// ("<PANIC=lazy value: …>") in that value's place, and the record is logged. Functions
	// of another shape are logged as values. A bound function of that shape is called
	// for each record of a logger with Lazy, whether Lazy was set before or after Bind.
	Lazy bool
	// Exception attaches this error to every record, rendered by {exception} and in
	// serialized output.
	Exception error
	// Depth reports the caller Depth frames above the logging call, for helpers that log
	// on their caller's behalf. A negative Depth is taken as 0, one over 1,000,000 as
	// 1,000,000 (no such frame: the caller is unknown).
	Depth int
	// Raw writes the message alone, exactly as formatted, with no format and no newline.
	// Serialized handlers still write their JSON line.
	Raw bool
	// Colors renders colour markup in the message's own literal text (never in the
	// values substituted into it). Handlers without colours get the text without tags;
	// a message whose markup does not parse is written as it is.
	Colors bool
}

// maxDepth bounds Options.Depth, so that adding the frames logru skips cannot overflow.
const maxDepth = 1_000_000

// Opt returns a child whose calls use o. The options replace the parent's options
// (they do not merge); bound fields, patchers and context are kept.
func (l *Logger) Opt(o Options) *Logger {
	c := l.child()
	o.Depth = min(max(o.Depth, 0), maxDepth)
	c.opts = o
	return c
}
