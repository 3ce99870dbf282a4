package levelsdyn // want package:`levels\(dynamic\)`

// Package levelsdyn loads its levels from a file: no level name is checked.

import "github.com/logru/logru"

func calls(l *logru.Logger, path string) {
	cfg, _ := logru.LoadConfig(path)
	l.Configure(cfg)
	l.Log("AUDIT", "from the file")
}
