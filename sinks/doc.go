// Package sinks holds the destinations logru writes formatted lines to: the console
// ([Console]) and files ([File]).
//
// Sinks deal in bytes: each Write receives one complete line, already formatted, and
// never a record. They know nothing of levels, formats or markup; what they know is
// their destination: whether a console can show colours, where a file lives and with
// what permissions.
//
// Every sink here is safe for concurrent use and returns errors instead of panicking;
// a Write after Close returns [ErrClosed].
package sinks
