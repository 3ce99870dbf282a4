package logru

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/logru/logru/internal/config"
)

// newDefault makes the default logger from the environment, read through getenv (see
// [Default] and internal/config's LOGRU_* variables). A bad value is reported on errOut,
// one line each, and its default stays.
func newDefault(getenv func(string) string, errOut io.Writer) *Logger {
	l := New()
	if path := getenv(config.EnvConfig); path != "" {
		cfg, err := LoadConfig(path)
		if err == nil {
			err = l.Configure(cfg)
		}
		if err == nil {
			return l
		}
		fmt.Fprintf(errOut, "logru: %s=%q: %s; using the default handler\n", config.EnvConfig, path, reasonOf(err))
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
	for _, ev := range config.HandlerEnv(getenv) {
		next := h
		err := applyEnv(&next, ev.Name, ev.Value)
		if err == nil {
			_, err = buildHandler(next, newLevelTable())
			var ce *ConfigError
			if errors.As(err, &ce) {
				err = ce.Err // the variable names the field, the report the value
			}
		}
		if err != nil {
			fmt.Fprintf(errOut, "logru: %s=%q: %v; using the default\n", ev.Name, ev.Value, err)
			continue
		}
		h = next
	}
	return h
}

// applyEnv sets the field of h that the variable name shapes to v.
func applyEnv(h *Handler, name, v string) error {
	switch name {
	case config.EnvLevel:
		h.Level = strings.TrimSpace(v) // names match without regard to case: LOGRU_LEVEL=info
	case config.EnvSerialize:
		b, err := config.ParseBool(v)
		if err != nil {
			return err
		}
		h.Serialize = b
	case config.EnvFormat:
		if h.Serialize {
			return errors.New("LOGRU_SERIALIZE is on, which writes JSON instead of a format")
		}
		h.Format = v
	case config.EnvColorize:
		if h.Colorize.UnmarshalText([]byte(strings.ToLower(strings.TrimSpace(v)))) == nil {
			return nil
		}
		b, err := config.ParseBool(v)
		if err != nil {
			return errors.New("want auto, always, never or a boolean")
		}
		h.Colorize = ColorNever
		if b {
			h.Colorize = ColorAlways
		}
	}
	return nil
}
