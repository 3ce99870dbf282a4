package accesslog_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/logru/logru/accesslog"
)

// TestPanicGoesOn: without Recover, the line is written with status 500 and the panic
// leaves ServeHTTP with its value unchanged.
func TestPanicGoesOn(t *testing.T) {
	c := newCapture(t)
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { panic("boom") }), accesslog.Options{Logger: c.L, ErrorOn5xx: true})
	func() {
		defer func() {
			if v := recover(); v != "boom" {
				t.Errorf("recovered %v, want boom", v)
			}
			e := c.only(t)
			if str(e.Fields["status"]) != "500" || e.Level != "ERROR" {
				t.Errorf("line %s %q %v", e.Level, e.Message, e.Fields)
			}
		}()
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/p", nil))
		t.Error("the panic did not go on")
	}()
}

func TestPanicOverServer(t *testing.T) {
	tests := []struct {
		name    string
		recover bool
		h       http.HandlerFunc
		status  int    // what the client gets; 0: the connection is cut
		body    string // with status
		caught  bool   // a Catch record
	}{
		{"goes on to net/http", false, func(w http.ResponseWriter, r *http.Request) { panic("boom") }, 0, "", false},
		{"recovered", true, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			panic("boom")
		}, 500, "Internal Server Error\n", true},
		{"recovered after the header", true, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusOK)
			io.WriteString(w, "partial")
			w.(http.Flusher).Flush()
			panic("boom")
		}, 200, "partial", true},
		{"ErrAbortHandler is never recovered", true, func(w http.ResponseWriter, r *http.Request) { panic(http.ErrAbortHandler) }, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCapture(t)
			srv := serve(t, mw(tt.h, accesslog.Options{Logger: c.L, Recover: tt.recover}))
			req, _ := http.NewRequest("GET", srv.URL+"/panic", nil)
			req.Header.Set("X-Request-ID", "p-1")
			resp, err := srv.Client().Do(req)
			if tt.status == 0 {
				if err == nil {
					resp.Body.Close()
					t.Fatalf("got %d, want the connection cut", resp.StatusCode)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != tt.status || string(b) != tt.body {
					t.Errorf("client got %d %q, want %d %q", resp.StatusCode, b, tt.status, tt.body)
				}
			}
			srv.Close()
			e := c.only(t)
			if str(e.Fields["status"]) != "500" || !strings.HasPrefix(e.Message, "500 GET /panic ") || e.Fields["request_id"] != "p-1" {
				t.Errorf("line %q %v", e.Message, e.Fields)
			}
			var caught []entry
			for _, e := range c.entries() {
				if e.Exception != nil {
					caught = append(caught, e)
				}
			}
			if tt.caught != (len(caught) == 1) || len(c.entries()) != 1+len(caught) {
				t.Fatalf("want caught=%v, got records %+v", tt.caught, c.entries())
			}
			if tt.caught && (caught[0].Level != "ERROR" || caught[0].Fields["request_id"] != "p-1" || !strings.Contains(caught[0].Message, "recovered a panic in an HTTP handler")) {
				t.Errorf("the Catch record: %+v", caught[0])
			}
		})
	}
}
