package config

import (
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/logru/logru/internal/editdist"
)

// Format is the syntax of a configuration file. The zero Format is JSON.
type Format uint8

// The formats of a configuration file.
const (
	JSON Format = iota
	YAML
)

// FormatOf returns the format the extension of path names, in any case: YAML for .yaml
// and .yml, JSON for .json. ok is false for any other extension.
func FormatOf(path string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return YAML, true
	case ".json":
		return JSON, true
	}
	return 0, false
}

// Document is a parsed configuration file. It remembers the node of every path Decode
// visits, so that a value found wrong after decoding can still be placed in the file.
// A Document is not safe for concurrent use.
type Document struct {
	root  *Node
	nodes map[string]*Node
}

// Parse parses data, one JSON value or one YAML document, within the limits MaxDepth and
// MaxNodes. An empty YAML document is an empty mapping. A syntax error names its line.
func Parse(data []byte, f Format) (*Document, error) {
	var root *Node
	var err error
	if f == YAML {
		root, err = parseYAML(data)
	} else {
		root, err = parseJSON(data)
	}
	if err != nil {
		return nil, err
	}
	return &Document{root: root, nodes: map[string]*Node{}}, nil
}

// A Hook decodes n into v, a settable value of the type the Hook is registered for. It
// returns why it refuses n; Decode makes that a *FieldError naming the path and the value.
type Hook func(n *Node, v reflect.Value) error

// Hooks maps types to the Hooks that decode them. A Hook for an interface type (any)
// decodes every field of that type.
type Hooks map[reflect.Type]Hook

// FieldError is a value of a configuration file the decoder refuses.
type FieldError struct {
	Path  string // the key's path: "handlers[1].level", `extra["a"]`; "" for the whole file
	Value string // the value as written; "{…}" for a mapping, "[…]" for a sequence
	Err   error  // why; Unwrap returns it
}

// Error returns `<Path> "<Value>": <reason>`.
func (e *FieldError) Error() string {
	return e.Path + " " + strconv.Quote(e.Value) + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *FieldError) Unwrap() error { return e.Err }

// Decode fills the struct v points to from the document, by the keys of its fields'
// json tags (see Key), recursively: strings, booleans, ints, fs.FileMode (octal),
// slices, structs, map[string]T and map[string]any (any value: string, int64, float64,
// bool, nil, map[string]any or []any), and the types hooks name. null leaves a value at
// its zero. An unknown key (with the nearest known one suggested), a repeated key, a
// value of the wrong type, or a field it cannot decode is a *FieldError; the first one
// found is returned.
func (doc *Document) Decode(v any, hooks Hooks) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("config: Decode needs a non-nil pointer")
	}
	d := &decoder{nodes: doc.nodes, hooks: hooks}
	return d.decode("", doc.root, rv.Elem())
}

