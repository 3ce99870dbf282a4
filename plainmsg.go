package logru

// isPlain reports whether msg is written as it is: printable ASCII, newlines and tabs,
// and no braces when there are arguments to substitute. Eight bytes are checked at a
// time while they are printable ASCII without braces (the usual bit tricks; a borrow or
// a carry between bytes only ever starts at a byte that fails the test already); a word
// with a brace, when there are arguments, ends it at once (a template's usual case); a
// word that fails otherwise (a newline, a tab) is checked byte by byte.
func isPlain(msg string, hasArgs bool) bool {
	const (
		lsb = 0x0101010101010101
		msb = 0x8080808080808080
	)
	i := 0
	for ; i+8 <= len(msg); i += 8 {
		s := msg[i : i+8]
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if hasArgs {
			// A brace in the word (a zero byte of o or c; (v-lsb)&^v finds one exactly,
			// a borrow only ever starts at one) settles it: no byte-by-byte look.
			o, c := x^lsb*'{', x^lsb*'}'
			if ((o-lsb)&^o|(c-lsb)&^c)&msb != 0 {
				return false
			}
		}
		bad := (x-lsb*0x20)&^x | (x + lsb) | x // top bit of a byte set: below 0x20, 0x7f or above
		if bad&msb != 0 && !plainBytes(s, hasArgs) {
			return false
		}
	}
	return plainBytes(msg[i:], hasArgs)
}

// plainBytes is isPlain one byte at a time.
func plainBytes(s string, hasArgs bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f || hasArgs && (c == '{' || c == '}') {
			return false
		}
	}
	return true
}
