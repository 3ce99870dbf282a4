package sinks

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// SyslogFormat is the message format a [SyslogWriter] sends.
type SyslogFormat int

const (
	// RFC5424 is the syslog protocol of RFC 5424 (the default): version 1 header, a full
	// timestamp with microseconds and zone, structured data.
	RFC5424 SyslogFormat = iota
	// RFC3164 is the older BSD format: "<PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG", local
	// time to the second, extra fields appended to the message as key=value.
	RFC3164
)

// Framing is how a [SyslogWriter] separates messages on a stream transport (tcp, tls,
// unix). Datagram transports (udp, unixgram) send one message per datagram.
type Framing int

const (
	// OctetCounting prefixes each message with its length and a space (RFC 6587 3.4.1,
	// RFC 5425): the default; a message with newlines stays one record.
	OctetCounting Framing = iota
	// LineFraming ends each message with a newline (RFC 6587 3.4.2), for receivers that
	// only know it. A newline inside the message is sent as "#012" (as rsyslog and
	// syslog-ng write control characters), so that the message stays one record.
	LineFraming
)

// Facility is a syslog facility (RFC 5424 6.2.1).
type Facility int

// The syslog facilities. The zero value, Kern, is taken as User: as with the C library's
// syslog(3), a program does not send with the kernel's facility.
const (
	Kern Facility = iota
	User
	Mail
	Daemon
	Auth
	Syslogd
	LPR
	News
	UUCP
	Cron
	AuthPriv
	FTP
	NTP
	Audit
	Alert
	Clock
	Local0
	Local1
	Local2
	Local3
	Local4
	Local5
	Local6
	Local7
)

// SyslogOptions configures [Syslog]. The zero value sends RFC 5424 messages with the
// User facility to the local syslog daemon (/dev/log, unixgram).
type SyslogOptions struct {
	// Network is "udp", "tcp", "tls" (TCP with crypto/tls), "unix" (stream) or
	// "unixgram"; "" means "unixgram".
	Network string
	// Addr is "host:port" for udp, tcp and tls (required), or a socket path for unix and
	// unixgram ("" means /dev/log).
	Addr string
	// Format is RFC5424 (the zero value) or RFC3164. Daemons reading /dev/log (syslog-ng's
	// unix-dgram without flags(syslog-protocol), rsyslog's imuxsock, journald) expect
	// RFC3164; over unix and unixgram it is sent without the hostname, as syslog(3) does.
	Format SyslogFormat
	// Framing, for tcp, tls and unix, is OctetCounting (the zero value) or LineFraming.
	Framing Framing
	// Facility is the facility; the zero value (Kern) means User.
	Facility Facility
	// AppName is the APP-NAME (the TAG in RFC 3164); "" means the program's base name.
	AppName string
	// ProcID is the PROCID; "" means the process id.
	ProcID string
	// MsgID is the MSGID of every message (RFC 5424 only); "" sends the nil value "-".
	MsgID string
	// Hostname is the HOSTNAME; "" means os.Hostname().
	Hostname string
	// TLSConfig is used by the "tls" network; nil means the system's roots, the server
	// name taken from Addr.
	TLSConfig *tls.Config
	// DialTimeout bounds each connection attempt (TLS handshake included); 0 means 5s.
	DialTimeout time.Duration
	// WriteTimeout bounds each write; 0 means 5s. A write that times out counts as a lost
	// connection: the message is held and the sink reconnects.
	WriteTimeout time.Duration
	// BufferSize is how many messages are held while disconnected; 0 means 1,000; at
	// most MaxQueueSize (10,000,000). The buffer grows with what it holds.
	BufferSize int
	// Overflow says what a full buffer does: "block" (the default) waits up to
	// BlockTimeout for room, then drops the message, and drops at once until there is
	// room again; "drop_newest" drops the new message; "drop_oldest" the oldest held.
	Overflow string
	// BlockTimeout is how long "block" waits; 0 means 1s.
	BlockTimeout time.Duration
	// MaxBackoff caps the pause between reconnection attempts, which starts at 100ms and
	// doubles; 0 means 30s.
	MaxBackoff time.Duration
}

