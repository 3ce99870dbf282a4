package sinks

import "time"

// Entry is what a [RecordWriter] receives for one record: the formatted text and the few
// plain fields a syslog daemon or the journal stores beside it. Text and the strings of
// Fields are valid only during the call: a writer copies what it keeps. The zero value is
// an empty record of level 0.
type Entry struct {
	// Text is the handler's formatted line, trailing newline included when the format
	// has one (writers strip it).
	Text []byte
	// Time is when the record was made.
	Time time.Time
	// Level is logru's level number (TRACE 5, DEBUG 10, INFO 20, SUCCESS 25, WARNING 30,
	// ERROR 40, CRITICAL 50, or a custom level's); LevelName its name.
	Level     int
	LevelName string
	// Fields are the record's extra fields, in order, their values rendered as the
	// {extra} format field renders them.
	Fields []Field
	// File, Line and Func are the caller's source file (full path when known), line and
	// function; empty and 0 when unknown.
	File string
	Line int
	Func string
}

// Field is one extra field of an [Entry]: a name and its value as text.
type Field struct {
	Key, Value string
}

// RecordWriter is a sink that takes records with their fields rather than lines: the
// syslog ([Syslog]) and journal ([Journal]) sinks. logru's Handler accepts one as its Sink
// and calls, for each record, WriteRecord, never concurrently for one handler.
//
// WriteRecord returns an error only for a record that cannot be sent at all (too large
// for the transport, written after Close); a record held back or dropped because the
// destination is away is not an error: it is counted by Dropped and announced through
// the function given to SetOnError. Flush waits, for a bounded time, until what is held
// back is sent; Close sends what it can within the write timeout, counts the rest as
// dropped and stops every goroutine the writer started.
type RecordWriter interface {
	WriteRecord(e Entry) error
	// Err returns the configuration error found when the writer was made, or nil;
	// logru's Add refuses a writer with one, naming it.
	Err() error
	// Dropped is the number of records dropped so far.
	Dropped() uint64
	// SetOnError sets the function that receives background errors and drop notices
	// (nil discards them). logru's Add sets it to the handler's OnError.
	SetOnError(f func(error))
	Flush() error
	Close() error
}

// Severity is the syslog severity (RFC 5424, also the journal's PRIORITY) of a logru
// level number: below 20 (TRACE, DEBUG) 7 debug; 20–29 (INFO, SUCCESS) 6 informational;
// 30–39 (WARNING) 4 warning; 40–49 (ERROR) 3 error; 50 and above (CRITICAL) 2 critical.
// Custom levels fall in the range of their number. Alert and emergency are never used:
// many daemons broadcast an emergency to every terminal.
func Severity(level int) int {
	switch {
	case level < 20:
		return 7
	case level < 30:
		return 6
	case level < 40:
		return 4
	case level < 50:
		return 3
	}
	return 2
}

// trimNewline returns b without one trailing "\n" (or "\r\n").
func trimNewline(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}
