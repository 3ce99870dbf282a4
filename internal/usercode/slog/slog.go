// Package slog is a user's package that happens to be called slog, declaring types named
// like log/slog's unexported ones (their reflect names read "*slog.defaultHandler" and
// "*slog.handlerWriter"): logru must not take them for the standard library's. Test
// support only: no logru package imports it.
package slog

import (
	"context"
	"io"
	stdslog "log/slog"
)

// defaultHandler is named like slog's built-in default handler; it discards records.
type defaultHandler struct{}

func (*defaultHandler) Enabled(context.Context, stdslog.Level) bool  { return true }
func (*defaultHandler) Handle(context.Context, stdslog.Record) error { return nil }
func (h *defaultHandler) WithAttrs([]stdslog.Attr) stdslog.Handler   { return h }
func (h *defaultHandler) WithGroup(string) stdslog.Handler           { return h }

// DefaultHandler returns a handler whose type is named like slog's built-in default
// handler's.
func DefaultHandler() stdslog.Handler { return &defaultHandler{} }

// handlerWriter is named like the writer slog.SetDefault gives package log; it discards.
type handlerWriter struct{}

func (*handlerWriter) Write(b []byte) (int, error) { return len(b), nil }

// HandlerWriter returns a writer whose type is named like the one slog.SetDefault gives
// package log.
func HandlerWriter() io.Writer { return &handlerWriter{} }