// SyslogWriter sends records to a syslog daemon. Make one with [Syslog] and give it to
// logru as a Handler's Sink; it is a [RecordWriter].
//
// Each record is one message: the handler's formatted text (without its trailing
// newline) is the MSG, so a Handler with Format "{message}" sends the bare message and
// one with Serialize sends a JSON body. The level gives the severity ([Severity]); extra
// fields go into one structured-data element "logru@32473" (RFC 5424) or after the
// message as key=value (RFC 3164).
//
// Writes happen on the caller's goroutine, each bounded by WriteTimeout. While the
// daemon is away, messages are held in a bounded buffer and a background goroutine
// reconnects (100ms, doubling up to MaxBackoff), then sends them in order. Before each
// write on a stream, the sink checks that the daemon has not closed the connection, so
// that a restarted daemon does not swallow messages. What it drops is counted by
// Dropped and announced through SetOnError's function. Over TCP, a message written just
// before the daemon dies can still be lost unseen, and UDP gives no delivery guarantee.
//
// A SyslogWriter is safe for concurrent use. Close sends what is held (waiting up to
// WriteTimeout) and stops the background goroutine.
type SyslogWriter struct {
	err    error // a configuration error, returned by Err and by every write
	link   *link
	format SyslogFormat
	octets bool // octet counting on a stream
	lines  bool // LF framing on a stream
	local  bool // unix or unixgram: RFC 3164 leaves the hostname out, as syslog(3) does
	pri    int  // facility * 8
	app    string
	pid    string
	host   string
	msgID  string
	bufs   sync.Pool
}

// Syslog returns a sink sending to the syslog daemon opts describe. It makes a first
// connection attempt (waiting at most DialTimeout); if that fails, it returns anyway and
// goes on trying in the background, holding the messages logged meanwhile. An invalid
// option is reported by Err (and refused by logru's Add) naming the field.
func Syslog(opts SyslogOptions) *SyslogWriter {
	s := &SyslogWriter{format: opts.Format}
	s.bufs.New = func() any { b := make([]byte, 0, 512); return &b }
	if s.err = s.configure(&opts); s.err != nil {
		return s
	}
	dialTO, writeTO := orDefault(opts.DialTimeout, 5*time.Second), orDefault(opts.WriteTimeout, 5*time.Second)
	network, addr, tlsConf := opts.Network, opts.Addr, opts.TLSConfig
	stream := network == "tcp" || network == "tls" || network == "unix"
	dial := func() (net.Conn, error) {
		d := net.Dialer{Timeout: dialTO}
		switch network {
		case "tls":
			conf := tlsConf
			if conf == nil {
				conf = &tls.Config{}
			}
			if conf.ServerName == "" {
				conf = conf.Clone()
				if host, _, err := net.SplitHostPort(addr); err == nil {
					conf.ServerName = host
				}
			}
			c, err := (&tls.Dialer{NetDialer: &d, Config: conf}).Dial("tcp", addr)
			if err != nil {
				return nil, err
			}
			return watch(c), nil
		}
		return d.Dial(network, addr)
	}
	send := func(c net.Conn, frame []byte) error {
		if stream {
			if err := peerGone(c); err != nil {
				return err
			}
		}
		c.SetWriteDeadline(time.Now().Add(writeTO))
		_, err := c.Write(frame)
		if err != nil && errors.Is(err, syscall.EMSGSIZE) {
			return fatalError{fmt.Errorf("sinks: syslog: message of %d bytes too large for %s: %w", len(frame), network, err)}
		}
		return err
	}
	s.link = newLink("syslog", linkOptions{
		dial: dial, send: send,
		bufferSize:   orDefault(opts.BufferSize, 1000),
		overflow:     orDefault(opts.Overflow, Block),
		blockTimeout: orDefault(opts.BlockTimeout, time.Second),
		flushTimeout: dialTO + writeTO,
		minBackoff:   100 * time.Millisecond,
		maxBackoff:   orDefault(opts.MaxBackoff, 30*time.Second),
	})
	return s
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func (s *SyslogWriter) configure(o *SyslogOptions) error {
	switch o.Network {
	case "":
		o.Network = "unixgram"
		fallthrough
	case "unix", "unixgram":
		if o.Addr == "" {
			o.Addr = "/dev/log"
		}
	case "udp", "tcp", "tls":
		if o.Addr == "" {
			return errors.New(`sinks: SyslogOptions.Addr "": required for network ` + o.Network)
		}
		if _, _, err := net.SplitHostPort(o.Addr); err != nil {
			return fmt.Errorf("sinks: SyslogOptions.Addr %q: %w", o.Addr, err)
		}
	default:
		return fmt.Errorf("sinks: SyslogOptions.Network %q: want udp, tcp, tls, unix or unixgram", o.Network)
	}
	if o.Format != RFC5424 && o.Format != RFC3164 {
		return fmt.Errorf("sinks: SyslogOptions.Format %d: want RFC5424 or RFC3164", o.Format)
	}
	if o.Framing != OctetCounting && o.Framing != LineFraming {
		return fmt.Errorf("sinks: SyslogOptions.Framing %d: want OctetCounting or LineFraming", o.Framing)
	}
	if o.Facility < Kern || o.Facility > Local7 {
		return fmt.Errorf("sinks: SyslogOptions.Facility %d: want 0 to 23", o.Facility)
	}
	switch o.Overflow {
	case "", Block, DropNewest, DropOldest:
	default:
		return fmt.Errorf("sinks: SyslogOptions.Overflow %q: want %q (the default), %q or %q", o.Overflow, Block, DropNewest, DropOldest)
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"DialTimeout", o.DialTimeout}, {"WriteTimeout", o.WriteTimeout}, {"BlockTimeout", o.BlockTimeout}, {"MaxBackoff", o.MaxBackoff}} {
		if d.v < 0 {
			return fmt.Errorf("sinks: SyslogOptions.%s %v: must not be negative", d.name, d.v)
		}
	}
	if o.BufferSize < 0 {
		return fmt.Errorf("sinks: SyslogOptions.BufferSize %d: must not be negative", o.BufferSize)
	}
	if o.BufferSize > MaxQueueSize {
		return fmt.Errorf("sinks: SyslogOptions.BufferSize %d: over the limit of 10,000,000 messages", o.BufferSize)
	}
	stream := o.Network == "tcp" || o.Network == "tls" || o.Network == "unix"
	s.octets = stream && o.Framing == OctetCounting
	s.lines = stream && o.Framing == LineFraming
	s.local = o.Network == "unix" || o.Network == "unixgram"
	f := o.Facility
	if f == Kern {
		f = User
	}
	s.pri = int(f) * 8
	app := o.AppName
	if app == "" {
		app = filepath.Base(os.Args[0])
	}
	pid := o.ProcID
	if pid == "" {
		pid = strconv.Itoa(os.Getpid())
	}
	host := o.Hostname
	if host == "" {
		host, _ = os.Hostname()
	}
	if o.Format == RFC3164 {
		s.app, s.pid, s.host = headerField(app, 32), headerField(pid, 128), headerField(host, 255)
	} else {
		s.app, s.pid, s.host, s.msgID = headerField(app, 48), headerField(pid, 128), headerField(host, 255), headerField(o.MsgID, 32)
	}
	return nil
}

