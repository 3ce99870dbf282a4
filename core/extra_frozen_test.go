package core

import (
	"log/slog"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// An Extra that views a frozen one's fields (MergeFrozen) behaves as one that copied
// them (Merge) through any sequence of changes, Reset and reuse included, and never
// changes the frozen Extra.
func TestExtraMergeFrozenMatchesMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	key := func() string {
		switch rng.IntN(6) {
		case 0:
			return BadKey
		case 1:
			return "f" + strconv.Itoa(rng.IntN(3))
		}
		return "k" + strconv.Itoa(rng.IntN(30))
	}
	attrs := func(n int) []slog.Attr {
		var as []slog.Attr
		for range n {
			as = append(as, slog.Int(key(), rng.IntN(100)))
		}
		return as
	}
	for round := range 3000 {
		var frozen Extra
		frozen.AppendAttrs(attrs(rng.IntN(25)))
		if rng.IntN(4) == 0 {
			frozen.SetAttr(slog.Int(BadKey, -1))
		}
		snapshot := slices.Clone(frozen.Attrs())
		var got, want Extra
		for reuse := range 3 {
			got.MergeFrozen(&frozen)
			want.Merge(&frozen)
			for op := range rng.IntN(6) {
				switch rng.IntN(7) {
				case 0:
					a := slog.Int(key(), 1000+op)
					got.SetAttr(a)
					want.SetAttr(a)
				case 1:
					as := attrs(rng.IntN(5))
					got.AppendAttrs(as)
					want.AppendAttrs(as)
				case 2:
					k := key()
					if g, w := got.Delete(k), want.Delete(k); g != w {
						t.Fatalf("round %d: Delete(%q) = %v, want %v", round, k, g, w)
					}
				case 3:
					got.Merge(&frozen)
					want.Merge(&frozen)
				case 4:
					got.MergeFrozen(&frozen)
					want.Merge(&frozen)
				case 5:
					c := got.Clone()
					c.SetAttr(slog.Int("k0", -5))
				default:
					k := key()
					gv, gok := got.Lookup(k)
					wv, wok := want.Lookup(k)
					if gok != wok || !gv.Equal(wv) {
						t.Fatalf("round %d: Lookup(%q) = %v %v, want %v %v", round, k, gv, gok, wv, wok)
					}
				}
				if !slices.EqualFunc(got.Attrs(), want.Attrs(), slog.Attr.Equal) || got.bad != want.bad || got.mask != want.mask {
					t.Fatalf("round %d reuse %d: got %v (bad %d), want %v (bad %d)", round, reuse, got.Attrs(), got.bad, want.Attrs(), want.bad)
				}
			}
			if !slices.EqualFunc(frozen.Attrs(), snapshot, slog.Attr.Equal) {
				t.Fatalf("round %d: the frozen Extra changed: %v, was %v", round, frozen.Attrs(), snapshot)
			}
			got.Reset()
			want.Reset()
			if got.Len() != 0 || got.shared {
				t.Fatalf("round %d: Reset left %v (shared %v)", round, got.Attrs(), got.shared)
			}
		}
	}
}

// A pooled Extra that views frozen fields keeps its own storage for the next record:
// merging, resetting and appending to it allocate nothing once it has grown.
func TestExtraMergeFrozenAllocations(t *testing.T) {
	var frozen, e Extra
	for i := range 10 {
		frozen.SetAttr(slog.Int("b"+strconv.Itoa(i), i))
	}
	call := []slog.Attr{slog.String("c", "x")}
	e.MergeFrozen(&frozen)
	if e.AppendAttrs(nil); !e.shared {
		t.Errorf("appending no fields copied the frozen ones")
	}
	e.AppendAttrs(call)
	e.Reset()
	if n := testing.AllocsPerRun(100, func() {
		e.MergeFrozen(&frozen)
		e.Reset()
		e.MergeFrozen(&frozen)
		e.AppendAttrs(call)
		e.Reset()
	}); n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}
