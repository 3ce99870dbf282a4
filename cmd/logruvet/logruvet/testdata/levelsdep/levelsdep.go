// Package levelsdep logs at a level an imported package adds.
package levelsdep

import (
	"example.com/vet/levelsdef"

	"github.com/logru/logru"
)

func calls(l *logru.Logger) {
	levelsdef.Setup(l)
	l.Log("SECURITY", "added by levelsdef")
	l.Log("SECURE", "unknown") // want `unknown level "SECURE"`
}
