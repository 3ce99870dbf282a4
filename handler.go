package logru

import (
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/logru/logru/sinks"
)

// Handler describes one destination of records: where they go (Sink), which records
// (Level, Filter…) and how they look (Format, Colorize, Serialize). Give it to
// [Logger.Add]. The zero value of every field is its default.
type Handler struct {
	// Sink is where lines go: an io.Writer; "stdout" or "stderr"; any other string, a file
	// path (appended to, created 0600 with its directories); a func(logru.Message); a
	// logru.Sink; a sinks.RecordWriter (sinks.Syslog, sinks.Journal), which receives the
	// line with the record's level, time, caller and extra fields; or a slog.Handler, which receives each record as a slog.Record (see
	// [SlogLevel] for its level) instead of a line. Required. A sink that writes back
	// into the same logger (a [Forwarder]) is refused. A configuration file (LoadConfig)
	// gives a string only.
	//
	// An io.Writer gets one whole line per Write, never two Writes at once for one
	// handler; an *os.File (os.Stdout and os.Stderr included) and io.Discard are the
	// exception: they need no lock, and records of several goroutines write to them
	// concurrently (each line still in one Write, which an *os.File never interleaves).
	//
	// A file path belongs to one handler in one process: Add refuses a second handler
	// (of any Logger of the process) on a path already open, also spelled otherwise or
	// through a symbolic link. [Logger.Configure] that keeps a file handler on the same
	// path hands the open file from the old handler to the new one: no second open, and
	// the old handler renames, compresses or deletes nothing. A record written to a file
	// deleted while open (by another program) is counted as an error and reported, and
	// the path is opened anew.
	Sink any `json:"sink" yaml:"sink"`
	// Level is the minimum level, by name in any case ("INFO", "info") or number ("35").
	// "" means DEBUG.
	Level string `json:"level,omitempty" yaml:"level,omitempty"`
	// Format is the format template (see package format); "" means the default format,
	// [LoguruFormat] followed by <dim>{fields}</dim> (the fields the message did not
	// show). A newline and {exception} are appended to it.
	Format string `json:"format,omitempty" yaml:"format,omitempty"`
	// FormatFunc, when set, makes each line instead of Format: its result is written as is
	// (no markup, no newline added).
	FormatFunc func(*Record) string `json:"-" yaml:"-"`
	// Filter keeps only records from this Go package path and the packages below it, as
	// Logger.Disable matches them. "" keeps everything.
	Filter string `json:"filter,omitempty" yaml:"filter,omitempty"`
	// FilterLevels maps package paths to minimum levels (names or numbers); the longest
	// matching path decides and "" is the default for every package. Packages no key
	// covers pass.
	FilterLevels map[string]string `json:"filter_levels,omitempty" yaml:"filter_levels,omitempty"`
	// FilterFunc keeps the records for which it returns true; it runs after Filter and
	// FilterLevels.
	FilterFunc func(*Record) bool `json:"-" yaml:"-"`
	// Colorize says whether markup becomes colours; see ColorMode. A configuration file
	// writes auto, always or never (true and false mean always and never).
	Colorize ColorMode `json:"colorize,omitempty" yaml:"colorize,omitempty"`
	// Serialize writes each record as one JSON object per line instead of Format.
	Serialize bool `json:"serialize,omitempty" yaml:"serialize,omitempty"`
	// Backtrace shows the whole goroutine stack of exceptions, not only the frames between
	// the panic and the Catch.
	Backtrace bool `json:"backtrace,omitempty" yaml:"backtrace,omitempty"`
	// Diagnose adds each cause's concrete type and detailed form to exceptions.
	Diagnose bool `json:"diagnose,omitempty" yaml:"diagnose,omitempty"`
	// Enqueue hands records to one background goroutine with a bounded queue, so a slow
	// sink does not slow the caller. The caller still formats the record, so the values
	// written are those of the call. Complete waits for the queue; Close drains it.
	Enqueue bool `json:"enqueue,omitempty" yaml:"enqueue,omitempty"`
	// QueueSize bounds the queue of an Enqueue handler; 0 means 10,000; at most
	// 10,000,000 (larger is a *ConfigError). The queue's memory grows with what waits in
	// it, not with the bound.
	QueueSize int `json:"queue_size,omitempty" yaml:"queue_size,omitempty"`
	// Overflow says what a full queue does: "block" (default), "drop_newest", "drop_oldest".
	Overflow string `json:"overflow,omitempty" yaml:"overflow,omitempty"`
	// OnError receives the handler's write errors and notes, one call each; nil means a
	// rate-limited note on stderr.
	OnError func(error) `json:"-" yaml:"-"`

	// Rotation, for file sinks, says when the file is closed, renamed and replaced by a
	// new one: a size ("500 MB", "1 GiB"), an interval ("1 week", "12 hours"), a word
	// ("hourly", "daily", "weekly", "monthly", "yearly"), a time of day ("00:00",
	// "1:30 PM"), a weekday ("monday", "w0", "monday at 12:00"), or several joined by
	// " or " ("500 MB or 00:00"). A bare number is rejected. "" never rotates. An
	// interval keeps the grid that starts at the file's creation, as loguru does: "2 h"
	// on a file created at 12:00 rotates at the first write after 14:00, 16:00, …, and
	// neither a late write nor a size rotation moves those boundaries; intervals of a
	// day or more follow the local wall clock across daylight-saving changes. See the
	// sinks package for restarts.
	// Rotation, Retention and Compression only touch regular files: on a path that
	// names a device, a FIFO, a socket or a symbolic link, Add refuses them (such a path
	// is written to as it is, without them).
	Rotation string `json:"rotation,omitempty" yaml:"rotation,omitempty"`
	// Retention, for file sinks, says which rotated files to keep: a count ("10"), an age
	// ("7 days") or a total size ("1 GB"). It runs after each rotation, and at Close when
	// there is no rotation, and only touches files this sink produced. "" keeps all.
	Retention string `json:"retention,omitempty" yaml:"retention,omitempty"`
	// Compression, for file sinks, compresses rotated files on a background worker:
	// "gz", "bz2", "xz", "zst", "zip", "tar", "tar.gz", "tar.bz2", "tar.xz" (also by
	// their usual names: "gzip", "bzip2", "zstd", "tgz", "tbz2", "txz"). gz and zst
	// compress well over 100 MB/s; bz2 and xz manage about 10 MB/s, too slow for a sink
	// that writes several MB/s for long.
	Compression string `json:"compression,omitempty" yaml:"compression,omitempty"`
	// Delay, for file sinks, creates the file at the first record instead of at Add.
	Delay bool `json:"delay,omitempty" yaml:"delay,omitempty"`
	// Watch, for file sinks, reopens the file when another program moved or deleted it
	// (checked at most once a second).
	Watch bool `json:"watch,omitempty" yaml:"watch,omitempty"`
	// Mode, for file sinks, is the permission of a created file; 0 means 0600.
	// Directories logru creates get the matching search permission (0700). A
	// configuration file writes it in octal, as a string: "0640".
	Mode os.FileMode `json:"mode,omitempty" yaml:"mode,omitempty"`
	// Buffering, for file sinks, holds this many bytes before writing; 0 writes each
	// record at once; at most 64 MiB (larger is a *ConfigError). Complete, Close and a
	// once-a-second timer flush the buffer, whose memory grows with what it holds.
	Buffering int `json:"buffering,omitempty" yaml:"buffering,omitempty"`
	// Naming, for file sinks, is how rotated files are named: "" or "time"
	// (app.2026-03-26_14-30-00_123456.log, the old file's opening time), "index"
	// (app.1.log for the newest, older ones shifted up), or a file name with {time}
	// fields formed with the old file's opening time ("app-{time:YYYY-MM-DD}.log", then
	// app-2026-03-26.2.log on a collision). Retention and compression understand all.
	Naming string `json:"naming,omitempty" yaml:"naming,omitempty"`
	// RotateFunc, for file sinks, is asked before each record whether to rotate first,
	// in addition to Rotation.
	RotateFunc func(msg []byte, f FileState) bool `json:"-" yaml:"-"`
	// RetainFunc, for file sinks, receives the sink's rotated files (oldest first)
	// instead of Retention doing its work.
	RetainFunc func(rotated []string) error `json:"-" yaml:"-"`
	// CompressFunc, for file sinks, compresses one rotated file (on the background
	// worker) instead of Compression.
	CompressFunc func(path string) error `json:"-" yaml:"-"`
	// Shared, for file sinks, lets any number of processes (and handlers) append to and
	// rotate one path without losing, tearing or duplicating a line: each record is
	// written under an advisory lock (flock) on the file, the rotation is decided under
	// it from the file's real size, a process that finds the file rotated under it
	// reopens the path, and the process that rotates a file compresses it. Every writer
	// of the path must set it. It needs flock (Linux and other Unix systems) and a
	// fixed path; it does not take Buffering, Naming "index", or Compression without
	// Rotation. false (the default): the path belongs to this handler alone.
	Shared bool `json:"shared,omitempty" yaml:"shared,omitempty"`
}

