package logru

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
)

// LoadConfig reads a configuration file into a Config, for [Logger.Configure]: YAML when
// path ends in .yaml or .yml, JSON when it ends in .json. The keys are those of the json
// and yaml tags of Config, Handler, Level and Activation, in snake_case:
//
//	handlers:                  # replace every handler
//	  - sink: stderr           # "stdout", "stderr" or a file path
//	    level: INFO            # a name or a number
//	    format: "{level} {message}"
//	    colorize: auto         # auto, always or never
//	  - sink: logs/app.log
//	    serialize: true
//	    rotation: 100 MB
//	    retention: 10
//	    compression: gz
//	    mode: "0640"           # octal, quoted
//	levels:                    # added, as AddLevel does
//	  - {name: AUDIT, no: 35, color: "<cyan>", icon: "@"}
//	extra: {service: shop}     # base fields of every record
//	activation:                # applied in order
//	  - {module: github.com/acme/noisy, enabled: false}
//
// A handler's other keys are filter, filter_levels, serialize, backtrace, diagnose,
// enqueue, queue_size, overflow, delay, watch, buffering, naming and shared, as in [Handler];
// options that are functions (FormatFunc, FilterFunc, OnError…) and Config.Patch
// cannot be written in a file. A level name must be a built-in one or one the file
// declares under levels.
//
// Everything is checked as Configure checks it, without opening any sink. An unknown or
// repeated key, a value of the wrong type and every invalid value (level, format,
// rotation, retention, compression, mode…) is an error that unwraps to a *ConfigError
// whose Field is the key's path ("handlers[1].levle") and whose Value is the value as
// written; its message starts with the file, line and column. LoadConfig never panics;
// files over 4 MiB, nested over 64 levels, holding over 65,536 values or over 1,024
// extra fields are refused.
func LoadConfig(path string) (Config, error) {
	var isYAML bool
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		isYAML = true
	case ".json":
	default:
		return Config{}, fmt.Errorf("logru: LoadConfig %s: want a .yaml, .yml or .json file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return Config{}, fmt.Errorf("logru: LoadConfig: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return Config{}, fmt.Errorf("logru: LoadConfig: %w", err)
	}
	if len(data) > maxConfigSize {
		return Config{}, fmt.Errorf("logru: LoadConfig %s: larger than %d bytes", path, maxConfigSize)
	}
	cfg, err := parseConfig(data, isYAML)
	if err != nil {
		var fe *fileError
		if errors.As(err, &fe) {
			fe.file = path
			return Config{}, fe
		}
		return Config{}, fmt.Errorf("logru: LoadConfig %s: %w", path, err)
	}
	return cfg, nil
}

// parseConfig decodes and checks the text of a configuration file.
func parseConfig(data []byte, isYAML bool) (Config, error) {
	var root *tnode
	var err error
	if isYAML {
		root, err = parseYAMLTree(data)
	} else {
		root, err = parseJSONTree(data)
	}
	if err != nil {
		return Config{}, err
	}
	d := &cfgDecoder{nodes: map[string]*tnode{}}
	var cfg Config
	if err := d.decode("", root, reflect.ValueOf(&cfg).Elem()); err != nil {
		return Config{}, d.at(err, root)
	}
	if err := checkConfig(cfg); err != nil {
		return Config{}, d.at(err, root)
	}
	return cfg, nil
}

// checkConfig checks a loaded Config as Configure would, against the built-in levels and
// the file's own, without opening anything.
func checkConfig(cfg Config) error {
	for i, h := range cfg.Handlers {
		if s, _ := h.Sink.(string); s == "" {
			return configErr("handlers["+strconv.Itoa(i)+"].sink", "", `a sink is required: "stdout", "stderr" or a file path`)
		}
	}
	if len(cfg.Extra) > maxConfigExtra {
		return configErr("extra", strconv.Itoa(len(cfg.Extra))+" fields", "at most "+strconv.Itoa(maxConfigExtra)+" base fields")
	}
	_, err := prepareConfig(cfg, builtinLevels[:])
	return err
}

// maxConfigExtra bounds the base fields of a file: every record copies them.
const maxConfigExtra = 1024

// fileError is an error in a configuration file, at a position.
type fileError struct {
	file      string
	line, col int
	err       error // a *ConfigError
}

