// Package pairs holds key/value argument lists, right and wrong.
package pairs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/logru/logru"
)

type key string

type point struct{ x, y int }

func calls(l *logru.Logger, err error, name string, n int, v any, args []any) {
	// Right.
	l.Info("plain")
	l.Info("user {user}", "user", name, "n", n)
	l.Info("dynamic key", name, n) // a key chosen at run time is fine
	l.Info("attrs", slog.String("a", "b"), "c", 1, logru.Fields{"d": 2})
	l.Info("spread", args...)
	l.Info("interface key", v, 1, "odd") // v may be a string at run time: not followed
	l.Exception("failed", err)           // Exception takes the first error as the exception
	l.Exception("failed {id}", "id", 7, err)
	l.Debug("key from strconv", strconv.Itoa(n), n)

	// Wrong.
	l.Info("odd", "user")                      // want `odd number of key/value arguments: key "user" has no value`
	l.Warning("odd", "a", 1, "b")              // want `key "b" has no value`
	l.Info("value only", name)                 // want `key name has no value`
	l.Error("failed", err)                     // want `error err where a key is expected`
	l.Error("failed", err, "id", 7)            // want `error err where a key is expected`
	l.Info("number", 42, "x")                  // want `key 42 has type int, not string`
	l.Info("named", key("k"), 1)               // want `key key\("k"\) has type key, not string: logru keeps it under !BADKEY \(convert it: string\(key\("k"\)\)\)`
	l.Info("map", map[string]any{"a": 1})      // want `has type map\[string\]any, not string: logru keeps it under !BADKEY \(a map counts as its pairs only as a logru.Fields\)`
	l.Info("struct", point{1, 2}, 3)           // want `key point{1, 2} has type point, not string`
	l.Info("from err", err.Error(), 1)         // want `key err.Error\(\) is text made from a value \(its Error method\)`
	l.Info("sprintf", fmt.Sprintf("%d", n), n) // want `text made from a value \(fmt.Sprintf\)`
	l.Info("slog value", slog.IntValue(3))     // want `key slog.IntValue\(3\) has type slog.Value, not string`

	// Children, the package-level functions, Bind and Contextualize.
	l.Bind("a", 1).Opt(logru.Options{Lazy: true}).Ctx(context.Background()).Info("chained", "x") // want `key "x" has no value`
	l.Patch(func(*logru.Record) {}).Debug("patched", n, 1)                                       // want `key n has type int, not string`
	logru.Info("default", "x")                                                                   // want `key "x" has no value`
	logru.Log("INFO", "default", 1, 2)                                                           // want `key 1 has type int`
	_ = l.Bind("request_id")                                                                     // want `key "request_id" has no value`
	_ = logru.Bind(err)                                                                          // want `error err where a key is expected`
	_ = logru.Contextualize(context.Background(), "trace_id")                                    // want `key "trace_id" has no value`
	_ = logru.Contextualize(context.Background(), "trace_id", "abc")
	_ = errors.New
}