// FileState describes the file a file sink is writing, for a RotateFunc. See
// [sinks.FileState].
type FileState = sinks.FileState

// Add compiles h and starts sending records to it; it returns the handler's id, which
// Remove and SetLevel take. Every option is checked first: a bad value returns a
// *ConfigError naming the field and the value, and then nothing is added and no file is
// created.
//
// Add is safe for concurrent use, also while other goroutines log: a record is written
// to the handlers present when its call began.
func (l *Logger) Add(h Handler) (int, error) {
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, errors.New("logru: Add: the logger is closed")
	}
	st := c.state.Load()
	hd, err := compileHandler(c, h, st.levels)
	if err != nil {
		return 0, err
	}
	hd.id = c.nextID
	c.nextID++
	next := st.clone()
	next.handlers = append(next.handlers, hd)
	c.publish(next)
	return hd.id, nil
}

// Remove stops sending records to the handler id and closes the sink if logru opened it
// (a file) or it is a Sink with a Close method. An unknown id is an error and changes
// nothing. Records being written concurrently finish first.
func (l *Logger) Remove(id int) error {
	c := l.core
	c.mu.Lock()
	st := c.state.Load()
	i := slices.IndexFunc(st.handlers, func(h *handler) bool { return h.id == id })
	if i < 0 {
		c.mu.Unlock()
		return fmt.Errorf("logru: Remove: no handler with id %d", id)
	}
	hd := st.handlers[i]
	next := st.clone()
	next.handlers = slices.Delete(next.handlers, i, i+1)
	c.lateCloses.Add(1) // before the handler leaves the state: Close waits for it
	c.publish(next)
	c.mu.Unlock()
	defer c.lateCloses.Done()
	return hd.close()
}

