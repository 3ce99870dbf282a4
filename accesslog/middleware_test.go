package accesslog_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/accesslog"
)

func str(v any) string { return fmt.Sprint(v) }

// TestStatusAndBytes serves handlers over a real server and checks the status and byte
// count each access line reports.
func TestStatusAndBytes(t *testing.T) {
	tests := []struct {
		name   string
		h      http.HandlerFunc
		status int
		bytes  int
	}{
		{"implicit 200, nothing sent", func(w http.ResponseWriter, r *http.Request) {}, 200, 0},
		{"implicit 200 on Write", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") }, 200, 5},
		{"explicit 201", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusCreated)
			io.WriteString(w, `{"id":1}`)
		}, 201, 8},
		{"not found", http.NotFound, 404, len("404 page not found\n")},
		{"1xx first, then 204", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusEarlyHints)
			w.WriteHeader(http.StatusNoContent)
		}, 204, 0},
		{"superfluous WriteHeader ignored", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusAccepted)
			w.WriteHeader(http.StatusTeapot)
		}, 202, 0},
		{"implicit 200 on Flush", func(w http.ResponseWriter, r *http.Request) {
			w.(http.Flusher).Flush()
			io.WriteString(w, "x")
		}, 200, 1},
		{"ReadFrom counted", func(w http.ResponseWriter, r *http.Request) {
			if _, ok := w.(io.ReaderFrom); !ok {
				t.Error("the server's writer is an io.ReaderFrom; the wrapper is not")
			}
			io.Copy(w, strings.NewReader(strings.Repeat("z", 10000)))
		}, 200, 10000},
		{"ResponseController flush", func(w http.ResponseWriter, r *http.Request) {
			if err := http.NewResponseController(w).Flush(); err != nil {
				t.Error(err)
			}
		}, 200, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCapture(t)
			srv := serve(t, mw(tt.h, accesslog.Options{Logger: c.L}))
			resp, body := get(t, srv.Client(), srv.URL+"/x")
			if resp.StatusCode != tt.status || len(body) != tt.bytes {
				t.Fatalf("client got %d with %d bytes, want %d with %d", resp.StatusCode, len(body), tt.status, tt.bytes)
			}
			e := c.only(t)
			if str(field(e, "status")) != fmt.Sprint(tt.status) || str(field(e, "bytes")) != fmt.Sprint(tt.bytes) {
				t.Errorf("logged status=%v bytes=%v, want %d and %d", field(e, "status"), field(e, "bytes"), tt.status, tt.bytes)
			}
			if !strings.HasPrefix(e.Message, fmt.Sprint(tt.status)+" GET /x ") {
				t.Errorf("message %q", e.Message)
			}
		})
	}
}

func TestFields(t *testing.T) {
	c := newCapture(t)
	o := accesslog.Options{Logger: c.L, LogQuery: true, IncludeHeaders: []string{"user-agent", "X-Missing"}}
	accesslog.SetClock(&o, stepClock(3200*time.Microsecond))
	srv := serve(t, mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(201)
		io.WriteString(w, "ok")
	}), o))
	get(t, srv.Client(), srv.URL+"/api/users?page=2", "User-Agent", "test/1.0", "X-Request-ID", "req-1")
	e := c.only(t)
	if e.Message != "201 GET /api/users?page=2 3.2ms" {
		t.Errorf("message %q", e.Message)
	}
	want := "INFO 201 GET /api/users?page=2 3.2ms status=201 method=GET path=/api/users query=\"page=2\" bytes=2 duration_ms=3.2 remote=127.0.0.1 request_id=req-1 header_user_agent=test/1.0 header_x_missing=\"\""
	if e.Text != want {
		t.Errorf("line\n%q\nwant\n%q", e.Text, want)
	}
}

