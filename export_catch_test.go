package logru

// DeferrerKnown reports whether Catch can find the function that deferred it on this
// platform (see Logger.Catch).
//
//go:noinline
func DeferrerKnown() bool { return callerPC() != 0 }
