package core

import (
	"log/slog"
	"strconv"
	"testing"
)

// An attacker who controls the number of fields in a record must not make the field
// merge (a later key wins) quadratic: past indexAbove fields, every key is found through
// the index, in O(1), whatever the way the fields came (BenchmarkManyFields shows the
// curve).
func TestExtraIndexedPastSmallSize(t *testing.T) {
	const n = 2000
	attrs := make([]slog.Attr, n)
	for i := range attrs {
		attrs[i] = slog.Int("key"+strconv.Itoa(i), i)
	}
	for _, tt := range []struct {
		name string
		f    func(e *Extra)
	}{
		{"SetAttr new keys", func(e *Extra) {
			for _, a := range attrs {
				e.SetAttr(a)
			}
		}},
		{"SetAttr replacing", func(e *Extra) {
			for _, a := range attrs {
				e.SetAttr(a)
			}
			for _, a := range attrs {
				e.SetAttr(slog.Int(a.Key, -1))
			}
		}},
		{"Merge into empty", func(e *Extra) {
			var o Extra
			for _, a := range attrs {
				o.SetAttr(a)
			}
			e.Merge(&o)
		}},
		{"Merge into non-empty", func(e *Extra) {
			var o Extra
			for _, a := range attrs {
				o.SetAttr(a)
			}
			e.Set("first", 0)
			e.Merge(&o)
		}},
		{"Clone", func(e *Extra) {
			var o Extra
			for _, a := range attrs {
				o.SetAttr(a)
			}
			*e = o.Clone()
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var e Extra
			tt.f(&e)
			if e.byKey == nil {
				t.Fatalf("%d fields and no index: each new field is compared with all before it", e.Len())
			}
			checkIndex(t, &e)
		})
	}
}

// checkIndex checks that every lookup finds the last field stored under its key, as a
// scan from the end does.
func checkIndex(t *testing.T, e *Extra) {
	t.Helper()
	last := map[string]int{}
	for i, a := range e.Attrs() {
		last[a.Key] = i
	}
	for k, i := range last {
		if got := e.index(k); got != i {
			t.Fatalf("index(%q) = %d, want %d", k, got, i)
		}
	}
	if e.index("absent") != -1 {
		t.Fatal("an absent key was found")
	}
}

// The index follows every change: replace, Delete, Merge, Clone and Reset.
func TestExtraIndexFollowsChanges(t *testing.T) {
	var e Extra
	for i := range 40 {
		e.Set("k"+strconv.Itoa(i), i)
	}
	checkIndex(t, &e)
	e.Set("k3", "three") // replaced in place
	if v, _ := e.Get("k3"); v != "three" || e.Len() != 40 {
		t.Fatalf("k3 = %v, len %d", v, e.Len())
	}
	for i := 0; i < 40; i += 2 {
		if !e.Delete("k" + strconv.Itoa(i)) {
			t.Fatalf("Delete(k%d) found nothing", i)
		}
		checkIndex(t, &e)
	}
	if e.Len() != 20 || e.Delete("k0") {
		t.Fatalf("len %d after deleting half", e.Len())
	}
	c := e.Clone()
	c.Set("k1", "changed")
	c.Set("new", 1)
	checkIndex(t, &c)
	if v, _ := e.Get("k1"); v != int64(1) {
		t.Fatalf("the clone changed the original: k1 = %v", v)
	}
	if _, ok := e.Get("new"); ok {
		t.Fatal("the clone's new key is in the original")
	}
	var m Extra
	m.Merge(&c) // into an empty Extra: copied, then indexed
	m.Set("k1", "again")
	checkIndex(t, &m)
	if v, _ := c.Get("k1"); v != "changed" {
		t.Fatalf("Merge shares storage: k1 = %v", v)
	}
	m.Reset()
	if m.Len() != 0 || m.byKey != nil {
		t.Fatalf("Reset left %d fields, index %v", m.Len(), m.byKey != nil)
	}
	m.Set("k1", 1)
	checkIndex(t, &m)
}
