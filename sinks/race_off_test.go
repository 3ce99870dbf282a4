//go:build !race

package sinks

// raceEnabled is set when the race detector is on: the heaviest tests do less.
const raceEnabled = false
