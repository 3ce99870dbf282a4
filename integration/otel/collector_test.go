package otel

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploggrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploghttp"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	"go.opentelemetry.io/otel/trace"

	"github.com/logru/logru"
)

// collector is a running OpenTelemetry Collector and the HTTP server that receives what
// its otlp_http exporter re-posts.
type collector struct {
	grpcAddr, httpAddr string
	received           chan otlpRecord
	out                *lockedBuffer
}

// otlpRecord is one log record as the collector re-posts it in OTLP/JSON.
type otlpRecord struct {
	TimeUnixNano   string     `json:"timeUnixNano"`
	SeverityNumber int        `json:"severityNumber"`
	SeverityText   string     `json:"severityText"`
	Body           otlpValue  `json:"body"`
	Attributes     []otlpAttr `json:"attributes"`
	TraceID        string     `json:"traceId"`
	SpanID         string     `json:"spanId"`
	Scope          string     `json:"-"`
}

type otlpAttr struct {
	Key   string    `json:"key"`
	Value otlpValue `json:"value"`
}

// otlpValue is OTLP/JSON's AnyValue: 64-bit integers come as strings.
type otlpValue struct {
	StringValue *string  `json:"stringValue"`
	IntValue    *string  `json:"intValue"`
	DoubleValue *float64 `json:"doubleValue"`
	BoolValue   *bool    `json:"boolValue"`
}

func (v otlpValue) String() string {
	switch {
	case v.StringValue != nil:
		return *v.StringValue
	case v.IntValue != nil:
		return *v.IntValue
	case v.DoubleValue != nil:
		return strconv.FormatFloat(*v.DoubleValue, 'g', -1, 64)
	case v.BoolValue != nil:
		return strconv.FormatBool(*v.BoolValue)
	}
	return "<empty>"
}

func (r otlpRecord) attr(key string) (otlpValue, bool) {
	for _, a := range r.Attributes {
		if a.Key == key {
			return a.Value, true
		}
	}
	return otlpValue{}, false
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// freePort returns a loopback address whose port was free a moment ago.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// startCollector runs the collector named by OTELCOL_BIN on loopback ports of its own,
// re-posting to an HTTP server of the test's. The collector and the server stop when
// the test ends.
func startCollector(t *testing.T) *collector {
	t.Helper()
	bin := os.Getenv("OTELCOL_BIN")
	if bin == "" {
		if os.Getenv("LOGRU_REQUIRE_ENGINES") == "1" {
			t.Fatal("OTELCOL_BIN is not set, and LOGRU_REQUIRE_ENGINES=1 requires the collector")
		}
		t.Skip("OTELCOL_BIN is not set: no OpenTelemetry Collector to test against (.ci/run builds one)")
	}

	c := &collector{received: make(chan otlpRecord, 1024), out: &lockedBuffer{}}

	// The server that the collector's otlp_http exporter posts to.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(c.serveLogs), ReadHeaderTimeout: 5 * time.Second}
	served := make(chan struct{})
	go func() { defer close(served); srv.Serve(ln) }()
	t.Cleanup(func() {
		srv.Close()
		<-served
	})

	c.grpcAddr, c.httpAddr = freePort(t), freePort(t)
	cfg := fmt.Sprintf(collectorConfig, c.grpcAddr, c.httpAddr, ln.Addr().String())
	dir := t.TempDir()
	path := filepath.Join(dir, "otelcol.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, "--config", path)
	cmd.Stdout, cmd.Stderr = c.out, c.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("collector output:\n%s", c.out.String())
		}
	})

	// Ready when both receivers accept connections.
	deadline := time.Now().Add(30 * time.Second)
	for _, addr := range []string{c.grpcAddr, c.httpAddr} {
		for {
			conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
			if err == nil {
				conn.Close()
				break
			}
			select {
			case err := <-exited:
				t.Fatalf("the collector exited before it listened on %s: %v\n%s", addr, err, c.out.String())
			case <-time.After(50 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatalf("the collector did not listen on %s within 30 s:\n%s", addr, c.out.String())
			}
		}
	}
	return c
}

