package accesslog_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/accesslog"
)

func ExampleMiddleware() {
	l := logru.New()
	defer l.Close()
	// A format without the time and the duration, so the output is always the same;
	// "{time} {level} {message} {extra}" is the usual choice.
	l.Add(logru.Handler{Sink: os.Stdout, Colorize: logru.ColorNever,
		Format: "{level} {extra[status]} {extra[method]} {extra[path]} bytes={extra[bytes]} id={extra[request_id]}"})

	users := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"id":7}`)
	})
	h := accesslog.Middleware(users, accesslog.Options{Logger: l})

	r := httptest.NewRequest("POST", "/api/users", nil)
	r.Header.Set("X-Request-ID", "req-42")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println("response:", w.Code, w.Header().Get("X-Request-ID"))
	// Output:
	// INFO 201 POST /api/users bytes=8 id=req-42
	// response: 201 req-42
}

func ExampleNew() {
	l := logru.New()
	defer l.Close()
	l.Add(logru.Handler{Sink: os.Stdout, Colorize: logru.ColorNever,
		Format: "{level} {extra[status]} {extra[method]} {extra[path]} {extra[query]}"})

	// New gives the func(http.Handler) http.Handler shape routers take (chi's Use).
	logged := accesslog.New(accesslog.Options{Logger: l, LogQuery: true, SlowThreshold: time.Minute})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /search", func(w http.ResponseWriter, r *http.Request) {})
	h := logged(mux)

	for _, target := range []string{"/search?q=go&token=s3cret", "/missing?q=x"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", target, nil))
	}
	// Output:
	// INFO 200 GET /search q=go&token=REDACTED
	// INFO 404 GET /missing q=x
}

func ExampleRequestID() {
	app := logru.New()
	defer app.Close()
	app.Add(logru.Handler{Sink: os.Stdout, Colorize: logru.ColorNever, Format: "{level} {message} {extra}"})

	h := accesslog.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A Ctx child logs the request's id; RequestID hands it on.
		app.Ctx(r.Context()).Info("charging the card")
		fmt.Println("upstream X-Request-ID:", accesslog.RequestID(r.Context()))
	}), accesslog.Options{Logger: logru.New()}) // access lines go nowhere here

	r := httptest.NewRequest("POST", "/pay", nil)
	r.Header.Set("X-Request-ID", "7f3c9a")
	h.ServeHTTP(httptest.NewRecorder(), r)
	// Output:
	// INFO charging the card request_id=7f3c9a
	// upstream X-Request-ID: 7f3c9a
}
