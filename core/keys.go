package core

// Keys is a small set of field keys. A record keeps in one the keys its message template
// substituted ({user} in "login by {user}"), so that a format's {fields} does not repeat
// them. It holds up to four keys without allocating and is meant for a handful: Has and
// Add scan it.
//
// The zero Keys is empty and ready to use. Keys is not safe for concurrent mutation;
// copying a Keys value may share its storage beyond the first four keys (see
// [Keys.Clone]).
type Keys struct {
	inline [4]string
	n      int
	more   []string
}

// Len returns the number of keys.
func (k *Keys) Len() int { return k.n + len(k.more) }

// Has reports whether key is in the set.
func (k *Keys) Has(key string) bool {
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
}

// Delete removes key from the set and reports whether it was present.
func (k *Keys) Delete(key string) bool {
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
	return c
}

// Reset empties the set, keeping its storage for reuse.
func (k *Keys) Reset() {
	clear(k.inline[:k.n])
	clear(k.more)
	k.n, k.more = 0, k.more[:0]
}
