package accesslog

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/logru/logru"
)

// Middleware returns next wrapped so that every request it serves is logged once, when
// next returns (see the package documentation for the line and its fields). opts are
// resolved here, once; Middleware never fails: an unknown Level falls back to INFO with
// a warning logged now. The handler is safe for concurrent use, as next must be.
func Middleware(next http.Handler, opts Options) http.Handler {
	return &handler{next: next, c: opts.resolve()}
}

// New returns the middleware as a constructor in the shape routers such as chi take,
// func(http.Handler) http.Handler: New(opts)(next) is Middleware(next, opts), with opts
// resolved once, in New, for every handler it wraps.
func New(opts Options) func(http.Handler) http.Handler {
	c := opts.resolve()
	return func(next http.Handler) http.Handler { return &handler{next: next, c: c} }
}

type handler struct {
	next http.Handler
	c    *config
}

// catchOptions recover a panic for Options.Recover. The message leaves the panic's text
// to the record's exception, which the handlers render and escape.
var catchOptions = logru.CatchOptions{
	Message: "accesslog: recovered a panic in an HTTP handler",
	Exclude: []any{http.ErrAbortHandler},
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := h.c
	start := c.now()

	id, incoming := "", false
	if v := r.Header[c.idHeader]; len(v) > 0 && validID(v[0], c.idMax) {
		id, incoming = v[0], true
	} else {
		id = newID()
	}
	w.Header()[c.idHeader] = []string{id}
	orig := r.Context()
	ctx := logru.Contextualize(context.WithValue(orig, ridKey{}, id), slog.String("request_id", id))
	r2 := r.WithContext(ctx)

	// The line shows the path as the client sent it (escaped); exclusions are matched
	// against the path a router or file server acts on: decoded and cleaned, so that
	// "/static/../private" and "/static/%2e%2e/private" are not taken for "/static/*".
	var path, decoded string
	if r.URL != nil {
		path, decoded = r.URL.EscapedPath(), r.URL.Path
	}
	if c.excluded(cleanPath(decoded)) {
		h.next.ServeHTTP(w, r2)
		return
	}
	// Read the request now: the handler may change r.URL and the headers.
	ln := line{method: cut(r.Method, maxMethod), path: cut(path, maxPath), id: id}
	var fl *logru.Flow
	if c.flow {
		label := ""
		if incoming {
			label = id
		}
		ctx, fl = c.log.Flow(ctx, label, "route", ln.method+" "+ln.path)
		ln.flow = fl.ID()
		w.Header()[flowHeader] = []string{ln.flow}
		r2 = r.WithContext(ctx)
	}
	if c.logQuery && r.URL != nil {
		ln.query = cut(redactQuery(r.URL.RawQuery), maxPath)
	}
	ln.remote = remoteAddr(r, c.trustProxy)
	var hv [8]string
	headers := hv[:0]
	for _, hd := range c.headers {
		headers = append(headers, headerValue(r.Header, hd))
	}

	rec, ww := wrap(w)
	done := false
	defer func() {
		// Runs when next returns, panics or exits the goroutine; a panic goes on after
		// this, unchanged, since nothing here recovers it.
		ln.status, ln.bytes = rec.status, rec.bytes
		switch {
		case !done:
			ln.status = http.StatusInternalServerError
		case !rec.wrote:
			ln.status = http.StatusOK // what net/http sends for a handler that sent nothing
		}
		ln.dur = c.now().Sub(start)
		h.log(orig, &ln, headers)
	}()
	if c.recover {
		if !h.serveRecover(ww, r2, fl, rec) {
			if !rec.wrote && !rec.hijacked {
				http.Error(ww, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}
			return // done stays false: the line says 500
		}
	} else {
		h.serve(ww, r2, fl, rec)
	}
	done = true
}

// flowHeader is FlowIDHeader in canonical form.
var flowHeader = http.CanonicalHeaderKey(FlowIDHeader)

// serveRecover calls next under Catch; it reports false when next panicked.
func (h *handler) serveRecover(w http.ResponseWriter, r *http.Request, fl *logru.Flow, rec *recorder) (ok bool) {
	defer h.c.log.Ctx(r.Context()).Catch(catchOptions)
	h.serve(w, r, fl, rec)
	return true
}

// serve calls next, inside the request's flow when there is one: a panic passing
// through fl.End fails the flow and goes on; a 5xx status fails it too.
func (h *handler) serve(w http.ResponseWriter, r *http.Request, fl *logru.Flow, rec *recorder) {
	if fl == nil {
		h.next.ServeHTTP(w, r)
		return
	}
	var err error
	defer fl.End(&err)
	defer func() {
		// The pattern a ServeMux matched, which it sets on the request it was given.
		if r.Pattern != "" {
			fl.AddFields("route", r.Pattern)
		}
	}()
	h.next.ServeHTTP(w, r)
	if rec.status >= 500 {
		err = errors.New("status " + strconv.Itoa(rec.status) + " " + http.StatusText(rec.status))
	}
}

// headerValue returns what is logged for one of Options.IncludeHeaders.
func headerValue(h http.Header, hd header) string {
	vs := h[hd.name]
	v := ""
	switch len(vs) {
	case 0:
	case 1:
		v = vs[0]
	default:
		v = strings.Join(vs, ", ")
	}
	if hd.secret {
		return redactHeader(hd.name, v)
	}
	return cut(v, maxHeader)
}

// log writes the access line at the level it calls for. ctx is the request's context
// as the middleware received it: the record carries its fields and it.
func (h *handler) log(ctx context.Context, ln *line, headers []string) {
	c := h.c
	level := c.level
	if c.slow > 0 && ln.dur > c.slow {
		ln.slow = true
		level = max(level, logru.LevelWarning)
	}
	if c.errorOn5xx && ln.status >= 500 {
		level = max(level, logru.LevelError)
	}
	if !c.line.Enabled(level) {
		return
	}
	var mb [128]byte
	msg := string(appendMessage(mb[:0], ln))

	var ab [16]slog.Attr
	attrs := append(ab[:0],
		slog.Int("status", ln.status),
		slog.String("method", ln.method),
		slog.String("path", ln.path),
	)
	if ln.query != "" {
		attrs = append(attrs, slog.String("query", ln.query))
	}
	attrs = append(attrs,
		slog.Int64("bytes", ln.bytes),
		slog.Float64("duration_ms", float64(ln.dur.Microseconds())/1e3),
		slog.String("remote", ln.remote),
		slog.String("request_id", ln.id),
	)
	if ln.flow != "" {
		attrs = append(attrs, slog.String("flow_id", ln.flow))
	}
	for i, hd := range c.headers {
		attrs = append(attrs, slog.String(hd.key, headers[i]))
	}
	c.line.Ctx(ctx).LogAttrs(level, msg, attrs...)
}
