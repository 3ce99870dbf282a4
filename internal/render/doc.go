// Package render is the engine behind package format: it compiles format templates,
// colour markup and message templates, and renders records as text or JSON. Package
// format is its public face, a thin wrapper; the root package logru uses render directly
// for what only a logger needs:
//
//   - [Template.Append] with a [ColoredMessage]: a message logged with markup
//     (Options.Colors), coloured inside the template's colours;
//   - [AppendMessageKeys] and [MessageCache]: a log call's message rendered (through
//     templates compiled once they repeat) while the keys it substitutes are noted;
//   - [JSON.AppendEncoded] with a [Prefix] (a logger's bound fields, encoded once) and
//     [AppendCallerJSON] (the caller's members, encoded once per program counter);
//   - [Template.Needs]: which costly record fields a handler's format reads.
//
// Like format, render is pure: bytes in, bytes out. It imports core and internal
// packages only, never os, io/fs, sinks or the root (deps_test.go checks this). Its
// names are not part of logru's API and change as the root needs.
package render
