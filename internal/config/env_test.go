package config

import (
	"reflect"
	"testing"
)

func TestParseBool(t *testing.T) {
	for _, tt := range []struct {
		in       string
		want, ok bool
	}{
		{"1", true, true}, {"TRUE", true, true}, {" yes ", true, true}, {"Y", true, true}, {"on", true, true}, {"t", true, true},
		{"0", false, true}, {"False", false, true}, {"no", false, true}, {"n", false, true}, {"OFF", false, true}, {"f", false, true},
		{"", false, false}, {"maybe", false, false}, {"2", false, false}, {"yes please", false, false},
	} {
		got, err := ParseBool(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseBool(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// HandlerEnv returns the set variables in the order they apply, whatever the order of
// the environment, and nothing for unset or empty ones.
func TestHandlerEnv(t *testing.T) {
	env := map[string]string{EnvColorize: "never", EnvFormat: "{message}", EnvSerialize: "", EnvLevel: "info",
		EnvConfig: "a.yaml", "LOGRU_OTHER": "x"}
	got := HandlerEnv(func(k string) string { return env[k] })
	want := []EnvVar{{EnvLevel, "info"}, {EnvFormat, "{message}"}, {EnvColorize, "never"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("HandlerEnv = %q, want %q", got, want)
	}
	env[EnvSerialize] = "1"
	if got := HandlerEnv(func(k string) string { return env[k] }); len(got) != 4 || got[1].Name != EnvSerialize || got[2].Name != EnvFormat {
		t.Errorf("LOGRU_SERIALIZE is not applied before LOGRU_FORMAT: %q", got)
	}
	if got := HandlerEnv(func(string) string { return "" }); got != nil {
		t.Errorf("an empty environment: %q", got)
	}
}
