package buffer

import "testing"

func TestReuse(t *testing.T) {
	b := New()
	*b = append(*b, "hello"...)
	b.Free()
	c := New()
	if len(*c) != 0 {
		t.Fatalf("buffer from the pool is not empty: %q", *c)
	}
	c.Free()
}

func TestLargeNotPooled(t *testing.T) {
	b := New()
	*b = append(*b, make([]byte, maxPooled+1)...)
	b.Free() // must not panic, and must not return the large buffer
	c := New()
	if cap(*c) > maxPooled {
		t.Fatalf("a buffer of cap %d came back from the pool", cap(*c))
	}
	c.Free()
}
