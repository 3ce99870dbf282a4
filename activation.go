package logru

import (
	"strings"
	"sync"
)

// underPrefix reports whether package path name lies under prefix: prefix itself or a
// path below it, by whole path segments ("a/b" covers "a/b/c", not "a/bc"). The empty
// prefix covers everything.
func underPrefix(name, prefix string) bool {
	if prefix == "" || name == prefix {
		return true
	}
	return len(name) > len(prefix) && name[len(prefix)] == '/' && strings.HasPrefix(name, prefix)
}

// ruleTree holds a core's activation rules (Enable and Disable) as a tree of package
// path segments: "a/b" is the node "b" under the node "a". Every call changes O(segments)
// nodes, so n calls cost O(n) in all, however many rules there are; a lookup walks the
// name's segments. The tree belongs to the core and is changed in place (under the
// core's mu, and its own lock for readers): the states only record whether it holds
// rules and its generation, which keys the per-PC verdict cache.
type ruleTree struct {
	mu   sync.RWMutex     // readers: lookups on a verdict-cache miss; writers hold the core's mu too
	root prefixNode[bool] // the rules: enabled or not, by prefix
}

// enabled reports whether records from package path name pass the rules: the rule of
// the longest prefix of name (by whole segments) decides; enabled when no rule covers it.
func (t *ruleTree) enabled(name string) bool {
	t.mu.RLock()
	defer t.mu.RUnlock()
	en, ok := t.root.longest(name)
	return !ok || en
}

// len returns the number of rules.
func (t *ruleTree) len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.root.count
}

// set replaces every rule at or below prefix by one rule for prefix, left out when the
// rules above prefix already give it that status. The caller holds the core's mu.
func (t *ruleTree) set(prefix string, enabled bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	// The existing nodes along prefix, and the status the rules above prefix give it.
	path := []*prefixNode[bool]{&t.root}
	var segs []string
	segments(prefix, func(seg string) bool {
		segs = append(segs, seg)
		return true
	})
	inherited := true
	for _, seg := range segs {
		n := path[len(path)-1]
		if n.set {
			inherited = n.val
		}
		next := n.kids[seg]
		if next == nil {
			break
		}
		path = append(path, next)
	}
	if len(path) == len(segs)+1 { // prefix's own node exists: drop its subtree's rules
		target := path[len(path)-1]
		for _, n := range path[:len(path)-1] {
			n.count -= target.count
		}
		target.kids, target.set, target.count = nil, false, 0
	}
	if inherited == enabled {
		// No rule needed: drop the nodes along prefix that hold no rule any more.
		for i := 1; i < len(path); i++ {
			if path[i].count == 0 {
				delete(path[i-1].kids, segs[i-1])
				break
			}
		}
		return
	}
	for i := len(path) - 1; i < len(segs); i++ {
		n := path[i]
		if n.kids == nil {
			n.kids = make(map[string]*prefixNode[bool])
		}
		next := &prefixNode[bool]{}
		n.kids[segs[i]] = next
		path = append(path, next)
	}
	target := path[len(path)-1]
	target.set, target.val = true, enabled
	for _, n := range path {
		n.count++
	}
}

// Disable silences records logged from the Go package path and every package below it
// ("github.com/acme/shop/db" also covers ".../db/migrate"); "" silences everything. The
// longest matching prefix among the rules in force decides; Disable and Enable replace
// the rules earlier calls made for packages below pkg. Typical use: a library
// disables its own path, and the application enables it when it wants the output.
//
// Disable applies to the logger's core, so to all its children, and is safe for
// concurrent use. Once rules exist, every record's caller is captured to check them. A
// call costs O(segments of pkg), however many rules exist.
func (l *Logger) Disable(pkg string) { l.setActivation(pkg, false) }

// Enable turns records from the package path and the packages below it back on; see
// [Logger.Disable]. Enable("") removes every rule.
func (l *Logger) Enable(pkg string) { l.setActivation(pkg, true) }

func (l *Logger) setActivation(pkg string, enabled bool) {
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rules.set(strings.TrimSuffix(pkg, "/"), enabled)
	next := c.state.Load().clone()
	next.gen++
	c.publish(next)
}

// enabledFor reports whether records from ci's package pass the activation rules,
// through the per-PC verdict cache.
func (st *coreState) enabledFor(ci *callerInfo) bool {
	if !st.ruled {
		return true
	}
	if ci.pc == 0 {
		return st.rules.enabled(ci.name)
	}
	v := ci.verdict.Load()
	if v>>1 == st.gen {
		return v&1 == 1
	}
	en := st.rules.enabled(ci.name)
	nv := st.gen << 1
	if en {
		nv |= 1
	}
	ci.verdict.Store(nv)
	return en
}
