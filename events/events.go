package events

import (
	"log/slog"
	"math"
	"strconv"

	"github.com/logru/logru"
)

// Severity ranks a security event. The zero Severity is Low.
type Severity int

// Severities, lowest first.
const (
	Low      Severity = iota // logged at INFO
	Medium                   // logged at WARNING
	High                     // logged at ERROR
	Critical                 // logged at CRITICAL
)

// String returns "low", "medium", "high" or "critical", and "Severity(N)" for any other
// value.
func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	case Critical:
		return "critical"
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// level is the logru level of s: a Severity below Low is taken as Low, one above
// Critical as Critical.
func (s Severity) level() int {
	switch {
	case s <= Low:
		return logru.LevelInfo
	case s == Medium:
		return logru.LevelWarning
	case s == High:
		return logru.LevelError
	}
	return logru.LevelCritical
}

// Metric logs a measurement at INFO: the message "metric NAME = VALUE" and the fields
// event ("metric"), metric (name) and value, then args (key/value pairs, as log
// arguments take them).
//
// A value that is not a finite number (NaN, +Inf, -Inf) is still logged, as such: in
// text it reads NaN, +Inf or -Inf; in JSON, which has no such numbers, value is null;
// and a note field says what the value was. An empty name is logged with a note too.
func Metric(l *logru.Logger, name string, value float64, args ...any) {
	var v any = value
	note := ""
	if math.IsNaN(value) || math.IsInf(value, 0) {
		v = nonFinite(value)
		note = "value is " + nonFinite(value).String() + ", not a finite number (null in JSON)"
	}
	if name == "" {
		note = join(note, "the metric has no name")
	}
	emit(l, logru.LevelInfo, "metric {metric} = {value}", note, args,
		slog.String("event", "metric"), slog.String("metric", name), slog.Any("value", v))
}

// Audit logs that action was done to resource, at INFO: the message "audit ACTION
// RESOURCE" and the fields event ("audit"), action and resource, then args (who did it,
// say: "actor", "bob"). An empty action or resource is logged with a note.
func Audit(l *logru.Logger, action, resource string, args ...any) {
	note := ""
	if action == "" {
		note = "the audit record has no action"
	}
	if resource == "" {
		note = join(note, "the audit record has no resource")
	}
	emit(l, logru.LevelInfo, "audit {action} {resource}", note, args,
		slog.String("event", "audit"), slog.String("action", action), slog.String("resource", resource))
}

// Security logs a security event at the level its severity calls for (INFO, WARNING,
// ERROR, CRITICAL for Low, Medium, High, Critical; a Severity out of that range is taken
// as the nearest one, and noted): the message "security EVENT (SEVERITY)" and the
// fields event ("security"), security_event and severity, then args.
func Security(l *logru.Logger, event string, severity Severity, args ...any) {
	note := ""
	if severity < Low || severity > Critical {
		note = "unknown severity " + strconv.Itoa(int(severity))
	}
	if event == "" {
		note = join(note, "the security event has no name")
	}
	emit(l, severity.level(), "security {security_event} ({severity})", note, args,
		slog.String("event", "security"), slog.String("security_event", event), slog.String("severity", severity.String()))
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// emit logs one event record: its own fields, args, a note if any, and its own fields
// again when args used one of their keys (a later key wins, in place).
func emit(l *logru.Logger, level int, msg, note string, args []any, own ...slog.Attr) {
	if l == nil {
		l = logru.Default()
	}
	if !l.Enabled(level) {
		return
	}
	all := make([]any, 0, 2*len(own)+len(args)+2)
	for _, a := range own {
		all = append(all, a)
	}
	all = append(all, args...)
	if note != "" {
		all = append(all, slog.String("note", note))
	}
	if clash(args, own) {
		for _, a := range own {
			all = append(all, a)
		}
	}
	// Depth 2: the record's caller is the code that called Metric, Audit or Security.
	c := l.Opt(logru.Options{Depth: 2})
	switch level {
	case logru.LevelInfo:
		c.Info(msg, all...)
	case logru.LevelWarning:
		c.Warning(msg, all...)
	case logru.LevelError:
		c.Error(msg, all...)
	default:
		c.Critical(msg, all...)
	}
}

// clash reports whether args name one of own's keys.
func clash(args []any, own []slog.Attr) bool {
	has := func(k string) bool {
		for _, a := range own {
			if a.Key == k {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(args); i++ {
		switch a := args[i].(type) {
		case string:
			if has(a) {
				return true
			}
			i++ // its value
		case slog.Attr:
			if has(a.Key) {
				return true
			}
		case logru.Fields:
			for k := range a {
				if has(k) {
					return true
				}
			}
		}
	}
	return false
}

// nonFinite is a metric value JSON cannot hold: null in JSON, NaN, +Inf or -Inf as text.
type nonFinite float64

// MarshalJSON writes null.
func (nonFinite) MarshalJSON() ([]byte, error) { return []byte("null"), nil }

// String writes NaN, +Inf or -Inf.
func (f nonFinite) String() string { return strconv.FormatFloat(float64(f), 'g', -1, 64) }
