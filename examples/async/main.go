// Command async shows logru's Enqueue handlers: a slow sink behind a bounded queue that
// does not slow the program, the three overflow policies with their exact counts, and
// FlushOnSignal, which flushes on Ctrl-C without swallowing it.
//
//	go run ./examples/async
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/logru/logru"
)

// slowSink takes a millisecond per line, like a stalled network or disk.
type slowSink struct{ lines int }

func (s *slowSink) Write(m logru.Message) error {
	time.Sleep(time.Millisecond)
	s.lines++
	return nil
}

func main() {
	for _, overflow := range []string{"block", "drop_newest", "drop_oldest"} {
		l := logru.New()
		// Ctrl-C while this runs: the queue is drained before the process ends.
		l.FlushOnSignal()
		sink := &slowSink{}
		l.Add(logru.Handler{
			Sink: sink, Format: "{message}", Enqueue: true, QueueSize: 100, Overflow: overflow,
			OnError: func(err error) { fmt.Println("  note:", err) },
		})

		start := time.Now()
		for i := 0; i < 300; i++ {
			l.Info("record {i}", "i", i)
		}
		logged := time.Since(start)
		if err := l.Close(); err != nil { // drains the queue, stops the writer
			fmt.Fprintln(os.Stderr, err)
		}
		st := l.Stats()[0]
		fmt.Printf("%-12s 300 records logged in %-10v written %3d, dropped %3d (written + dropped = %d)\n",
			overflow, logged.Round(time.Millisecond), st.Records, st.Dropped, st.Records+st.Dropped)
	}
}
