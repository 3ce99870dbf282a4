package render

import "strings"

// rawField is one replacement field of a template, as written: "{name!conv:spec}".
type rawField struct {
	raw  string // the whole field, braces included
	name string
	conv string
	spec string
	off  int // byte offset of "{" in the template
}

// fscanner walks a template the way Python's string.Formatter.parse does: literal text,
// "{{" and "}}" for braces, and replacement fields. In strict mode a stray "}" or an
// unclosed "{" is an error; otherwise it is literal text. fscanner does not allocate.
type fscanner struct {
	s      string
	pos    int
	strict bool
	err    error
	litOff int
	field  rawField // the field after the last literal, when next says there is one
}

// next returns the next literal chunk (possibly empty) and whether a field follows it,
// which is then in sc.field. ok is false at the end of the template or after an error.
// sc.litOff is the byte offset of the literal chunk in the template.
func (sc *fscanner) next() (lit string, hasField, ok bool) {
	s := sc.s
	if sc.pos >= len(s) || sc.err != nil {
		return "", false, false
	}
	start := sc.pos
	sc.litOff = start
	i := braceIndex(s, start)
	if i < 0 {
		sc.pos = len(s)
		return s[start:], false, true
	}
	if i+1 < len(s) && s[i+1] == s[i] { // "{{" or "}}"
		sc.pos = i + 2
		return s[start : i+1], false, true
	}
	if s[i] == '}' {
		if sc.strict {
			sc.err = syntaxErrorf(i, "single '}' encountered in format string")
			return "", false, false
		}
		sc.pos = i + 1
		return s[start : i+1], false, true
	}
	end, ok := fieldEnd(s, i)
	if !ok {
		if sc.strict {
			sc.err = syntaxErrorf(i, "expected '}' before end of string")
			return "", false, false
		}
		sc.pos = len(s)
		return s[start:], false, true
	}
	sc.pos = end
	splitField(&sc.field, s[i:end], i)
	return s[start:i], true, true
}

// braceIndex returns the index of the first '{' or '}' in s at or after from, or -1.
// A plain loop: strings.IndexAny builds a character set on every call.
func braceIndex(s string, from int) int {
	for i := from; i < len(s); i++ {
		if c := s[i]; c == '{' || c == '}' {
			return i
		}
	}
	return -1
}

// fieldEnd returns the end (exclusive) of the field opening at s[i] == '{'. Brackets in
// the field name ("extra[a:b]") hide ':' and braces; braces nest in the spec.
func fieldEnd(s string, i int) (int, bool) {
	depth := 1
	inSpec := false
	for j := i + 1; j < len(s); j++ {
		switch c := s[j]; c {
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

func splitField(f *rawField, raw string, off int) {
	*f = rawField{raw: raw, off: off}
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
}
