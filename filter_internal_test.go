package logru

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// refMinLevel is the plain model of Handler.FilterLevels: the level of the longest
// prefix of name (by whole segments) among all of them, scanned one by one.
func refMinLevel(levels map[string]int, name string) (int, bool) {
	best, lv, ok := -1, 0, false
	for prefix, n := range levels {
		if underPrefix(name, prefix) && len(prefix) > best {
			best, lv, ok = len(prefix), n, true
		}
	}
	return lv, ok
}

// The compiled FilterLevels (the scan for a few, the tree for many) give the model's
// level for random prefixes and names: "" the default, nested prefixes, "a/b" against
// "a/bc", empty segments.
func TestFilterLevelsMatchModel(t *testing.T) {
	segs := []string{"a", "b", "bc", "", "c.d"}
	path := func(r *rand.Rand) string {
		p := ""
		for i := range r.IntN(4) {
			if i > 0 {
				p += "/"
			}
			p += segs[r.IntN(len(segs))]
		}
		return p
	}
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 11))
		size := r.IntN(3 * maxLinearFilterLevels)
		h := Handler{FilterLevels: map[string]string{}}
		levels := map[string]int{}
		for range size {
			prefix, lv := path(r), 1+r.IntN(50)
			h.FilterLevels[prefix], levels[prefix] = strconv.Itoa(lv), lv
		}
		var f recordFilter
		if err := f.compileFilter(h, newLevelTable()); err != nil {
			t.Fatal(err)
		}
		if tree := len(levels) > maxLinearFilterLevels; (f.ftree != nil) != tree {
			t.Fatalf("seed %d: %d levels, tree=%v", seed, len(levels), f.ftree != nil)
		}
		if f.needsCaller() != (len(levels) > 0) {
			t.Fatalf("seed %d: needsCaller=%v with %d levels", seed, f.needsCaller(), len(levels))
		}
		for range 50 {
			name := path(r)
			gotLv, gotOK := f.minLevel(name)
			wantLv, wantOK := refMinLevel(levels, name)
			if gotLv != wantLv || gotOK != wantOK {
				t.Fatalf("seed %d: minLevel(%q) = %d,%v; model %d,%v (levels %v)", seed, name, gotLv, gotOK, wantLv, wantOK, levels)
			}
		}
	}
}

// Fixed cases around the segment rule, for the scan and for the tree (padded with
// unrelated prefixes past maxLinearFilterLevels).
func TestFilterLevelsSegments(t *testing.T) {
	base := map[string]string{"": "5", "a/b": "20", "a/b/c": "30", "a/bc": "40"}
	for _, pad := range []int{0, 2 * maxLinearFilterLevels} {
		h := Handler{FilterLevels: map[string]string{}}
		for k, v := range base {
			h.FilterLevels[k] = v
		}
		for i := range pad {
			h.FilterLevels["z"+strconv.Itoa(i)] = "50"
		}
		var f recordFilter
		if err := f.compileFilter(h, newLevelTable()); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name string
			want int
		}{
			{"", 5}, {"a", 5}, {"a/b", 20}, {"a/b/x", 20}, {"a/b/c", 30}, {"a/b/c/d", 30},
			{"a/bc", 40}, {"a/bcd", 5}, {"a/bc/d", 40}, {"a/b/cd", 20}, {"x/a/b", 5},
		} {
			if got, ok := f.minLevel(tt.name); !ok || got != tt.want {
				t.Errorf("pad %d: minLevel(%q) = %d,%v; want %d", pad, tt.name, got, ok, tt.want)
			}
		}
	}
}

// BenchmarkFilterLevels: the FilterLevels lookup of one record, with n prefixes.
func BenchmarkFilterLevels(b *testing.B) {
	const name = "github.com/acme/shop/db/migrate"
	for _, n := range []int{1, 10, 1000, 10000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			h := Handler{FilterLevels: map[string]string{"github.com/acme/shop/db": "WARNING"}}
			for i := 1; i < n; i++ {
				h.FilterLevels["github.com/acme/package"+strconv.Itoa(i)+"/sub"] = "ERROR" // longer: scanned first
			}
			var f recordFilter
			if err := f.compileFilter(h, newLevelTable()); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if lv, ok := f.minLevel(name); !ok || lv != LevelWarning {
					b.Fatal(lv, ok)
				}
			}
		})
	}
}
