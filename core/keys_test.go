package core

import (
	"slices"
	"strconv"
	"testing"
)

func TestKeys(t *testing.T) {
	for _, n := range []int{0, 1, 4, 5, 9, keysIndexAbove, keysIndexAbove + 1, 40} { // scanned and indexed
		var k Keys
		var want []string
		for i := range n {
			key := "k" + strconv.Itoa(i)
			k.Add(key)
			k.Add(key) // twice: still once
			want = append(want, key)
		}
		if k.Len() != n {
			t.Fatalf("n=%d: Len = %d", n, k.Len())
		}
		for _, w := range want {
			if !k.Has(w) {
				t.Errorf("n=%d: %q missing", n, w)
			}
		}
		if k.Has("absent") || k.Delete("absent") {
			t.Errorf("n=%d: an absent key is present", n)
		}
		c := k.Clone()
		for len(want) > 0 { // delete from the front: the inline part refills
			if !k.Delete(want[0]) {
				t.Fatalf("n=%d: Delete(%q) = false", n, want[0])
			}
			want = want[1:]
			if k.Len() != len(want) || slices.ContainsFunc(want, func(w string) bool { return !k.Has(w) }) {
				t.Fatalf("n=%d: after a delete, Len %d, want %v", n, k.Len(), want)
			}
		}
		if c.Len() != n {
			t.Errorf("n=%d: the clone changed with the original: Len %d", n, c.Len())
		}
		c.Reset()
		if c.Len() != 0 || (n > 0 && c.Has("k0")) {
			t.Errorf("n=%d: Reset left keys", n)
		}
	}
}

func TestRecordKeysResetAndClone(t *testing.T) {
	var r Record
	for i := range 6 {
		r.MessageKeys.Add("k" + strconv.Itoa(i))
	}
	c := r.Clone()
	r.Reset()
	if r.MessageKeys.Len() != 0 {
		t.Errorf("Reset kept %d keys", r.MessageKeys.Len())
	}
	if c.MessageKeys.Len() != 6 || !c.MessageKeys.Has("k5") {
		t.Errorf("the clone lost keys: %d", c.MessageKeys.Len())
	}
}

// TestKeysIndexReuse checks that the index a large Keys builds is emptied by Reset:
// after it, neither a small nor a large set holds a key of an earlier round, and a
// large set's index (kept or dropped) holds every key of its own.
func TestKeysIndexReuse(t *testing.T) {
	var k Keys
	for round, n := range []int{40, 3, keysIndexAbove + 1, 2000, 40, 0} {
		k.Reset()
		for i := range n {
			k.Add("r" + strconv.Itoa(round) + "k" + strconv.Itoa(i))
		}
		if k.Len() != n {
			t.Fatalf("round %d: Len = %d, want %d", round, k.Len(), n)
		}
		for r := range round + 1 {
			for i := range n {
				key := "r" + strconv.Itoa(r) + "k" + strconv.Itoa(i)
				if k.Has(key) != (r == round) {
					t.Fatalf("round %d: Has(%q) = %v", round, key, k.Has(key))
				}
			}
		}
		c := k.Clone()
		k.Add("only-in-k")
		if c.Has("only-in-k") || c.Len() != n {
			t.Fatalf("round %d: the clone shares the index", round)
		}
	}
}
