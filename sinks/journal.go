package sinks

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultJournalSocket is where systemd-journald listens for the native protocol.
const DefaultJournalSocket = "/run/systemd/journal/socket"

// JournalOptions configures [Journal]. The zero value sends to the system journal with
// the program's base name as SYSLOG_IDENTIFIER.
type JournalOptions struct {
	// Socket is journald's socket; "" means /run/systemd/journal/socket. A journald
	// running in a namespace NS listens on /run/systemd/journal.NS/socket.
	Socket string
	// Identifier is SYSLOG_IDENTIFIER; "" means the program's base name.
	Identifier string
	// WriteTimeout bounds each write; 0 means 5s.
	WriteTimeout time.Duration
	// BufferSize is how many entries are held while journald is away; 0 means 1,000; at
	// most MaxQueueSize (10,000,000). The buffer grows with what it holds.
	BufferSize int
	// Overflow says what a full buffer does, as SyslogOptions.Overflow: "block" (the
	// default, waiting up to BlockTimeout), "drop_newest" or "drop_oldest".
	Overflow string
	// BlockTimeout is how long "block" waits; 0 means 1s.
	BlockTimeout time.Duration
	// MaxBackoff caps the pause between reconnection attempts (100ms, doubling); 0 means 30s.
	MaxBackoff time.Duration
}

// JournalWriter sends records to systemd-journald with its native protocol. Make one
// with [Journal] and give it to logru as a Handler's Sink; it is a [RecordWriter].
//
// Each record is one journal entry: MESSAGE (the handler's formatted text without its
// trailing newline), PRIORITY ([Severity] of the level), CODE_FILE, CODE_LINE, CODE_FUNC,
// SYSLOG_IDENTIFIER, and one field per extra field. Extra field names are made journal
// field names: upper-cased, characters other than A–Z, 0–9 and '_' replaced by '_',
// leading underscores removed, "X_" put before a name that would start with a digit or
// be empty, cut to 64 bytes; a name the sink writes itself (MESSAGE, PRIORITY, …) gets
// the prefix "EXTRA_". Values holding a newline are sent in the binary-safe form, so a
// multi-line message stays one entry. An entry too large for one datagram is sent as a
// sealed memory file (memfd), as sd_journal_send does.
//
// It is safe for concurrent use, holds entries in a bounded buffer while journald is
// away (as [SyslogWriter] does) and reconnects in the background. Linux only: elsewhere
// Err reports that the journal is not available.
type JournalWriter struct {
	err   error
	link  *link
	ident string
	bufs  sync.Pool
}

// Journal returns a sink sending to journald as opts say. An invalid option is reported
// by Err (and refused by logru's Add) naming the field.
func Journal(opts JournalOptions) *JournalWriter {
	j := &JournalWriter{ident: opts.Identifier}
	j.bufs.New = func() any { b := make([]byte, 0, 512); return &b }
	if j.ident == "" {
		j.ident = filepath.Base(os.Args[0])
	}
	switch {
	case opts.Overflow != "" && opts.Overflow != Block && opts.Overflow != DropNewest && opts.Overflow != DropOldest:
		j.err = fmt.Errorf("sinks: JournalOptions.Overflow %q: want %q (the default), %q or %q", opts.Overflow, Block, DropNewest, DropOldest)
	case opts.BufferSize < 0:
		j.err = fmt.Errorf("sinks: JournalOptions.BufferSize %d: must not be negative", opts.BufferSize)
	case opts.BufferSize > MaxQueueSize:
		j.err = fmt.Errorf("sinks: JournalOptions.BufferSize %d: over the limit of 10,000,000 entries", opts.BufferSize)
	case opts.WriteTimeout < 0 || opts.BlockTimeout < 0 || opts.MaxBackoff < 0:
		j.err = errors.New("sinks: JournalOptions: WriteTimeout, BlockTimeout and MaxBackoff must not be negative")
	}
	if j.err == nil {
		j.err = journalSupported()
	}
	if j.err != nil {
		return j
	}
	socket := orDefault(opts.Socket, DefaultJournalSocket)
	writeTO := orDefault(opts.WriteTimeout, 5*time.Second)
	j.link = newLink("journal", linkOptions{
		dial:         func() (net.Conn, error) { return dialJournal(socket, writeTO) },
		send:         func(c net.Conn, frame []byte) error { return sendJournal(c, frame, writeTO) },
		bufferSize:   orDefault(opts.BufferSize, 1000),
		overflow:     orDefault(opts.Overflow, Block),
		blockTimeout: orDefault(opts.BlockTimeout, time.Second),
		flushTimeout: 2 * writeTO,
		minBackoff:   100 * time.Millisecond,
		maxBackoff:   orDefault(opts.MaxBackoff, 30*time.Second),
	})
	return j
}