func TestQueryOnlyWithLogQuery(t *testing.T) {
	for _, logQuery := range []bool{false, true} {
		c := newCapture(t)
		h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: c.L, LogQuery: logQuery})
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/login?user=bob&access_token=hunter2&Sig=abc", nil))
		e := c.only(t)
		_, has := e.Fields["query"]
		if has != logQuery || strings.Contains(e.Message, "?") != logQuery {
			t.Errorf("LogQuery=%v: message %q, fields %v", logQuery, e.Message, e.Fields)
		}
		if strings.Contains(e.Text, "hunter2") || strings.Contains(e.Text, "=abc") {
			t.Errorf("secret query values logged: %q", e.Text)
		}
		if logQuery && field(e, "query") != "user=bob&access_token=REDACTED&Sig=REDACTED" {
			t.Errorf("query %q", field(e, "query"))
		}
	}
}

func TestHeaders(t *testing.T) {
	c := newCapture(t)
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: c.L,
		IncludeHeaders: []string{"Authorization", "Cookie", "Accept", "X-Api-Key", "Proxy-Authorization"}})
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "Bearer hunter2")
	r.Header.Set("Cookie", "session=hunter2")
	r.Header.Set("Set-Cookie", "hunter2") // not named: not logged
	r.Header.Add("Accept", "text/html")
	r.Header.Add("Accept", "application/json")
	r.Header.Set("X-Api-Key", "hunter2")
	r.Header.Set("Proxy-Authorization", "hunter2")
	h.ServeHTTP(httptest.NewRecorder(), r)
	e := c.only(t)
	want := map[string]string{
		"header_authorization":       "Bearer [REDACTED]",
		"header_cookie":              "[REDACTED]",
		"header_accept":              "text/html, application/json",
		"header_x_api_key":           "[REDACTED]",
		"header_proxy_authorization": "[REDACTED]",
	}
	for k, v := range want {
		if field(e, k) != v {
			t.Errorf("%s = %q, want %q", k, field(e, k), v)
		}
	}
	if strings.Contains(e.Text, "hunter2") || strings.Contains(e.Text, "set_cookie") {
		t.Errorf("a secret was logged: %q", e.Text)
	}
}

func TestExcludePaths(t *testing.T) {
	tests := []struct {
		path   string
		logged bool
	}{
		{"/healthz", false},
		{"/healthz/deep", true},
		{"/static/app.js", false},
		{"/static/", false},
		{"/static", true},
		{"/api", true},
	}
	c := newCapture(t)
	var ids []string
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ids = append(ids, accesslog.RequestID(r.Context()))
	}), accesslog.Options{Logger: c.L, ExcludePaths: []string{"/healthz", "/static/*"}})
	for _, tt := range tests {
		before := len(c.access())
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", tt.path, nil))
		if logged := len(c.access()) > before; logged != tt.logged {
			t.Errorf("%s: logged %v, want %v", tt.path, logged, tt.logged)
		}
		if ids[len(ids)-1] == "" {
			t.Errorf("%s: no request id", tt.path)
		}
	}
}

func TestLevels(t *testing.T) {
	tests := []struct {
		name   string
		o      accesslog.Options
		status int
		step   time.Duration
		level  string
		slow   bool
	}{
		{"default INFO", accesslog.Options{}, 200, time.Millisecond, "INFO", false},
		{"Level DEBUG", accesslog.Options{Level: "DEBUG"}, 200, time.Millisecond, "DEBUG", false},
		{"Level lower case", accesslog.Options{Level: "success"}, 200, time.Millisecond, "SUCCESS", false},
		{"under the threshold", accesslog.Options{SlowThreshold: time.Second}, 200, time.Second, "INFO", false},
		{"slow", accesslog.Options{SlowThreshold: time.Second}, 200, 1001 * time.Millisecond, "WARNING", true},
		{"slow, Level above WARNING", accesslog.Options{Level: "ERROR", SlowThreshold: time.Second}, 200, 2 * time.Second, "ERROR", true},
		{"5xx without ErrorOn5xx", accesslog.Options{}, 503, time.Millisecond, "INFO", false},
		{"5xx with ErrorOn5xx", accesslog.Options{ErrorOn5xx: true}, 503, time.Millisecond, "ERROR", false},
		{"4xx with ErrorOn5xx", accesslog.Options{ErrorOn5xx: true}, 404, time.Millisecond, "INFO", false},
		{"slow 5xx", accesslog.Options{ErrorOn5xx: true, SlowThreshold: 1}, 500, time.Millisecond, "ERROR", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCapture(t)
			o := tt.o
			o.Logger = c.L
			accesslog.SetClock(&o, stepClock(tt.step))
			h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(tt.status) }), o)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/r", nil))
			e := c.only(t)
			if e.Level != tt.level || strings.HasSuffix(e.Message, " [SLOW]") != tt.slow {
				t.Errorf("got %s %q, want level %s, slow %v", e.Level, e.Message, tt.level, tt.slow)
			}
		})
	}
}

