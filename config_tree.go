package logru

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	yaml "go.yaml.in/yaml/v3"
)

// A configuration file is read in two steps: its text becomes a tree of tnodes (from
// YAML or JSON alike, with the position of every value and key), then the tree is
// decoded into a Config by config_load.go, which knows the keys and names the path of
// every error.

type tkind uint8

const (
	tScalar tkind = iota
	tMap
	tSeq
)

// stype is the type a scalar was written with.
type stype uint8

const (
	sString stype = iota
	sNumber
	sBool
	sNull
)

// tnode is one value of a configuration file.
type tnode struct {
	kind      tkind
	typ       stype // scalars
	text      string
	line, col int      // 1-based; col 0 when unknown
	keys      []*tnode // mappings: the keys (scalars), matching items
	items     []*tnode // mapping values, or sequence items
}

// Limits on a configuration file, so that hostile input cannot exhaust the process.
const (
	maxConfigSize  = 4 << 20 // bytes
	maxConfigDepth = 64      // nested mappings and sequences
	maxConfigNodes = 1 << 16 // values, aliases counted each time they are used
)

var errTooDeep = fmt.Errorf("nested more than %d levels deep", maxConfigDepth)
var errTooBig = fmt.Errorf("more than %d values (counting each use of an alias)", maxConfigNodes)

// parseYAMLTree parses one YAML document. An empty document is an empty mapping.
func parseYAMLTree(data []byte) (*tnode, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &tnode{kind: tMap, line: 1}, nil
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
	budget := maxConfigNodes
	return fromYAML(&doc, 0, &budget)
}

func fromYAML(n *yaml.Node, depth int, budget *int) (*tnode, error) {
	if depth > maxConfigDepth {
		return nil, fmt.Errorf("line %d: %w", n.Line, errTooDeep)
	}
	if *budget--; *budget < 0 {
		return nil, errTooBig
	}
	t := &tnode{line: n.Line, col: n.Column}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &tnode{kind: tMap, line: 1}, nil
		}
		return fromYAML(n.Content[0], depth, budget)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, fmt.Errorf("line %d: unknown alias", n.Line)
		}
		return fromYAML(n.Alias, depth+1, budget)
	case yaml.ScalarNode:
		t.kind, t.text = tScalar, n.Value
		switch n.ShortTag() {
		case "!!str", "!!timestamp":
			t.typ = sString
		case "!!int", "!!float":
			t.typ = sNumber
		case "!!bool":
			t.typ = sBool
		case "!!null":
			t.typ = sNull
		default:
			return nil, fmt.Errorf("line %d: the tag %s is not supported", n.Line, n.Tag)
		}
	case yaml.SequenceNode:
		t.kind = tSeq
		for _, c := range n.Content {
			item, err := fromYAML(c, depth+1, budget)
			if err != nil {
				return nil, err
			}
			t.items = append(t.items, item)
		}
	case yaml.MappingNode:
		t.kind = tMap
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
			t.keys = append(t.keys, &tnode{kind: tScalar, text: k.Value, line: k.Line, col: k.Column})
			t.items = append(t.items, val)
		}
	default:
		return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
	}
	return t, nil
}

// parseJSONTree parses one JSON value, keeping the order of keys.
func parseJSONTree(data []byte) (*tnode, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &jsonParser{dec: dec, data: data, budget: maxConfigNodes}
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

func (p *jsonParser) value(depth int) (*tnode, error) {
	if depth > maxConfigDepth {
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
	t := &tnode{line: line, col: col}
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			t.kind = tMap
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
				t.keys = append(t.keys, &tnode{kind: tScalar, text: k, line: kl, col: kc})
				t.items = append(t.items, val)
			}
		case '[':
			t.kind = tSeq
			for p.dec.More() {
				item, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				t.items = append(t.items, item)
			}
		default:
			return nil, fmt.Errorf("unexpected %q", rune(v))
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		t.typ, t.text = sString, v
	case json.Number:
		t.typ, t.text = sNumber, v.String()
	case bool:
		t.typ, t.text = sBool, strconv.FormatBool(v)
	case nil:
		t.typ, t.text = sNull, "null"
	}
	return t, nil
}
