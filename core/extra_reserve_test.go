package core

import (
	"log/slog"
	"strconv"
	"testing"
)

// An Extra's storage holds a multiple of eight fields (a multiple of 64 bytes), however
// it grows, so that a pooled record's fields never share a cache line with a neighbour
// in memory (see Extra.reserve).
func TestExtraStorageWholeCacheLines(t *testing.T) {
	attrs := func(n int, prefix string) []slog.Attr {
		var as []slog.Attr
		for i := range n {
			as = append(as, slog.Int(prefix+strconv.Itoa(i), i))
		}
		return as
	}
	for _, n := range []int{1, 3, 8, 10, 17, 40} {
		var bound Extra
		bound.AppendAttrs(attrs(n, "b"))
		for name, grow := range map[string]func(e *Extra){
			"SetAttr": func(e *Extra) {
				for _, a := range attrs(n, "k") {
					e.SetAttr(a)
				}
			},
			"AppendAttrs": func(e *Extra) { e.AppendAttrs(attrs(n, "k")) },
			"Merge":       func(e *Extra) { e.Merge(&bound) },
			"Merge then AppendAttrs": func(e *Extra) {
				e.Merge(&bound)
				e.AppendAttrs(attrs(n, "k"))
			},
		} {
			var e Extra
			grow(&e)
			if c := cap(e.attrs); c%8 != 0 {
				t.Errorf("%s of %d fields: capacity %d (%d bytes), not a multiple of 8 fields", name, n, c, c*40)
			}
		}
	}
}
