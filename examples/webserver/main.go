// Command webserver serves a few routes behind logru's access-log middleware, writing one
// line per request to a rotating file, logs/access.log, what the handlers say to
// logs/app.log, and the panics it recovers to logs/panics.log.
//
//	go run ./examples/webserver                  # serve on :8080 until Ctrl-C
//	go run ./examples/webserver -requests 2000   # self-test: serve 2000 requests, check the log, exit
//
// Routes: / (hello), /api/users (JSON; logs through the request's context), /slow
// (logged at WARNING with [SLOW]), /panic (recovered, answered with 500), /sse (five
// server-sent events, flushed one by one) and /healthz (not logged).
//
// Under load, every request lands in the access log exactly once, however the files
// rotate; on exit the server says how many requests it served and how many lines the
// access log holds:
//
//	go run ./examples/webserver -rotation "1 MB" &
//	wrk -t2 -c50 -d10s http://localhost:8080/
//	kill -INT %1  # "served 182345 requests (0 of them /healthz, excluded from the access log); access log: 182345 lines in 9 files"
//	cat logs/access*.log | wc -l
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/logru/logru"
	"github.com/logru/logru/accesslog"
)

func main() {
	addr := flag.String("addr", ":8080", "address to listen on")
	dir := flag.String("dir", "logs", "directory for access.log and app.log")
	rotation := flag.String("rotation", "10 MB", "when access.log rotates")
	requests := flag.Int("requests", 0, "self-test: serve this many requests on a free port, check the access log, exit")
	flag.Parse()
	if err := run(*addr, *dir, *rotation, *requests); err != nil {
		fmt.Fprintln(os.Stderr, "webserver:", err)
		os.Exit(1)
	}
}

func run(addr, dir, rotation string, selfTest int) error {
	if selfTest > 0 {
		tmp, err := os.MkdirTemp("", "logru-webserver-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir, addr = tmp, "127.0.0.1:0"
	}

	// The access log: one line per request, in a file that rotates by size. Enqueue
	// writes it from a goroutine of its own, so requests never wait for the disk; Close
	// drains the queue. The panics Recover catches go through the same logger, with
	// their stacks: they go to panics.log here, so access.log holds access lines only.
	// An access line names no caller, so its format leaves the caller out; {fields}
	// holds what the message does not show:
	//   2026-03-26 14:30:00.003 INFO    200 GET /api/users?page=2 3.2ms bytes=48 remote=127.0.0.1 request_id=self-1 header_user_agent=Go-http-client/1.1
	access := logru.New()
	if _, err := access.Add(logru.Handler{
		Sink:       filepath.Join(dir, "access.log"),
		Format:     "{time:YYYY-MM-DD HH:mm:ss.SSS} {level: <7} {message}<dim>{fields}</dim>",
		Rotation:   rotation,
		Enqueue:    true,
		FilterFunc: func(r *logru.Record) bool { return r.Exception == nil },
	}); err != nil {
		return err
	}
	if _, err := access.Add(logru.Handler{
		Sink:       filepath.Join(dir, "panics.log"),
		FilterFunc: func(r *logru.Record) bool { return r.Exception != nil },
	}); err != nil {
		return err
	}
	defer access.Close()
	// The application's log, in the default format: what handlers say, with the
	// request's id.
	app := logru.New()
	if _, err := app.Add(logru.Handler{Sink: filepath.Join(dir, "app.log")}); err != nil {
		return err
	}
	defer app.Close()

	// served counts every request; excluded, those ExcludePaths serves without a line.
	var served, excluded atomic.Int64
	handler := accesslog.Middleware(routes(app), accesslog.Options{
		Logger:         access,
		SlowThreshold:  200 * time.Millisecond,
		ErrorOn5xx:     true,
		Recover:        true,
		LogQuery:       true,
		IncludeHeaders: []string{"User-Agent"},
		ExcludePaths:   []string{"/healthz"},
	})
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			served.Add(1)
			if r.URL.Path == "/healthz" {
				excluded.Add(1)
			}
			handler.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 5 * time.Second,
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	if selfTest > 0 {
		err = load("http://"+ln.Addr().String(), selfTest)
	} else {
		fmt.Printf("listening on %s; access log in %s\n", ln.Addr(), filepath.Join(dir, "access.log"))
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
		select {
		case <-stop:
		case err = <-errc:
		}
		signal.Stop(stop)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if e := srv.Shutdown(ctx); err == nil {
		err = e
	}
	if e := access.Close(); err == nil { // every queued line is in the files now
		err = e
	}
	lines, files, e := countLines(dir)
	if err == nil {
		err = e
	}
	n, x := served.Load(), excluded.Load()
	fmt.Printf("served %d requests (%d of them /healthz, excluded from the access log); access log: %d lines in %s\n",
		n, x, lines, plural(files, "file"))
	if err == nil && int64(lines) != n-x {
		err = fmt.Errorf("%d requests logged but %d access lines", n-x, lines)
	}
	return err
}

func routes(app *logru.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello from logru\n")
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /api/users", func(w http.ResponseWriter, r *http.Request) {
		// The request's context carries its id: this line and the access line share it.
		app.Ctx(r.Context()).Info("listing {n} users", "n", 2)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `[{"id":1,"name":"alice"},{"id":2,"name":"bob"}]`+"\n")
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(300 * time.Millisecond):
			io.WriteString(w, "done, slowly\n")
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("GET /panic", func(w http.ResponseWriter, r *http.Request) {
		panic("something went wrong")
	})
	mux.HandleFunc("GET /sse", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		rc := http.NewResponseController(w)
		for i := range 5 {
			fmt.Fprintf(w, "data: tick %d\n\n", i)
			if err := rc.Flush(); err != nil {
				return
			}
			select {
			case <-time.After(100 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	return mux
}

// load sends n requests, 16 at a time, spread over the routes (but /sse and /slow, which
// take their time), each with its own X-Request-ID.
func load(base string, n int) error {
	paths := []string{"/", "/api/users?page=2", "/", "/panic", "/healthz", "/missing"}
	client := &http.Client{Timeout: 10 * time.Second}
	var next atomic.Int64
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				req, _ := http.NewRequest("GET", base+paths[i%len(paths)], nil)
				req.Header.Set("X-Request-ID", "self-"+strconv.Itoa(i))
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if err == nil && resp.Header.Get("X-Request-ID") != "self-"+strconv.Itoa(i) {
					err = errors.New("request id not echoed")
				}
				if err != nil {
					mu.Lock()
					first = errors.Join(first, err)
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// countLines counts the lines of every access log file in dir, the rotated ones
// included.
func countLines(dir string) (lines, files int, err error) {
	names, err := filepath.Glob(filepath.Join(dir, "access*.log"))
	if err != nil {
		return 0, 0, err
	}
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return lines, files, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) != "" {
				lines++
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return lines, files, err
		}
		files++
	}
	return lines, files, nil
}

// plural returns "1 file", "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
