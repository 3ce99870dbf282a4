package logru

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// runs answers as a map does, for random inserts and replacements, and keeps about
// log2(n) runs.
func TestRunsMatchModel(t *testing.T) {
	type kv struct{ k, v int }
	cmp := func(a, b kv) int { return a.k - b.k }
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 3))
		var set runs[kv]
		model := map[int]int{}
		for i := range 500 {
			k := r.IntN(300)
			prev := set
			var before []kv
			prev.all(func(e kv) { before = append(before, e) })
			set = set.insert(kv{k, i}, cmp)
			model[k] = i
			if len(set) > 12 {
				t.Fatalf("seed %d: %d runs after %d inserts", seed, len(set), i+1)
			}
			var after []kv
			prev.all(func(e kv) { after = append(after, e) })
			if !slices.Equal(before, after) {
				t.Fatalf("seed %d: an insert changed the set it was made from", seed)
			}
		}
		for k := range 300 {
			got, ok := set.find(func(e kv) int { return e.k - k })
			want, wok := model[k]
			if ok != wok || ok && got.v != want {
				t.Fatalf("seed %d: find(%d) = %v, %v; want %v, %v", seed, k, got, ok, want, wok)
			}
		}
	}
}

// foldCompare is a total order whose equality is strings.EqualFold, including the
// runes whose case classes hold more than two (k, K and the Kelvin sign; s, S and ſ).
func TestFoldCompare(t *testing.T) {
	alphabet := []string{"a", "A", "k", "K", "\u212a", "s", "S", "\u017f", "ß", "ẞ", "é", "É", "_", "1", "Ω", "ω", "\u2126"}
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		var b strings.Builder
		for range r.IntN(4) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	words := make([]string, 400)
	for i := range words {
		words[i] = word()
	}
	for _, a := range words {
		for _, b := range words[:60] {
			c, d := foldCompare(a, b), foldCompare(b, a)
			if (c == 0) != strings.EqualFold(a, b) || (c < 0) != (d > 0) || (c == 0) != (d == 0) {
				t.Fatalf("foldCompare(%q, %q) = %d, reverse %d, EqualFold %v", a, b, c, d, strings.EqualFold(a, b))
			}
		}
	}
	slices.SortFunc(words, foldCompare)
	for i := 1; i < len(words); i++ {
		if foldCompare(words[i-1], words[i]) > 0 {
			t.Fatalf("not sorted: %q before %q", words[i-1], words[i])
		}
	}
}
