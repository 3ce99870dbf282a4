// Package benchmarks compares logru with log/slog, zap, zerolog, phuslu/log and logrus
// on the same scenarios, in a module of its own so that none of those libraries enters
// logru's go.mod.
//
// The benchmarks live in *_test.go files, one file per library; run.sh runs them with
// -count and benchstat, and the flood program times a whole process writing a million
// lines to a file. README.md holds the last table and the machine it ran on.
package benchmarks
