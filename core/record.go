package core

import (
	"context"
	"time"
)

// Record is everything logru knows about one log call. Patchers may change any field;
// filters and sinks should treat it as read-only.
//
// A Record handed to a patcher, filter, format function or sink is valid only during that
// call: logru reuses records, so code that keeps one must copy it ([Record.Clone]).
type Record struct {
	// Time is when the call was made, in the local zone.
	Time time.Time
	// Elapsed is the time since the logger's core was created.
	Elapsed time.Duration
	// Level is the record's severity.
	Level Level
	// Message is the message after template substitution. Values substituted into it
	// have their control characters escaped; their raw values are in Extra.
	Message string
	// Name is the Go package path of the code that logged ("main",
	// "github.com/acme/shop/db"); "" when the caller is unknown or was not captured.
	Name string
	// Module is the last element of Name ("db").
	Module string
	// Function is the function without its package path ("(*Conn).Query", "main.func1").
	Function string
	// File is the base name of the source file.
	File string
	// FilePath is the full path of the source file.
	FilePath string
	// Line is the line number in File; 0 when unknown.
	Line int
	// PC is the program counter of the logging call, as runtime.Callers reports it (so
	// runtime.CallersFrames resolves it, and a slog.Record takes it); 0 when the caller
	// is unknown or was not captured.
	PC uintptr
	// Goroutine is the id of the goroutine that logged, when a handler asked for it;
	// 0 otherwise.
	Goroutine uint64
	// Extra holds the record's fields: bound, contextual and per-call, in order, one
	// value per key (a later key wins).
	Extra Extra
	// MessageKeys holds the keys of the call's fields that the message template
	// substituted ({user} in "login by {user}"): a format's {fields} leaves those out of
	// Extra, since the message shows them. Empty when nothing was substituted. A
	// patcher whose message shows fields in its own way may add their keys here (the
	// access log does: "200 GET /ok 3.2ms" shows status, method, path and duration_ms);
	// {extra} and serialized output are not affected.
	MessageKeys Keys
	// Exception is the error or panic attached to the record; nil when there is none.
	Exception *Exception
	// Context is the context given with Logger.Ctx, or nil.
	Context context.Context
}

// Clone returns a deep copy of r whose Extra no longer shares storage with r's, so it
// may be kept after the call that received r returns.
func (r *Record) Clone() *Record {
	c := *r
	c.Extra = r.Extra.Clone()
	c.MessageKeys = r.MessageKeys.Clone()
	return &c
}

// Reset clears r for reuse, keeping the capacity of its Extra fields and MessageKeys.
// Fields are cleared one by one, not by assigning a zero Record: that would clear and
// copy the whole struct (Extra and MessageKeys included) on every record.
func (r *Record) Reset() {
	r.Extra.Reset()
	r.MessageKeys.Reset()
	r.Time = time.Time{}
	r.Elapsed = 0
	r.Level = Level{}
	r.Message = ""
	r.Name, r.Module, r.Function, r.File, r.FilePath = "", "", "", "", ""
	r.Line, r.PC = 0, 0
	r.Goroutine = 0
	r.Exception = nil
	r.Context = nil
}
