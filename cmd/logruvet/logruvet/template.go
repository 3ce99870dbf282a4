package logruvet

import "strings"

// printfVerb returns the offset and text of the first printf verb in s ("%s", "%5.2f",
// "%-8v"), or -1. "%%" is not a verb, and neither is a bare verb letter run on by
// another letter ("%done"; "%5.2fms" is a verb), nor "% d" (the space flag is left out:
// "50% done" is prose).
func printfVerb(s string) (int, string) {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		if j < len(s) && s[j] == '%' {
			i = j
			continue
		}
		bare := true // no flag, width or precision: "%d" alone
		for j < len(s) && strings.IndexByte("-+#0", s[j]) >= 0 {
			j++
		}
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '*') {
			j++
		}
		bare = bare && j == i+1
		if j < len(s) && s[j] == '.' {
			bare = false
			j++
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '*') {
				j++
			}
		}
		if j >= len(s) || strings.IndexByte("vTtbcdoOqxXUeEfFgGspw", s[j]) < 0 {
			continue
		}
		if bare && j+1 < len(s) && isLetter(s[j+1]) {
			continue
		}
		return i, s[i : j+1]
	}
	return -1, ""
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// positional reports whether a placeholder's name is empty or a number: loguru's
// str.format positions ("{}", "{0}"), which logru does not substitute.
func positional(name string) bool {
	if name == "" {
		return true
	}
	for i := 0; i < len(name); i++ {
		if name[i] < '0' || name[i] > '9' {
			return false
		}
	}
	return true
}
