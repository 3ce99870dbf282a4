//go:build race

package archive

// raceEnabled reports whether the race detector is on: it makes the pure-Go bzip2 and xz
// encoders and decoders some twenty times slower, so tests give them less to do.
const raceEnabled = true
