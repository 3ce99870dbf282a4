package logrutest_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/logru/logru"
	"github.com/logru/logru/logrutest"
)

// t stands, in these examples, for the *testing.T a test function receives.
var t testing.TB = exampleT{}

func ExampleNew() {
	l, logs := logrutest.New(t)

	l.Info("user {user} logged in", "user", "bob", "tries", 3)
	l.Warning("slow request", "ms", 812.5)

	e := logs.All()[0]
	fmt.Println(e.Level, e.Message)
	fmt.Printf("%T %v\n", e.Fields["tries"], e.Fields["tries"]) // an int stays an int
	fmt.Println(logs.FilterLevel("warning").Len())
	// Output:
	// INFO user bob logged in
	// int 3
	// 1
}

func ExampleLogs_FilterField() {
	l, logs := logrutest.New(t)
	errDeclined := errors.New("card declined")

	l.Info("charged order {order}", "order", 7)
	l.Error("order {order} failed", "order", 8, "err", errDeclined)
	l.Error("order {order} failed", "order", 9, "err", errDeclined)

	for _, e := range logs.FilterLevel("ERROR").FilterField("err", errDeclined).All() {
		fmt.Println(e.Message)
	}
	fmt.Println(logs.FilterField("order", int64(7)).Len()) // numbers match by value
	// Output:
	// order 8 failed
	// order 9 failed
	// 1
}

func ExampleLogs_TakeAll() {
	l, logs := logrutest.New(t)

	l.Info("first")
	l.Info("second")
	fmt.Println(len(logs.TakeAll()), logs.Len())
	l.Info("third")
	fmt.Println(logs.All()[0].Message)
	// Output:
	// 2 0
	// third
}

func ExampleHandler() {
	// In a test: every line the code under test logs appears in the test's output, as
	// "file:line: LEVEL message" with the location of the log call.
	l := logru.New()
	defer l.Close()
	l.Add(logrutest.Handler(t))
	l.Info("order {id} paid", "id", 7)
	// Output:
	// example_test.go:70: INFO     order 7 paid
}

// exampleT is the testing.TB behind t: its output goes to stdout, its cleanups are not
// run, and it never fails.
type exampleT struct{ testing.TB }

func (exampleT) Helper()           {}
func (exampleT) Cleanup(func())    {}
func (exampleT) Failed() bool      { return false }
func (exampleT) Output() io.Writer { return os.Stdout }
