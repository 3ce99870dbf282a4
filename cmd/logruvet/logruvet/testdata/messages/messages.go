// Package messages holds message templates, right and wrong.
package messages

import (
	"log/slog"
	"time"

	"github.com/logru/logru"
)

const greeting = "hello {who}"

func calls(l *logru.Logger, msg string, name string, attr slog.Attr, f logru.Fields) {
	// Right.
	l.Info("no args: {} and {0} and %s are written as is")
	l.Info("user {user} took {ms:.1f} ms, {n:,} rows, {{literal}}", "user", name, "ms", 1.5, "n", 3)
	l.Info(greeting, "who", "world")
	l.Info(msg, "x", 1) // not a constant: not checked
	l.Info("{pct:.1%} done, 50% done", "pct", 0.5)
	l.Info("{name!r} quoted", "name", name)
	l.Info("{who}", attr) // a slog.Attr whose key is not known: no placeholder check
	l.Info("{who}", f)    // likewise a logru.Fields that is not a literal
	l.Info("{who} {n}", slog.String("who", "x"), logru.Fields{"n": 1})
	l.LogAttrs(logru.LevelInfo, "took {d}", slog.Duration("d", time.Second))
	l.Info("a {req} group", slog.Group("req", "id", 1))
	l.Info("{extra[key]} is a name", "extra[key]", 1)
	l.Info("brace } alone and { open", "x", 1)

	// Wrong.
	l.Info("user {user}", "name", name)                    // want `placeholder {user} has no argument with the key "user"`
	l.Info(greeting, "whom", "world")                      // want `placeholder {who} has no argument`
	l.Info("{} + {} = {}", "a", 1, "b", 2)                 // want `positional placeholder {}`
	l.Info("{0} items", "n", 3)                            // want `positional placeholder {0}`
	l.Info("user %s logged in", "user", name)              // want `printf verb %s in a message`
	l.Info("took %5.2fms", "ms", 1.5)                      // want `printf verb %5.2f`
	l.Info("{n:.2z}", "n", 1.5)                            // want `placeholder {n:.2z}: invalid format spec ".2z"`
	l.Info("{n:,s}", "n", 1)                               // want `placeholder {n:,s}: invalid format spec`
	l.Info("{n!x}", "n", 1)                                // want `placeholder {n!x} has the unknown conversion !x`
	l.LogAttrs(logru.LevelInfo, "{who}", slog.Int("n", 1)) // want `placeholder {who} has no argument with the key "who"`
	l.Warning("{{who}} {who}", "n", 1)                     // want `placeholder {who} has no argument`
	logru.Info("default {x}", "y", 1)                      // want `placeholder {x} has no argument`
	l.Info("{x} %d", "x", 1)                               // want `printf verb %d`
}
