package config

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
)

// The decoder knows none of logru's types: these stand in for them.
type (
	fields map[string]any
	upper  string // decoded by a hook
	inner  struct {
		Name string `json:"name"`
		No   int    `json:"no"`
	}
	target struct {
		S      string            `json:"s"`
		B      bool              `json:"b,omitempty"`
		I      int               `json:"i"`
		Mode   fs.FileMode       `json:"mode"`
		Levels map[string]string `json:"levels"`
		Extra  fields            `json:"extra"`
		List   []inner           `json:"list"`
		In     inner             `json:"in"`
		Up     upper             `json:"up"`
		Any    any               `json:"any"`
		F      func()            `json:"-"`
		NoTag  string
		Float  float64 `json:"float"`
	}
)

var testHooks = Hooks{
	reflect.TypeFor[upper](): func(n *Node, v reflect.Value) error {
		if n.Kind != Scalar || n.Type != String {
			return errors.New("want a word")
		}
		v.SetString(strings.ToUpper(n.Text))
		return nil
	},
	reflect.TypeFor[any](): func(n *Node, v reflect.Value) error {
		v.Set(reflect.ValueOf(n.Summary()))
		return nil
	},
}

func decodeText(t *testing.T, text string, f Format) (target, *Document, error) {
	t.Helper()
	doc, err := Parse([]byte(text), f)
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	var v target
	err = doc.Decode(&v, testHooks)
	return v, doc, err
}

func TestDecode(t *testing.T) {
	for _, tt := range []struct {
		name, yaml string
		want       target
	}{
		{"empty", "", target{}},
		{"scalars", "s: a\nb: true\ni: -3\n", target{S: "a", B: true, I: -3}},
		{"a number as a string", "s: 10\n", target{S: "10"}},
		{"nulls", "s: ~\ni: null\nlist: ~\n", target{}},
		{"mode", "mode: '0640'\n", target{Mode: 0o640}},
		{"mode 0o", "mode: 0o600\n", target{Mode: 0o600}},
		{"mode number with a 0", "mode: 0640\n", target{Mode: 0o640}},
		{"map", "levels: {a: INFO, b: 5}\n", target{Levels: map[string]string{"a": "INFO", "b": "5"}}},
		{"any map", "extra: {a: 1, b: 0.5, c: [x, {d: null}], e: false, f: .inf}\n",
			target{Extra: fields{"a": int64(1), "b": 0.5, "c": []any{"x", map[string]any{"d": nil}}, "e": false, "f": ".inf"}}},
		{"list of structs", "list: [{name: a, no: 1}, {name: b}]\n", target{List: []inner{{"a", 1}, {"b", 0}}}},
		{"struct", "in: {name: x, no: 7}\n", target{In: inner{"x", 7}}},
		{"hooks", "up: shout\nany: [1]\n", target{Up: "SHOUT", Any: "[…]"}},
		{"alias", "s: &x hi\nin: {name: *x}\n", target{S: "hi", In: inner{Name: "hi"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := decodeText(t, tt.yaml, YAML)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, %v\nwant %+v", got, err, tt.want)
			}
		})
	}
}

// Every refusal is a *FieldError naming the path and the value as written, and Position
// places the path in the file (at the key, for a key that is wrong itself).
func TestDecodeErrors(t *testing.T) {
	for _, tt := range []struct {
		name, yaml          string
		path, value, reason string
		line, col           int
	}{
		{"unknown key", "s: a\nlevle: {}\n", "levle", "{…}", `unknown key; did you mean "levels"?`, 2, 1},
		{"unknown key far from any", "zzzzzz: 1\n", "zzzzzz", "1", "unknown key", 1, 1},
		{"untagged field", "NoTag: 1\n", "NoTag", "1", "unknown key", 1, 1},
		{"func field", "F: 1\n", "F", "1", "unknown key", 1, 1},
		{"duplicate key", "s: a\ns: b\n", "s", "b", "duplicate key", 2, 1},
		{"duplicate map key", "levels: {a: x, a: y}\n", `levels["a"]`, "a", "duplicate key", 1, 16},
		{"duplicate any key", "extra:\n  a: 1\n  b: {c: 1, c: 2}\n", `extra["b"]["c"]`, "c", "duplicate key", 3, 13},
		{"string as list", "s: [a]\n", "s", "[…]", "want a string", 1, 4},
		{"bool as string", "b: yes please\n", "b", "yes please", "want true or false", 1, 4},
		{"int fraction", "i: 1.5\n", "i", "1.5", "want a whole number", 1, 4},
		{"int overflow", "i: 99999999999999999999\n", "i", "99999999999999999999", "want a whole number", 1, 4},
		{"mode decimal", "mode: 416\n", "mode", "416", "octal", 1, 7},
		{"mode not octal", "mode: '0980'\n", "mode", "0980", "octal", 1, 7},
		{"mode bits", "mode: '04755'\n", "mode", "04755", "only permission bits", 1, 7},
		{"mode empty", "mode: '0o'\n", "mode", "0o", "octal", 1, 7},
		{"map not a mapping", "levels: [a]\n", "levels", "[…]", "want a mapping", 1, 9},
		{"any map not a mapping", "extra: 1\n", "extra", "1", "want a mapping of field names to values", 1, 8},
		{"list not a sequence", "list: {}\n", "list", "{…}", "want a list", 1, 7},
		{"item not a mapping", "list: [{name: a}, b]\n", "list[1]", "b", "want a mapping", 1, 19},
		{"nested", "list:\n  - name: a\n    no: x\n", "list[0].no", "x", "want a whole number", 3, 9},
		{"top level", "- a\n", "", "[…]", "want a mapping", 1, 1},
		{"hook", "up: [a]\n", "up", "[…]", "want a word", 1, 5},
		{"no decoder for the type", "float: 1.5\n", "float", "1.5", "cannot be set from a file", 1, 8},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, doc, err := decodeText(t, tt.yaml, YAML)
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v (%T), value %+v; want a *FieldError", err, err, got)
			}
			if fe.Path != tt.path || fe.Value != tt.value || !strings.Contains(fe.Err.Error(), tt.reason) {
				t.Errorf("got %q %q %q, want %q %q %q", fe.Path, fe.Value, fe.Err, tt.path, tt.value, tt.reason)
			}
			if want := fe.Path + " \"" + fe.Value + "\": " + fe.Err.Error(); err.Error() != want {
				t.Errorf("message %q, want %q", err.Error(), want)
			}
			if line, col := doc.Position(fe.Path); line != tt.line || col != tt.col {
				t.Errorf("Position(%q) = %d:%d, want %d:%d", fe.Path, line, col, tt.line, tt.col)
			}
		})
	}
}

