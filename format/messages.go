package format

import (
	"log/slog"

	"github.com/logru/logru/internal/render"
)

// AppendMessage appends the message template msg rendered without colours.
//
// When fields is true, {key} and {key:spec} placeholders take the value of the last
// attribute in args with that key, formatted with Python's format-spec mini-language,
// and "{{" and "}}" stand for braces. A placeholder whose key is not in args is left as
// written; a spec that does not parse or does not suit the value, or whose fill is a
// character the literal would escape, writes the value plainly. When fields is false
// the message is not parsed for placeholders at all.
//
// When markup is true, colour tags in the message's literal text are removed; a message
// whose markup does not parse is written as plain text, tags included.
//
// Substituted values have every control character escaped; the literal keeps its
// newlines and tabs and has its other control characters escaped. Values are never
// parsed for placeholders or markup. AppendMessage does not retain dst or args.
func AppendMessage(dst []byte, msg string, args []slog.Attr, fields, markup bool) []byte {
	return render.AppendMessage(dst, msg, args, fields, markup)
}
