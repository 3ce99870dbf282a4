package accesslog

import (
	"strings"
	"testing"
	"time"
)

func TestAppendMessage(t *testing.T) {
	tests := []struct {
		l    line
		want string
	}{
		{line{status: 201, method: "GET", path: "/api/users", query: "page=2", dur: 3200 * time.Microsecond}, "201 GET /api/users?page=2 3.2ms"},
		{line{status: 200, method: "GET", path: "/", dur: 850 * time.Nanosecond}, "200 GET / 850ns"},
		{line{status: 200, method: "POST", path: "/r", dur: 2410 * time.Millisecond, slow: true}, "200 POST /r 2.41s [SLOW]"},
		{line{status: 500, method: "GET", path: "/{x}", dur: 12345 * time.Nanosecond}, "500 GET /{{x}} 12.3µs"},
		{line{status: 200, method: "GET\r\n", path: "/a b", dur: -1}, `200 GET\r\n /a\x20b 0ns`},
	}
	for _, tt := range tests {
		if got := string(appendMessage(nil, &tt.l)); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestAppendData(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/plain/path-1_2.3~", "/plain/path-1_2.3~"},
		{"café/日本", "café/日本"},
		{"a\nb\rc\td", `a\nb\rc\td`},
		{"\x00\x1b\x7f ", `\x00\x1b\x7f\x20`},
		{"{}", "{{}}"},
		{"\xff\xc3", `\xff\xc3`},
		{"\u0085\u2028\u2029\u202a\u202e\u2066\u2069", `\u0085\u2028\u2029\u202a\u202e\u2066\u2069`},
		{"\u2030\u206a", "\u2030\u206a"},
	}
	for _, tt := range tests {
		if got := string(appendData(nil, tt.in)); got != tt.want {
			t.Errorf("appendData(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0ns"},
		{999, "999ns"},
		{time.Microsecond, "1.0µs"},
		{1500 * time.Microsecond, "1.5ms"},
		{999 * time.Millisecond, "999.0ms"},
		{time.Second, "1.00s"},
		{90 * time.Second, "90.00s"},
	}
	for _, tt := range tests {
		if got := string(appendDuration(nil, tt.d)); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "abc…"},
		{"aé", 2, "a…"}, // é is two bytes: never split
		{"日本", 4, "日…"},
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := cut(tt.s, tt.max); got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
	}
}

func TestRedactQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"page=2&sort=name", "page=2&sort=name"},
		{"token=abc", "token=REDACTED"},
		{"page=2&api_key=abc&x=1", "page=2&api_key=REDACTED&x=1"},
		{"PASSWORD=p&Session=s&X-Amz-Signature=z", "PASSWORD=REDACTED&Session=REDACTED&X-Amz-Signature=REDACTED"},
		{"%74oken=abc", "%74oken=REDACTED"}, // t, escaped
		{"token=&token", "token=&token"},    // nothing to hide
		{"a=1&&token=x&", "a=1&&token=REDACTED&"},
		{"%zz=1", "%zz=1"},
	}
	for _, tt := range tests {
		if got := redactQuery(tt.in); got != tt.want {
			t.Errorf("redactQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactHeader(t *testing.T) {
	tests := []struct{ name, v, want string }{
		{"Authorization", "Bearer abc.def", "Bearer [REDACTED]"},
		{"Authorization", "Basic dXNlcjpwYXNz", "Basic [REDACTED]"},
		{"Authorization", "justatoken", "[REDACTED]"},
		{"Authorization", "Bad\nScheme x", "[REDACTED]"},
		{"Authorization", strings.Repeat("S", 17) + " x", "[REDACTED]"},
		{"Proxy-Authorization", "Digest x", "Digest [REDACTED]"},
		{"Cookie", "a=b", "[REDACTED]"},
		{"Cookie", "", ""},
	}
	for _, tt := range tests {
		if got := redactHeader(tt.name, tt.v); got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.name, tt.v, got, tt.want)
		}
	}
}

func TestValidID(t *testing.T) {
	for _, id := range []string{"a", "A-z_0.9:+/=@", strings.Repeat("x", 64)} {
		if !validID(id, 64) {
			t.Errorf("%q refused", id)
		}
	}
	for _, id := range []string{"", strings.Repeat("x", 65), "a b", "a\n", "é", "{x}", `"`, "a,b", "a;b"} {
		if validID(id, 64) {
			t.Errorf("%q accepted", id)
		}
	}
	if id := newID(); len(id) != 32 || !validID(id, 32) {
		t.Errorf("newID() = %q", id)
	}
}

func TestExcludedMatching(t *testing.T) {
	o := Options{ExcludePaths: []string{"/healthz", "/static/*", "*.ico"}}
	c := o.resolve()
	for path, want := range map[string]bool{"/healthz": true, "/healthz/": false, "/static/x": true, "/static": false, "/favicon.ico": false, "*.ico": true} {
		if got := c.excluded(path); got != want {
			t.Errorf("%q: %v, want %v", path, got, want)
		}
	}
}
