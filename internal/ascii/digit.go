package ascii

// IsDigit reports whether c is an ASCII decimal digit, '0' to '9'.
func IsDigit(c byte) bool { return '0' <= c && c <= '9' }
