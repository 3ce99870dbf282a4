package accesslog_test

import (
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/accesslog"
	"github.com/logru/logru/logrutest"
)

// entry is one captured record; its Text is "{level} {message} {extra}".
type entry = logrutest.Entry

// capture is a logger whose records are kept for inspection.
type capture struct {
	L    *logru.Logger
	logs *logrutest.Logs
}

func newCapture(t *testing.T) *capture {
	t.Helper()
	l, logs := logrutest.New(t, logrutest.Options{Format: "{level} {message} {extra}"})
	return &capture{L: l, logs: logs}
}

func (c *capture) entries() []entry { return c.logs.All() }

// access returns the access lines (records with a status field).
func (c *capture) access() []entry {
	return c.logs.Filter(func(e entry) bool {
		_, ok := e.Fields["status"]
		return ok
	}).All()
}

// only returns the single access line, failing the test when there is not exactly one.
func (c *capture) only(t *testing.T) entry {
	t.Helper()
	a := c.access()
	if len(a) != 1 {
		t.Fatalf("got %d access lines, want 1: %+v", len(a), c.entries())
	}
	return a[0]
}

// stepClock returns a clock that moves step forward at each reading: a request served
// between two readings takes exactly step.
func stepClock(step time.Duration) func() time.Time {
	var n atomic.Int64
	base := time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)
	return func() time.Time { return base.Add(time.Duration(n.Add(1)) * step) }
}

// serve runs h behind a real server for the test's lifetime. The server's own error
// log (panics it recovers, for one) is discarded.
func serve(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// get makes a GET request and returns the response with its body read.
func get(t *testing.T, c *http.Client, url string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Add(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func mw(h http.Handler, o accesslog.Options) http.Handler { return accesslog.Middleware(h, o) }

func field(e entry, k string) any { return e.Fields[k] }
