package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	yaml "go.yaml.in/yaml/v3"
)

// The first step of reading a configuration file: its text, YAML or JSON alike, becomes
// a tree of Nodes holding the position of every value and key. decode.go then decodes
// the tree into a struct.

// Kind is what a Node holds: a scalar, a mapping or a sequence.
type Kind uint8

// The kinds of Node.
const (
	Scalar Kind = iota
	Mapping
	Sequence
)

// Type is the type a scalar was written with.
type Type uint8

// The types of scalar. A YAML timestamp is a String; YAML's .inf, .nan and 0x1F are
// Numbers, kept as written.
const (
	String Type = iota
	Number
	Bool
	Null
)

// Node is one value of a configuration file. A Node is built once, by Parse, and only
// read after: it is safe to read from several goroutines.
type Node struct {
	Kind      Kind
	Type      Type // scalars
	Text      string
	Line, Col int     // 1-based; Col 0 when unknown
	Keys      []*Node // mappings: the keys (scalars), matching Items
	Items     []*Node // mapping values, or sequence items
}

// Limits on a configuration file, so that hostile input cannot exhaust the process:
// ReadFile refuses a file over MaxSize bytes, Parse one nested deeper than MaxDepth or
// holding more than MaxNodes values.
const (
	MaxSize  = 4 << 20 // bytes
	MaxDepth = 64      // nested mappings and sequences
	MaxNodes = 1 << 16 // values, aliases counted each time they are used
)

var errTooDeep = fmt.Errorf("nested more than %d levels deep", MaxDepth)
var errTooBig = fmt.Errorf("more than %d values (counting each use of an alias)", MaxNodes)

// parseYAML parses one YAML document. An empty document is an empty mapping.
func parseYAML(data []byte) (*Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &Node{Kind: Mapping, Line: 1}, nil
		}
		return nil, err
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("line %d: a configuration file holds one YAML document", more.Line)
	}
	budget := MaxNodes
	return fromYAML(&doc, 0, &budget)
}

func fromYAML(n *yaml.Node, depth int, budget *int) (*Node, error) {
	if depth > MaxDepth {
		return nil, fmt.Errorf("line %d: %w", n.Line, errTooDeep)
	}
	if *budget--; *budget < 0 {
		return nil, errTooBig
	}
	t := &Node{Line: n.Line, Col: n.Column}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &Node{Kind: Mapping, Line: 1}, nil
		}
		return fromYAML(n.Content[0], depth, budget)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, fmt.Errorf("line %d: unknown alias", n.Line)
		}
		return fromYAML(n.Alias, depth+1, budget)
	case yaml.ScalarNode:
		t.Kind, t.Text = Scalar, n.Value
		switch n.ShortTag() {
		case "!!str", "!!timestamp":
			t.Type = String
		case "!!int", "!!float":
			t.Type = Number
		case "!!bool":
			t.Type = Bool
		case "!!null":
			t.Type = Null
		default:
			return nil, fmt.Errorf("line %d: the tag %s is not supported", n.Line, n.Tag)
		}
	case yaml.SequenceNode:
		t.Kind = Sequence
		for _, c := range n.Content {
			item, err := fromYAML(c, depth+1, budget)
			if err != nil {
				return nil, err
			}
			t.Items = append(t.Items, item)
		}
	case yaml.MappingNode:
		t.Kind = Mapping
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: a key must be a plain value", k.Line)
			}
			if k.ShortTag() == "!!merge" {
				return nil, fmt.Errorf("line %d: merge keys (<<) are not supported", k.Line)
			}
			val, err := fromYAML(v, depth+1, budget)
			if err != nil {
				return nil, err
			}
			t.Keys = append(t.Keys, &Node{Kind: Scalar, Text: k.Value, Line: k.Line, Col: k.Column})
			t.Items = append(t.Items, val)
		}
	default:
		return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
	}
	return t, nil
}

// parseJSON parses one JSON value, keeping the order of keys.
func parseJSON(data []byte) (*Node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &jsonParser{dec: dec, data: data, budget: MaxNodes}
	t, err := p.value(0)
	if err != nil {
		return nil, p.where(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, p.where(errors.New("unexpected data after the top-level value"))
	}
	return t, nil
}

type jsonParser struct {
	dec    *json.Decoder
	data   []byte
	budget int
	// The position last computed, to go on from there: tokens come in order, and
	// counting from the start each time would be quadratic.
	off, line, lineStart int
}

// pos returns the line and column where the next token starts (after blanks and the
// separator that json.Decoder leaves in front of it).
func (p *jsonParser) pos() (int, int) {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return p.lineCol(off)
}

// lineCol returns the 1-based line and column of byte off.
func (p *jsonParser) lineCol(off int) (int, int) {
	off = min(off, len(p.data))
	if off < p.off || p.line == 0 {
		p.off, p.line, p.lineStart = 0, 1, 0
	}
	seg := p.data[p.off:off]
	if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
		p.line += n
		p.lineStart = p.off + bytes.LastIndexByte(seg, '\n') + 1
	}
	p.off = off
	return p.line, off - p.lineStart + 1
}

// where prefixes err with the line of the decoder's position, unless it has one.
func (p *jsonParser) where(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, _ := p.lineCol(int(se.Offset))
		return fmt.Errorf("line %d: %w", line, err)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("unexpected end of JSON input")
	}
	line, _ := p.lineCol(int(p.dec.InputOffset()))
	return fmt.Errorf("line %d: %w", line, err)
}

func (p *jsonParser) value(depth int) (*Node, error) {
	if depth > MaxDepth {
		return nil, errTooDeep
	}
	if p.budget--; p.budget < 0 {
		return nil, errTooBig
	}
	line, col := p.pos()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	t := &Node{Line: line, Col: col}
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			t.Kind = Mapping
			for p.dec.More() {
				kl, kc := p.pos()
				kt, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				k, ok := kt.(string)
				if !ok {
					return nil, errors.New("a key must be a string")
				}
				val, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				t.Keys = append(t.Keys, &Node{Kind: Scalar, Text: k, Line: kl, Col: kc})
				t.Items = append(t.Items, val)
			}
		case '[':
			t.Kind = Sequence
			for p.dec.More() {
				item, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				t.Items = append(t.Items, item)
			}
		default:
			return nil, fmt.Errorf("unexpected %q", rune(v))
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		t.Type, t.Text = String, v
	case json.Number:
		t.Type, t.Text = Number, v.String()
	case bool:
		t.Type, t.Text = Bool, strconv.FormatBool(v)
	case nil:
		t.Type, t.Text = Null, "null"
	}
	return t, nil
}