// The same document in both formats decodes to the same value, and places the same
// path on the line it was written on.
func TestDecodeJSONAndPosition(t *testing.T) {
	yml := "s: a\nlist:\n  - name: b\n    no: 2\nextra: {k: [1, true]}\nmode: '0600'\n"
	jsn := "{\"s\": \"a\",\n \"list\": [\n  {\"name\": \"b\",\n   \"no\": 2}],\n \"extra\": {\"k\": [1, true]},\n \"mode\": \"0600\"}"
	y, ydoc, err := decodeText(t, yml, YAML)
	if err != nil {
		t.Fatal(err)
	}
	j, jdoc, err := decodeText(t, jsn, JSON)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(y, j) {
		t.Errorf("YAML %+v\nJSON %+v", y, j)
	}
	for _, tt := range []struct {
		path      string
		line      int
		jcol, col int
	}{
		{"list[0].no", 4, 10, 9},
		{"list[0]", 3, 3, 5},
		{"list[0].no.deeper", 4, 10, 9}, // the nearest enclosing path that has a node
		{`extra["k"][1]`, 5, 21, 16},
		{"nowhere", 1, 1, 1}, // the document
	} {
		if line, col := ydoc.Position(tt.path); line != tt.line || col != tt.col {
			t.Errorf("YAML Position(%q) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
		if line, col := jdoc.Position(tt.path); line != tt.line || col != tt.jcol {
			t.Errorf("JSON Position(%q) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.jcol)
		}
	}
}

func TestDecodeNeedsAPointer(t *testing.T) {
	doc, err := Parse([]byte("{}"), JSON)
	if err != nil {
		t.Fatal(err)
	}
	var v target
	for _, arg := range []any{v, (*target)(nil), nil} {
		if err := doc.Decode(arg, nil); err == nil {
			t.Errorf("Decode(%T) succeeded", arg)
		}
	}
}

func TestFormatOf(t *testing.T) {
	for _, tt := range []struct {
		path string
		f    Format
		ok   bool
	}{
		{"a.yaml", YAML, true}, {"a.YML", YAML, true}, {"dir.json/a.Json", JSON, true},
		{"a.toml", 0, false}, {"yaml", 0, false}, {"a.yaml.bak", 0, false},
	} {
		if f, ok := FormatOf(tt.path); f != tt.f || ok != tt.ok {
			t.Errorf("FormatOf(%q) = %v, %v; want %v, %v", tt.path, f, ok, tt.f, tt.ok)
		}
	}
}

// FuzzDecode feeds arbitrary bytes to both parsers and the decoder: they return a value
// or an error, never panic; every refusal of the decoder is a *FieldError whose path
// Position can place.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("s: a\nlist: [{name: b, no: 2}]\nextra: {a: [1, {b: ~}]}\nmode: 0640\nup: x\n"))
	f.Add([]byte(`{"levels": {"a": "b"}, "in": {"name": "x", "no": 1}, "any": [1]}`))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("levle: 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []Format{YAML, JSON} {
			doc, err := Parse(data, format)
			if err != nil {
				if err.Error() == "" {
					t.Fatal("an empty error message")
				}
				continue
			}
			var v target
			err = doc.Decode(&v, testHooks)
			if err == nil {
				continue
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Err == nil {
				t.Fatalf("Decode: %v (%T), want a *FieldError", err, err)
			}
			if line, _ := doc.Position(fe.Path); line < 1 {
				t.Fatalf("Position(%q) = line %d", fe.Path, line)
			}
		}
	})
}
