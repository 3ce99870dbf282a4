package logru

// runs is a persistent sorted set: a few immutable sorted slices (runs), oldest and
// largest first, as in a binary counter. Inserting makes a run of one and merges it
// with the last run while that one is no larger, so n inserts cost O(n·log n) in all
// and a set holds at most about log2(n)+1 runs. No run is ever changed: a set and every
// set made from it by insert share their runs safely, and a copy of a set is O(log n).
//
// On equal keys the newer element wins: a lookup searches the newest run first, and a
// merge keeps the newer element only.
type runs[E any] [][]E

// find returns the newest element for which key returns 0; key orders elements as the
// runs are sorted (negative: the element sorts before the key).
func (rs runs[E]) find(key func(E) int) (E, bool) {
	for i := len(rs) - 1; i >= 0; i-- {
		run := rs[i]
		lo, hi := 0, len(run)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			switch c := key(run[m]); {
			case c == 0:
				return run[m], true
			case c < 0:
				lo = m + 1
			default:
				hi = m
			}
		}
	}
	var zero E
	return zero, false
}

// insert returns the set with e added (replacing an element equal to it by cmp), and
// leaves rs as it was.
func (rs runs[E]) insert(e E, cmp func(a, b E) int) runs[E] {
	run := []E{e}
	k := len(rs)
	for k > 0 && len(rs[k-1]) <= len(run) {
		run = mergeRuns(rs[k-1], run, cmp)
		k--
	}
	out := make(runs[E], k+1)
	copy(out, rs[:k])
	out[k] = run
	return out
}

// all calls f with every element of every run, oldest run first; an element replaced
// by a newer one may still be among them.
func (rs runs[E]) all(f func(E)) {
	for _, run := range rs {
		for _, e := range run {
			f(e)
		}
	}
}

// mergeRuns merges two sorted runs into a new one; on equal elements the newer one
// (from newer) is kept.
func mergeRuns[E any](older, newer []E, cmp func(a, b E) int) []E {
	out := make([]E, 0, len(older)+len(newer))
	i, j := 0, 0
	for i < len(older) && j < len(newer) {
		switch c := cmp(older[i], newer[j]); {
		case c < 0:
			out = append(out, older[i])
			i++
		case c > 0:
			out = append(out, newer[j])
			j++
		default:
			out = append(out, newer[j])
			i++
			j++
		}
	}
	out = append(out, older[i:]...)
	return append(out, newer[j:]...)
}
