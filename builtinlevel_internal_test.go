package logru

import "testing"

// builtinLevel finds exactly the built-in levels levelByNo finds: the same level for
// each built-in number, nil for every other number.
func TestBuiltinLevelMatchesLevelByNo(t *testing.T) {
	tab := newLevelTable()
	builtins := map[int]bool{}
	for _, lv := range tab.builtin {
		builtins[lv.No] = true
	}
	for no := -60; no <= 120; no++ {
		got := builtinLevel(tab, no)
		want, ok := levelByNo(tab, no)
		switch {
		case builtins[no] && (got == nil || !ok || *got != want):
			t.Errorf("builtinLevel(%d) = %v, levelByNo gives %v, %v", no, got, want, ok)
		case !builtins[no] && got != nil:
			t.Errorf("builtinLevel(%d) = %v, want nil", no, *got)
		}
	}
}
