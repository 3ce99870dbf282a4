package format

import "github.com/logru/logru/internal/render"

// SyntaxError reports a template or markup that cannot be compiled: its field Offset is
// the byte offset in the template where the problem was found and Msg describes it.
// Error returns "format: ", the message and the offset:
//
//	format: opening tag "<red>" has no corresponding closing tag (at byte 0)
//
// [Parse], [LevelColor], [Strip] and [Colorize] return it, and so does logru's Add for
// a bad Handler.Format (wrapped in a logru.ConfigError: use errors.As). It is a plain
// value, safe to share.
type SyntaxError = render.SyntaxError
