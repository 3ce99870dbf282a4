package logru

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// The environment variables the default logger reads once, at its first use. See
// [Default].
const (
	envLevel     = "LOGRU_LEVEL"     // the stderr handler's level: a name or a number
	envFormat    = "LOGRU_FORMAT"    // its format template
	envColorize  = "LOGRU_COLORIZE"  // auto, always, never (or a boolean)
	envSerialize = "LOGRU_SERIALIZE" // a boolean: JSON lines instead of the format
	envConfig    = "LOGRU_CONFIG"    // a configuration file, loaded by LoadConfig
)

// newDefault makes the default logger from the environment, read through getenv. A
// bad value is reported on errOut, one line each, and its default stays.
func newDefault(getenv func(string) string, errOut io.Writer) *Logger {
	l := New()
	if path := getenv(envConfig); path != "" {
		cfg, err := LoadConfig(path)
		if err == nil {
			err = l.Configure(cfg)
		}
		if err == nil {
			return l
		}
		fmt.Fprintf(errOut, "logru: %s=%q: %s; using the default handler\n", envConfig, path, reasonOf(err))
	}
	h := envHandler(getenv, errOut)
	if _, err := l.Add(h); err != nil {
		fmt.Fprintf(errOut, "logru: the environment's handler: %v; using the default handler\n", err)
		if _, err := l.Add(Handler{Sink: "stderr"}); err != nil {
			panic("logru: the default handler is invalid: " + err.Error())
		}
	}
	return l
}

// reasonOf is the message of an error of LoadConfig or Configure without the "logru: "
// that starts it, built from the error's fields; an error of another type is shown whole.
func reasonOf(err error) string {
	switch e := err.(type) {
	case *loadError:
		return e.reason()
	case *ConfigError:
		return e.reason()
	}
	return err.Error()
}

// envHandler is the default stderr handler shaped by LOGRU_LEVEL, LOGRU_FORMAT,
// LOGRU_COLORIZE and LOGRU_SERIALIZE. Each value is checked on its own: a bad one is
// reported on errOut and left out.
func envHandler(getenv func(string) string, errOut io.Writer) Handler {
	h := Handler{Sink: "stderr"}
	try := func(name string, set func(h *Handler, v string) error) {
		v := getenv(name)
		if v == "" {
			return
		}
		next := h
		err := set(&next, v)
		if err == nil {
			_, err = buildHandler(next, newLevelTable())
			var ce *ConfigError
			if errors.As(err, &ce) {
				err = ce.Err
			}
		}
		if err != nil {
			fmt.Fprintf(errOut, "logru: %s=%q: %v; using the default\n", name, v, err)
			return
		}
		h = next
	}
	try(envLevel, func(h *Handler, v string) error {
		h.Level = strings.TrimSpace(v) // names match without regard to case: LOGRU_LEVEL=info
		return nil
	})
	try(envSerialize, func(h *Handler, v string) error {
		b, err := parseEnvBool(v)
		h.Serialize = b
		return err
	})
	try(envFormat, func(h *Handler, v string) error {
		if h.Serialize {
			return errors.New("LOGRU_SERIALIZE is on, which writes JSON instead of a format")
		}
		h.Format = v
		return nil
	})
	try(envColorize, func(h *Handler, v string) error {
		if h.Colorize.UnmarshalText([]byte(strings.ToLower(strings.TrimSpace(v)))) == nil {
			return nil
		}
		b, err := parseEnvBool(v)
		if err != nil {
			return errors.New("want auto, always, never or a boolean")
		}
		h.Colorize = ColorNever
		if b {
			h.Colorize = ColorAlways
		}
		return nil
	})
	return h
}

// parseEnvBool reads a boolean as loguru does: 1 true yes y on, 0 false no n off, in
// any case.
func parseEnvBool(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "t", "yes", "y", "on":
		return true, nil
	case "0", "false", "f", "no", "n", "off":
		return false, nil
	}
	return false, errors.New("want a boolean: 1, true, yes, on or 0, false, no, off")
}
