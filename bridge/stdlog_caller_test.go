package bridge

import (
	"strings"
	"testing"
)

// The functions logCaller skips and the Fatal functions it recognises are told by names
// taken from func values, so they follow a renamed module.
func TestLogCallerNames(t *testing.T) {
	if !strings.HasSuffix(thisPackage, "/bridge.") || logPackage != "log." {
		t.Errorf("thisPackage %q, logPackage %q", thisPackage, logPackage)
	}
	tests := []struct {
		fn    string
		fatal bool
	}{
		{"log.Fatal", true},
		{"log.Fatalf", true},
		{"log.Fatalln", true},
		{"log.(*Logger).Fatal", true},
		{"log.(*Logger).Fatalf", true},
		{"log.(*Logger).Fatalln", true},
		{"log.Fatal.func1", true},
		{"log.Print", false},
		{"log.(*Logger).output", false},
		{"example.com/log.Fatal", false},
		{"main.Fatal", false},
	}
	for _, tt := range tests {
		if got := isLogFatal(tt.fn); got != tt.fatal {
			t.Errorf("isLogFatal(%q) = %v, want %v", tt.fn, got, tt.fatal)
		}
	}
}
