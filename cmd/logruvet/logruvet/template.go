package logruvet

import "strings"

// A placeholder is one replacement field of a message template: "{name!conv:spec}".
type placeholder struct {
	raw  string // the whole field, braces included
	name string
	conv string
	spec string
	off  int // byte offset of "{" in the message
}

// A chunk is literal text of a message template, between placeholders.
type chunk struct {
	text string // the text as written ("{{" is kept as its first brace)
	off  int    // byte offset in the message
}

// scanTemplate splits a message template as logru's message rendering reads it (package
// format: Python's string.Formatter.parse, leniently): "{{" and "}}" are braces, a stray
// "}" or an unclosed "{" is literal text, brackets in a field's name hide ':' and braces,
// and braces nest in a spec. A test checks it against format.AppendMessage.
func scanTemplate(s string) (lits []chunk, fields []placeholder) {
	pos := 0
	for pos < len(s) {
		start := pos
		i := strings.IndexAny(s[pos:], "{}")
		if i < 0 {
			lits = append(lits, chunk{s[start:], start})
			break
		}
		i += pos
		if i+1 < len(s) && s[i+1] == s[i] { // "{{" or "}}"
			lits = append(lits, chunk{s[start : i+1], start})
			pos = i + 2
			continue
		}
		if s[i] == '}' {
			lits = append(lits, chunk{s[start : i+1], start})
			pos = i + 1
			continue
		}
		end, ok := fieldEnd(s, i)
		if !ok {
			lits = append(lits, chunk{s[start:], start})
			break
		}
		lits = append(lits, chunk{s[start:i], start})
		fields = append(fields, splitField(s[i:end], i))
		pos = end
	}
	return lits, fields
}

// fieldEnd returns the end (exclusive) of the field opening at s[i] == '{'.
func fieldEnd(s string, i int) (int, bool) {
	depth := 1
	inSpec := false
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '[':
			if inSpec {
				continue
			}
			k := strings.IndexByte(s[j+1:], ']')
			if k < 0 {
				return 0, false
			}
			j += k + 1
		case ':':
			inSpec = true
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j + 1, true
			}
		}
	}
	return 0, false
}

// splitField splits "{name!conv:spec}" into its parts.
func splitField(raw string, off int) placeholder {
	f := placeholder{raw: raw, off: off}
	inner := raw[1 : len(raw)-1]
	end := len(inner)
	for j := 0; j < len(inner); j++ {
		if inner[j] == '[' {
			if k := strings.IndexByte(inner[j+1:], ']'); k >= 0 {
				j += k + 1
				continue
			}
		}
		if inner[j] == ':' || inner[j] == '!' {
			end = j
			break
		}
	}
	f.name = inner[:end]
	rest := inner[end:]
	if strings.HasPrefix(rest, "!") {
		k := strings.IndexByte(rest, ':')
		if k < 0 {
			k = len(rest)
		}
		f.conv = rest[1:k]
		rest = rest[k:]
	}
	if strings.HasPrefix(rest, ":") {
		f.spec = rest[1:]
	}
	return f
}

// printfVerb returns the offset and text of the first printf verb in s ("%s", "%5.2f",
// "%-8v"), or -1. "%%" is not a verb, and neither is a bare verb letter run on by
// another letter ("%done"; "%5.2fms" is a verb), nor "% d" (the space flag is left out:
// "50% done" is prose).
func printfVerb(s string) (int, string) {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		if j < len(s) && s[j] == '%' {
			i = j
			continue
		}
		bare := true // no flag, width or precision: "%d" alone
		for j < len(s) && strings.IndexByte("-+#0", s[j]) >= 0 {
			j++
		}
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '*') {
			j++
		}
		bare = bare && j == i+1
		if j < len(s) && s[j] == '.' {
			bare = false
			j++
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '*') {
				j++
			}
		}
		if j >= len(s) || strings.IndexByte("vTtbcdoOqxXUeEfFgGspw", s[j]) < 0 {
			continue
		}
		if bare && j+1 < len(s) && isLetter(s[j+1]) {
			continue
		}
		return i, s[i : j+1]
	}
	return -1, ""
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// positional reports whether a placeholder's name is empty or a number: loguru's
// str.format positions ("{}", "{0}"), which logru does not substitute.
func positional(name string) bool {
	if name == "" {
		return true
	}
	for i := 0; i < len(name); i++ {
		if name[i] < '0' || name[i] > '9' {
			return false
		}
	}
	return true
}