func (e *fileError) Error() string {
	where := e.file
	if where == "" {
		where = "config"
	}
	if e.line > 0 {
		where += ":" + strconv.Itoa(e.line)
		if e.col > 0 {
			where += ":" + strconv.Itoa(e.col)
		}
	}
	var ce *ConfigError
	if errors.As(e.err, &ce) {
		return "logru: " + where + ": " + ce.Field + " " + strconv.Quote(ce.Value) + ": " + ce.Err.Error()
	}
	return "logru: " + where + ": " + e.err.Error()
}

func (e *fileError) Unwrap() error { return e.err }

// cfgDecoder decodes a tree into a Config, remembering the node of every path so that
// errors found later can be placed in the file.
type cfgDecoder struct {
	nodes map[string]*tnode
}

// at places err (a *ConfigError, whose Field is a path) in the file: at the node of its
// path, or of the nearest enclosing path that has one.
func (d *cfgDecoder) at(err error, root *tnode) error {
	var ce *ConfigError
	if !errors.As(err, &ce) {
		return err
	}
	n := root
	for p := ce.Field; ; {
		if found, ok := d.nodes[p]; ok {
			n = found
			break
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	return &fileError{line: n.line, col: n.col, err: ce}
}

var (
	fileModeType = reflect.TypeFor[os.FileMode]()
	colorType    = reflect.TypeFor[ColorMode]()
	fieldsType   = reflect.TypeFor[Fields]()
)

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// summary is how a value is shown in an error.
func (n *tnode) summary() string {
	switch n.kind {
	case tMap:
		return "{…}"
	case tSeq:
		return "[…]"
	}
	return n.text
}

func typeErr(path string, n *tnode, want string) error {
	return configErr(path, n.summary(), "want "+want)
}

// decode stores n, found at path, into v.
func (d *cfgDecoder) decode(path string, n *tnode, v reflect.Value) error {
	if path != "" {
		d.nodes[path] = n
	}
	if n.kind == tScalar && n.typ == sNull {
		return nil // null is the zero value
	}
	t := v.Type()
	switch {
	case t == fileModeType:
		return decodeMode(path, n, v)
	case t == colorType:
		const want = "auto, always or never (or true or false)"
		var m ColorMode
		switch {
		case n.kind == tScalar && n.typ == sBool: // loguru's colorize=True
			m = ColorNever
			if b, _ := strconv.ParseBool(n.text); b {
				m = ColorAlways
			}
		case n.kind != tScalar || n.typ != sString:
			return typeErr(path, n, want)
		case m.UnmarshalText([]byte(n.text)) != nil:
			return configErr(path, n.text, "want "+want)
		}
		v.Set(reflect.ValueOf(m))
		return nil
	case t == fieldsType:
		if n.kind != tMap {
			return typeErr(path, n, "a mapping of field names to values")
		}
		val, err := d.generic(path, n)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(Fields(val.(map[string]any))))
		return nil
	}
	switch t.Kind() {
	case reflect.Interface: // Handler.Sink
		if n.kind != tScalar || n.typ != sString {
			return typeErr(path, n, `"stdout", "stderr" or a file path`)
		}
		v.Set(reflect.ValueOf(n.text))
	case reflect.String:
		if n.kind != tScalar || n.typ != sString && n.typ != sNumber {
			return typeErr(path, n, "a string")
		}
		v.SetString(n.text)
	case reflect.Bool:
		b, err := strconv.ParseBool(n.text)
		if n.kind != tScalar || n.typ != sBool || err != nil {
			return typeErr(path, n, "true or false")
		}
		v.SetBool(b)
	case reflect.Int:
		i, err := strconv.ParseInt(n.text, 10, 64)
		if n.kind != tScalar || n.typ != sNumber || err != nil || v.OverflowInt(i) {
			return typeErr(path, n, "a whole number")
		}
		v.SetInt(i)
	case reflect.Map: // map[string]string: FilterLevels
		if n.kind != tMap {
			return typeErr(path, n, "a mapping")
		}
		m := reflect.MakeMapWithSize(t, len(n.keys))
		for i, k := range n.keys {
			p := path + "[" + strconv.Quote(k.text) + "]"
			if m.MapIndex(reflect.ValueOf(k.text)).IsValid() {
				return configErr(p, k.text, "duplicate key")
			}
			e := reflect.New(t.Elem()).Elem()
			if err := d.decode(p, n.items[i], e); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k.text), e)
		}
		v.Set(m)
	case reflect.Slice:
		if n.kind != tSeq {
			return typeErr(path, n, "a list")
		}
		s := reflect.MakeSlice(t, len(n.items), len(n.items))
		for i, item := range n.items {
			if err := d.decode(path+"["+strconv.Itoa(i)+"]", item, s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Struct:
		return d.decodeStruct(path, n, v)
	default:
		return configErr(path, n.summary(), "cannot be set from a file")
	}
	return nil
}

func (d *cfgDecoder) decodeStruct(path string, n *tnode, v reflect.Value) error {
	if n.kind != tMap {
		return typeErr(path, n, "a mapping")
	}
	t := v.Type()
	fields := map[string]int{}
	var names []string
	for i := range t.NumField() {
		if name := tagName(t.Field(i)); name != "" {
			fields[name] = i
			names = append(names, name)
		}
	}
	seen := map[string]bool{}
	for i, k := range n.keys {
		p := join(path, k.text)
		idx, ok := fields[k.text]
		if !ok {
			d.nodes[p] = k
			reason := "unknown key"
			if near := nearest(k.text, names); near != "" {
				reason += "; did you mean " + strconv.Quote(near) + "?"
			}
			return configErr(p, n.items[i].summary(), reason)
		}
		if seen[k.text] {
			d.nodes[p] = k
			return configErr(p, n.items[i].summary(), "duplicate key")
		}
		seen[k.text] = true
		if err := d.decode(p, n.items[i], v.Field(idx)); err != nil {
			return err
		}
	}
	return nil
}

// decodeMode reads a file mode written in octal: "0640", "640" or "0o640" as a string,
// or a YAML number written with a leading 0 (0640). A number without one (416) is
// refused: it is ambiguous.
func decodeMode(path string, n *tnode, v reflect.Value) error {
	const want = `want an octal permission as a string, such as "0640"`
	if n.kind != tScalar || n.typ != sString && !(n.typ == sNumber && strings.HasPrefix(n.text, "0")) {
		return configErr(path, n.summary(), want)
	}
	s := strings.TrimPrefix(strings.TrimPrefix(n.text, "0o"), "0O")
	m, err := strconv.ParseUint(s, 8, 32)
	if err != nil || s == "" {
		return configErr(path, n.text, want)
	}
	if m&^uint64(fs.ModePerm) != 0 {
		return configErr(path, n.text, "only permission bits (0 to 0777) are allowed")
	}
	v.Set(reflect.ValueOf(os.FileMode(m)))
	return nil
}

// generic converts n to plain Go values: string, int64, float64, bool, nil,
// map[string]any and []any.
func (d *cfgDecoder) generic(path string, n *tnode) (any, error) {
	d.nodes[path] = n
	switch n.kind {
	case tMap:
		m := make(map[string]any, len(n.keys))
		for i, k := range n.keys {
			p := path + "[" + strconv.Quote(k.text) + "]"
			if _, dup := m[k.text]; dup {
				d.nodes[p] = k
				return nil, configErr(p, k.text, "duplicate key")
			}
			val, err := d.generic(p, n.items[i])
			if err != nil {
				return nil, err
			}
			m[k.text] = val
		}
		return m, nil
	case tSeq:
		s := make([]any, len(n.items))
		for i, item := range n.items {
			val, err := d.generic(path+"["+strconv.Itoa(i)+"]", item)
			if err != nil {
				return nil, err
			}
			s[i] = val
		}
		return s, nil
	}
	switch n.typ {
	case sNumber:
		if i, err := strconv.ParseInt(n.text, 10, 64); err == nil {
			return i, nil
		}
		if f, err := strconv.ParseFloat(n.text, 64); err == nil {
			return f, nil
		}
		return n.text, nil // YAML's .inf, 0x1F…: kept as written
	case sBool:
		b, _ := strconv.ParseBool(n.text)
		return b, nil
	case sNull:
		return nil, nil
	}
	return n.text, nil
}

// nearest returns the name closest to s when it is a likely misspelling of it.
func nearest(s string, names []string) string {
	best, bestD := "", 3
	for _, name := range names {
		if d := editDistance(s, name); d < bestD {
			best, bestD = name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance, with adjacent swaps counted once.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
