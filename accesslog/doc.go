// Package accesslog is net/http middleware that logs one line per request through a
// logru logger, the way zerolog's hlog and web frameworks' access logs do:
//
//	l := logru.New()
//	l.Add(logru.Handler{Sink: "logs/access.log", Rotation: "10 MB", Format: "{time} {level} {message} {extra}"})
//	http.ListenAndServe(":8080", accesslog.Middleware(mux, accesslog.Options{Logger: l}))
//
// or, with a router that takes func(http.Handler) http.Handler (chi, for one):
//
//	r.Use(accesslog.New(accesslog.Options{Logger: l, SlowThreshold: time.Second}))
//
// # The line
//
// The message is the status, the method, the path (and the query, with
// Options.LogQuery) and the time the handler took:
//
//	201 POST /api/users 3.2ms
//	200 GET /api/users?page=2 850.0µs
//	200 GET /report 2.41s [SLOW]
//
// and the record's extra fields are status, method, path, query (with LogQuery, when there is one),
// bytes (of the response body), duration_ms, remote, request_id, and header_<name>
// for each of Options.IncludeHeaders, in that order. The record also carries the
// request's context (Record.Context) and the fields it holds (see logru.Contextualize),
// so fields an outer middleware attached show up on the line too. The line names no
// caller: its function, file and line are empty.
//
// The message shows status, method, path, query and duration_ms, so the default
// format's {fields} leaves them out (the record's MessageKeys name them); {extra} and
// serialized output keep every field:
//
//	2026-03-26 14:30:00.003 | INFO     | github.com/logru/logru/accesslog::0 - 200 GET /api/users?page=2 3.2ms bytes=48 remote=192.0.2.1 request_id=4f1c…
//
// A line is written when the handler returns, at Options.Level (INFO by default); a
// request slower than Options.SlowThreshold is logged at WARNING with " [SLOW]"
// appended, and with Options.ErrorOn5xx a 5xx status is logged at ERROR. Paths in
// Options.ExcludePaths (health checks, say) are served without a line.
//
// # Request ids
//
// Each request gets an id: the one in its X-Request-ID header (Options.RequestIDHeader)
// when that is short and plain (see Options.RequestIDMaxLen), else a new random one. The
// id is set in the response's header before the handler runs, and the handler's request
// carries it in its context: [RequestID] returns it, and a logger's Ctx child logs it as
// request_id:
//
//	func users(w http.ResponseWriter, r *http.Request) {
//		l.Ctx(r.Context()).Info("listing users") // … request_id=4f1c…
//	}
//
// # Flows
//
// With Options.Flow every request is a logru flow (see logru.Logger.Flow): the
// handler's steps, logru.Step(r.Context(), "charge"), make up the timeline of the
// flow_end record written when the request ends, the flow's id is echoed in the
// X-Flow-ID response header, and the access line and the handler's records carry it
// as flow_id:
//
//	h := accesslog.Middleware(mux, accesslog.Options{Logger: l, Flow: true})
//	// 502 GET /pay/7 12.4ms … flow_id=order-7-3a7e2b1f
//	// flow order-7 failed at charge (3/3) after 12.3ms: … route="GET /pay/{id}" timeline="[validate 0.1ms ok, …]"
//
// A request that brings a valid X-Request-ID gets it as its flow's label. A handler
// that panics or answers 5xx fails its flow.
//
// # The response writer
//
// The handler writes to a wrapper that counts the body's bytes and notes the status:
// the one given to WriteHeader, else the 200 that net/http sends on the first Write,
// ReadFrom or Flush (or when the handler sends nothing at all), else 101 for a hijacked
// connection. The wrapper has exactly the optional interfaces of the writer it wraps
// among http.Flusher, http.Hijacker and io.ReaderFrom, so server-sent events and
// WebSocket upgrades work through it as they would without it, and it has Unwrap, so
// http.ResponseController reaches the server's writer for the rest (deadlines, full
// duplex, and http.Pusher when the server has it). For a hijacked connection the line
// is written when the handler returns, with the bytes written before the hijack.
//
// # Panics
//
// A handler that panics still gets its line, with status 500, and the panic goes on to
// net/http unchanged. With Options.Recover the panic is recovered instead: it is logged
// as logru's Catch logs it, at ERROR with its stack and the request's id, and the
// client gets a 500 (when nothing had been sent yet). http.ErrAbortHandler, net/http's
// way to abort a response, is never recovered.
//
// # Hostile requests
//
// Paths, queries, methods and header values are data. In the message their control
// characters, spaces, invalid UTF-8, line separators and bidirectional overrides are
// escaped (\n, \x1b, \u2028) and braces are doubled, so no request can end the line,
// forge another, drive a terminal or fill in a template; as extra fields the logger
// escapes them. Long values are cut: the path and the query at 8 KiB, header values at
// 2 KiB. The credentials headers (Authorization, Proxy-Authorization, Cookie,
// Set-Cookie, X-Api-Key) are logged only when named in IncludeHeaders, and then
// redacted; with LogQuery, values of secret-looking query parameters are redacted.
// remote is the connection's IP address: X-Real-IP and X-Forwarded-For are believed
// only with Options.TrustProxy, and only when they hold an IP address.
//
// # Cost
//
// The middleware resolves its options once. Per request it reads the request id (or
// makes one from crypto/rand), builds the message by appending into a stack buffer and
// logs the fields as typed slog.Attr values through Logger.LogAttrs; see
// bench_test.go for its overhead against no middleware.
package accesslog
