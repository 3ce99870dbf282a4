package sinks

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/logru/logru/internal/archive"
	"github.com/logru/logru/internal/timefmt"
)

// This file holds the names a File gives its files and recognises as its own: the
// {time} template of the active file's name, the two naming schemes of rotated files,
// and the strict grammar retention matches before it deletes anything.

// defaultPathTime is the format of a bare {time} in a file path, as in loguru:
// app_2026-03-26_14-30-00_123456.log.
const defaultPathTime = "YYYY-MM-DD_HH-mm-ss_SSSSSS"

// stampLen is the length of the time stamp of a rotated file's name:
// YYYY-MM-DD_HH-MM-SS_ffffff.
const stampLen = 26

// naming is the scheme rotated files are named by.
type naming uint8

const (
	namingTime   naming = iota // app.2026-03-26_14-30-00_123456.log, .2, .3 on collisions
	namingIndex                // app.1.log (newest), app.2.log, …
	namingCustom               // a template of the user's: old_{time:YYYY-MM-DD}.log, .2, .3 on collisions
)

// parseNaming parses the Naming option: "time", "index", or a file name template with
// {time} fields (the rotated file's creation time), which it returns.
func parseNaming(s string, loc *time.Location) (naming, *pathTemplate, error) {
	switch s {
	case "", "time":
		return namingTime, nil, nil
	case "index":
		return namingIndex, nil, nil
	}
	if !strings.ContainsAny(s, "{}") {
		return 0, nil, optionError("Naming", s, errors.New(`want "time", "index" or a file name with a {time} field (the default is "time"; a name such as "app-{time:YYYY-MM-DD}.log")`))
	}
	tmpl, _, err := parsePathTemplate(s, loc)
	if err == nil && tmpl == nil {
		err = errors.New("a custom name needs a {time} or {time:FORMAT} field")
	}
	if err == nil {
		err = checkName(tmpl.render(time.Now().In(loc)))
	}
	if err != nil {
		return 0, nil, optionError("Naming", s, err)
	}
	return namingCustom, tmpl, nil
}

// splitExt splits a file name at its last dot, as Python's os.path.splitext does:
// "app.log" is "app" and ".log"; "app", ".profile" and "..x" have no extension.
func splitExt(name string) (root, ext string) {
	k := 0
	for k < len(name) && name[k] == '.' {
		k++
	}
	i := strings.LastIndexByte(name[k:], '.')
	if i < 0 {
		return name, ""
	}
	return name[:k+i], name[k+i:]
}

// appendStamp appends t as YYYY-MM-DD_HH-MM-SS_ffffff.
func appendStamp(dst []byte, t time.Time) []byte {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	dst = appendPadded(dst, y, 4)
	dst = append(dst, '-')
	dst = appendPadded(dst, int(mo), 2)
	dst = append(dst, '-')
	dst = appendPadded(dst, d, 2)
	dst = append(dst, '_')
	dst = appendPadded(dst, h, 2)
	dst = append(dst, '-')
	dst = appendPadded(dst, mi, 2)
	dst = append(dst, '-')
	dst = appendPadded(dst, s, 2)
	dst = append(dst, '_')
	return appendPadded(dst, t.Nanosecond()/1000, 6)
}

