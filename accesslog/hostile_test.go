package accesslog_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/logru/logru/accesslog"
)

// checkOneLine fails unless text, a captured line without its final newline, is valid
// UTF-8 with no newline, no control character and nothing a terminal would act on.
func checkOneLine(t *testing.T, text string) {
	t.Helper()
	if strings.Contains(text, "\n") { // the captured Text is the line without its final newline
		t.Errorf("not one line: %q", text)
	}
	if !utf8.ValidString(text) {
		t.Errorf("invalid UTF-8: %q", text)
	}
	for _, r := range text {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == '\u2028' || r == '\u2029' || r >= '\u202a' && r <= '\u202e' {
			t.Errorf("control character %U in %q", r, text)
		}
	}
}

func TestHostileRequests(t *testing.T) {
	huge := "/" + strings.Repeat("A", 1<<20)
	tests := []struct {
		name     string
		method   string
		path     string
		query    string
		header   string // X-Custom
		inMsg    string // must appear in the message
		maxBytes int    // of the whole line; 0: 1 KiB
	}{
		{"newline in the path", "GET", "/a\nINFO 200 GET /admin 1ms", "", "", "/a%0AINFO%20200%20GET%20/admin%201ms ", 0},
		{"CR and escape codes", "GET", "/a\r\x1b[2J\x1b]0;title\x07", "", "", "/a%0D%1B%5B2J%1B%5D0;title%07", 0},
		{"placeholders in the path", "GET", "/{status}/{request_id}", "", "", "/%7Bstatus%7D/%7Brequest_id%7D", 0},
		{"bidi override and C1", "GET", "/\u202eevil\u0085", "", "", "/%E2%80%AEevil%C2%85", 0},
		{"invalid UTF-8", "GET", "/a\xff\xfeb", "", "", "/a%FF%FEb", 0},
		{"a field's placeholder in the query", "GET", "/q", "s={status}&r={request_id}", "", "/q?s={status}&r={request_id} ", 0},
		{"hostile method", "GET\nINFO", "/", "", "", `GET\nINFO /`, 0},
		{"hostile query", "GET", "/q", "a=1\n2&b={x}\x1b\u202e\xff c", "", `/q?a=1\n2&b={x}\x1b\u202e\xff\x20c`, 0},
		{"hostile header", "GET", "/h", "", "x\n\x1b[31mred\u2028", "/h", 0},
		{"a 1 MB path is cut", "GET", huge, "", "", "AAAA…", 2*8<<10 + 1024},
		{"a 1 MB header is cut", "GET", "/", "", strings.Repeat("h", 1<<20), "/", 2<<10 + 1024},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCapture(t)
			h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}),
				accesslog.Options{Logger: c.L, LogQuery: true, IncludeHeaders: []string{"X-Custom"}})
			// The path is escaped by url.URL.EscapedPath; the method, query and headers
			// by the middleware and the logger.
			r := &http.Request{Method: tt.method, URL: &url.URL{Path: tt.path, RawQuery: tt.query},
				Header: http.Header{}, RemoteAddr: "1.2.3.4:5"}
			if tt.header != "" {
				r.Header.Set("X-Custom", tt.header)
			}
			h.ServeHTTP(httptest.NewRecorder(), r)
			e := c.only(t)
			checkOneLine(t, e.Text)
			if !strings.Contains(e.Message, tt.inMsg) {
				t.Errorf("message %q lacks %q", e.Message, tt.inMsg)
			}
			max := tt.maxBytes
			if max == 0 {
				max = 1024
			}
			if len(e.Text) > max {
				t.Errorf("line of %d bytes, want at most %d", len(e.Text), max)
			}
		})
	}
}

// TestMalformedRequests: requests no server would make reach the middleware without a
// panic.
func TestMalformedRequests(t *testing.T) {
	c := newCapture(t)
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), accesslog.Options{Logger: c.L, LogQuery: true, TrustProxy: true})
	for _, r := range []*http.Request{
		{},
		{Method: "", URL: &url.URL{}, Header: http.Header{"X-Forwarded-For": {""}, "X-Real-Ip": {}}},
		{Method: "GET", URL: &url.URL{Path: "/", RawQuery: "&&==&%zz=%&token"}, RemoteAddr: "[::1"},
	} {
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	for _, e := range c.access() {
		checkOneLine(t, e.Text)
	}
	if n := len(c.access()); n != 3 {
		t.Errorf("%d lines, want 3", n)
	}
}

// TestEncodedControlsOverServer: a real server decodes %0A into the path; the line keeps
// the request's escaped form.
func TestEncodedControlsOverServer(t *testing.T) {
	c := newCapture(t)
	var seen string
	srv := serve(t, mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen = r.URL.Path }), accesslog.Options{Logger: c.L}))
	get(t, srv.Client(), srv.URL+"/a%0AINFO%20forged%1B[2J")
	srv.Close()
	if seen != "/a\nINFO forged\x1b[2J" {
		t.Fatalf("the handler saw %q", seen)
	}
	e := c.only(t)
	checkOneLine(t, e.Text)
	if e.Fields["path"] != "/a%0AINFO%20forged%1B[2J" {
		t.Errorf("path %q", e.Fields["path"])
	}
}

func FuzzMiddleware(f *testing.F) {
	f.Add("GET", "/a", "q=1", "v", "id")
	f.Add("GET\n", "/{x}\x1b", "token=\xff", "\u202e", "a\nb")
	f.Fuzz(func(t *testing.T, method, path, query, header, id string) {
		c := newCapture(t)
		h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}),
			accesslog.Options{Logger: c.L, LogQuery: true, IncludeHeaders: []string{"X-H", "Authorization"}, TrustProxy: true})
		r := &http.Request{Method: method, URL: &url.URL{Path: path, RawQuery: query},
			Header: http.Header{"X-H": {header}, "Authorization": {header}, "X-Request-Id": {id}, "X-Forwarded-For": {header}}, RemoteAddr: header}
		h.ServeHTTP(httptest.NewRecorder(), r)
		checkOneLine(t, c.only(t).Text)
	})
}
