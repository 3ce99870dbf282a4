package accesslog_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/logru/logru"
	"github.com/logru/logru/accesslog"
)

// shop is a ServeMux whose /pay handler runs three steps, the last failing, and whose
// /panic handler panics inside a step.
func shop(l *logru.Logger) http.Handler {
	mux := http.NewServeMux()
	step := func(ctx context.Context, name string, fail error) (err error) {
		defer logru.Step(ctx, name)(&err)
		l.Ctx(ctx).Info("in step {name}", "name", name)
		return fail
	}
	mux.HandleFunc("GET /pay/{id}", func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		_ = step(ctx, "validate", nil)
		_ = step(ctx, "reserve", nil)
		if err := step(ctx, "charge", errors.New("card declined")); err != nil {
			http.Error(w, "payment failed", http.StatusBadGateway)
			return
		}
		io.WriteString(w, "paid")
	})
	mux.HandleFunc("GET /ok", func(w http.ResponseWriter, r *http.Request) {
		_ = step(r.Context(), "hello", nil)
		io.WriteString(w, "ok")
	})
	mux.HandleFunc("GET /panic", func(w http.ResponseWriter, r *http.Request) {
		defer logru.Step(r.Context(), "explode")(nil)
		panic("kaboom")
	})
	return mux
}

// TestFlowEndToEnd: each request through a real server is a flow whose id the client
// gets, whose steps are the handler's, and whose records all carry it.
func TestFlowEndToEnd(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		reqID    string // sent as X-Request-ID
		status   int
		label    string // the flow id's prefix; "" for none
		route    string
		flowSt   string
		timeline string
	}{
		{"a failing step and a 502", "/pay/7", "order-7", 502, "order-7", "GET /pay/{id}", "failed",
			"[validate Xms ok, reserve Xms ok, charge Xms failed]"},
		{"success without a request id", "/ok", "", 200, "", "GET /ok", "success", "[hello Xms ok]"},
		{"an invalid request id is not a label", "/ok", "bad id {}", 200, "", "GET /ok", "success", "[hello Xms ok]"},
		{"no route", "/nowhere", "r-1", 404, "r-1", "GET /nowhere", "success", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCapture(t)
			srv := serve(t, mw(shop(c.L), accesslog.Options{Logger: c.L, Flow: true}))
			var hdr []string
			if tt.reqID != "" {
				hdr = []string{"X-Request-ID", tt.reqID}
			}
			resp, _ := get(t, srv.Client(), srv.URL+tt.path, hdr...)
			srv.Close()
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			fid := resp.Header.Get("X-Flow-ID")
			want := `^[0-9a-f]{8}$`
			if tt.label != "" {
				want = "^" + regexp.QuoteMeta(tt.label) + `-[0-9a-f]{8}$`
			}
			if !regexp.MustCompile(want).MatchString(fid) {
				t.Fatalf("X-Flow-ID %q, want %s", fid, want)
			}
			var ends, starts, steps int
			for _, e := range c.entries() {
				if e.Fields["flow_id"] != fid {
					t.Errorf("record without the flow's id: %q %v", e.Message, e.Fields)
				}
				switch e.Fields["flow_type"] {
				case logru.FlowStart:
					starts++
				case logru.FlowEnd:
					ends++
					if e.Fields["flow_status"] != tt.flowSt || e.Fields["route"] != tt.route || noMs(e.Fields["timeline"]) != tt.timeline {
						t.Errorf("flow_end %v", e.Fields)
					}
					if tt.flowSt == "failed" && (e.Level != "ERROR" || e.Fields["flow_error"] != "status 502 Bad Gateway" || e.Fields["failed_at"] != "charge" || e.Fields["step"] != "3/3") {
						t.Errorf("failed flow_end %s %v", e.Level, e.Fields)
					}
				case nil:
					if strings.HasPrefix(e.Message, "in step") {
						steps++
					}
				}
			}
			if want := strings.Count(tt.timeline, "ms "); steps != want {
				t.Errorf("%d records from the steps, want %d", steps, want)
			}
			a := c.only(t)
			if starts != 1 || ends != 1 || a.Fields["status"] != tt.status {
				t.Errorf("%d flow_start, %d flow_end, access line %v", starts, ends, a.Fields)
			}
		})
	}
}

// TestFlowPanickingHandler: a panic ends the flow failed, the access line is written
// once, and the panic is handled as without Flow.
func TestFlowPanickingHandler(t *testing.T) {
	for _, recover := range []bool{false, true} {
		t.Run(fmt.Sprint("Recover=", recover), func(t *testing.T) {
			c := newCapture(t)
			srv := serve(t, mw(shop(c.L), accesslog.Options{Logger: c.L, Flow: true, Recover: recover}))
			req, _ := http.NewRequest("GET", srv.URL+"/panic", nil)
			resp, err := srv.Client().Do(req)
			if recover {
				if err != nil || resp.StatusCode != 500 {
					t.Fatalf("%v %v", resp, err)
				}
				resp.Body.Close()
			} else if err == nil {
				resp.Body.Close()
				t.Fatal("the connection was not cut: the panic did not reach net/http")
			}
			srv.Close()
			a := c.only(t)
			if a.Fields["status"] != 500 {
				t.Errorf("access line %v", a.Fields)
			}
			var end *entry
			caught := 0
			for _, e := range c.entries() {
				if e.Fields["flow_type"] == logru.FlowEnd {
					end = &e
				}
				if e.Exception != nil {
					caught++
				}
			}
			if end == nil || end.Level != "ERROR" || end.Fields["flow_status"] != "failed" || end.Fields["flow_error"] != "panic: kaboom" ||
				end.Fields["failed_at"] != "explode" || end.Fields["route"] != "GET /panic" {
				t.Fatalf("flow_end %+v", end)
			}
			if recover != (caught == 1) {
				t.Errorf("%d Catch records with Recover=%v", caught, recover)
			}
		})
	}
}

// TestFlowOffByDefault: without Flow there is no flow and no X-Flow-ID.
func TestFlowOffByDefault(t *testing.T) {
	c := newCapture(t)
	var id string
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { id = logru.FlowID(r.Context()) }), accesslog.Options{Logger: c.L})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	if id != "" || w.Header().Get("X-Flow-ID") != "" || len(c.entries()) != 1 {
		t.Errorf("flow %q, header %q, %d records", id, w.Header().Get("X-Flow-ID"), len(c.entries()))
	}
}

var msPattern = regexp.MustCompile(`[0-9.]+ms`)

// noMs is a timeline's text with its durations, which vary, as Xms.
func noMs(tl any) string { return msPattern.ReplaceAllString(fmt.Sprint(tl), "Xms") }
