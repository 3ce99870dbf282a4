package core

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
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
		{"AppendAttrs", func(e *Extra) {
			e.AppendAttrs(attrs)
			e.AppendAttrs(attrs)
		}},
		{"AppendAttrs onto bound fields", func(e *Extra) {
			e.AppendAttrs(attrs[:10])
			e.AppendAttrs(attrs[10:])
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

// Bad keys are unique: each value without a valid key gets the next one, also when
// Extras holding bad keys are merged, so that no output (JSON, {extra}) repeats a key.
func TestExtraBadKeysUnique(t *testing.T) {
	keys := func(e *Extra) string {
		var ks []string
		for k, v := range e.All() {
			ks = append(ks, k+"="+fmt.Sprint(v))
		}
		return strings.Join(ks, " ")
	}
	var a Extra
	a.SetAttr(slog.Int(BadKey, 1))
	a.Set("k", "v")
	a.SetAttr(slog.Int(BadKey, 2))
	a.Set(BadKey+"2", 3) // a reserved key: appended under the next bad key
	if got, want := keys(&a), "!BADKEY=1 k=v !BADKEY2=2 !BADKEY3=3"; got != want {
		t.Fatalf("a = %s, want %s", got, want)
	}
	var b Extra
	b.SetAttr(slog.Int(BadKey, 10))
	b.Merge(&a) // into a non-empty Extra: renumbered in order
	if got, want := keys(&b), "!BADKEY=10 !BADKEY2=1 k=v !BADKEY3=2 !BADKEY4=3"; got != want {
		t.Fatalf("merged = %s, want %s", got, want)
	}
	var c Extra
	c.Merge(&a) // into an empty one: copied, numbering goes on
	c.SetAttr(slog.Int(BadKey, 4))
	d := c.Clone()
	d.SetAttr(slog.Int(BadKey, 5))
	if got, want := keys(&d), "!BADKEY=1 k=v !BADKEY2=2 !BADKEY3=3 !BADKEY4=4 !BADKEY5=5"; got != want {
		t.Fatalf("copied = %s, want %s", got, want)
	}
	if !d.Delete(BadKey + "2") {
		t.Fatal("Delete(!BADKEY2) found nothing")
	}
	d.SetAttr(slog.Int(BadKey, 6))
	if got, want := keys(&d), "!BADKEY=1 k=v !BADKEY3=3 !BADKEY4=4 !BADKEY5=5 !BADKEY6=6"; got != want {
		t.Fatalf("after Delete(!BADKEY2) = %s, want %s", got, want)
	}
	if !d.Delete(BadKey) || keys(&d) != "k=v" || d.Delete(BadKey) {
		t.Fatalf("Delete(BadKey) left %s", keys(&d))
	}
	d.SetAttr(slog.Int(BadKey, 7))
	if got := keys(&d); got != "k=v !BADKEY=7" {
		t.Fatalf("after deleting every bad key: %s", got)
	}
	for _, k := range []string{"!BADKEY", "!BADKEY2", "!BADKEY10", "!BADKEY0"} {
		if !isBadKey(k) {
			t.Errorf("isBadKey(%q) = false", k)
		}
	}
	for _, k := range []string{"!BADKEYS", "!BADKE", "BADKEY", "!BADKEY2x", "!badkey"} {
		if isBadKey(k) {
			t.Errorf("isBadKey(%q) = true", k)
		}
	}
	var many Extra // past the index size too
	for i := range 40 {
		many.SetAttr(slog.Int(BadKey, i))
	}
	if v, ok := many.Get(BadKey + "40"); !ok || v != int64(39) || many.Len() != 40 {
		t.Fatalf("40 bad keys: !BADKEY40 = %v, %v; len %d", v, ok, many.Len())
	}
	checkIndex(t, &many)
}
