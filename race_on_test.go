//go:build race

package logru_test

const raceEnabled = true
