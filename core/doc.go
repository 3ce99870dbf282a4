// Package core holds the plain data that flows through logru: the [Record] a log call
// produces, its [Level], its [Extra] fields and its [Exception].
//
// Most programs never import core: package logru re-exports every type here under the
// same name (logru.Record, logru.Level, …). Packages that render or route records
// without depending on the logger itself, such as logru/format, import core directly.
//
// core imports only the standard library and holds no package state. Its types are
// plain values: a Record is owned by the goroutine that logs it and is valid only for
// the duration of the call that hands it over (a patcher, a filter, a sink); copy what
// must outlive that call.
package core
