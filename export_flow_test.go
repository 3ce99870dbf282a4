package logru

import "time"

// SetFlowClock makes the flows, steps and timed scopes of l's core read the time from
// now, so that tests and golden files see fixed durations. It survives Configure.
func SetFlowClock(l *Logger, now func() time.Time) {
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	next := c.state.Load().clone()
	next.flows.now = now
	c.publish(next)
}
