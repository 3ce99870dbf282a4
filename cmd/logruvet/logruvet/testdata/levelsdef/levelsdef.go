package levelsdef // want package:`levels\(SECURITY\)`

// Package levelsdef adds a level other packages log at.

import "github.com/logru/logru"

// Setup adds the SECURITY level.
func Setup(l *logru.Logger) {
	l.AddLevel(logru.Level{Name: "SECURITY", No: 45})
}