func appendPadded(dst []byte, v, width int) []byte {
	if v < 0 {
		dst = append(dst, '-')
		v = -v
	}
	var b [20]byte
	i := len(b)
	for v > 0 || i == len(b) {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	for n := len(b) - i; n < width; n++ {
		dst = append(dst, '0')
	}
	return append(dst, b[i:]...)
}

// isStamp reports whether s is exactly a time stamp YYYY-MM-DD_HH-MM-SS_ffffff.
func isStamp(s string) bool {
	if len(s) != stampLen {
		return false
	}
	for i := 0; i < stampLen; i++ {
		c := s[i]
		switch i {
		case 4, 7, 13, 16:
			if c != '-' {
				return false
			}
		case 10, 19:
			if c != '_' {
				return false
			}
		default:
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}

// parseCounter reads a positive decimal number without leading zeros, as rotated names
// carry (the collision counter .2, the index .1).
func parseCounter(s string) (int, bool) {
	if s == "" || len(s) > 9 || s[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// timeName returns the time-scheme name of a rotated file: root.<stamp>[.n]ext, the
// counter shown from 2 on.
func timeName(root, ext string, created time.Time, n int) string {
	b := make([]byte, 0, len(root)+len(ext)+stampLen+8)
	b = append(b, root...)
	b = append(b, '.')
	b = appendStamp(b, created)
	if n > 1 {
		b = append(b, '.')
		b = appendPadded(b, n, 1)
	}
	return string(append(b, ext...))
}

// rotatedName returns the name of a rotated file made from root+ext and created at
// created, with the collision counter n (shown from 2 on): the time scheme's name, or
// the custom template's rendering with .n before its extension.
func (n *namer) rotatedName(root, ext string, created time.Time, k int) string {
	if n.scheme != namingCustom {
		return timeName(root, ext, created, k)
	}
	name := n.custom.render(created)
	if k < 2 {
		return name
	}
	r, e := splitExt(name)
	return r + "." + string(appendPadded(nil, k, 1)) + e
}

// indexName returns the index-scheme name of a rotated file: root.<k>ext.
func indexName(root, ext string, k int) string {
	return fmt.Sprintf("%s.%d%s", root, k, ext)
}

// archiveExts lists the extensions of every format archive.Compress writes, longest
// first so that ".tar.gz" is tried before ".gz".
var archiveExts = func() []string {
	var exts []string
	for f := archive.Gzip; f <= archive.TarXz; f++ {
		exts = append(exts, f.Ext())
	}
	for i := 1; i < len(exts); i++ { // insertion sort by decreasing length
		for j := i; j > 0 && len(exts[j]) > len(exts[j-1]); j-- {
			exts[j], exts[j-1] = exts[j-1], exts[j]
		}
	}
	return exts
}()

// pathTemplate is a file name holding {time} or {time:FORMAT} fields, rendered with the
// clock's time each time the sink opens a file.
type pathTemplate struct {
	parts []tmplPart
}

// tmplPart is literal text, or a time field when f is set.
type tmplPart struct {
	lit string
	f   *timefmt.Format
	// What the field's text can be, learnt by rendering sample times: the bytes it
	// uses and its shortest and longest length. Retention matches rotated names by it.
	chars        [256]bool
	minLen, maxN int
}

// parsePathTemplate parses a file name as loguru formats a path: {time} and
// {time:FORMAT} are fields, {{ and }} are literal braces, and any other brace is an
// error. It returns nil, and the name with its braces unescaped, when the name has no
// field.
func parsePathTemplate(name string, loc *time.Location) (*pathTemplate, string, error) {
	var parts []tmplPart
	var lit strings.Builder
	hasField := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '{' && i+1 < len(name) && name[i+1] == '{', c == '}' && i+1 < len(name) && name[i+1] == '}':
			lit.WriteByte(c)
			i++
		case c == '}':
			return nil, "", errors.New("single '}': write '}}' for a literal brace")
		case c == '{':
			end := strings.IndexByte(name[i:], '}')
			if end < 0 {
				return nil, "", errors.New("unclosed '{': write '{{' for a literal brace")
			}
			field := name[i+1 : i+end]
			key, spec, hasSpec := strings.Cut(field, ":")
			if key != "time" {
				return nil, "", fmt.Errorf("unknown field {%s}: only {time} and {time:FORMAT} are allowed; write '{{' for a literal brace", field)
			}
			if !hasSpec || spec == "" {
				spec = defaultPathTime
			}
			if strings.ContainsAny(spec, "{/\\") || strings.ContainsRune(spec, filepath.Separator) {
				return nil, "", fmt.Errorf("{%s}: a time format in a path must not hold a path separator or a brace", field)
			}
			f, err := timefmt.Compile(spec)
			if err != nil {
				return nil, "", fmt.Errorf("{%s}: %w", field, err)
			}
			if lit.Len() > 0 {
				parts = append(parts, tmplPart{lit: lit.String()})
				lit.Reset()
			}
			p := tmplPart{f: f}
			p.learn(loc)
			// A strftime conversion can render a separator (%x is "01/02/06", %D, %F…):
			// check what the field writes, not only how it is spelled.
			if p.chars['/'] || p.chars['\\'] || p.chars[0] {
				return nil, "", fmt.Errorf("{%s}: the time format writes a path separator (or NUL) into the file name", field)
			}
			parts = append(parts, p)
			hasField = true
			i += end
		default:
			lit.WriteByte(c)
		}
	}
	if !hasField {
		return nil, lit.String(), nil
	}
	if lit.Len() > 0 {
		parts = append(parts, tmplPart{lit: lit.String()})
	}
	return &pathTemplate{parts: parts}, "", nil
}

// learn renders sample times spread over every month, weekday, hour and fraction of a
// second, and over years from 1970 to 2099 (so that every digit shows), to learn which
// bytes the field's text uses and how long it is. Names whose field holds anything else
// are not the sink's.
func (p *tmplPart) learn(loc *time.Location) {
	p.minLen = -1
	var buf []byte
	sample := func(t time.Time) {
		buf = p.f.Append(buf[:0], t)
		for _, c := range buf {
			p.chars[c] = true
		}
		if p.minLen < 0 || len(buf) < p.minLen {
			p.minLen = len(buf)
		}
		p.maxN = max(p.maxN, len(buf))
	}
	// Every month, day and hour, with minutes and seconds that go through every digit
	// (about 18,000 renderings, a few milliseconds, once per sink).
	year := time.Now().Year()
	for mo := 1; mo <= 12; mo++ {
		for d := 1; d <= 31; d++ {
			for h := 0; h < 24; h++ {
				for _, ns := range []int{0, 123456789} {
					sample(time.Date(year, time.Month(mo), d, h, (d+h*7)%60, (59-h*3+d)%60, ns, loc))
				}
			}
		}
	}
	for _, y := range []int{1970, 1985, 1999, 2000, 2012, 2023, 2034, 2045, 2056, 2067, 2078, 2089, 2099, year - 1, year + 1} {
		for mo := 1; mo <= 12; mo++ {
			sample(time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, loc))
			sample(time.Date(y, time.Month(mo), 28, 23, 59, 59, 999999999, loc))
		}
	}
}

// render returns the file name for time t.
func (t *pathTemplate) render(now time.Time) string {
	var b []byte
	for i := range t.parts {
		if p := &t.parts[i]; p.f != nil {
			b = p.f.Append(b, now)
		} else {
			b = append(b, p.lit...)
		}
	}
	return string(b)
}

// match reports whether name could have been rendered by the template.
func (t *pathTemplate) match(name string) bool { return matchParts(t.parts, name) }

func matchParts(parts []tmplPart, s string) bool {
	if len(parts) == 0 {
		return s == ""
	}
	p := &parts[0]
	if p.f == nil {
		return strings.HasPrefix(s, p.lit) && matchParts(parts[1:], s[len(p.lit):])
	}
	for n := 0; n <= p.maxN && n <= len(s); n++ {
		if n > 0 && !p.chars[s[n-1]] {
			return false
		}
		if n >= p.minLen && matchParts(parts[1:], s[n:]) {
			return true
		}
	}
	return false
}

// nameKind says which grammar a name of the sink's matched.
type nameKind uint8

const (
	kindBase   nameKind = iota // the active name (or an earlier rendering of a template), compressed at Close
	kindTime                   // root.<stamp>[.n]ext
	kindIndex                  // root.<k>ext
	kindCustom                 // a rendering of the Naming template, with .<n> before its extension when n > 1
)

// ownName is a file name the sink recognises as one it produced.
type ownName struct {
	kind    nameKind
	logical string // the name without its archive extension: a file and its archive are one
	base    string // the active-file name it derives from
	stamp   string // kindTime: the time stamp; kindCustom: the rendering, without counter
	n       int    // kindTime, kindCustom: collision counter (1 when absent); kindIndex: the index
}

// namer knows the sink's file names: its active name (or template), its naming scheme
// and the grammar of what it produces.
type namer struct {
	base   string        // the active file's name, when not a template
	tmpl   *pathTemplate // the template, or nil
	scheme naming
	custom *pathTemplate // the Naming template (namingCustom)
}

// isBase reports whether name is the active name, or (for a template) one of its
// renderings.
func (n *namer) isBase(name string) bool {
	if n.tmpl != nil {
		return n.tmpl.match(name)
	}
	return name == n.base
}

// parse reports whether name is one the sink produced, and how: a rotated name of the
// naming scheme, a rendering of the template, or any of those (or the active name) with
// the extension of one of the archive formats. Time-scheme names are recognised under
// both schemes (the index scheme stages rotated files under them). The plain active name
// of a sink without a template matches too: callers exclude the active file.
func (n *namer) parse(name string) (ownName, bool) {
	if o, ok := n.parseStem(name); ok {
		return o, true
	}
	for _, ext := range archiveExts {
		if len(name) > len(ext) && strings.HasSuffix(name, ext) {
			if o, ok := n.parseStem(name[:len(name)-len(ext)]); ok {
				return o, true
			}
		}
	}
	return ownName{}, false
}

// parseStem parses a name without archive extension.
func (n *namer) parseStem(s string) (ownName, bool) {
	if n.isBase(s) {
		return ownName{kind: kindBase, logical: s, base: s}, true
	}
	if n.scheme == namingCustom {
		if o, ok := n.parseCustom(s); ok {
			return o, true
		}
	}
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if o, ok := n.rotatedAt(s, i); ok {
			return o, true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return ownName{}, false
}

// parseCustom reads s as a rendering of the Naming template, or as one with the
// collision counter .<n> (n from 2) before its extension.
func (n *namer) parseCustom(s string) (ownName, bool) {
	if n.custom.match(s) {
		return ownName{kind: kindCustom, logical: s, stamp: s, n: 1}, true
	}
	for i := strings.IndexByte(s, '.'); i >= 0; {
		num, ext := cutCounter(s[i+1:])
		if k, ok := parseCounter(num); ok && k >= 2 {
			b := s[:i] + ext
			if r, e := splitExt(b); r == s[:i] && e == ext && n.custom.match(b) {
				return ownName{kind: kindCustom, logical: s, stamp: b, n: k}, true
			}
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return ownName{}, false
}

// cutCounter splits s at its first dot, keeping the dot with the extension: "2.log" is
// "2" and ".log", "2." is "2" and "." (a name "app." has the extension "."), "2" is "2"
// and "".
func cutCounter(s string) (num, ext string) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// rotatedAt tries to read s as root + "." + <rotation mark> + ext with the dot at i.
func (n *namer) rotatedAt(s string, i int) (ownName, bool) {
	root, rest := s[:i], s[i+1:]
	if root == "" {
		return ownName{}, false
	}
	// baseOK checks that root+ext is a name of the sink that splits into root and ext.
	baseOK := func(ext string) bool {
		if ext != "" && (ext[0] != '.' || strings.IndexByte(ext[1:], '.') >= 0) {
			return false
		}
		b := root + ext
		r, e := splitExt(b)
		return r == root && e == ext && n.isBase(b)
	}
	if len(rest) >= stampLen && isStamp(rest[:stampLen]) {
		stamp, tail := rest[:stampLen], rest[stampLen:]
		if baseOK(tail) {
			return ownName{kind: kindTime, logical: s, base: root + tail, stamp: stamp, n: 1}, true
		}
		if len(tail) > 1 && tail[0] == '.' {
			num, ext := cutCounter(tail[1:])
			if k, ok := parseCounter(num); ok && k >= 2 && baseOK(ext) {
				return ownName{kind: kindTime, logical: s, base: root + ext, stamp: stamp, n: k}, true
			}
		}
	}
	if n.scheme == namingIndex {
		num, ext := cutCounter(rest)
		if k, ok := parseCounter(num); ok && baseOK(ext) {
			return ownName{kind: kindIndex, logical: s, base: root + ext, n: k}, true
		}
	}
	return ownName{}, false
}

// older reports whether a sorts before b among files with equal modification times:
// higher indexes are older, earlier stamps (or custom renderings, compared as text) and
// lower counters are older.
func (a ownName) older(b ownName) bool {
	if a.kind != b.kind {
		return a.kind > b.kind // index (staged earlier) < time < base
	}
	switch a.kind {
	case kindIndex:
		if a.n != b.n {
			return a.n > b.n
		}
	case kindTime, kindCustom:
		if a.stamp != b.stamp {
			return a.stamp < b.stamp
		}
		if a.n != b.n {
			return a.n < b.n
		}
	}
	return a.logical < b.logical
}
