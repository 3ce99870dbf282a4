package logru

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"testing"
)

// loguru's test_activation: the rule set stays minimal.
func TestRulePruning(t *testing.T) {
	var rules ruleTree
	for _, step := range []struct {
		prefix  string
		enabled bool
		n       int
	}{
		{"", true, 0},
		{"", false, 1},
		{"foo", true, 2},
		{"foo/bar", true, 2},
		{"foo", false, 1},
		{"", true, 0},
		{"a/b/c", false, 1},
		{"a/b/c", true, 0},
	} {
		rules.set(step.prefix, step.enabled)
		if n := rules.len(); n != step.n {
			t.Fatalf("after %q=%v: %d rules, want %d", step.prefix, step.enabled, n, step.n)
		}
	}
	if len(rules.root.kids) != 0 {
		t.Errorf("nodes left with no rule: %v", rules.root.kids)
	}
}

// refRule and refSet are the plain model of the rules: a list, longest prefix first.
type refRule struct {
	prefix  string
	enabled bool
}

func refEnabled(rules []refRule, name string) bool {
	for _, r := range rules {
		if underPrefix(name, r.prefix) {
			return r.enabled
		}
	}
	return true
}

func refSet(rules []refRule, prefix string, enabled bool) []refRule {
	rules = slices.DeleteFunc(rules, func(r refRule) bool { return underPrefix(r.prefix, prefix) })
	if refEnabled(rules, prefix) == enabled {
		return rules
	}
	rules = append(rules, refRule{prefix, enabled})
	slices.SortStableFunc(rules, func(a, b refRule) int { return len(b.prefix) - len(a.prefix) })
	return rules
}

// The tree decides as the plain model does, for random rules and names (empty
// segments, prefixes of segments and the empty prefix included).
func TestRuleTreeMatchesModel(t *testing.T) {
	segs := []string{"a", "b", "ab", "", "c.d"}
	path := func(r *rand.Rand) string {
		n := r.IntN(4)
		p := ""
		for i := range n {
			if i > 0 {
				p += "/"
			}
			p += segs[r.IntN(len(segs))]
		}
		return p
	}
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 7))
		var tree ruleTree
		var ref []refRule
		for step := range 30 {
			prefix, en := path(r), r.IntN(2) == 0
			tree.set(prefix, en)
			ref = refSet(ref, prefix, en)
			if tree.len() != len(ref) {
				t.Fatalf("seed %d step %d: %d rules, model %d %v", seed, step, tree.len(), len(ref), ref)
			}
			for range 20 {
				name := path(r)
				if got, want := tree.enabled(name), refEnabled(ref, name); got != want {
					t.Fatalf("seed %d step %d: %q enabled=%v, model %v (rules %v)", seed, step, name, got, want, ref)
				}
			}
		}
	}
}

// bytesAllocated returns the bytes f allocates.
func bytesAllocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Many Disable calls cost O(1) each, not O(rules): a call does not copy the rules in
// force (BenchmarkDisablePrefixes shows the time).
func TestDisableDoesNotCopyRules(t *testing.T) {
	l := New()
	for i := range 5000 {
		l.Disable("example.com/p" + strconv.Itoa(i) + "/sub")
	}
	const calls = 100
	prefixes := make([]string, calls)
	for i := range prefixes {
		prefixes[i] = "example.org/q" + strconv.Itoa(i)
	}
	got := bytesAllocated(func() {
		for _, p := range prefixes {
			l.Disable(p)
		}
	}) / calls
	if got > 4096 {
		t.Errorf("a Disable call with 5000 rules in force allocates %d bytes; want at most 4096", got)
	}
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"example.com/p17/sub", false},
		{"example.com/p17/sub/x", false},
		{"example.com/p17", true},
		{"example.org/q3", false},
		{"example.org/q300", true},
	} {
		if got := l.core.rules.enabled(tt.name); got != tt.want {
			t.Errorf("%s: enabled %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestUnderPrefix(t *testing.T) {
	for _, tt := range []struct {
		name, prefix string
		want         bool
	}{
		{"a/b", "", true},
		{"a/b", "a/b", true},
		{"a/b/c", "a/b", true},
		{"a/bc", "a/b", false},
		{"a", "a/b", false},
		{"main", "main", true},
		{"mainx", "main", false},
	} {
		if got := underPrefix(tt.name, tt.prefix); got != tt.want {
			t.Errorf("underPrefix(%q, %q) = %v", tt.name, tt.prefix, got)
		}
	}
}
