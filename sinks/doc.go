// Package sinks holds the destinations logru writes formatted lines to: the console
// ([Console]) and files ([File]), with rotation, retention and compression; a syslog
// daemon ([Syslog]) and the systemd journal ([Journal]), which take a record's text with
// a few plain fields ([RecordWriter]).
//
// Sinks deal in bytes: each Write receives one complete line, already formatted, and
// never a record. They know nothing of levels, formats or markup; what they know is
// their destination: whether a console can show colours, where a file lives, with what
// permissions, and when to start a new one.
//
// Every sink here is safe for concurrent use and returns errors instead of panicking;
// a Write after Close returns [ErrClosed].
//
// # Files
//
// [NewFile] opens a file for appending (always with O_APPEND: an existing file is
// continued, never truncated, and a file truncated by another program gets no hole of
// NUL bytes). Its directories are created as needed. [FileOptions] adds the rest:
//
//	f, err := sinks.NewFile("logs/app.log", &sinks.FileOptions{
//		Rotation:    "100 MB or 00:00", // a new file at 100 MB, and every midnight
//		Retention:   "10",              // keep the ten newest rotated files
//		Compression: "gz",              // compress rotated files, in the background
//	})
//
// # Rotation
//
// Before each write, the File checks in constant time (no system call) whether to
// rotate: a size condition holds when the line would take the file past the limit (in
// bytes; "500 MB" is 500,000,000 bytes, "500 MiB" 524,288,000), a time condition when
// its next boundary has come, and RotateFunc when it says so. Rotating closes the file,
// renames it, and opens a new, empty one. A line is never split between two files, and
// a line larger than the limit is written whole into a fresh file of its own.
//
// Rotation specs, case-insensitive, joined by " or " to rotate when any holds:
//
//	"500 MB", "1 GiB", "64 kb"      a size in bytes, whatever the case ("mb" is not megabits)
//	"1 day", "6 h", "1h 30min"      an interval, on the grid from the file's creation
//	"hourly", "daily", "weekly",    the next hour, midnight, Monday 00:00,
//	"monthly", "yearly"             first of the month, first of January
//	"00:00", "13:30", "1:30 PM"     every day at that time
//	"monday", "w0 at 12:00"         every week on that day (w0 is Monday), at that time
//
// Time conditions are computed in the clock's time zone with calendar arithmetic, so a
// daily rotation happens once per local day across daylight-saving changes, and
// "monday at 12:00" first fires on a Monday, not on the day the file was made. They
// count from the file's creation time: a program restarted after a boundary rotates the
// old file at its first write, one restarted before does not rotate early. After an
// idle period, one rotation happens, at the first write, and the next boundary is the
// next one after that write.
//
// An interval keeps the grid that starts when the first file was created, as loguru
// does: with "2 h" on a file created at 12:00 the boundaries are 14:00, 16:00, 18:00, …
// A write at 15:00 rotates (the 14:00 boundary passed) and the next boundary is still
// 16:00, not 17:00; a quiet hour, or a size rotation in between ("100 MB or 2 h"),
// moves no boundary. An interval of a day or more ("1 day", "1.5d", "1 w, 2D") counts
// on the wall clock, like daily: "1 day" from a file created at midnight rotates at
// every local midnight, on days of 23 or 25 hours too. A shorter one counts real time:
// "2 h" boundaries are two real hours apart, so a grid on even hours continues on odd
// hours after a daylight-saving change.
//
// A File opened on an existing file (a restart) starts the grid at that file's creation
// time: its birth time where the filesystem records one (statx on Linux, most local
// filesystems); else the creation time the File recorded in the extended attribute
// user.logru_crtime when it created or first opened the file (Linux filesystems with
// user attributes); else its modification time, that is the time of the last write
// before the stop, so the grid then shifts at each restart. As with loguru, a file
// made by a rotation was created at the time of that rotation, on the grid only when a
// write came exactly at the boundary, so a restart on such a file starts the grid
// there: with "2 h" from 12:00, a rotation at 15:00 and a restart at 15:30, the next
// boundary is 17:00.
//
// If renaming fails (a virus scanner holds the file on Windows, a permission changed),
// the line is written to the current file, the error goes to OnError, and the
// rotation is tried again at the first write a second later: no line is lost, and the
// error is not reported at every write.
//
// # Naming
//
// A rotated file is named after the active file and its creation time, with the
// extension kept last: app.log becomes app.2026-03-26_14-30-00_123456.log (Naming
// "time", the default). When that name is taken, by an earlier file or by the archive
// of one (two rotations within a microsecond, a clock set back), the counter .2, .3, …
// goes before the extension: nothing is ever overwritten. With Naming "index" the newest
// rotated file is app.1.log and older ones are renumbered app.2.log, app.3.log, … at
// each rotation (on the background worker; until then the file waits under its
// time-stamped name). Archives keep their extension: app.2.log.gz. Any other Naming is
// a file name with {time} fields, formed with the rotated file's creation time
// ("app-{time:YYYY-MM-DD}.log" gives app-2026-03-26.log, then app-2026-03-26.2.log),
// which retention recognises as well.
//
// A path whose file name holds {time} or {time:FORMAT} (loguru's tokens:
// "app_{time:YYYY-MM-DD}.log") takes its name when the file is opened; rotating then
// opens a file with a new name instead of renaming the old one (unless the name did not
// change, when the old file is renamed as above).
//
// # Compression and retention
//
// Compression and retention run on one goroutine per File, started at the first
// rotation, never on the writing path: writers go on while a large file compresses.
// Compression is crash-safe: the archive is written to a temporary file, synced and
// renamed into place before the rotated file is removed; a temporary file left by a
// crash is removed by the next NewFile. A failed compression keeps the rotated file and
// reports the error. Formats: gz, bz2, xz, zst, zip, tar, tar.gz, tar.bz2, tar.xz.
// Without a rotation, the file is compressed at Close instead (app.log.gz).
//
// Retention runs after each rotation, once the file is compressed, and at Close when no
// rotation is configured. It keeps a count of files ("10"), the files modified within an
// age ("7 days"), or the newest files within a total size ("1 GB"); a file and its
// archive count as one. It considers only files this File could have made, by a strict
// grammar, in the active file's directory: for app.log,
//
//	app.<YYYY-MM-DD_HH-MM-SS_ffffff>[.N].log   rotated files (N from 2)
//	app.<K>.log                                rotated files, with Naming "index" only
//	<a rendering of Naming>[.N]                rotated files, with a custom Naming only
//	app.log                                    compressed at Close
//
// each optionally followed by an archive extension, and for a {time} path, any name the
// template could render. It never touches the active file, a file waiting for
// compression, a compression's temporary file, a directory or a symbolic link, or any
// other name: app.log.1, app.log.bak, app.foo.log and app.log.rar, which loguru's
// retention would delete, are left alone. Files are ordered by modification time, not
// by the time in their names, so a clock set back does not make new files look old.
//
// # Watching, buffering and modes
//
// Watch makes the File reopen its path when another program moved or deleted the file
// (logrotate's create mode); it looks at most once a second. Do not let logrotate and
// Rotation both manage one file.
//
// Buffering holds up to that many bytes of lines and writes them together; they reach
// the file at Flush, Sync, Close, rotation, and at least once a second.
//
// Files are created with Mode (0600 by default), directories with search permission
// added where Mode grants read (0700, or 0750 for 0640), both under the umask. A
// symbolic link at the active path is followed when writing; rotation renames the link
// itself.
//
// # Errors and guarantees
//
// A File does not panic (a panicking RotateFunc reaches the caller of Write, and leaves
// the File usable; panics of RetainFunc and CompressFunc go to OnError), and nothing it
// does in the background stops the program. Write returns an error only when its
// line could not be written (the file cannot be opened, the disk is full); the next
// Write tries again. Everything else — a failed rotation, compression or retention, a
// background flush, lines of the buffer that could not be written — goes to OnError.
// Sync reports a failed fsync once: lines may have been lost, and a later Sync that
// succeeds does not say otherwise.
//
// Close writes what is buffered, closes the file, waits for the queued compressions to
// finish (it does not abandon an archive half-made), and stops every goroutine the
// File started. It may be called twice, and concurrently with Write.
//
// One File should own a path: two Files, or two processes, writing and rotating one
// file will rotate at the wrong times. Compressions of different Files in one
// directory are safe: a File, when created, removes only the temporary files of
// archives named by its own grammar.
package sinks
