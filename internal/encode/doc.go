// Package encode turns log values into bytes for the two kinds of output
// logru writes: JSON lines and human-readable text lines.
//
// Every function appends to a caller's buffer and returns it, in the manner
// of strconv.AppendInt, so that a record is built in one pooled []byte. The
// values are [log/slog.Value]s, or arbitrary values passed through
// [log/slog.AnyValue].
//
// The logging path must never fail because of what is logged. Nothing here
// panics, hangs or grows without bound on any input, the output is always
// valid UTF-8 (and valid JSON for the JSON functions), and a value that cannot
// be encoded degrades only itself, into a marker such as <cycle *main.Node>.
// All functions are safe for concurrent use.
//
// # Strings
//
// [AppendJSONString] writes a quoted JSON string. It escapes \" \\ \n \r \t,
// the other control characters and DEL as \u00XX, the C1 controls
// U+0080–U+009F and the separators U+2028 and U+2029 as \uXXXX, and writes
// each byte that is not valid UTF-8 as \ufffd. It does not escape < > &.
//
// [AppendTextString] writes a string for a text line with no quotes, and with
// every character escaped that could end the line, forge a new one, drive a
// terminal or disguise the text:
//
//	"\n" "\r" "\t"                   \n \r \t
//	other C0 controls and DEL        \x00 … \x1b … \x7f
//	C1 controls U+0080–U+009F        \u0080 … \u009f
//	U+2028, U+2029                   \u2028 \u2029
//	bidi controls U+202A–U+202E      \u202a … \u202e
//	bidi isolates U+2066–U+2069      \u2066 … \u2069
//	a byte that is not valid UTF-8   \xff
//
// The backslash itself is not escaped, to keep paths and patterns readable,
// so "a\nb" and the two-line string it stands for look alike: text output is
// for people, JSON output for programs. [AppendTextLiteral] is the variant for
// text the program's author wrote, such as a message format: it leaves '\n'
// and '\t' alone. [NeedsTextEscape] tells whether AppendTextString would
// change a string at all.
//
// # Values
//
// [AppendJSON] and [AppendText] write a value by its slog kind
// ([AppendTextPair] and [AppendTextFlat] write a key and its value as a text
// line's field):
//
//	Kind       Text                          JSON
//	String     escaped, no quotes            "string"
//	Int64      -42                           -42
//	Uint64     42                            42
//	Float64    1.5  1e+21  NaN  +Inf  -Inf   1.5  1e+21  "NaN"  "+Inf"  "-Inf"
//	Bool       true                          true
//	Duration   1.5s                          "1.5s"
//	Time       2006-01-02T15:04:05.5Z        "2006-01-02T15:04:05.5Z"
//	Group      {k=v k2={a=1}}                {"k":"v","k2":{"a":1}}
//	LogValuer  its LogValue, resolved first
//
// Text floats use strconv's shortest 'g' form, as slog's TextHandler does.
// JSON floats use the shortest digits in the form encoding/json and
// JavaScript use: plain from 1e-6 up to 1e21 (1000000, 0.000001) and with an
// exponent outside that range (1e-7, 1e+21). JSON has no NaN or infinity, so
// those are strings. Durations are time.Duration.String and times RFC 3339
// with nanoseconds. A group's keys are escaped like any string, and in text
// each member's key and value is quoted where it needs to be, as
// [AppendTextPair] writes a field (`{k="v} role=admin"}`), so that no value
// can pass for more members; inside a group the rules of slog handlers apply: an empty Attr is left out, and so
// is a group with no members, and the members of a group whose key is empty
// are written inline.
//
// The functions for these kinds (every kind but Group, LogValuer and Any) use
// neither reflection nor fmt and do not allocate unless the buffer must grow.
// Neither do the most common values of kind Any: errors and Stringers with no
// method of rules 2 and 3 below, and slices of strings, ints, int64s, float64s
// and bools, or an []any of strings, ints, int64s, float64s, bools and nil,
// are written directly, byte for byte as the rules below write them.
//
// # Arbitrary values
//
// A value of kind Any is written by the first rule that fits:
//
//  1. nil is <nil> in text and null in JSON.
//  2. A slog.Value, slog.Attr or time.Time is written as its slog kind, and a
//     slog.LogValuer is resolved first, at any depth, so a type can redact
//     itself wherever it appears.
//  3. In JSON only: a json.Marshaler's output, compacted, when it is valid JSON
//     (else the string "<invalid MarshalJSON output: …>"), and a json.Number
//     as a number when it is one. A nil pointer is null without a call.
//  4. An error's Error, a String method's result, or a MarshalText result,
//     as a string.
//  5. A []byte is escaped text, or a base64 string in JSON as in encoding/json.
//  6. Anything else by reflection, as below.
//
// The forms of rule 6:
//
//	Kind                        Text                JSON
//	pointer, interface          what it holds       what it holds
//	nil pointer                 <nil>               null
//	struct                      {Name:alice Age:3}  {"name":"alice","age":3}
//	map                         map[a:1 b:2]        {"a":1,"b":2}
//	slice, array                [a b c]             ["a","b","c"]
//	nil slice, nil map          [] map[]            null
//	complex                     (1+2i)              "(1+2i)"
//	chan, func, unsafe.Pointer  <chan int>          "<chan int>"
//
// A struct shows its exported fields only. JSON honours the json tag's name,
// "-", omitempty and omitzero (tested with reflect.Value.IsZero); other
// options, such as string, are ignored. A field tagged json:"-" is left out of
// text too, since such fields often hold secrets. An embedded struct is
// written as a field named after its type, not flattened as encoding/json
// does, and two fields tagged with the same name are both written.
//
// Map entries are sorted by key: numbers by value, other keys by their text.
// A key that is not a string is written in its text form, or in JSON as its
// MarshalText output if it has that method.
//
// Methods are looked for at every depth, on each field, element, key and
// value, in the value's own method set, as fmt does: a method with a pointer
// receiver is not used for a struct field that is not a pointer.
//
// # Panics
//
// Every call into the value's own code (LogValue, MarshalJSON, Error, String,
// MarshalText) recovers a panic. When the receiver is a nil pointer (or nil
// map, slice, func or channel) the value is written as <nil> or null, as fmt
// does; otherwise it becomes <PANIC=String method: boom>, naming the method.
// An error returned by MarshalJSON or MarshalText becomes
// <MarshalText error: …>. A method that blocks forever is not defended
// against, nor is one that encodes its own receiver with this package.
//
// # Limits
//
// This package never hands a value to fmt: fmt's %v recurses without limit
// into a map or slice that contains itself, a stack overflow that kills the
// process and that recover cannot catch. Instead these limits apply to one
// call, and each writes a marker in place of what it leaves out:
//
//	<cycle *main.Node>  a pointer, map or slice met again inside itself
//	<max depth>         containers (groups, structs, maps, slices, arrays)
//	                    nested more than 32 deep, recursion of any sort
//	                    (pointers and LogValuers too) more than 128 deep, or
//	                    more than 100 LogValue calls in a chain, as in slog
//	…+N more            the last element of a collection cut after 1000
//	"…":"+N more"       the same as the last member of a JSON object
//	…                   any value after the call's budget is spent
//
// Values shared without a cycle are written in full. When a map is cut,
// which entries are kept is unspecified. The budget is 100,000 values, a
// recovered panic counting as 100 since unwinding is slow, and 1 MiB of
// output: once it is spent, collections are cut as above. A small value made
// of shared parts therefore cannot expand into an enormous output, and the
// worst case is a few milliseconds of work.
//
// Strings are never truncated here: limiting the size of a field or a
// record is the caller's job.
package encode
