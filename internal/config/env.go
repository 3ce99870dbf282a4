package config

import (
	"errors"
	"strings"
)

// The environment variables the default logger reads once, at its first use.
const (
	EnvLevel     = "LOGRU_LEVEL"     // the stderr handler's level: a name or a number
	EnvFormat    = "LOGRU_FORMAT"    // its format template
	EnvColorize  = "LOGRU_COLORIZE"  // auto, always, never (or a boolean)
	EnvSerialize = "LOGRU_SERIALIZE" // a boolean: JSON lines instead of the format
	EnvConfig    = "LOGRU_CONFIG"    // a configuration file, loaded by LoadConfig
)

// EnvVar is one environment variable that is set.
type EnvVar struct {
	Name, Value string
}

// HandlerEnv reads, through getenv, the variables that shape the default handler, and
// returns those set (not empty) in the order they are to be applied: LOGRU_LEVEL,
// LOGRU_SERIALIZE, LOGRU_FORMAT (refused when LOGRU_SERIALIZE is on, so after it) and
// LOGRU_COLORIZE. Values are returned as read; nil when none is set.
func HandlerEnv(getenv func(string) string) []EnvVar {
	var vars []EnvVar
	for _, name := range [...]string{EnvLevel, EnvSerialize, EnvFormat, EnvColorize} {
		if v := getenv(name); v != "" {
			vars = append(vars, EnvVar{name, v})
		}
	}
	return vars
}

// ParseBool reads a boolean as loguru reads its environment: 1, true, t, yes, y, on and
// 0, false, f, no, n, off, in any case and with blanks around; anything else is an error
// saying what is wanted.
func ParseBool(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "t", "yes", "y", "on":
		return true, nil
	case "0", "false", "f", "no", "n", "off":
		return false, nil
	}
	return false, errors.New("want a boolean: 1, true, yes, on or 0, false, no, off")
}
