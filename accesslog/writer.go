package accesslog

import (
	"bufio"
	"io"
	"net"
	"net/http"
)

// recorder sits between a handler and the server's http.ResponseWriter and notes what
// the handler sent: the status (the first final one, an implicit 200 on the first Write,
// ReadFrom or Flush, 101 on a hijack) and the body bytes written.
//
// The handler sees one of eight types that embed a recorder: each has exactly the
// optional interfaces the server's writer has (http.Flusher, http.Hijacker,
// io.ReaderFrom), so `w.(http.Flusher)` answers as it would without the middleware. All
// of them have Unwrap, so http.ResponseController reaches the server's writer for
// everything else (deadlines, full duplex). Like any ResponseWriter, a recorder is not
// safe for concurrent use.
type recorder struct {
	w        http.ResponseWriter
	status   int
	bytes    int64
	wrote    bool // a final status is known
	hijacked bool
}

func (r *recorder) Header() http.Header { return r.w.Header() }

// WriteHeader passes code on and notes it if it is the first final status. Informational
// codes (1xx but 101) may precede the final one, and are not it.
func (r *recorder) WriteHeader(code int) {
	r.w.WriteHeader(code) // an invalid code panics here, before anything is noted
	if !r.wrote && !r.hijacked && (code >= 200 || code == http.StatusSwitchingProtocols) {
		r.status, r.wrote = code, true
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	r.implicit(http.StatusOK)
	n, err := r.w.Write(p)
	r.bytes += int64(n)
	return n, err
}

// Unwrap returns the server's ResponseWriter, for http.ResponseController.
func (r *recorder) Unwrap() http.ResponseWriter { return r.w }

// implicit notes the status the server sends when the handler sends something before
// calling WriteHeader.
func (r *recorder) implicit(code int) {
	if !r.wrote && !r.hijacked {
		r.status, r.wrote = code, true
	}
}

func (r *recorder) flushError() error {
	r.implicit(http.StatusOK)
	if f, ok := r.w.(interface{ FlushError() error }); ok {
		return f.FlushError()
	}
	r.w.(http.Flusher).Flush()
	return nil
}

func (r *recorder) hijack() (net.Conn, *bufio.ReadWriter, error) {
	c, rw, err := r.w.(http.Hijacker).Hijack()
	if err == nil {
		if !r.wrote {
			r.status, r.wrote = http.StatusSwitchingProtocols, true
		}
		r.hijacked = true
	}
	return c, rw, err
}

func (r *recorder) readFrom(src io.Reader) (int64, error) {
	r.implicit(http.StatusOK)
	n, err := r.w.(io.ReaderFrom).ReadFrom(src)
	r.bytes += n
	return n, err
}

// The eight faces of a recorder, named by the optional interfaces they add: F
// http.Flusher (with FlushError, which http.ResponseController prefers), H
// http.Hijacker, R io.ReaderFrom. They share recorder's layout, so a *plain converts to
// any of them without a new allocation.
type (
	plain struct{ recorder }
	wF    struct{ recorder }
	wH    struct{ recorder }
	wR    struct{ recorder }
	wFH   struct{ recorder }
	wFR   struct{ recorder }
	wHR   struct{ recorder }
	wFHR  struct{ recorder }
)

func (w *wF) Flush()                                       { w.flushError() }
func (w *wF) FlushError() error                            { return w.flushError() }
func (w *wH) Hijack() (net.Conn, *bufio.ReadWriter, error) { return w.hijack() }
func (w *wR) ReadFrom(src io.Reader) (int64, error)        { return w.readFrom(src) }

func (w *wFH) Flush()                                       { w.flushError() }
func (w *wFH) FlushError() error                            { return w.flushError() }
func (w *wFH) Hijack() (net.Conn, *bufio.ReadWriter, error) { return w.hijack() }

func (w *wFR) Flush()                                { w.flushError() }
func (w *wFR) FlushError() error                     { return w.flushError() }
func (w *wFR) ReadFrom(src io.Reader) (int64, error) { return w.readFrom(src) }

func (w *wHR) Hijack() (net.Conn, *bufio.ReadWriter, error) { return w.hijack() }
func (w *wHR) ReadFrom(src io.Reader) (int64, error)        { return w.readFrom(src) }

func (w *wFHR) Flush()                                       { w.flushError() }
func (w *wFHR) FlushError() error                            { return w.flushError() }
func (w *wFHR) Hijack() (net.Conn, *bufio.ReadWriter, error) { return w.hijack() }
func (w *wFHR) ReadFrom(src io.Reader) (int64, error)        { return w.readFrom(src) }

// wrap returns the recorder for w and the writer to give the handler: the face with
// w's optional interfaces.
func wrap(w http.ResponseWriter) (*recorder, http.ResponseWriter) {
	p := &plain{recorder{w: w}}
	_, f := w.(http.Flusher)
	_, h := w.(http.Hijacker)
	_, r := w.(io.ReaderFrom)
	switch {
	case f && h && r:
		return &p.recorder, (*wFHR)(p)
	case f && h:
		return &p.recorder, (*wFH)(p)
	case f && r:
		return &p.recorder, (*wFR)(p)
	case h && r:
		return &p.recorder, (*wHR)(p)
	case f:
		return &p.recorder, (*wF)(p)
	case h:
		return &p.recorder, (*wH)(p)
	case r:
		return &p.recorder, (*wR)(p)
	}
	return &p.recorder, p
}