func TestUnknownLevelFallsBackToInfo(t *testing.T) {
	c := newCapture(t)
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: c.L, Level: "LOUD"})
	es := c.entries()
	if len(es) != 1 || es[0].Level != "WARNING" || !strings.Contains(es[0].Message, "LOUD") {
		t.Fatalf("want one warning naming the level at construction, got %+v", es)
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	a := c.access()
	if len(a) != 2 || a[0].Level != "INFO" || len(c.entries()) != 3 {
		t.Fatalf("want two INFO lines and no more warnings, got %+v", c.entries())
	}
}

func TestLevelGate(t *testing.T) {
	c := newCapture(t)
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: c.L, Level: "TRACE"})
	c.L.Disable("github.com/logru/logru/accesslog")
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	if n := len(c.entries()); n != 0 {
		t.Fatalf("Disable(accesslog) left %d lines", n)
	}
}

func TestRequestID(t *testing.T) {
	long := strings.Repeat("a", 65)
	tests := []struct {
		name   string
		header string // the request's X-Request-ID; "" for none
		max    int
		kept   bool
	}{
		{"none: made", "", 0, false},
		{"plain: kept", "abc-123_X.9:+/=@", 0, true},
		{"uuid: kept", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", 0, true},
		{"64 chars: kept", long[:64], 0, true},
		{"65 chars: made", long, 0, false},
		{"over a custom max: made", "abcdef", 5, false},
		{"newline: made", "abc\nINFO forged", 0, false},
		{"space: made", "a b", 0, false},
		{"brace: made", "{status}", 0, false},
		{"escape: made", "\x1b[2J", 0, false},
		{"non-ASCII: made", "é", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCapture(t)
			var inHandler string
			h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				inHandler = accesslog.RequestID(r.Context())
				c.L.Ctx(r.Context()).Info("inside")
			}), accesslog.Options{Logger: c.L, RequestIDMaxLen: tt.max})
			r := httptest.NewRequest("GET", "/", nil)
			if tt.header != "" {
				r.Header.Set("X-Request-ID", tt.header)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			echoed := w.Header().Get("X-Request-ID")
			if tt.kept && echoed != tt.header {
				t.Errorf("echoed %q, want %q", echoed, tt.header)
			}
			if !tt.kept && !isNewID(echoed) {
				t.Errorf("echoed %q, want a new id", echoed)
			}
			es := c.entries()
			if len(es) != 2 || es[0].Fields["request_id"] != echoed || es[1].Fields["request_id"] != echoed || inHandler != echoed {
				t.Errorf("id %q: handler saw %q, records %+v", echoed, inHandler, es)
			}
		})
	}
}

func isNewID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

func TestRequestIDsDiffer(t *testing.T) {
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: logru.New()})
	seen := map[string]bool{}
	for range 100 {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
		id := w.Header().Get("X-Request-ID")
		if seen[id] {
			t.Fatalf("id %q made twice", id)
		}
		seen[id] = true
	}
}

func TestRequestIDCustomHeader(t *testing.T) {
	c := newCapture(t)
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: c.L, RequestIDHeader: "x-correlation-id"})
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("X-Correlation-Id", "corr-7")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if got := w.Header().Get("X-Correlation-ID"); got != "corr-7" || c.only(t).Fields["request_id"] != "corr-7" {
		t.Errorf("echoed %q, logged %v", got, c.only(t).Fields["request_id"])
	}
	//lint:ignore SA1012 RequestID documents that a nil context is allowed: this checks it
	if accesslog.RequestID(r.Context()) != "" || accesslog.RequestID(nil) != "" {
		t.Error("RequestID of a context without one is not empty")
	}
}

