// Command flows follows two checkouts through the functions they call. Each checkout is
// a flow of three steps (validate, reserve_stock, charge_card); the second one's card
// is declined. The application's records go to stdout; the flows' records (flow_start
// and flow_end, with each flow's timeline) go to a file of their own, flows.jsonl, one
// JSON object per line, which the program prints at the end.
//
//	go run ./examples/flows              # in a temporary directory, removed at exit
//	go run ./examples/flows -dir logs    # keep logs/flows.jsonl
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/logru/logru"
	"github.com/logru/logru/events"
)

func main() {
	dir := flag.String("dir", "", "directory for flows.jsonl; empty: a temporary one, removed at exit")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "flows:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "logru-flows-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	path := filepath.Join(dir, "flows.jsonl")

	l := logru.New()
	// Flows to their own file: IsFlowRecord picks flow_start and flow_end.
	if _, err := l.Add(logru.Handler{Sink: path, Serialize: true, FilterFunc: logru.IsFlowRecord}); err != nil {
		return err
	}
	// Everything else to stdout; the records logged inside a flow carry its flow_id.
	if _, err := l.Add(logru.Handler{Sink: os.Stdout, Colorize: logru.ColorNever,
		Format:     "{time:HH:mm:ss.SSS} {level: <7} {message} | {extra}",
		FilterFunc: func(r *logru.Record) bool { return !logru.IsFlowRecord(r) }}); err != nil {
		return err
	}

	s := &shop{log: l, stock: map[string]int{"book": 3}}
	for _, o := range []order{{ID: 1, Item: "book", Amount: 25}, {ID: 2, Item: "book", Amount: 2500}} {
		if err := s.checkout(context.Background(), o); err != nil {
			l.Warning("order {id} not placed: {err}", "id", o.ID, "err", err)
		}
	}
	if err := l.Close(); err != nil {
		return err
	}
	return show(path)
}

type order struct {
	ID     int
	Item   string
	Amount float64
}

type shop struct {
	log   *logru.Logger
	stock map[string]int
}

var errDeclined = errors.New("card declined")

// checkout is one flow; each function it calls is a step of it.
func (s *shop) checkout(ctx context.Context, o order) (err error) {
	ctx, flow := s.log.Flow(ctx, "checkout", "order", o.ID)
	defer flow.End(&err)

	if err := s.validate(ctx, o); err != nil {
		return err
	}
	if err := s.reserve(ctx, o); err != nil {
		return err
	}
	if err := s.charge(ctx, o); err != nil {
		return fmt.Errorf("order %d: %w", o.ID, err)
	}
	s.log.Ctx(ctx).Success("order {id} placed", "id", o.ID)
	return nil
}

func (s *shop) validate(ctx context.Context, o order) (err error) {
	defer logru.Step(ctx, "validate")(&err)
	if o.Amount <= 0 {
		return errors.New("nothing to pay")
	}
	return nil
}

func (s *shop) reserve(ctx context.Context, o order) (err error) {
	defer logru.Step(ctx, "reserve_stock")(&err)
	if s.stock[o.Item] == 0 {
		return errors.New("out of stock")
	}
	s.stock[o.Item]--
	s.log.Ctx(ctx).Info("reserved one {item}, {left} left", "item", o.Item, "left", s.stock[o.Item])
	return nil
}

func (s *shop) charge(ctx context.Context, o order) (err error) {
	defer logru.Step(ctx, "charge_card")(&err)
	events.Metric(s.log.Ctx(ctx), "checkout.amount", o.Amount)
	if o.Amount > 1000 {
		return errDeclined
	}
	return nil
}

// show prints the flows file: each flow_end's status and timeline.
func show(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Printf("\n%s:\n", filepath.Base(path))
	var ends, failed int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct {
			Level   string `json:"level"`
			Message string `json:"message"`
			Extra   struct {
				FlowID   string `json:"flow_id"`
				Status   string `json:"flow_status"`
				Timeline []struct {
					Fn     string  `json:"fn"`
					Ms     float64 `json:"ms"`
					Status string  `json:"status"`
				} `json:"timeline"`
				Error string `json:"flow_error"`
			} `json:"extra"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("%s: not JSON: %w", path, err)
		}
		fmt.Printf("  %-5s %s [%s]\n", r.Level, r.Message, r.Extra.FlowID)
		if r.Extra.Status == "" {
			continue
		}
		ends++
		if r.Extra.Status == "failed" {
			failed++
			if r.Extra.Error == "" { // the message says it too: "… after 2.1ms: card declined"
				return fmt.Errorf("%s: a failed flow without flow_error", path)
			}
		}
		for _, st := range r.Extra.Timeline {
			fmt.Printf("        %-14s %8.3f ms  %s\n", st.Fn, st.Ms, st.Status)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if ends != 2 || failed != 1 {
		return fmt.Errorf("%d flows ended, %d failed: want 2 and 1", ends, failed)
	}
	return nil
}
