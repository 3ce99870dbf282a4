// Package ascii holds the small byte-level helpers that several of logru's parsers and
// renderers share: testing for an ASCII digit and writing zero-padded decimal numbers.
// It imports only the standard library and holds no state; every function is safe for
// concurrent use and allocates nothing beyond growing dst.
package ascii
