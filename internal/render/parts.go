package render

import "iter"

// A MessagePart is one piece of a message template as message rendering reads it:
// literal text, or a replacement field "{name!conv:spec}". The zero value is an empty
// literal at offset 0. A MessagePart is a plain value, safe to copy and share.
type MessagePart struct {
	// Field is true for a replacement field, false for literal text.
	Field bool
	// Text is the literal text as written, with "{{" and "}}" kept as their first brace,
	// or the whole field, braces included.
	Text string
	// Off is the byte offset of Text in the message (of "{" for a field).
	Off int
	// Name, Conv and Spec are a field's parts: "{user!r:>8}" has Name "user", Conv "r"
	// and Spec ">8". All three are empty for literal text.
	Name, Conv, Spec string
}

// MessageParts returns the pieces of the message template s, in order, split by the same
// scanner as [AppendMessage] and [AppendMessageKeys] (leniently, like Python's
// string.Formatter.parse): "{{" and "}}" are braces, a stray "}" or an unclosed "{" is
// literal text, brackets in a field's name hide ':' and braces, and braces nest in a
// spec. Empty literal chunks (before a field that opens the message or follows another)
// are yielded too. It is meant for tools such as cmd/logruvet, not the logging path; the
// iterator does not allocate and may be used from any number of goroutines.
func MessageParts(s string) iter.Seq[MessagePart] {
	return func(yield func(MessagePart) bool) {
		sc := fscanner{s: s}
		for {
			lit, hasField, ok := sc.next()
			if !ok {
				return
			}
			if !yield(MessagePart{Text: lit, Off: sc.litOff}) {
				return
			}
			if hasField {
				f := sc.field
				if !yield(MessagePart{Field: true, Text: f.raw, Off: f.off, Name: f.name, Conv: f.conv, Spec: f.spec}) {
					return
				}
			}
		}
	}
}