// Err returns the configuration error Journal found, or nil.
func (j *JournalWriter) Err() error { return j.err }

// WriteRecord sends one record as a journal entry (see [RecordWriter]).
func (j *JournalWriter) WriteRecord(e Entry) error {
	if j.err != nil {
		return j.err
	}
	p := j.bufs.Get().(*[]byte)
	b := j.AppendEntry((*p)[:0], e)
	err := j.link.write(b)
	if cap(b) <= 64<<10 {
		*p = b[:0]
		j.bufs.Put(p)
	}
	return err
}

// AppendEntry appends the native-protocol datagram WriteRecord would send for e.
func (j *JournalWriter) AppendEntry(dst []byte, e Entry) []byte {
	dst = appendJournalField(dst, "MESSAGE", string(trimNewline(e.Text)))
	dst = append(dst, "PRIORITY="...)
	dst = strconv.AppendInt(dst, int64(Severity(e.Level)), 10)
	dst = append(dst, '\n')
	if e.File != "" {
		dst = appendJournalField(dst, "CODE_FILE", e.File)
	}
	if e.Line > 0 {
		dst = append(dst, "CODE_LINE="...)
		dst = strconv.AppendInt(dst, int64(e.Line), 10)
		dst = append(dst, '\n')
	}
	if e.Func != "" {
		dst = appendJournalField(dst, "CODE_FUNC", e.Func)
	}
	dst = appendJournalField(dst, "SYSLOG_IDENTIFIER", j.ident)
	for _, f := range e.Fields {
		dst = appendJournalField(dst, JournalFieldName(f.Key), f.Value)
	}
	return dst
}

// appendJournalField appends NAME=value, or, when value holds a newline, the binary-safe
// form: NAME, newline, the length as 64-bit little-endian, value, newline.
func appendJournalField(dst []byte, name, value string) []byte {
	dst = append(dst, name...)
	if strings.IndexByte(value, '\n') < 0 {
		dst = append(dst, '=')
		dst = append(dst, value...)
		return append(dst, '\n')
	}
	dst = append(dst, '\n')
	dst = binary.LittleEndian.AppendUint64(dst, uint64(len(value)))
	dst = append(dst, value...)
	return append(dst, '\n')
}

// JournalFieldName makes key a journal field name as [JournalWriter] does.
func JournalFieldName(key string) string {
	b := make([]byte, 0, len(key)+6)
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		default:
			c = '_'
		}
		if c == '_' && len(b) == 0 {
			continue // no leading underscore: those fields are journald's own
		}
		b = append(b, c)
	}
	if len(b) == 0 || b[0] >= '0' && b[0] <= '9' {
		b = append([]byte("X_"), b...)
	}
	if len(b) > 64 {
		b = b[:64]
	}
	switch s := string(b); s {
	case "MESSAGE", "PRIORITY", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "SYSLOG_IDENTIFIER":
		return "EXTRA_" + s
	default:
		return s
	}
}

// Dropped returns the number of entries dropped so far: 0 for a sink with a
// configuration error. Safe to call at any time, from any goroutine.
func (j *JournalWriter) Dropped() uint64 { return j.link.droppedCount() }

// SetOnError sets the function that receives connection notices and drop notices
// (*DropError); nil, the default, discards them. Safe to call at any time.
func (j *JournalWriter) SetOnError(f func(error)) { j.link.setOnError(f) }

// Flush waits until the entries held while journald was away are sent, for at most
// twice WriteTimeout.
func (j *JournalWriter) Flush() error { return j.link.flush() }

// Close sends what is held (waiting at most twice WriteTimeout), counts the rest as
// dropped and stops the background goroutine. Safe to call twice, also concurrently.
func (j *JournalWriter) Close() error { return j.link.close() }
