package logru

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/logru/logru/internal/editdist"
)

// foldRune returns the representative of r's case-folding class (the smallest rune that
// strings.EqualFold deems equal to r), so that two strings are equal without regard to
// case exactly when their representatives are.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - ('a' - 'A')
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// foldCompare orders strings without regard to case: 0 exactly when
// strings.EqualFold(a, b). It does not allocate.
func foldCompare(a, b string) int {
	for a != "" && b != "" {
		var ra, rb rune
		if a[0] < utf8.RuneSelf && b[0] < utf8.RuneSelf {
			ra, rb = rune(a[0]), rune(b[0])
			a, b = a[1:], b[1:]
		} else {
			var na, nb int
			ra, na = utf8.DecodeRuneInString(a)
			rb, nb = utf8.DecodeRuneInString(b)
			a, b = a[na:], b[nb:]
		}
		if ra == rb {
			continue
		}
		if fa, fb := foldRune(ra), foldRune(rb); fa != fb {
			return int(fa) - int(fb)
		}
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

// nearestLevel returns the registered level name nearest to name (by edit distance,
// without regard to case) when it is close enough to be a likely typo: one edit for
// names of up to five letters, a third of the length beyond; "" when none is. Names
// over 64 bytes are not compared (see editdist.Distance).
func (t *levelTable) nearest(name string) string {
	q := strings.Map(foldRune, name)
	limit := max(1, len(q)/3)
	best, bestD := "", limit+1
	try := func(cand string) {
		if len(cand) > len(q)+2*limit || len(q) > len(cand)+2*limit { // too far apart to be close
			return
		}
		if d := editdist.Distance(q, strings.Map(foldRune, cand)); d < bestD {
			best, bestD = cand, d
		}
	}
	for _, lv := range t.builtin {
		try(lv.Name)
	}
	t.names.all(func(lv Level) { try(lv.Name) })
	return best
}
