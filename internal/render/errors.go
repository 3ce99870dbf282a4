package render

import "strconv"

// SyntaxError reports a template or markup that cannot be compiled.
type SyntaxError struct {
	// Offset is the byte offset in the template where the problem was found.
	Offset int
	// Msg describes the problem.
	Msg string
}

// Error returns "format: " and the message, with the byte offset.
func (e *SyntaxError) Error() string {
	return "format: " + e.Msg + " (at byte " + strconv.Itoa(e.Offset) + ")"
}

func syntaxErrorf(off int, msg string) *SyntaxError {
	return &SyntaxError{Offset: off, Msg: msg}
}

// markup errors, worded as loguru words them.
func errUnknownTag(t mtoken) *SyntaxError {
	return syntaxErrorf(t.off, "tag "+strconv.Quote(t.raw)+" does not correspond to any known color directive, make sure you have not misspelled it (or prepend '\\' to escape it)")
}

func errNoOpening(t mtoken) *SyntaxError {
	return syntaxErrorf(t.off, "closing tag "+strconv.Quote(t.raw)+" has no corresponding opening tag")
}

func errNesting(t mtoken) *SyntaxError {
	return syntaxErrorf(t.off, "closing tag "+strconv.Quote(t.raw)+" violates nesting rules")
}

func errUnclosed(t mtoken) *SyntaxError {
	return syntaxErrorf(t.off, "opening tag "+strconv.Quote("<"+t.text+">")+" has no corresponding closing tag")
}