// RemoveAll removes every handler, as Remove does, and returns the errors of closing
// their sinks, joined.
func (l *Logger) RemoveAll() error {
	c := l.core
	c.mu.Lock()
	return c.detachAll()
}

// detachAll removes every handler, unlocks c.mu, then closes the removed handlers (after
// the unlock, so a slow sink never holds up Add or logging elsewhere).
func (c *loggerCore) detachAll() error {
	st := c.state.Load()
	next := st.clone()
	next.handlers = nil
	c.lateCloses.Add(1) // before the handlers leave the state: Close waits for them
	c.publish(next)
	c.mu.Unlock()
	defer c.lateCloses.Done()
	var errs []error
	for _, hd := range st.handlers {
		errs = append(errs, hd.close())
	}
	return errors.Join(errs...)
}

// SetLevel changes the level of handler id while other goroutines log; level is a name
// or a number as in Handler.Level. The level gate follows at once: lowering a handler
// below every other one makes calls that were skipped log. An unknown id (never added,
// removed, or replaced by Configure) or level is an error and changes nothing.
//
// SetLevel is safe for concurrent use with logging and with every other method; a record
// whose call began before the change may still be judged by the old level.
func (l *Logger) SetLevel(id int, level string) error {
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.state.Load()
	i := slices.IndexFunc(st.handlers, func(h *handler) bool { return h.id == id })
	if i < 0 {
		return fmt.Errorf("logru: SetLevel: no handler with id %d", id)
	}
	n, err := parseLevel(st.levels, level)
	if err != nil {
		return &ConfigError{Field: "SetLevel level", Value: level, Err: err}
	}
	st.handlers[i].level.Store(int64(n))
	c.publish(st.clone()) // recomputes the level gate; publish never writes the live state
	return nil
}
