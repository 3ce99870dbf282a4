//go:build race

package encode

// raceEnabled reports whether the race detector is on; it makes allocations
// that allocation tests must not count.
const raceEnabled = true
