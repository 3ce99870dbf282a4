package accesslog

import (
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/logru/logru"
)

// Defaults used where an [Options] field is left zero.
const (
	// DefaultRequestIDHeader is the header a request id is read from and echoed in.
	DefaultRequestIDHeader = "X-Request-ID"
	// DefaultRequestIDMaxLen is the longest client-supplied request id that is kept.
	DefaultRequestIDMaxLen = 64
	// FlowIDHeader is the response header that carries a request's flow id, with
	// Options.Flow.
	FlowIDHeader = "X-Flow-ID"
)

// MaxRequestIDLen bounds Options.RequestIDMaxLen: a client's id is echoed in the
// response and written on every line of its request, so none longer is kept.
const MaxRequestIDLen = 1024

// Caps on the request data copied into a line. Longer values are cut (at a character
// boundary) and end with "…", so a hostile request cannot make a huge line.
const (
	maxPath   = 8 << 10 // the path, and the query
	maxHeader = 2 << 10 // one header's value
	maxMethod = 32
)

// Options configure [Middleware] and [New]. The zero value is ready to use: the default
// logger, INFO, no headers, no query, no slow threshold, request ids in X-Request-ID,
// panics logged and passed on.
//
// Options are read once, when the middleware is made; changing them afterwards has no
// effect on it.
type Options struct {
	// Logger receives the access lines. nil means logru.Default() (as it is when the
	// middleware is made). Records name no caller: their Name is the package
	// github.com/logru/logru/accesslog (so Logger.Disable and handler filters can single
	// them out), and their Function, File and FilePath are empty and Line is 0, since
	// the line that logs them is the middleware's own, of no use to a reader.
	Logger *logru.Logger

	// Level is the level of an ordinary access line, by name: "" means INFO. A level the
	// logger does not know (when the middleware is made) falls back to INFO, and a
	// warning saying so is logged once, at construction.
	Level string

	// SlowThreshold, when positive, marks requests that took longer: they are logged at
	// WARNING (or Level, if higher) and " [SLOW]" ends their message. Zero disables it.
	SlowThreshold time.Duration

	// ErrorOn5xx logs responses with a 5xx status (and requests whose handler panicked)
	// at ERROR, or at Level if that is higher. Off by default.
	ErrorOn5xx bool

	// IncludeHeaders names request headers to log, each as the field header_<name> in
	// lower case with '-' turned into '_' ("User-Agent" gives header_user_agent). A header
	// the request lacks is logged as "". Several values are joined with ", ". The
	// credentials headers Authorization, Proxy-Authorization, Cookie, Set-Cookie and
	// X-Api-Key are never logged unless named here, and then redacted: "[REDACTED]", or
	// for the two Authorization headers the scheme and "[REDACTED]" ("Bearer [REDACTED]").
	IncludeHeaders []string

	// ExcludePaths lists request paths served without an access line, such as health
	// checks: an entry matches the path exactly, or, when it ends in "*", every path that
	// starts with what precedes the "*" ("/static/*"). Entries are matched against the
	// path as net/http's ServeMux and FileServer see it: percent-decoded and cleaned
	// (path.Clean, keeping a trailing slash), so "/static/../private/x" and
	// "/static/%2e%2e/private/x" are logged (as sent) however "/static/*" reads. Excluded
	// requests still get a request id.
	ExcludePaths []string

	// LogQuery adds the query string to the message ("GET /users?page=2") and, when the
	// request has one, as the field query. Values whose key suggests a secret (containing token, key, secret,
	// password, passwd, pwd, auth, session or sig, in any case) are written as REDACTED.
	// Off by default: queries often carry personal data.
	LogQuery bool

	// Recover recovers a panicking handler: the panic is logged as Logger.Catch logs it
	// (at ERROR, with its stack and the request's id), the client gets a 500 if nothing
	// was sent yet, and the server carries on. http.ErrAbortHandler is never recovered.
	// Without Recover the access line is written (status 500) and the panic goes on to
	// net/http, its stack intact.
	Recover bool

	// TrustProxy takes the client's address from the proxy in front of the server: the
	// X-Real-IP header when it holds an IP address, else the last (rightmost) address
	// of X-Forwarded-For, the one that proxy appended. Leave it off unless every request
	// comes through such a proxy: clients can send these headers themselves. Without it,
	// or when neither header holds an address, remote is the connection's IP.
	TrustProxy bool

	// RequestIDHeader is the header a request id is read from and written to in the
	// response; "" means X-Request-ID.
	RequestIDHeader string

	// Flow makes every request a flow (see logru.Logger.Flow): a flow_start record when
	// it begins and a flow_end record, with the timeline of the steps the handler ran
	// (logru.Step with the request's context), when it ends. The flow's id is the
	// request's valid incoming request id followed by "-" and 8 random hex digits, or
	// those digits alone when the request brought none; it is echoed in the response's
	// X-Flow-ID header (set before the handler runs), and the access line and every
	// record logged through Logger.Ctx(r.Context()) carry it as flow_id. The flow
	// records carry route: the method and path, or the ServeMux pattern that served the
	// request ("GET /pay/{id}") when next is a ServeMux. The flow fails (flow_end at
	// ERROR) when the handler panics (the panic is then handled as without Flow) or
	// answers with a 5xx status. Excluded paths are not flows. Off by default.
	Flow bool

	// RequestIDMaxLen is the longest id taken from a request; 0 means 64; at most
	// MaxRequestIDLen (a larger value is taken as that, with a warning logged when the
	// middleware is made). A request's id is used only when it has 1 to RequestIDMaxLen
	// characters, each a letter, a digit or one of "-_.:+/=@"; otherwise (or when there
	// is none) a new one is made: 32 hex digits from crypto/rand.
	RequestIDMaxLen int

	// now is the clock; nil means time.Now. Tests set it through export_test.go.
	now func() time.Time
}

