package logru_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/logru/logru"
)

// Values without a valid key get keys of their own (!BADKEY, !BADKEY2, …), so a JSON
// parser, which keeps one value per key, loses none of them: any argument list
// round-trips every value through the serializer.
func TestBadKeysRoundTripJSON(t *testing.T) {
	// Each piece is complete: what follows it starts a new argument.
	pieces := []func(key string, i int) []any{
		func(key string, i int) []any { return []any{key, i} },                             // a pair
		func(_ string, i int) []any { return []any{i} },                                    // a non-string where a key goes
		func(_ string, i int) []any { return []any{3.5} },                                  //
		func(_ string, i int) []any { return []any{slog.Int(logru.BadKey, i)} },            // bad keys given as keys
		func(_ string, i int) []any { return []any{slog.Int(logru.BadKey+"2", i)} },        //
		func(_ string, i int) []any { return []any{logru.BadKey + "3", i} },                //
		func(key string, i int) []any { return []any{logru.Fields{"f" + key: i, key: i}} }, // two fields
	}
	gen := func(r *rand.Rand, prefix string, n int) ([]any, int) {
		var args []any
		values := 0
		for i := range n {
			key := prefix + strconv.Itoa(i)
			p := r.IntN(len(pieces))
			args = append(args, pieces[p](key, i)...)
			values++
			if p == len(pieces)-1 {
				values++
			}
		}
		if r.IntN(2) == 0 { // a lone trailing string
			args = append(args, "lone")
			values++
		}
		return args, values
	}
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 11))
		var buf bytes.Buffer
		l := logru.New()
		if _, err := l.Add(logru.Handler{Sink: &buf, Serialize: true}); err != nil {
			t.Fatal(err)
		}
		boundArgs, boundValues := gen(r, "b", r.IntN(4))
		callArgs, callValues := gen(r, "c", r.IntN(6))
		lg := l
		if len(boundArgs) > 0 {
			lg = l.Bind(boundArgs...)
		}
		ctx := logru.Contextualize(t.Context(), "!BADKEY", "from ctx")
		lg.Ctx(ctx).Info("m", callArgs...)
		var rec struct {
			Extra map[string]any `json:"extra"`
		}
		dec := json.NewDecoder(&buf)
		if err := dec.Decode(&rec); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if want := boundValues + callValues + 1; len(rec.Extra) != want {
			t.Errorf("seed %d: bound %v, call %v: %d values decoded %v, want %d", seed, boundArgs, callArgs, len(rec.Extra), rec.Extra, want)
		}
	}
}

// The same unique keys in {extra} and in the record's Extra.
func TestBadKeysUniqueInText(t *testing.T) {
	l, buf := newTest(t, "{extra}")
	l.Bind(1, "x").Info("m", 2, "lone")
	expect(t, buf, "!BADKEY=1 !BADKEY2=x !BADKEY3=2 !BADKEY4=lone\n")
	var keys []string
	l2 := logru.New()
	l2.Add(logru.Handler{Sink: func(m logru.Message) {
		for k := range m.Record.Extra.All() {
			keys = append(keys, k)
		}
	}})
	l2.Info("m", "a", 1, true, slog.Int(logru.BadKey, 2))
	if got := fmt.Sprint(keys); got != "[a !BADKEY !BADKEY2]" {
		t.Errorf("keys %s", got)
	}
}
