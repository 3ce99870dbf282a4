package accesslog_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/logru/logru"
	"github.com/logru/logru/accesslog"
)

// The benchmarks serve one small response through httptest.NewRecorder; the difference
// between BenchmarkMiddleware and BenchmarkNoMiddleware is the middleware's cost per
// request: the request id, the wrapped writer, the context and one formatted line.

var hello = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	io.WriteString(w, "hello, world\n")
})

func benchServe(b *testing.B, h http.Handler, idHeader string) {
	r := httptest.NewRequest("GET", "/api/users?page=2", nil)
	r.Header.Set("User-Agent", "bench/1.0")
	if idHeader != "" {
		r.Header.Set("X-Request-ID", idHeader)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
}

func discardLogger(b *testing.B, h logru.Handler) *logru.Logger {
	l := logru.New()
	h.Sink = io.Discard
	if _, err := l.Add(h); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.Close() })
	return l
}

func BenchmarkNoMiddleware(b *testing.B) {
	benchServe(b, hello, "")
}

// BenchmarkMiddleware: a text line with the time and every field, a request id made
// per request.
func BenchmarkMiddleware(b *testing.B) {
	l := discardLogger(b, logru.Handler{Format: "{time} {level} {message} {extra}"})
	benchServe(b, accesslog.Middleware(hello, accesslog.Options{Logger: l}), "")
}

// BenchmarkMiddlewareClientID: the client's request id is kept, so none is made.
func BenchmarkMiddlewareClientID(b *testing.B) {
	l := discardLogger(b, logru.Handler{Format: "{time} {level} {message} {extra}"})
	benchServe(b, accesslog.Middleware(hello, accesslog.Options{Logger: l}), "6ba7b810-9dad-11d1-80b4-00c04fd430c8")
}

// BenchmarkMiddlewareJSON: serialized lines, with the query and a header.
func BenchmarkMiddlewareJSON(b *testing.B) {
	l := discardLogger(b, logru.Handler{Serialize: true})
	benchServe(b, accesslog.Middleware(hello, accesslog.Options{Logger: l, LogQuery: true, IncludeHeaders: []string{"User-Agent"}}), "")
}

// BenchmarkMiddlewareDisabled: the access level is below every handler's, so no line
// is built; the request id and the wrapper remain.
func BenchmarkMiddlewareDisabled(b *testing.B) {
	l := discardLogger(b, logru.Handler{Level: "WARNING"})
	benchServe(b, accesslog.Middleware(hello, accesslog.Options{Logger: l}), "")
}