func TestRemote(t *testing.T) {
	tests := []struct {
		name       string
		remoteAddr string
		hdr        []string
		trust      bool
		want       string
	}{
		{"connection", "10.0.0.1:5555", nil, false, "10.0.0.1"},
		{"IPv6 connection", "[::1]:5555", nil, false, "::1"},
		{"headers ignored without TrustProxy", "10.0.0.1:5555", []string{"X-Forwarded-For", "1.2.3.4", "X-Real-IP", "5.6.7.8"}, false, "10.0.0.1"},
		{"X-Real-IP first", "10.0.0.1:5555", []string{"X-Forwarded-For", "1.2.3.4", "X-Real-IP", "5.6.7.8"}, true, "5.6.7.8"},
		{"rightmost X-Forwarded-For", "10.0.0.1:5555", []string{"X-Forwarded-For", "6.6.6.6, 1.2.3.4"}, true, "1.2.3.4"},
		{"last X-Forwarded-For header", "10.0.0.1:5555", []string{"X-Forwarded-For", "6.6.6.6", "X-Forwarded-For", "2001:db8::1"}, true, "2001:db8::1"},
		{"hostile X-Forwarded-For", "10.0.0.1:5555", []string{"X-Forwarded-For", "1.2.3.4, evil\nINFO x"}, true, "10.0.0.1"},
		{"hostile X-Real-IP", "10.0.0.1:5555", []string{"X-Real-IP", "1.2.3.4 evil"}, true, "10.0.0.1"},
		{"zone refused", "10.0.0.1:5555", []string{"X-Real-IP", "fe80::1%eth0"}, true, "10.0.0.1"},
		{"no port", "pipe", nil, false, "pipe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCapture(t)
			h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: c.L, TrustProxy: tt.trust})
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.remoteAddr
			for i := 0; i < len(tt.hdr); i += 2 {
				r.Header.Add(tt.hdr[i], tt.hdr[i+1])
			}
			h.ServeHTTP(httptest.NewRecorder(), r)
			if got := c.only(t).Fields["remote"]; got != tt.want {
				t.Errorf("remote %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPathRewrite: the line shows the request as it came, whatever the handler does to
// it.
func TestPathRewrite(t *testing.T) {
	c := newCapture(t)
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.URL.Path = "/rewritten"
		r.Method = "POST"
	}), accesslog.Options{Logger: c.L})
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/original", nil))
	if e := c.only(t); !strings.HasPrefix(e.Message, "200 GET /original ") {
		t.Errorf("message %q", e.Message)
	}
}

func TestContextFieldsOnTheLine(t *testing.T) {
	c := newCapture(t)
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: c.L})
	r := httptest.NewRequest("GET", "/", nil)
	r = r.WithContext(logru.Contextualize(r.Context(), "trace_id", "t-1"))
	h.ServeHTTP(httptest.NewRecorder(), r)
	if e := c.only(t); e.Fields["trace_id"] != "t-1" {
		t.Errorf("an outer context's fields are missing: %v", e.Fields)
	}
}

func TestNew(t *testing.T) {
	c := newCapture(t)
	m := accesslog.New(accesslog.Options{Logger: c.L})
	a := m(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(201) }))
	b := m(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(202) }))
	a.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/a", nil))
	b.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("PUT", "/b", nil))
	es := c.access()
	if len(es) != 2 || !strings.HasPrefix(es[0].Message, "201 GET /a ") || !strings.HasPrefix(es[1].Message, "202 PUT /b ") {
		t.Fatalf("%+v", es)
	}
}

func TestDefaultLoggerWhenNil(t *testing.T) {
	// Only checks that a nil Logger is usable; the default logger writes to stderr.
	// TRACE: below the default stderr handler's DEBUG, so only this handler takes it.
	id, err := logru.Default().Add(logru.Handler{Sink: io.Discard, Level: "TRACE"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logru.Default().Remove(id) })
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Level: "TRACE"})
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	for _, s := range logru.Default().Stats() {
		if s.ID == id && s.Records != 1 {
			t.Errorf("the default logger got %d records, want 1", s.Records)
		}
	}
}

