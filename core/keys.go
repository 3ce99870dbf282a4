package core

import "maps"

// Keys is a small set of field keys. A record keeps in one the keys its message template
// substituted ({user} in "login by {user}"), so that a format's {fields} does not repeat
// them. It holds up to four keys without allocating; Has and Add scan it while it holds
// up to 16 keys, and past that index its keys (a map), so that a message substituting
// n fields costs O(n), not O(n²).
//
// The zero Keys is empty and ready to use. Keys is not safe for concurrent mutation;
// copying a Keys value may share its storage beyond the first four keys (see
// [Keys.Clone]).
type Keys struct {
	inline [4]string
	n      int
	more   []string
	// set indexes every key while indexed, which it is from the time there are more
	// than keysIndexAbove keys until Reset. Reset keeps a small map for reuse.
	set     map[string]struct{}
	indexed bool
}

// keysIndexAbove is the number of keys above which a Keys indexes them.
const keysIndexAbove = 16

// keysKeepMap is the largest index Reset keeps for reuse.
const keysKeepMap = 1024

// Len returns the number of keys.
func (k *Keys) Len() int { return k.n + len(k.more) }

// Has reports whether key is in the set.
func (k *Keys) Has(key string) bool {
	if k.indexed {
		_, ok := k.set[key]
		return ok
	}
	for _, s := range k.inline[:k.n] {
		if s == key {
			return true
		}
	}
	for _, s := range k.more {
		if s == key {
			return true
		}
	}
	return false
}

// Add puts key in the set; adding a key that is present does nothing.
func (k *Keys) Add(key string) {
	if k.Has(key) {
		return
	}
	if k.n < len(k.inline) {
		k.inline[k.n] = key
		k.n++
		return
	}
	k.more = append(k.more, key)
	if k.indexed {
		k.set[key] = struct{}{}
	} else if k.Len() > keysIndexAbove {
		if k.set == nil {
			k.set = make(map[string]struct{}, 2*k.Len())
		}
		k.indexed = true
		for _, s := range k.inline[:k.n] {
			k.set[s] = struct{}{}
		}
		for _, s := range k.more {
			k.set[s] = struct{}{}
		}
	}
}

// Delete removes key from the set and reports whether it was present.
func (k *Keys) Delete(key string) bool {
	if k.indexed {
		if _, ok := k.set[key]; !ok {
			return false
		}
		delete(k.set, key)
	}
	for i, s := range k.inline[:k.n] {
		if s == key {
			copy(k.inline[i:k.n], k.inline[i+1:k.n])
			k.n--
			k.inline[k.n] = ""
			if len(k.more) > 0 { // keep the inline part full
				k.inline[k.n] = k.more[len(k.more)-1]
				k.n++
				k.more[len(k.more)-1] = ""
				k.more = k.more[:len(k.more)-1]
			}
			return true
		}
	}
	for i, s := range k.more {
		if s == key {
			last := len(k.more) - 1
			k.more[i] = k.more[last]
			k.more[last] = ""
			k.more = k.more[:last]
			return true
		}
	}
	return false
}

// Clone returns a copy of k that shares no storage with it.
func (k *Keys) Clone() Keys {
	c := *k
	c.more = append([]string(nil), k.more...)
	c.set = nil
	if k.indexed {
		c.set = maps.Clone(k.set)
	}
	return c
}

// Reset empties the set, keeping its storage for reuse (its index only when small: a
// pooled record does not keep a large map alive).
func (k *Keys) Reset() {
	if k.n == 0 && !k.indexed {
		return // empty (more only fills once inline is full), and an unindexed set is empty
	}
	clear(k.inline[:k.n])
	clear(k.more)
	k.n, k.more = 0, k.more[:0]
	if len(k.set) > keysKeepMap {
		k.set = nil
	}
	clear(k.set)
	k.indexed = false
}
