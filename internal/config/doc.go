// Package config reads logru's configuration files for LoadConfig, and the LOGRU_*
// environment variables for the default logger, without knowing logru's types: it
// imports neither the root package nor the sinks.
//
// A file is read in three steps. ReadFile reads it, refusing anything but a regular file
// and bounding its size and the time the read takes. Parse turns its text, YAML or JSON,
// into a tree of Nodes that remember where every value and key was written. Decode then
// fills a struct from the tree by the struct's json tags, and names the path of every
// value it refuses ("handlers[1].rotation") in a *FieldError; Position places such a path
// in the file, for the error messages of values found wrong later.
//
// The types the decoder does not know (logru's ColorMode, a Handler's Sink) are decoded
// by Hooks the caller gives.
package config