// TestStreaming: server-sent events go out as they are flushed, while the handler runs.
func TestStreaming(t *testing.T) {
	c := newCapture(t)
	next := make(chan struct{})
	srv := serve(t, mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		f, ok := w.(http.Flusher)
		if !ok {
			t.Error("the wrapper hides http.Flusher")
			return
		}
		for i := range 3 {
			fmt.Fprintf(w, "data: %d\n\n", i)
			f.Flush()
			<-next // the client has read event i
		}
	}), accesslog.Options{Logger: c.L}))
	resp, err := srv.Client().Get(srv.URL + "/sse")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	for i := range 3 {
		line, err := br.ReadString('\n')
		if err != nil || line != fmt.Sprintf("data: %d\n", i) {
			t.Fatalf("event %d: %q, %v", i, line, err)
		}
		br.ReadString('\n')
		next <- struct{}{}
	}
	io.Copy(io.Discard, br)
	resp.Body.Close()
	srv.Close() // waits for the handler, hence the line
	e := c.only(t)
	if str(e.Fields["status"]) != "200" || str(e.Fields["bytes"]) != fmt.Sprint(3*len("data: 0\n\n")) {
		t.Errorf("%+v", e.Fields)
	}
}

// TestHijack upgrades a connection the way WebSocket servers do.
func TestHijack(t *testing.T) {
	c := newCapture(t)
	// The server does not wait for a hijacked connection's handler, so the test waits
	// until the middleware has returned, its line written.
	served := make(chan struct{})
	srv := serve(t, afterServe(served, mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hj, ok := w.(http.Hijacker)
		if !ok {
			t.Error("the wrapper hides http.Hijacker")
			return
		}
		conn, brw, err := hj.Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		brw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n")
		brw.Flush()
		msg, _ := brw.ReadString('\n')
		brw.WriteString("echo: " + msg)
		brw.Flush()
	}), accesslog.Options{Logger: c.L})))
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n")
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil || resp.StatusCode != 101 {
		t.Fatalf("upgrade: %v %v", resp, err)
	}
	fmt.Fprintf(conn, "ping\n")
	if got, _ := br.ReadString('\n'); got != "echo: ping\n" {
		t.Fatalf("after the upgrade: %q", got)
	}
	<-served
	srv.Close()
	if e := c.only(t); str(e.Fields["status"]) != "101" || !strings.HasPrefix(e.Message, "101 GET /ws ") {
		t.Errorf("%q %v", e.Message, e.Fields)
	}
}

// TestResponseController: deadlines and full duplex reach the server's writer through
// Unwrap.
func TestResponseController(t *testing.T) {
	c := newCapture(t)
	srv := serve(t, mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		if err := rc.SetWriteDeadline(time.Now().Add(time.Minute)); err != nil {
			t.Errorf("SetWriteDeadline: %v", err)
		}
		if err := rc.EnableFullDuplex(); err != nil {
			t.Errorf("EnableFullDuplex: %v", err)
		}
		io.WriteString(w, "x")
		if err := rc.Flush(); err != nil {
			t.Errorf("Flush: %v", err)
		}
	}), accesslog.Options{Logger: c.L}))
	get(t, srv.Client(), srv.URL)
	srv.Close()
	c.only(t)
}

type (
	fFlush  struct{}
	fHijack struct{}
	fRead   struct{}
)

func (fFlush) Flush() {}
func (fHijack) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return nil, nil, errors.New("fake")
}
func (fRead) ReadFrom(io.Reader) (int64, error) { return 0, nil }

