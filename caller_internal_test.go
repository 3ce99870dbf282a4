package logru

import (
	"runtime"
	"testing"
)

func TestSplitFuncName(t *testing.T) {
	for _, tt := range []struct{ in, pkg, fn string }{
		{"main.main", "main", "main"},
		{"main.main.func1", "main", "main.func1"},
		{"github.com/acme/shop/db.(*Conn).Query", "github.com/acme/shop/db", "(*Conn).Query"},
		{"github.com/acme/shop.v2/db.Open", "github.com/acme/shop.v2/db", "Open"},
		{"gopkg.in/yaml%2ev3.Marshal", "gopkg.in/yaml.v3", "Marshal"}, // the linker escapes dots in the last element
		{"noDot", "noDot", ""},
	} {
		pkg, fn := splitFuncName(tt.in)
		if pkg != tt.pkg || fn != tt.fn {
			t.Errorf("splitFuncName(%q) = %q, %q; want %q, %q", tt.in, pkg, fn, tt.pkg, tt.fn)
		}
	}
}

func TestCallerCache(t *testing.T) {
	var c callerCache
	var pcs [1]uintptr
	runtime.Callers(1, pcs[:])
	a := c.lookup(pcs[0])
	b := c.lookup(pcs[0])
	if a != b {
		t.Error("a second lookup of the same PC resolved it again")
	}
	if a.name != "github.com/logru/logru" || a.function != "TestCallerCache" || a.file != "caller_internal_test.go" {
		t.Errorf("resolved %+v", a)
	}
	if c.lookup(0) != unknownCaller {
		t.Error("PC 0 is not the unknown caller")
	}
}

// Call sites whose program counters share a set do not evict each other, up to the
// set's ways; a fifth one takes a slot and the lookups stay correct.
func TestCallerCacheSetsHoldCollisions(t *testing.T) {
	var c callerCache
	var pcs [1]uintptr
	runtime.Callers(1, pcs[:])
	base := pcs[0]
	var same []uintptr
	for pc := base; len(same) < callerWays+1; pc++ {
		if callerSet(pc) == callerSet(base) {
			same = append(same, pc)
		}
	}
	first := map[uintptr]*callerInfo{}
	for _, pc := range same[:callerWays] {
		first[pc] = c.lookup(pc)
	}
	for _, pc := range same[:callerWays] {
		if c.lookup(pc) != first[pc] {
			t.Errorf("PC %#x was evicted by another of its set", pc)
		}
	}
	extra := same[callerWays]
	if ci := c.lookup(extra); ci.pc != extra || c.lookup(extra).pc != extra {
		t.Errorf("the fifth PC of a set resolved to %#x", ci.pc)
	}
	for _, pc := range same[:callerWays] {
		if ci := c.lookup(pc); ci.pc != pc {
			t.Errorf("PC %#x resolved to %#x", pc, ci.pc)
		}
	}
}
