package accesslog

import "time"

// SetClock makes the middleware made from o read the time from now, for tests of
// durations and SlowThreshold that must not depend on the machine's speed.
func SetClock(o *Options, now func() time.Time) { o.now = now }
