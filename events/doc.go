// Package events writes metric, audit and security records through a logru logger: one
// record each, with fields a handler's filter can route (an audit file, a security
// alert sink), built on logru's public API alone.
//
//	events.Metric(l, "checkout.latency_ms", 12.5, "route", "/pay")   // event=metric metric=… value=12.5
//	events.Audit(l, "delete", "order/7", "actor", "bob")             // event=audit action=delete resource=order/7
//	events.Security(l, "login_failed", events.High, "ip", ip)        // event=security security_event=… severity=high
//
// Metric and Audit log at INFO; Security at INFO, WARNING, ERROR or CRITICAL for Low,
// Medium, High or Critical. The event's own fields come first and cannot be replaced by
// args: an arg under one of their keys is overridden. Names, values and args are data:
// never read as a template. A handler that takes only audit records:
//
//	l.Add(logru.Handler{Sink: "logs/audit.log", FilterFunc: func(r *logru.Record) bool {
//		v, _ := r.Extra.Get("event")
//		return v == "audit"
//	}})
//
// Every function is safe for concurrent use, never panics and returns nothing, as a
// logging call does; a nil logger means logru.Default().
package events
