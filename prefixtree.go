package logru

import "strings"

// A tree of Go package path segments, shared by the activation rules (activation.go's
// ruleTree) and Handler.FilterLevels (filter.go): "a/b" is the node "b" under the node
// "a", so the value of the longest prefix of a name (by whole segments, underPrefix's
// rule) is found by walking the name's segments, however many prefixes are set.

// prefixNode is one package path segment of a prefix tree; the root is the empty prefix,
// which covers every name. The zero value is an empty tree. Not safe for concurrent
// change; concurrent lookups are safe once changes stop (or under the owner's lock).
type prefixNode[V any] struct {
	kids  map[string]*prefixNode[V]
	set   bool // a value is set for the path that ends here
	val   V    // the value, when set
	count int  // values set in this subtree, this node's own included
}

// segments calls f with each '/'-separated segment of path, in order; "" has none.
func segments(path string, f func(seg string) bool) {
	for path != "" {
		seg, rest, found := strings.Cut(path, "/")
		if !f(seg) {
			return
		}
		if !found {
			return
		}
		path = rest
		if path == "" { // "a/": a last, empty segment
			f("")
			return
		}
	}
}

// longest returns the value of the longest set prefix of name (by whole segments), and
// whether one is set.
func (n *prefixNode[V]) longest(name string) (v V, ok bool) {
	if n.set {
		v, ok = n.val, true
	}
	segments(name, func(seg string) bool {
		if n = n.kids[seg]; n == nil {
			return false
		}
		if n.set {
			v, ok = n.val, true
		}
		return true
	})
	return v, ok
}

// put sets the value of prefix, adding the nodes along it.
func (n *prefixNode[V]) put(prefix string, v V) {
	path := []*prefixNode[V]{n}
	segments(prefix, func(seg string) bool {
		next := n.kids[seg]
		if next == nil {
			if n.kids == nil {
				n.kids = make(map[string]*prefixNode[V])
			}
			next = &prefixNode[V]{}
			n.kids[seg] = next
		}
		n = next
		path = append(path, n)
		return true
	})
	if !n.set {
		for _, p := range path {
			p.count++
		}
	}
	n.set, n.val = true, v
}