// Position returns the line and column (1-based; column 0 when unknown) of the value at
// path, as Decode named it, or of the nearest enclosing path Decode visited (the whole
// document when none). For an unknown or repeated key, it is the key's position.
func (doc *Document) Position(path string) (line, col int) {
	n := doc.root
	for p := path; ; {
		if found, ok := doc.nodes[p]; ok {
			n = found
			break
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	return n.Line, n.Col
}

// Key is the key of a struct field in a configuration file: the name of its json tag,
// "" when it has none or it is "-".
func Key(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// decoder decodes a tree, remembering the node of every path.
type decoder struct {
	nodes map[string]*Node
	hooks Hooks
}

var fileModeType = reflect.TypeFor[fs.FileMode]()

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Summary is how n is shown in an error: a scalar as written, a mapping as "{…}", a
// sequence as "[…]".
func (n *Node) Summary() string {
	switch n.Kind {
	case Mapping:
		return "{…}"
	case Sequence:
		return "[…]"
	}
	return n.Text
}

func fieldErr(path string, value, reason string) *FieldError {
	return &FieldError{Path: path, Value: value, Err: errors.New(reason)}
}

func typeErr(path string, n *Node, want string) error {
	return fieldErr(path, n.Summary(), "want "+want)
}

// decode stores n, found at path, into v.
func (d *decoder) decode(path string, n *Node, v reflect.Value) error {
	if path != "" {
		d.nodes[path] = n
	}
	if n.Kind == Scalar && n.Type == Null {
		return nil // null is the zero value
	}
	t := v.Type()
	if hook, ok := d.hooks[t]; ok {
		if err := hook(n, v); err != nil {
			return &FieldError{Path: path, Value: n.Summary(), Err: err}
		}
		return nil
	}
	if t == fileModeType {
		return decodeMode(path, n, v)
	}
	switch t.Kind() {
	case reflect.String:
		if n.Kind != Scalar || n.Type != String && n.Type != Number {
			return typeErr(path, n, "a string")
		}
		v.SetString(n.Text)
		return nil
	case reflect.Bool:
		b, err := strconv.ParseBool(n.Text)
		if n.Kind != Scalar || n.Type != Bool || err != nil {
			return typeErr(path, n, "true or false")
		}
		v.SetBool(b)
		return nil
	case reflect.Int:
		i, err := strconv.ParseInt(n.Text, 10, 64)
		if n.Kind != Scalar || n.Type != Number || err != nil || v.OverflowInt(i) {
			return typeErr(path, n, "a whole number")
		}
		v.SetInt(i)
		return nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			break
		}
		if t.Elem().Kind() == reflect.Interface && t.Elem().NumMethod() == 0 { // Fields
			if n.Kind != Mapping {
				return typeErr(path, n, "a mapping of field names to values")
			}
			val, err := d.generic(path, n)
			if err != nil {
				return err
			}
			v.Set(reflect.ValueOf(val).Convert(t))
			return nil
		}
		return d.decodeMap(path, n, v)
	case reflect.Slice:
		if n.Kind != Sequence {
			return typeErr(path, n, "a list")
		}
		s := reflect.MakeSlice(t, len(n.Items), len(n.Items))
		for i, item := range n.Items {
			if err := d.decode(path+"["+strconv.Itoa(i)+"]", item, s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	case reflect.Struct:
		return d.decodeStruct(path, n, v)
	}
	return fieldErr(path, n.Summary(), "cannot be set from a file")
}

// decodeMap decodes a mapping into a map with string keys (FilterLevels).
func (d *decoder) decodeMap(path string, n *Node, v reflect.Value) error {
	if n.Kind != Mapping {
		return typeErr(path, n, "a mapping")
	}
	t := v.Type()
	m := reflect.MakeMapWithSize(t, len(n.Keys))
	for i, k := range n.Keys {
		p := path + "[" + strconv.Quote(k.Text) + "]"
		key := reflect.ValueOf(k.Text).Convert(t.Key())
		if m.MapIndex(key).IsValid() {
			d.nodes[p] = k
			return fieldErr(p, k.Text, "duplicate key")
		}
		e := reflect.New(t.Elem()).Elem()
		if err := d.decode(p, n.Items[i], e); err != nil {
			return err
		}
		m.SetMapIndex(key, e)
	}
	v.Set(m)
	return nil
}

func (d *decoder) decodeStruct(path string, n *Node, v reflect.Value) error {
	if n.Kind != Mapping {
		return typeErr(path, n, "a mapping")
	}
	t := v.Type()
	fields := map[string]int{}
	var names []string
	for i := range t.NumField() {
		if name := Key(t.Field(i)); name != "" {
			fields[name] = i
			names = append(names, name)
		}
	}
	seen := map[string]bool{}
	for i, k := range n.Keys {
		p := join(path, k.Text)
		idx, ok := fields[k.Text]
		if !ok {
			d.nodes[p] = k
			reason := "unknown key"
			if near := nearest(k.Text, names); near != "" {
				reason += "; did you mean " + strconv.Quote(near) + "?"
			}
			return fieldErr(p, n.Items[i].Summary(), reason)
		}
		if seen[k.Text] {
			d.nodes[p] = k
			return fieldErr(p, n.Items[i].Summary(), "duplicate key")
		}
		seen[k.Text] = true
		if err := d.decode(p, n.Items[i], v.Field(idx)); err != nil {
			return err
		}
	}
	return nil
}

// decodeMode reads a file mode written in octal: "0640", "640" or "0o640" as a string,
// or a YAML number written with a leading 0 (0640). A number without one (416) is
// refused: it is ambiguous.
func decodeMode(path string, n *Node, v reflect.Value) error {
	const want = `want an octal permission as a string, such as "0640"`
	if n.Kind != Scalar || n.Type != String && !(n.Type == Number && strings.HasPrefix(n.Text, "0")) {
		return fieldErr(path, n.Summary(), want)
	}
	s := strings.TrimPrefix(strings.TrimPrefix(n.Text, "0o"), "0O")
	m, err := strconv.ParseUint(s, 8, 32)
	if err != nil || s == "" {
		return fieldErr(path, n.Text, want)
	}
	if m&^uint64(fs.ModePerm) != 0 {
		return fieldErr(path, n.Text, "only permission bits (0 to 0777) are allowed")
	}
	v.Set(reflect.ValueOf(fs.FileMode(m)))
	return nil
}

// generic converts n to plain Go values: string, int64, float64, bool, nil,
// map[string]any and []any.
func (d *decoder) generic(path string, n *Node) (any, error) {
	d.nodes[path] = n
	switch n.Kind {
	case Mapping:
		m := make(map[string]any, len(n.Keys))
		for i, k := range n.Keys {
			p := path + "[" + strconv.Quote(k.Text) + "]"
			if _, dup := m[k.Text]; dup {
				d.nodes[p] = k
				return nil, fieldErr(p, k.Text, "duplicate key")
			}
			val, err := d.generic(p, n.Items[i])
			if err != nil {
				return nil, err
			}
			m[k.Text] = val
		}
		return m, nil
	case Sequence:
		s := make([]any, len(n.Items))
		for i, item := range n.Items {
			val, err := d.generic(path+"["+strconv.Itoa(i)+"]", item)
			if err != nil {
				return nil, err
			}
			s[i] = val
		}
		return s, nil
	}
	switch n.Type {
	case Number:
		if i, err := strconv.ParseInt(n.Text, 10, 64); err == nil {
			return i, nil
		}
		if f, err := strconv.ParseFloat(n.Text, 64); err == nil {
			return f, nil
		}
		return n.Text, nil // YAML's .inf, 0x1F…: kept as written
	case Bool:
		b, _ := strconv.ParseBool(n.Text)
		return b, nil
	case Null:
		return nil, nil
	}
	return n.Text, nil
}

// nearest returns the name closest to s when it is a likely misspelling of it.
func nearest(s string, names []string) string {
	best, bestD := "", 3
	for _, name := range names {
		if d := editdist.Distance(s, name); d < bestD {
			best, bestD = name, d
		}
	}
	return best
}