// TestInterfacesMirrored checks all eight combinations: the handler sees exactly the
// optional interfaces of the server's writer.
func TestInterfacesMirrored(t *testing.T) {
	base := httptest.NewRecorder()
	writers := []http.ResponseWriter{
		struct{ http.ResponseWriter }{base},
		struct {
			http.ResponseWriter
			fFlush
		}{base, fFlush{}},
		struct {
			http.ResponseWriter
			fHijack
		}{base, fHijack{}},
		struct {
			http.ResponseWriter
			fRead
		}{base, fRead{}},
		struct {
			http.ResponseWriter
			fFlush
			fHijack
		}{base, fFlush{}, fHijack{}},
		struct {
			http.ResponseWriter
			fFlush
			fRead
		}{base, fFlush{}, fRead{}},
		struct {
			http.ResponseWriter
			fHijack
			fRead
		}{base, fHijack{}, fRead{}},
		struct {
			http.ResponseWriter
			fFlush
			fHijack
			fRead
		}{base, fFlush{}, fHijack{}, fRead{}},
	}
	for i, inner := range writers {
		_, f := inner.(http.Flusher)
		_, h := inner.(http.Hijacker)
		_, r := inner.(io.ReaderFrom)
		var got [3]bool
		var unwrapped http.ResponseWriter
		m := mw(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, got[0] = w.(http.Flusher)
			_, got[1] = w.(http.Hijacker)
			_, got[2] = w.(io.ReaderFrom)
			unwrapped = w.(interface{ Unwrap() http.ResponseWriter }).Unwrap()
		}), accesslog.Options{Logger: logru.New()})
		m.ServeHTTP(inner, httptest.NewRequest("GET", "/", nil))
		if got != [3]bool{f, h, r} {
			t.Errorf("writer %d: flusher/hijacker/readerFrom %v, want %v", i, got, [3]bool{f, h, r})
		}
		if unwrapped != inner {
			t.Errorf("writer %d: Unwrap does not return the server's writer", i)
		}
	}
}

// TestFailedHijack: a hijack that fails leaves the status to what is sent next.
func TestFailedHijack(t *testing.T) {
	c := newCapture(t)
	inner := struct {
		http.ResponseWriter
		fHijack
	}{httptest.NewRecorder(), fHijack{}}
	mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, _, err := w.(http.Hijacker).Hijack(); err == nil {
			t.Error("the fake hijack succeeded")
		}
		w.WriteHeader(http.StatusNotImplemented)
	}), accesslog.Options{Logger: c.L}).ServeHTTP(inner, httptest.NewRequest("GET", "/", nil))
	if s := str(c.only(t).Fields["status"]); s != "501" {
		t.Errorf("status %s", s)
	}
}

// TestConcurrent sends many requests at once over a real server; each must be logged
// exactly once.
func TestConcurrent(t *testing.T) {
	c := newCapture(t)
	srv := serve(t, mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.L.Ctx(r.Context()).Debug("working")
		io.WriteString(w, r.URL.Path)
	}), accesslog.Options{Logger: c.L}))
	const workers, each = 8, 40
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				id := fmt.Sprintf("g%d-r%d", g, i)
				req, _ := http.NewRequest("GET", srv.URL+"/"+id, nil)
				req.Header.Set("X-Request-ID", id)
				resp, err := srv.Client().Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.Header.Get("X-Request-ID") != id {
					t.Errorf("%s echoed as %q", id, resp.Header.Get("X-Request-ID"))
				}
			}
		}()
	}
	wg.Wait()
	srv.Close()
	count := map[string]int{}
	for _, e := range c.access() {
		id := e.Fields["request_id"].(string)
		count[id]++
		if e.Fields["path"] != "/"+id {
			t.Errorf("%s logged with path %v", id, e.Fields["path"])
		}
	}
	if len(count) != workers*each {
		t.Errorf("%d requests logged, want %d", len(count), workers*each)
	}
	for id, n := range count {
		if n != 1 {
			t.Errorf("%s logged %d times", id, n)
		}
	}
	if n := len(c.entries()); n != 2*workers*each {
		t.Errorf("%d records, want %d", n, 2*workers*each)
	}
}

// afterServe wraps h and closes done once h has returned.
func afterServe(done chan struct{}, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(done)
		h.ServeHTTP(w, r)
	})
}