// headerField makes s a valid header field: printable US-ASCII (others become '_'), at
// most max bytes, "-" (the nil value) when empty.
func headerField(s string, max int) string {
	if s == "" {
		return "-"
	}
	b := []byte(s)
	if len(b) > max {
		b = b[:max]
	}
	for i, c := range b {
		if c < 33 || c > 126 {
			b[i] = '_'
		}
	}
	return string(b)
}

// Err returns the configuration error Syslog found, or nil.
func (s *SyslogWriter) Err() error { return s.err }

// WriteRecord sends one record (see [RecordWriter]).
func (s *SyslogWriter) WriteRecord(e Entry) error {
	if s.err != nil {
		return s.err
	}
	p := s.bufs.Get().(*[]byte)
	b := s.AppendMessage((*p)[:0], e)
	err := s.link.write(b)
	if cap(b) <= 64<<10 {
		*p = b[:0]
		s.bufs.Put(p)
	}
	return err
}

// AppendMessage appends the frame WriteRecord would send for e: the message in the
// configured format, with its octet count or newline on a stream.
func (s *SyslogWriter) AppendMessage(dst []byte, e Entry) []byte {
	start := len(dst)
	if s.octets {
		dst = append(dst, "0000000000 "...) // room for the count, fixed below
	}
	body := len(dst)
	dst = append(dst, '<')
	dst = strconv.AppendInt(dst, int64(s.pri+Severity(e.Level)), 10)
	dst = append(dst, '>')
	msg := trimNewline(e.Text)
	if s.format == RFC3164 {
		if e.Time.IsZero() {
			e.Time = time.Now()
		}
		dst = e.Time.AppendFormat(dst, "Jan _2 15:04:05")
		dst = append(dst, ' ')
		if !s.local {
			dst = append(dst, s.host...)
			dst = append(dst, ' ')
		}
		dst = append(dst, s.app...)
		dst = append(dst, '[')
		dst = append(dst, s.pid...)
		dst = append(dst, "]: "...)
		dst = s.appendMsg(dst, msg)
		for _, f := range e.Fields {
			dst = append(dst, ' ')
			dst = appendPair(dst, f.Key)
			dst = append(dst, '=')
			dst = appendPair(dst, f.Value)
		}
	} else {
		dst = append(dst, "1 "...)
		if e.Time.IsZero() {
			dst = append(dst, '-')
		} else {
			dst = e.Time.AppendFormat(dst, "2006-01-02T15:04:05.000000Z07:00")
		}
		for _, f := range [...]string{s.host, s.app, s.pid, s.msgID} {
			dst = append(dst, ' ')
			dst = append(dst, f...)
		}
		dst = append(dst, ' ')
		dst = appendSD(dst, e.Fields)
		if len(msg) > 0 {
			dst = append(dst, ' ')
			dst = s.appendMsg(dst, msg)
		}
	}
	if s.lines {
		dst = append(dst, '\n')
	}
	if s.octets {
		n := strconv.AppendInt(make([]byte, 0, 10), int64(len(dst)-body), 10)
		pad := 10 - len(n) // shift the message left over the unused room
		copy(dst[start+pad:], n)
		dst[start+10] = ' '
		dst = append(dst[:start], dst[start+pad:]...)
	}
	return dst
}

