package logru

import "github.com/logru/logru/internal/render"

// LoguruFormat is loguru's default format, byte for byte:
//
//	<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> | <level>{level: <8}</level> | <cyan>{name}</cyan>:<cyan>{function}</cyan>:<cyan>{line}</cyan> - <level>{message}</level>
//
// logru's default format (a [Handler] whose Format is "") is this one followed by
// <dim>{fields}</dim>: the record's fields that the message did not show, dimmed, as
// " key=value" pairs, and nothing at all when there are none. Set Format to LoguruFormat
// for loguru's lines exactly.
const LoguruFormat = render.LoguruFormat
