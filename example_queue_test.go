package logru_test

import (
	"fmt"
	"os"

	"github.com/logru/logru"
)

// An Enqueue handler writes on a goroutine of its own, behind a bounded queue. Overflow
// says what a full queue does: "block" (the default) waits, "drop_newest" drops the
// record being logged, "drop_oldest" the oldest queued one; Stats counts the drops.
func ExampleHandler_enqueue() {
	l := logru.New()
	started, release := make(chan struct{}), make(chan struct{})
	l.Add(logru.Handler{
		Enqueue:   true,
		QueueSize: 2,
		Overflow:  "drop_newest",
		Format:    "{message}",
		Sink: func(m logru.Message) {
			if m.Record.Message == "slow" { // a sink that stalls on its first record
				close(started)
				<-release
			}
			fmt.Print(string(m.Text))
		},
	})

	l.Info("slow")
	<-started // the writer holds "slow": the queue is empty
	l.Info("one")
	l.Info("two")   // the queue is full
	l.Info("three") // dropped
	close(release)
	l.Complete() // waits until the queue is written
	fmt.Println("dropped:", l.Stats()[0].Dropped)
	l.Close()
	// Output:
	// slow
	// one
	// two
	// dropped: 1
}

// Complete waits until every record logged so far has been written by the handlers that
// write in the background (Enqueue), without closing anything: logging goes on after it.
func ExampleLogger_Complete() {
	l := logru.New()
	l.Add(logru.Handler{Sink: os.Stdout, Enqueue: true, Format: "{message}"})
	defer l.Close()

	for i := range 3 {
		l.Info("record {i}", "i", i)
	}
	l.Complete()
	fmt.Println("all three are written")
	// Output:
	// record 0
	// record 1
	// record 2
	// all three are written
}

// A program that may end on Ctrl-C or SIGTERM closes its logger then, so that queued
// and buffered records reach their files, and the signal then ends the process as it
// would have without logru.
func ExampleLogger_FlushOnSignal() {
	l := logru.New()
	l.Add(logru.Handler{Sink: "app.log", Enqueue: true, Buffering: 64 << 10})
	stop := l.FlushOnSignal() // os.Interrupt and SIGTERM
	defer stop()
	defer l.Close()

	l.Info("serving")
	// ... the program's work, which a signal may interrupt
}
