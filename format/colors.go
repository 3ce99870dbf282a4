package format

import "github.com/logru/logru/internal/render"

// Colorize returns markup rendered with ANSI escape codes, <level> taking levelColor's
// codes (markup as in a level's colour, see [LevelColor]), or a *[SyntaxError] for
// markup that does not parse. It is safe for concurrent use.
func Colorize(markup, levelColor string) (string, error) {
	return render.Colorize(markup, levelColor)
}

// Strip returns markup with its tags removed and escapes resolved, or a *[SyntaxError]
// for markup that does not parse (unknown, unbalanced or unclosed tags).
func Strip(markup string) (string, error) {
	return render.Strip(markup)
}

// LevelColor compiles a level's colour markup, opening tags only ("<red><bold>"), into
// escape codes. Unknown tags, closing tags without an opening one and <level> itself are
// errors (a *[SyntaxError]); surrounding white space is ignored; "" gives "".
func LevelColor(markup string) (string, error) {
	return render.LevelColor(markup)
}
