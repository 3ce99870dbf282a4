package accesslog_test

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/logru/logru/accesslog"
)

// fileTree makes a directory with static/app.js and private/secret.txt.
func fileTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{"static/app.js": "js", "private/secret.txt": "secret"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestExcludePathsCannotHide: a path that only looks as if it were under an excluded
// prefix, and that http.FileServer serves from elsewhere, is logged, with the path as
// the client sent it.
func TestExcludePathsCannotHide(t *testing.T) {
	dir := fileTree(t)
	tests := []struct {
		target  string // the request target, as sent
		body    string // what the file server answers
		logged  bool
		logPath string
	}{
		{"/static/app.js", "js", false, ""},
		{"/static/../private/secret.txt", "secret", true, "/static/../private/secret.txt"},
		{"/static/%2e%2e/private/secret.txt", "secret", true, "/static/%2e%2e/private/secret.txt"},
		{"/static/%2E%2E/private/secret.txt", "secret", true, "/static/%2E%2E/private/secret.txt"},
		{"/static/./../private/secret.txt", "secret", true, "/static/./../private/secret.txt"},
		{"/static//app.js", "js", false, ""},
		{"/healthz/../private/secret.txt", "secret", true, "/healthz/../private/secret.txt"},
		{"/static/x/../../private/secret.txt", "secret", true, "/static/x/../../private/secret.txt"},
		{"/private/../healthz", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			c := newCapture(t)
			h := mw(http.FileServer(http.Dir(dir)), accesslog.Options{Logger: c.L, ExcludePaths: []string{"/static/*", "/healthz"}})
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("GET", tt.target, nil))
			if tt.body != "" && w.Body.String() != tt.body {
				t.Fatalf("the file server answered %d %q, want %q", w.Code, w.Body.String(), tt.body)
			}
			a := c.access()
			if got := len(a) == 1; got != tt.logged || len(a) > 1 {
				t.Fatalf("%d lines, want logged=%v", len(a), tt.logged)
			}
			if tt.logged && a[0].Fields["path"] != tt.logPath {
				t.Errorf("path field %q, want %q", a[0].Fields["path"], tt.logPath)
			}
		})
	}
}

// TestExcludePathsCannotHideOverServer sends the dot segments over a real connection,
// byte for byte, so no client library cleans them first.
func TestExcludePathsCannotHideOverServer(t *testing.T) {
	dir := fileTree(t)
	c := newCapture(t)
	srv := serve(t, mw(http.FileServer(http.Dir(dir)), accesslog.Options{Logger: c.L, ExcludePaths: []string{"/static/*"}}))
	for _, target := range []string{"/static/%2e%2e/private/secret.txt", "/static/../private/secret.txt"} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		_, _ = bufio.NewReader(resp.Body).WriteTo(&b)
		resp.Body.Close()
		conn.Close()
		if b.String() != "secret" {
			t.Fatalf("%s: the server answered %q", target, b.String())
		}
	}
	srv.Close()
	a := c.access()
	if len(a) != 2 {
		t.Fatalf("%d access lines, want 2: %+v", len(a), c.entries())
	}
	if a[0].Fields["path"] != "/static/%2e%2e/private/secret.txt" || a[1].Fields["path"] != "/static/../private/secret.txt" {
		t.Errorf("paths %q, %q: want them as sent", a[0].Fields["path"], a[1].Fields["path"])
	}
}

// muxPath is the property's reference: the path a ServeMux or FileServer acts on.
func muxPath(p string) string {
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	np := path.Clean(p)
	if strings.HasSuffix(p, "/") && np != "/" {
		np += "/"
	}
	return np
}

// FuzzExcludePaths: a request goes without a line exactly when the path it names, once
// decoded and cleaned, matches an exclusion.
func FuzzExcludePaths(f *testing.F) {
	for _, s := range []string{"/static/app.js", "/static/../x", "/static/%2e%2e/x", "//static/a", "/healthz", "/healthz/", "/a/../healthz", "/static", "/static/", "/%2fstatic/x", "static/x", "/static/./"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.ParseRequestURI(target)
		if err != nil || u.Path == "" && u.Opaque != "" {
			return
		}
		c := newCapture(t)
		h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}),
			accesslog.Options{Logger: c.L, ExcludePaths: []string{"/static/*", "/healthz"}})
		h.ServeHTTP(httptest.NewRecorder(), &http.Request{Method: "GET", URL: u, Header: http.Header{}})
		p := muxPath(u.Path)
		want := !(p == "/healthz" || strings.HasPrefix(p, "/static/"))
		if got := len(c.access()) == 1; got != want {
			t.Fatalf("%q (cleaned %q): logged %v, want %v", target, p, got, want)
		}
	})
}
