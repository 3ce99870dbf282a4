package format

import "github.com/logru/logru/internal/render"

// DefaultFormat is logru's default format: loguru's ([LoguruFormat]) followed by the
// record's fields that the message did not show, dimmed:
//
//	<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> | <level>{level: <8}</level> | <cyan>{name}</cyan>:<cyan>{function}</cyan>:<cyan>{line}</cyan> - <level>{message}</level><dim>{fields}</dim>
//
// which writes
//
//	2026-03-26 14:30:00.123 | INFO     | main:main:42 - charged 42.5 order=A-17 user=alice
//
// With no such field the line ends at the message, with no trailing space. With colours
// on, the <dim> codes are written even then (invisible, as loguru writes the codes of
// any tag around an empty value).
const DefaultFormat = render.DefaultFormat

// LoguruFormat is loguru's default format, byte for byte: time, padded level, caller and
// message, coloured when colours are on:
//
//	<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> | <level>{level: <8}</level> | <cyan>{name}</cyan>:<cyan>{function}</cyan>:<cyan>{line}</cyan> - <level>{message}</level>
const LoguruFormat = render.LoguruFormat
