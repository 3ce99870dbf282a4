package logru_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/accesslog"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, which -update rewrites.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to write it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -run %s -update rewrites it)\n got:\n%s\nwant:\n%s", path, t.Name(), got, want)
	}
}

// TestReadableGolden: the access log, Timed and flows in the default format, plain then
// coloured, against testdata/readable.golden. The message of each shows what it is
// about (status, method, path and time; how long a scope or flow took and how it
// failed), and {fields} does not say it again: it keeps what the message does not show
// (bytes, remote, request_id, flow_id, the caller's own fields, the timeline).
func TestReadableGolden(t *testing.T) {
	clk := &manualClock{t: time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)}
	base := logru.New()
	t.Cleanup(func() { base.Close() })
	logru.SetFlowClock(base, clk.Now)
	var plain, color lineBuffer
	for _, h := range []logru.Handler{
		{Sink: &plain, Level: "TRACE", Colorize: logru.ColorNever},
		{Sink: &color, Level: "TRACE", Colorize: logru.ColorAlways},
	} {
		if _, err := base.Add(h); err != nil {
			t.Fatal(err)
		}
	}
	// Every record is stamped by the test's clock; a caller's line (which moves as this
	// file changes) is written as 42; the access line has none.
	l := base.Patch(func(r *logru.Record) {
		r.Time = clk.Now()
		if r.Line != 0 {
			r.Line = 42
		}
	})

	// An access line, and a line the handler logs through the request's context.
	users := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.Ctx(r.Context()).Info("listing {n} users", "n", 2)
		w.Write([]byte(`[{"id":1},{"id":2}]`))
	})
	serveOne(accesslog.Middleware(users, accesslog.Options{Logger: l, LogQuery: true}), "GET", "/api/users?page=2&token=s3cret", "req-1")
	clk.Advance(time.Millisecond)

	// A request that is a flow, whose handler fails: flow_start, flow_end, and the
	// access line at ERROR.
	pay := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		func() {
			defer logru.Step(r.Context(), "validate")(nil)
			clk.Advance(100 * time.Microsecond)
		}()
		func() {
			defer logru.Step(r.Context(), "charge")(nil)
			clk.Advance(12 * time.Millisecond)
		}()
		http.Error(w, "gateway down", http.StatusBadGateway)
	})
	serveOne(accesslog.Middleware(pay, accesslog.Options{Logger: l, Flow: true, ErrorOn5xx: true}), "POST", "/pay/7", "order-7")
	clk.Advance(time.Millisecond)

	// Timed, done and failed.
	_ = migrate(l, clk, nil)
	_ = migrate(l, clk, errors.New("disk full"))

	// A flow of its own that succeeds, and one that fails at a step.
	_ = checkoutFlow(l, clk, nil)
	_ = checkoutFlow(l, clk, errors.New("card declined"))

	got := plain.String() + color.String()
	// The access line's time is the middleware's own reading of the clock; flow ids
	// are random.
	got = regexp.MustCompile(`(\d{3} [A-Z]+ \S+) [0-9.]+(ns|µs|ms|s)`).ReplaceAllString(got, "$1 1.5ms")
	got = regexp.MustCompile(`-[0-9a-f]{8}\b`).ReplaceAllString(got, "-00000000")
	for _, line := range strings.SplitAfter(plain.String(), "\n") {
		for _, k := range []string{" status=", " method=", " path=", " query=", " duration_ms=", " total_ms=", " flow_status=", " flow_type=", " flow_error=", " failed_at="} {
			if strings.Contains(line, k) {
				t.Errorf("{fields} repeats what the message shows (%s): %s", k, line)
			}
		}
	}
	golden(t, "readable.golden", []byte(got))
}

// serveOne serves one request through h with the given X-Request-ID.
func serveOne(h http.Handler, method, target, id string) {
	r := httptest.NewRequest(method, target, nil)
	r.Header.Set("X-Request-ID", id)
	h.ServeHTTP(httptest.NewRecorder(), r)
}

// migrate is a timed scope that takes 12.3ms and returns fail.
func migrate(l *logru.Logger, clk *manualClock, fail error) (err error) {
	defer l.Timed("database migration", "table", "users")(&err)
	clk.Advance(12300 * time.Microsecond)
	return fail
}

// checkoutFlow is a flow of two steps whose second returns fail.
func checkoutFlow(l *logru.Logger, clk *manualClock, fail error) (err error) {
	ctx, flow := l.Flow(context.Background(), "checkout", "order", 7)
	defer flow.End(&err)
	func() {
		defer logru.Step(ctx, "reserve stock")(nil)
		clk.Advance(2500 * time.Microsecond)
	}()
	l.Ctx(ctx).Info("charging {amount}", "amount", 12.5)
	if err := func() (err error) {
		defer logru.Step(ctx, "charge")(&err)
		clk.Advance(11900 * time.Microsecond)
		return fail
	}(); err != nil {
		return errors.New("checkout: " + err.Error())
	}
	return nil
}
