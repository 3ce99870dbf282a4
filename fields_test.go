package logru_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/logru/logru"
)

// {fields} shows bound, contextual and call fields alike, leaves out the ones the
// message substituted, and is empty (no space) when none is left.
func TestFieldsFormat(t *testing.T) {
	ctx := logru.Contextualize(context.Background(), "request_id", "r-1")
	for _, tt := range []struct {
		name string
		log  func(l *logru.Logger)
		want string
	}{
		{"no fields", func(l *logru.Logger) { l.Info("started") }, "started|"},
		{"call fields", func(l *logru.Logger) { l.Info("charged", "amount", 42.5, "order", "A-17") }, "charged| amount=42.5 order=A-17"},
		{"used field left out", func(l *logru.Logger) { l.Info("charged {amount}", "amount", 42.5, "order", "A-17") }, "charged 42.5| order=A-17"},
		{"all used", func(l *logru.Logger) { l.Info("login by {user}", "user", "alice") }, "login by alice|"},
		{"bound", func(l *logru.Logger) { l.Bind("svc", "shop").Info("charged {n}", "n", 1) }, "charged 1| svc=shop"},
		{"bound key used by the call", func(l *logru.Logger) { l.Bind("user", "bob").Info("login by {user}", "user", "alice") }, "login by alice|"},
		{"bound key not in the call", func(l *logru.Logger) { l.Bind("user", "bob").Info("hi {user}", "n", 1) }, "hi {user}| user=bob n=1"},
		{"no args: message not parsed", func(l *logru.Logger) { l.Bind("user", "bob").Info("hi {user}") }, "hi {user}| user=bob"},
		{"context", func(l *logru.Logger) { l.Ctx(ctx).Info("served {path}", "path", "/", "status", 200) }, "served /| request_id=r-1 status=200"},
		{"group", func(l *logru.Logger) {
			l.LogAttrs(20, "request", slog.Group("req", slog.String("method", "GET"), slog.String("path", "/a b")))
		}, `request| req.method=GET req.path="/a b"`},
		{"group forgery", func(l *logru.Logger) { l.Info("x", slog.Group("req", slog.String("k", "v} role=admin {x"))) }, `x| req.k="v} role=admin {x"`},
		{"colours option", func(l *logru.Logger) {
			l.Opt(logru.Options{Colors: true}).Info("<red>{user}</red> in", "user", "alice", "n", 2)
		}, "alice in| n=2"},
		{"bad key", func(l *logru.Logger) { l.Info("odd", 42) }, "odd| !BADKEY=42"},
		{"control characters", func(l *logru.Logger) { l.Info("x", "k", "a\nINFO forged") }, `x| k="a\nINFO forged"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, buf := newTest(t, "{message}|{fields}")
			tt.log(l)
			expect(t, buf, tt.want+"\n")
		})
	}
}

// The default format: loguru's, then the fields dimmed; a line without fields ends at
// the message.
func TestDefaultFormatFields(t *testing.T) {
	l := logru.New()
	buf := &lineBuffer{}
	if _, err := l.Add(logru.Handler{Sink: buf, Colorize: logru.ColorNever}); err != nil {
		t.Fatal(err)
	}
	l.Info("started")
	l.Bind("svc", "shop").Warning("charged {amount}", "amount", 42.5, "user", "alice")
	lines := buf.Lines()
	if len(lines) != 2 {
		t.Fatalf("got %d lines: %q", len(lines), lines)
	}
	if !strings.HasSuffix(lines[0], " - started\n") {
		t.Errorf("a line without fields should end at the message: %q", lines[0])
	}
	if !strings.HasSuffix(lines[1], " - charged 42.5 svc=shop user=alice\n") || !strings.Contains(lines[1], "| WARNING  | ") {
		t.Errorf("fields line: %q", lines[1])
	}

	l2 := logru.New()
	buf2 := &lineBuffer{}
	if _, err := l2.Add(logru.Handler{Sink: buf2, Colorize: logru.ColorNever, Format: logru.LoguruFormat}); err != nil {
		t.Fatal(err)
	}
	l2.Info("charged", "user", "alice")
	if got := buf2.String(); !strings.HasSuffix(got, " - charged\n") {
		t.Errorf("LoguruFormat shows no fields: %q", got)
	}
}
