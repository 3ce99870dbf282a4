// Package editdist measures how far apart two short strings are, to suggest the name a
// misspelt one was meant to be (a level name, a configuration key).
package editdist

// Distance is the Levenshtein distance between a and b, with a swap of two adjacent
// bytes counted as one edit (the optimal string alignment distance). It compares bytes,
// so callers fold case first if they want to ignore it. Strings over 64 bytes are not
// compared: Distance returns 64 for them, so the cost stays bounded whatever the input.
// It holds no state and is safe for concurrent use.
func Distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
