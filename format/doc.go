// Package format compiles logru's templates and renders records into bytes: format
// templates ({time} {level} {message}…), colour markup (<red>…</red>), message templates
// ({key:spec}) and the JSON serializer. It is pure: bytes in, bytes out. It never reads
// the clock (time comes from the record), never touches the file system and never
// decides by itself whether to colour (the caller says).
//
// Its API is what a program rendering records itself needs: [Parse] (or [MustParse])
// and [Template.Append], [DefaultFormat] and [LoguruFormat], [AppendMessage], [Colorize],
// [Strip] and [LevelColor] for markup, [AppendException], and [NewJSON] with
// [JSON.Append]. The logger renders through the same engine (logru's internal/render
// package), with a few extra hooks only it needs; the output is byte for byte the same.
//
// # Format templates
//
// [Parse] compiles a template once into a list of append operations; [Template.Append]
// renders a record into a caller's buffer without allocating. A bad template is a
// *[SyntaxError]. Fields:
//
//	{time} {time:FORMAT}    the record's time; FORMAT uses loguru's tokens
//	                        (YYYY-MM-DD HH:mm:ss.SSS Z, [escaped], !UTC) or strftime (%Y…)
//	{level} {level.no} {level.icon}
//	{message}               the message after substitution
//	{name} {module} {function} {file} {file.path} {line}
//	{process} {process.id} {process.name} {goroutine} {elapsed}
//	{extra}                 every extra field as key=value pairs, groups as {k=v}
//	{extra[key]}            one extra field; left as written when the record lacks it
//	{fields}                the extra fields the message did not substitute, each as
//	                        " key=value" (one space before each), groups flattened as
//	                        req.method=GET; nothing at all when there are none
//	{exception}             the attached error, its causes and its stack
//
// Keys and values in {extra} and {fields} are escaped, and quoted when they are empty or
// hold a space, '=', '"', '{' or '}', so that a value never passes for more fields:
// user="Ann Lee" req={path="/a b"}.
//
// [DefaultFormat] is [LoguruFormat] followed by <dim>{fields}</dim>.
//
// Each field takes a Python format spec after a colon ({level: <8}, {line:>4},
// {level.no:03d}) and !r quotes a string ({extra[user]!r}). {{ and }} are literal braces.
//
// # Markup
//
// Colours and styles are tags: <red>, <light-blue>, <RED> (background), <bold>, <dim>,
// <italic>, <underline>, <blink>, <reverse>, <strike>, <hide>, their one-letter forms
// (<r>, <b>, …), <fg NAME>, <bg NAME>, <fg #ff8800>, <fg #f80>, <fg 208>,
// <fg 255,128,0>, and <level> (or <lvl>) for the record's level colour. A tag closes with
// </red> or </>. Every closing tag resets the terminal and re-applies the tags still
// open, exactly as loguru does, so output is byte-identical to loguru's. \<red> is a
// literal "<red>". Unknown, unbalanced and unclosed tags are errors at Parse; without
// colours, tags are stripped. [Colorize] and [Strip] render markup outside a template;
// [LevelColor] compiles a level's colour ("<yellow><bold>").
//
// # Message templates
//
// [AppendMessage] renders a log call's message: {key} and {key:spec} take the call's
// argument values. It never fails: a missing key leaves the placeholder as written and a
// bad spec writes the value plainly. Values are data: they are never parsed, and their
// control characters are escaped so that they cannot forge a line.
//
// # JSON
//
// [NewJSON] returns a serializer writing one JSON object per record, as logru's
// Serialize handlers write them (see [JSON]).
package format
