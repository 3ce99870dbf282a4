// Package ptytest opens pseudo-terminals for tests that need a real terminal (colour
// detection through go-isatty). It is test support: only _test.go files import it, and
// only on Linux, where Open is defined.
package ptytest