// appendMsg appends the message; with LF framing, a newline is written "#012".
func (s *SyslogWriter) appendMsg(dst, msg []byte) []byte {
	if !s.lines {
		return append(dst, msg...)
	}
	for _, c := range msg {
		if c == '\n' {
			dst = append(dst, "#012"...)
		} else {
			dst = append(dst, c)
		}
	}
	return dst
}

// SDID is the structured-data element that carries a record's extra fields.
const SDID = "logru@32473"

// appendSD appends the structured data: "-" without fields, else one element
// [logru@32473 name="value" ...].
func appendSD(dst []byte, fields []Field) []byte {
	if len(fields) == 0 {
		return append(dst, '-')
	}
	dst = append(dst, "["+SDID...)
	for _, f := range fields {
		dst = append(dst, ' ')
		dst = appendSDName(dst, f.Key)
		dst = append(dst, '=', '"')
		for i := 0; i < len(f.Value); i++ {
			if c := f.Value[i]; c == '"' || c == '\\' || c == ']' {
				dst = append(dst, '\\')
			}
			dst = append(dst, f.Value[i])
		}
		dst = append(dst, '"')
	}
	return append(dst, ']')
}

// appendSDName appends name as an SD-NAME: printable US-ASCII but '=', ' ', ']' and '"'
// (others become '_'), at most 32 bytes, "_" when empty.
func appendSDName(dst []byte, name string) []byte {
	if name == "" {
		return append(dst, '_')
	}
	for i := 0; i < len(name) && i < 32; i++ {
		c := name[i]
		if c < 33 || c > 126 || c == '=' || c == ']' || c == '"' {
			c = '_'
		}
		dst = append(dst, c)
	}
	return dst
}

// appendPair appends a key or value of an RFC 3164 message's fields, quoted (with '"'
// and '\' escaped) when it is empty or holds a space, '=' or '"'.
func appendPair(dst []byte, s string) []byte {
	quote := s == ""
	for i := 0; i < len(s) && !quote; i++ {
		quote = s[i] == ' ' || s[i] == '=' || s[i] == '"' || s[i] == '\n'
	}
	if !quote {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}

// Dropped returns the number of messages dropped so far: 0 for a sink with a
// configuration error. Safe to call at any time, from any goroutine.
func (s *SyslogWriter) Dropped() uint64 { return s.link.droppedCount() }

// SetOnError sets the function that receives connection notices and drop notices
// (*DropError); nil, the default, discards them. Safe to call at any time.
func (s *SyslogWriter) SetOnError(f func(error)) { s.link.setOnError(f) }

// Flush waits until the messages held while disconnected are sent, for at most
// DialTimeout + WriteTimeout.
func (s *SyslogWriter) Flush() error { return s.link.flush() }

// Close sends what is held (waiting up to DialTimeout + WriteTimeout), counts the rest
// as dropped, closes the connection and stops the background goroutine. Later writes
// return ErrClosed. Safe to call twice, also concurrently.
func (s *SyslogWriter) Close() error { return s.link.close() }
