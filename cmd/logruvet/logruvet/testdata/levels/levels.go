package levels // want package:`levels\(AUDIT,NOTICE\)`

// Package levels adds a level and logs at levels by name.

import "github.com/logru/logru"

func calls(l *logru.Logger, name string) {
	l.AddLevel(logru.Level{Name: "AUDIT", No: 35})
	l.Configure(logru.Config{Levels: []logru.Level{{Name: "NOTICE", No: 22}}})

	l.Log("INFO", "built in")
	l.Log("warning", "built in, any case")
	l.Log("AUDIT", "added here")
	l.Log("audit", "added here, any case")
	l.Log("NOTICE", "added by a Config")
	l.Log(name, "not a constant")
	logru.Log("Success", "package level")

	l.Log("VERBOSE", "unknown")  // want `unknown level "VERBOSE": not a built-in level .* or added here \(AUDIT, NOTICE\); Log drops the record`
	logru.Log("WARN", "unknown") // want `unknown level "WARN"`
}