// serveLogs takes the collector's re-posted OTLP/JSON batches apart into records.
func (c *collector) serveLogs(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil || r.URL.Path != "/v1/logs" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var batch struct {
		ResourceLogs []struct {
			ScopeLogs []struct {
				Scope struct {
					Name string `json:"name"`
				} `json:"scope"`
				LogRecords []otlpRecord `json:"logRecords"`
			} `json:"scopeLogs"`
		} `json:"resourceLogs"`
	}
	if err := json.Unmarshal(body, &batch); err != nil {
		fmt.Fprintf(c.out, "test server: cannot decode a batch: %v\n%s\n", err, body)
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for _, rl := range batch.ResourceLogs {
		for _, sl := range rl.ScopeLogs {
			for _, rec := range sl.LogRecords {
				rec.Scope = sl.Scope.Name
				c.received <- rec
			}
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte("{}"))
}

// wait returns the next n records the collector re-posted.
func (c *collector) wait(t *testing.T, n int) []otlpRecord {
	t.Helper()
	var got []otlpRecord
	timeout := time.After(30 * time.Second)
	for len(got) < n {
		select {
		case r := <-c.received:
			got = append(got, r)
		case <-timeout:
			t.Fatalf("the collector re-posted %d of %d records within 30 s", len(got), n)
		}
	}
	return got
}

const collectorConfig = `
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
      http:
        endpoint: %s
exporters:
  otlp_http/sink:
    endpoint: http://%s
    encoding: json
    compression: none
    retry_on_failure:
      enabled: false
processors: {}
service:
  telemetry:
    logs:
      level: warn
    metrics:
      level: none
  pipelines:
    logs:
      receivers: [otlp]
      exporters: [otlp_http/sink]
`

// sent is what logru handed to its sinks, read from a second handler of the same
// logger, to compare with what arrived.
type sent struct {
	message string
	time    time.Time
}

func TestCollectorReceivesLogruRecords(t *testing.T) {
	c := startCollector(t)

	traceID, _ := trace.TraceIDFromHex("4bf92f3577b34da6a3ce929d0e0e4736")
	spanID, _ := trace.SpanIDFromHex("00f067aa0ba902b7")
	spanCtx := trace.ContextWithSpanContext(context.Background(), trace.NewSpanContext(trace.SpanContextConfig{
		TraceID: traceID, SpanID: spanID, TraceFlags: trace.FlagsSampled,
	}))

	exporters := []struct {
		name string
		make func(ctx context.Context) (sdklog.Exporter, error)
	}{
		{"OTLP/HTTP", func(ctx context.Context) (sdklog.Exporter, error) {
			return otlploghttp.New(ctx, otlploghttp.WithEndpoint(c.httpAddr), otlploghttp.WithInsecure())
		}},
		{"OTLP/gRPC", func(ctx context.Context) (sdklog.Exporter, error) {
			return otlploggrpc.New(ctx, otlploggrpc.WithEndpoint(c.grpcAddr), otlploggrpc.WithInsecure())
		}},
	}
	for _, ex := range exporters {
		t.Run(ex.name, func(t *testing.T) {
			ctx := context.Background()
			exp, err := ex.make(ctx)
			if err != nil {
				t.Fatal(err)
			}
			provider := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewSimpleProcessor(exp)))
			defer provider.Shutdown(ctx)

			var mu sync.Mutex
			var records []sent
			l := logru.New()
			defer l.Close()
			if _, err := l.Add(logru.Handler{Sink: otelslog.NewHandler("logru-it", otelslog.WithLoggerProvider(provider)), Level: "DEBUG"}); err != nil {
				t.Fatal(err)
			}
			if _, err := l.Add(logru.Handler{Level: "DEBUG", Sink: func(m logru.Message) {
				mu.Lock()
				records = append(records, sent{m.Record.Message, m.Record.Time})
				mu.Unlock()
			}}); err != nil {
				t.Fatal(err)
			}

			log := l.Ctx(spanCtx).Bind("user", "ann", "protocol", ex.name)
			log.Info("order {id} paid", "id", 7, "amount", 42.5)
			log.Opt(logru.Options{Exception: errors.New("smtp: timeout")}).Warning("receipt not sent")
			l.Error("no span here", "ok", false)
			if err := provider.ForceFlush(ctx); err != nil {
				t.Fatal(err)
			}

			got := c.wait(t, 3)
			byBody := map[string]otlpRecord{}
			for _, r := range got {
				byBody[r.Body.String()] = r
			}
			mu.Lock()
			defer mu.Unlock()
			if len(records) != 3 {
				t.Fatalf("logru's own handler saw %d records, want 3", len(records))
			}

			want := []struct {
				body     string
				severity int
				text     string
				attrs    map[string]string
				traced   bool
			}{
				{"order 7 paid", 9, "INFO", map[string]string{"user": "ann", "protocol": ex.name, "id": "7", "amount": "42.5"}, true},
				{"receipt not sent", 13, "WARN", map[string]string{"user": "ann", "exception.message": "smtp: timeout"}, true},
				{"no span here", 17, "ERROR", map[string]string{"ok": "false"}, false},
			}
			for i, w := range want {
				r, ok := byBody[w.body]
				if !ok {
					t.Errorf("no record with body %q arrived; got %+v", w.body, got)
					continue
				}
				if r.Scope != "logru-it" {
					t.Errorf("%q: scope %q, want logru-it", w.body, r.Scope)
				}
				if r.SeverityNumber != w.severity || r.SeverityText != w.text {
					t.Errorf("%q: severity %d %q, want %d %q", w.body, r.SeverityNumber, r.SeverityText, w.severity, w.text)
				}
				if records[i].message != w.body {
					t.Fatalf("logru's own handler saw %q as record %d, want %q", records[i].message, i, w.body)
				}
				if want := strconv.FormatInt(records[i].time.UnixNano(), 10); r.TimeUnixNano != want {
					t.Errorf("%q: timeUnixNano %s, want the record's time %s", w.body, r.TimeUnixNano, want)
				}
				for k, v := range w.attrs {
					a, ok := r.attr(k)
					if !ok {
						t.Errorf("%q: no attribute %q in %+v", w.body, k, r.Attributes)
					} else if !strings.Contains(a.String(), v) {
						t.Errorf("%q: attribute %s = %q, want %q", w.body, k, a.String(), v)
					}
				}
				if w.traced {
					if !strings.EqualFold(r.TraceID, hex.EncodeToString(traceID[:])) || !strings.EqualFold(r.SpanID, hex.EncodeToString(spanID[:])) {
						t.Errorf("%q: trace %q span %q, want the ctx's %s %s", w.body, r.TraceID, r.SpanID, traceID, spanID)
					}
				} else if r.TraceID != "" || r.SpanID != "" {
					t.Errorf("%q: trace %q span %q on a record without a span", w.body, r.TraceID, r.SpanID)
				}
			}
		})
	}
}