// TestNoCaller: the access line names no source file or line, in text and in JSON; its
// package name stays, for Disable and filters.
func TestNoCaller(t *testing.T) {
	l := logru.New()
	var text, js strings.Builder
	if _, err := l.Add(logru.Handler{Sink: &text, Format: "{name}|{function}|{file}|{file.path}|{line}"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Add(logru.Handler{Sink: &js, Serialize: true}); err != nil {
		t.Fatal(err)
	}
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: l})
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	l.Close()
	if got, want := text.String(), "github.com/logru/logru/accesslog||||0\n"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(js.String()), &rec); err != nil {
		t.Fatalf("%v: %s", err, js.String())
	}
	if rec["function"] != "" || rec["file"] != "" || rec["line"] != 0.0 {
		t.Errorf("JSON names a caller: %s", js.String())
	}
	for _, s := range []string{text.String(), js.String()} {
		if strings.Contains(s, ".go") {
			t.Errorf("a source file is named: %s", s)
		}
	}
}

// TestFieldsLeaveOutTheMessage: in {fields} the access line does not repeat what its
// message shows (status, method, path, query, duration_ms); {extra} keeps every field.
func TestFieldsLeaveOutTheMessage(t *testing.T) {
	for _, tt := range []struct {
		name   string
		format string
		want   string
	}{
		{"fields", "{message}{fields}",
			"201 GET /api/users?page=2 3.2ms bytes=2 remote=192.0.2.1 request_id=req-1 header_user_agent=test/1.0\n"},
		{"extra", "{message} {extra}",
			`201 GET /api/users?page=2 3.2ms status=201 method=GET path=/api/users query="page=2" bytes=2 duration_ms=3.2 remote=192.0.2.1 request_id=req-1 header_user_agent=test/1.0` + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := logru.New()
			var buf strings.Builder
			if _, err := l.Add(logru.Handler{Sink: &buf, Format: tt.format}); err != nil {
				t.Fatal(err)
			}
			o := accesslog.Options{Logger: l, LogQuery: true, IncludeHeaders: []string{"User-Agent"}}
			accesslog.SetClock(&o, stepClock(3200*time.Microsecond))
			h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(201)
				io.WriteString(w, "ok")
			}), o)
			r := httptest.NewRequest("GET", "/api/users?page=2", nil)
			r.Header.Set("User-Agent", "test/1.0")
			r.Header.Set("X-Request-ID", "req-1")
			h.ServeHTTP(httptest.NewRecorder(), r)
			l.Close()
			if got := buf.String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}

}

// TestRequestIDMaxLenBound: RequestIDMaxLen is bounded by MaxRequestIDLen; a larger
// value is taken as the limit, with one warning when the middleware is made.
func TestRequestIDMaxLenBound(t *testing.T) {
	for _, tt := range []struct {
		name    string
		max     int
		idLen   int
		kept    bool
		warning bool
	}{
		{"default keeps 64", 0, 64, true, false},
		{"default replaces 65", 0, 65, false, false},
		{"the limit keeps 1024", accesslog.MaxRequestIDLen, 1024, true, false},
		{"the limit replaces 1025", accesslog.MaxRequestIDLen, 1025, false, false},
		{"over the limit keeps 1024", accesslog.MaxRequestIDLen + 1, 1024, true, true},
		{"over the limit replaces 1025", math.MaxInt, 1025, false, true},
		{"MaxInt replaces 100,000", math.MaxInt, 100_000, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newCapture(t)
			h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: c.L, RequestIDMaxLen: tt.max})
			warnings := len(c.entries())
			if (warnings == 1) != tt.warning || warnings > 1 {
				t.Errorf("%d warnings at construction: %+v", warnings, c.entries())
			}
			id := strings.Repeat("a", tt.idLen)
			r := httptest.NewRequest("GET", "/", nil)
			r.Header.Set("X-Request-ID", id)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if got := w.Header().Get("X-Request-ID"); (got == id) != tt.kept || len(got) > accesslog.MaxRequestIDLen {
				t.Errorf("echoed an id of %d characters; kept = %v, want %v", len(got), got == id, tt.kept)
			}
		})
	}
}
