// Command otel sends logru records to OpenTelemetry through otelslog, with trace
// correlation: a record logged with the context of a span carries its trace and span
// ids. The logs are exported to stdout by the stdoutlog exporter.
//
// It is a module of its own, so OpenTelemetry never enters logru's dependencies:
//
//	cd examples/otel && go run .
package main

import (
	"context"
	"errors"
	"os"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutlog"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/logru/logru"
)

func main() {
	ctx := context.Background()

	// The OpenTelemetry side: a logger provider exporting to stdout, and a tracer.
	exp, err := stdoutlog.New(stdoutlog.WithPrettyPrint())
	if err != nil {
		panic(err)
	}
	provider := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewSimpleProcessor(exp)))
	defer provider.Shutdown(ctx)
	tracer := sdktrace.NewTracerProvider().Tracer("shop")

	// The logru side: the console, and OpenTelemetry through otelslog, a slog.Handler.
	l := logru.New()
	defer l.Close()
	l.Add(logru.Handler{Sink: os.Stderr, Format: "{level: <8} | {message} {extra}"})
	l.Add(logru.Handler{Sink: otelslog.NewHandler("shop", otelslog.WithLoggerProvider(provider)), Level: "INFO"})

	// A record logged inside a span, with its context, carries the span's trace id.
	ctx, span := tracer.Start(ctx, "checkout")
	log := l.Ctx(ctx).Bind("user", "ann")
	log.Info("order {id} paid", "id", 7, "amount", 42.5)
	log.Opt(logru.Options{Exception: errors.New("smtp: timeout")}).Warning("receipt not sent")
	span.End()
}
