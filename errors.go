package logru

import (
	"errors"
	"fmt"
	"strconv"
)

// ConfigError reports an invalid configuration value: which field, what value, and why.
type ConfigError struct {
	Field string // "Handler.Level", "handlers[1].level", …
	Value string // the value as given
	Err   error  // why the value is refused; Unwrap returns it
}

// Error returns `logru: <Field> "<Value>": <reason>`.
func (e *ConfigError) Error() string { return "logru: " + e.reason() }

// reason is the message without its "logru: " prefix, for messages that say more around
// it (a configuration file's name and line, an environment variable).
func (e *ConfigError) reason() string {
	return e.Field + " " + strconv.Quote(e.Value) + ": " + e.Err.Error()
}

// Unwrap returns the underlying reason, for errors.Is and errors.As.
func (e *ConfigError) Unwrap() error { return e.Err }

func configErr(field string, value any, msg string) *ConfigError {
	return &ConfigError{Field: field, Value: fmt.Sprint(value), Err: errors.New(msg)}
}
