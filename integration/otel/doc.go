// Package otel is logru's integration test against a real OpenTelemetry Collector.
//
// It is a module of its own, so OpenTelemetry never enters logru's go.mod. The test
// sends logru records through a slog.Handler sink (otelslog) to a collector over
// OTLP/HTTP and OTLP/gRPC, and reads back what the collector re-posts as OTLP/JSON to
// an HTTP server the test owns.
//
// The collector is built by .ci/run with the OpenTelemetry Collector Builder (core
// components only) and named by the environment variable OTELCOL_BIN. Without it the
// test is skipped, unless LOGRU_REQUIRE_ENGINES=1, where it fails.
package otel