// header is one header to log: its canonical name and its field key.
type header struct {
	name   string // canonical MIME header key
	key    string // header_<name>
	secret bool
}

// config is Options resolved once, for the request path.
type config struct {
	log        *logru.Logger // for flows, panics and notes
	line       *logru.Logger // for the access line
	level      int
	slow       time.Duration
	errorOn5xx bool
	headers    []header
	exact      map[string]bool
	prefixes   []string
	logQuery   bool
	recover    bool
	trustProxy bool
	flow       bool
	idHeader   string // canonical
	idMax      int
	now        func() time.Time
}

// secretHeaders are never logged in clear.
var secretHeaders = map[string]bool{
	"Authorization":       true,
	"Proxy-Authorization": true,
	"Cookie":              true,
	"Set-Cookie":          true,
	"X-Api-Key":           true,
}

func (o *Options) resolve() *config {
	c := &config{
		log:        o.Logger,
		level:      logru.LevelInfo,
		slow:       o.SlowThreshold,
		errorOn5xx: o.ErrorOn5xx,
		logQuery:   o.LogQuery,
		recover:    o.Recover,
		trustProxy: o.TrustProxy,
		flow:       o.Flow,
		idHeader:   o.RequestIDHeader,
		idMax:      o.RequestIDMaxLen,
		now:        o.now,
	}
	if c.log == nil {
		c.log = logru.Default()
	}
	// Reset per-call options (Raw, Colors, …) a caller's child may carry: request data
	// must never be read as markup. The access line has no caller of its own: the code
	// that logs it is this package's, not the application's.
	base := c.log.Opt(logru.Options{})
	c.log, c.line = base.Patch(noCaller), base.Patch(accessLine)
	if o.Level != "" {
		lv, ok := c.log.GetLevel(o.Level)
		if !ok {
			lv, ok = c.log.GetLevel(strings.ToUpper(o.Level))
		}
		if ok {
			c.level = lv.No
		} else {
			c.log.Warning("accesslog: level {level} does not exist; access lines are logged at INFO", "level", o.Level)
		}
	}
	if c.idHeader == "" {
		c.idHeader = DefaultRequestIDHeader
	}
	c.idHeader = http.CanonicalHeaderKey(c.idHeader)
	if c.idMax <= 0 {
		c.idMax = DefaultRequestIDMaxLen
	}
	if c.idMax > MaxRequestIDLen {
		c.log.Warning("accesslog: RequestIDMaxLen {n} is over the limit of 1,024; longer request ids are replaced", "n", c.idMax)
		c.idMax = MaxRequestIDLen
	}
	if c.now == nil {
		c.now = time.Now
	}
	for _, h := range o.IncludeHeaders {
		name := http.CanonicalHeaderKey(strings.TrimSpace(h))
		if name == "" {
			continue
		}
		key := "header_" + strings.ReplaceAll(strings.ToLower(name), "-", "_")
		c.headers = append(c.headers, header{name: name, key: key, secret: secretHeaders[name]})
	}
	for _, p := range o.ExcludePaths {
		if prefix, ok := strings.CutSuffix(p, "*"); ok {
			c.prefixes = append(c.prefixes, prefix)
			continue
		}
		if c.exact == nil {
			c.exact = map[string]bool{}
		}
		c.exact[p] = true
	}
	return c
}

// noCaller clears the record's function, file and line, keeping its package name.
func noCaller(r *logru.Record) {
	r.Function, r.File, r.FilePath, r.Line = "", "", "", 0
}

// shownKeys are the fields an access line's message shows, "200 GET /ok?page=2 3.2ms":
// the default format's {fields} leaves them out, so the line does not say them twice.
var shownKeys = [...]string{"status", "method", "path", "query", "duration_ms"}

// accessLine is noCaller for the access line, which also marks the fields its message
// shows (see logru.Record's MessageKeys).
func accessLine(r *logru.Record) {
	noCaller(r)
	for _, k := range shownKeys {
		r.MessageKeys.Add(k)
	}
}

// cleanPath returns the path a router acts on for the decoded request path p, as
// net/http's ServeMux computes it: rooted, path.Clean'ed, with p's trailing slash kept.
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	if p[0] != '/' {
		p = "/" + p
	}
	np := path.Clean(p)
	if p[len(p)-1] == '/' && np != "/" {
		if len(np)+1 == len(p) && p[:len(np)] == np {
			return p // already clean: no allocation
		}
		np += "/"
	}
	return np
}

// excluded reports whether path (cleaned, see cleanPath) is served without an access
// line.
func (c *config) excluded(path string) bool {
	if c.exact[path] {
		return true
	}
	for _, p := range c.prefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}
