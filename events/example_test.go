package events_test

import (
	"math"
	"os"

	"github.com/logru/logru"
	"github.com/logru/logru/events"
)

func ExampleMetric() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level} {message} | {extra}"})
	defer l.Close()

	events.Metric(l, "checkout.latency_ms", 12.5, "route", "/pay")
	events.Metric(l, "cache.hit_ratio", math.NaN())
	// Output:
	// INFO metric checkout.latency_ms = 12.5 | event=metric metric=checkout.latency_ms value=12.5 route=/pay
	// INFO metric cache.hit_ratio = NaN | event=metric metric=cache.hit_ratio value=NaN note="value is NaN, not a finite number (null in JSON)"
}

func ExampleAudit() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level} {message} | {extra}"})
	defer l.Close()

	events.Audit(l, "delete", "order/7", "actor", "bob")
	// Output:
	// INFO audit delete order/7 | event=audit action=delete resource=order/7 actor=bob
}

func ExampleSecurity() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Format: "{level} {message} | {extra}"})
	defer l.Close()

	events.Security(l, "login_failed", events.High, "ip", "203.0.113.9")
	// Output:
	// ERROR security login_failed (high) | event=security security_event=login_failed severity=high ip=203.0.113.9
}
