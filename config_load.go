package logru

import (
	"errors"
	"io/fs"
	"reflect"
	"strconv"

	"github.com/logru/logru/internal/config"
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
//	flows: {level: INFO, step_records: false}   # see FlowConfig
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
// extra fields are refused. path must name a regular file (or a symbolic link to one):
// a named pipe, a device or a directory is refused without waiting for it, and a read
// that takes over 5 seconds (a hung network mount) gives up with an error.
func LoadConfig(path string) (Config, error) {
	f, ok := config.FormatOf(path)
	if !ok {
		return Config{}, &loadError{file: path, err: errors.New("want a .yaml, .yml or .json file")}
	}
	data, err := config.ReadFile(path)
	if err != nil {
		return Config{}, &loadError{file: path, err: err}
	}
	cfg, le := parseConfig(data, f == config.YAML)
	if le != nil {
		le.file = path
		return Config{}, le
	}
	return cfg, nil
}

// parseConfig decodes and checks the text of a configuration file. Its error names no
// file: LoadConfig sets it.
func parseConfig(data []byte, isYAML bool) (Config, *loadError) {
	f := config.JSON
	if isYAML {
		f = config.YAML
	}
	doc, err := config.Parse(data, f)
	if err != nil {
		return Config{}, &loadError{err: err}
	}
	var cfg Config
	err = doc.Decode(&cfg, configHooks)
	if fe := (*config.FieldError)(nil); errors.As(err, &fe) {
		err = &ConfigError{Field: fe.Path, Value: fe.Value, Err: fe.Err}
	}
	if err == nil {
		err = checkConfig(cfg)
	}
	if err != nil {
		le := &loadError{err: err}
		if ce := (*ConfigError)(nil); errors.As(err, &ce) {
			le.line, le.col = doc.Position(ce.Field)
		}
		return Config{}, le
	}
	return cfg, nil
}

// configHooks decode the types of a Config that internal/config does not know.
var configHooks = config.Hooks{
	reflect.TypeFor[ColorMode](): decodeColorMode,
	reflect.TypeFor[any]():       decodeSink, // Handler.Sink, the only field of type any
}

// decodeColorMode reads auto, always or never, or a boolean as loguru's colorize=True.
func decodeColorMode(n *config.Node, v reflect.Value) error {
	want := errors.New("want auto, always or never (or true or false)")
	var m ColorMode
	switch {
	case n.Kind == config.Scalar && n.Type == config.Bool:
		m = ColorNever
		if b, _ := strconv.ParseBool(n.Text); b {
			m = ColorAlways
		}
	case n.Kind != config.Scalar || n.Type != config.String:
		return want
	case m.UnmarshalText([]byte(n.Text)) != nil:
		return want
	}
	v.Set(reflect.ValueOf(m))
	return nil
}

// decodeSink reads a Handler's Sink: in a file, a path, "stdout" or "stderr".
func decodeSink(n *config.Node, v reflect.Value) error {
	if n.Kind != config.Scalar || n.Type != config.String {
		return errors.New(`want "stdout", "stderr" or a file path`)
	}
	v.Set(reflect.ValueOf(n.Text))
	return nil
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
	_, err := prepareConfig(cfg, newLevelTable())
	return err
}

// maxConfigExtra bounds the base fields of a file: every record copies them.
const maxConfigExtra = 1024

// loadError is an error of LoadConfig. Its message is built from its fields:
//
//	logru: <file>:<line>:<col>: <Field> "<Value>": <reason>   a value, err a *ConfigError
//	logru: LoadConfig: open <file>: <reason>                   err an *fs.PathError
//	logru: LoadConfig <file>: <reason>                         the file's kind, size or syntax
type loadError struct {
	file      string // "" when the text was not read from a file
	line, col int    // where the value is, for a *ConfigError; 0 when unknown
	err       error  // a *ConfigError, or why the file could not be read or parsed
}

func (e *loadError) Error() string { return "logru: " + e.reason() }

// reason is the message without its "logru: " prefix, for a message that says more
// around it (the default logger's note about LOGRU_CONFIG).
func (e *loadError) reason() string {
	var ce *ConfigError
	if errors.As(e.err, &ce) {
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
		return where + ": " + ce.reason()
	}
	var pe *fs.PathError
	if errors.As(e.err, &pe) {
		return "LoadConfig: " + e.err.Error() // the error names the file
	}
	return "LoadConfig " + e.file + ": " + e.err.Error()
}

// Unwrap returns the cause: the *ConfigError, or the error reading or parsing the file.
func (e *loadError) Unwrap() error { return e.err }
