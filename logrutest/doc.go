// Package logrutest helps test code that logs through logru, as zap's observer and
// slog's testing handlers help theirs.
//
// [New] returns a logger whose records are captured as [Entry] values, with the fields
// as they were given (an error stays the error, a time.Duration stays a Duration), and a
// [Logs] to query them; when the test fails, every captured line is printed through
// t.Log:
//
//	func TestCharge(t *testing.T) {
//		l, logs := logrutest.New(t)
//		charge(l, 7)
//		if logs.FilterLevel("ERROR").FilterField("order", 7).Len() != 1 {
//			t.Error("the failed charge was not logged")
//		}
//	}
//
// [Handler] is a logru.Handler that writes each line into the test's output, for code
// whose logs are best read next to the test's own messages:
//
//	l := logru.New()
//	l.Add(logrutest.Handler(t))
//
// The package uses only logru's public API.
package logrutest
