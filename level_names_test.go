package logru_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru"
)

// Level names match without regard to case everywhere a name is given; records keep
// the level's registered name.
func TestLevelNamesIgnoreCase(t *testing.T) {
	l := logru.New()
	if _, err := l.AddLevel(logru.Level{Name: "Notice", No: 22}); err != nil {
		t.Fatal(err)
	}
	buf := &lineBuffer{}
	id, err := l.Add(logru.Handler{Sink: buf, Format: "{level} {level.no} {message}", Level: "info",
		FilterLevels: map[string]string{"example.com/noisy": "warning"}})
	if err != nil {
		t.Fatalf("Handler{Level: \"info\"}: %v", err)
	}
	if st := l.Stats(); st[0].Level != "INFO" {
		t.Errorf("Stats level %q, want INFO", st[0].Level)
	}
	for _, name := range []string{"INFO", "info", "Info", "wArNiNg", "NOTICE", "notice", "Notice"} {
		l.Log(name, name)
	}
	for _, tt := range []struct{ name, want string }{
		{"Info", "INFO"}, {"success", "SUCCESS"}, {"NOTICE", "Notice"}, {"notice", "Notice"}, {"trace", "TRACE"},
	} {
		if lv, ok := l.GetLevel(tt.name); !ok || lv.Name != tt.want {
			t.Errorf("GetLevel(%q) = %+v, %v; want %s", tt.name, lv, ok, tt.want)
		}
	}
	if err := l.SetLevel(id, "error"); err != nil {
		t.Errorf("SetLevel(error): %v", err)
	}
	l.Log("warning", "filtered out")
	l.Log("critical", "kept")
	expect(t, buf, "INFO 20 INFO\nINFO 20 info\nINFO 20 Info\nWARNING 30 wArNiNg\nNotice 22 NOTICE\nNotice 22 notice\nNotice 22 Notice\nCRITICAL 50 kept\n")

	// Configure and configuration files.
	cfg, err := logru.LoadConfig(tempFile(t, "c.yaml", "handlers:\n  - sink: stderr\n    level: success\n    filter_levels: {\"a/b\": critical}\nlevels:\n  - {name: Audit, no: 35}\n"))
	if err != nil {
		t.Fatalf("a configuration with lower-case level names: %v", err)
	}
	cfg.Handlers[0].Sink = buf
	c := logru.New()
	if err := c.Configure(cfg); err != nil {
		t.Fatalf("Configure: %v", err)
	}
	if st := c.Stats(); st[0].Level != "SUCCESS" {
		t.Errorf("configured level %q, want SUCCESS", st[0].Level)
	}
	if lv, ok := c.GetLevel("AUDIT"); !ok || lv.Name != "Audit" {
		t.Errorf("GetLevel(AUDIT) after Configure = %+v, %v", lv, ok)
	}
}

// AddLevel refuses a name that differs from a registered one only by case: two levels
// whose names match each other could not be told apart.
func TestAddLevelRefusesCaseVariants(t *testing.T) {
	l := logru.New()
	if _, err := l.AddLevel(logru.Level{Name: "Notice", No: 22}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lv   logru.Level
		want string
	}{
		{logru.Level{Name: "info", No: 20}, `level "INFO" exists`},
		{logru.Level{Name: "Info", Icon: "i"}, `level "INFO" exists`},
		{logru.Level{Name: "NOTICE", No: 22}, `level "Notice" exists`},
		{logru.Level{Name: "notice", No: 23}, `level "Notice" exists`},
	} {
		_, err := l.AddLevel(tt.lv)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("AddLevel(%+v) = %v, want an error with %q", tt.lv, err, tt.want)
		}
	}
	if lv, err := l.AddLevel(logru.Level{Name: "Notice", Icon: "n"}); err != nil || lv.Icon != "n" {
		t.Errorf("updating Notice by its own name: %+v, %v", lv, err)
	}
	if _, err := logru.LoadConfig(tempFile(t, "c.json", `{"levels": [{"name": "Audit", "no": 35}, {"name": "AUDIT", "no": 35}]}`)); err == nil {
		t.Error("a configuration declaring AUDIT and Audit was accepted")
	}
}

// An unknown level name's error suggests the nearest registered one, when one is close.
func TestUnknownLevelSuggestsNearest(t *testing.T) {
	l := logru.New()
	if _, err := l.AddLevel(logru.Level{Name: "AUDIT", No: 35}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, want string // want "" for no suggestion
	}{
		{"warnig", "WARNING"},
		{"WARN", "WARNING"[:0]}, // 3 edits from WARNING: too far for a 4-letter name
		{"eror", "ERROR"},
		{"Debgu", "DEBUG"},
		{"inf", "INFO"},
		{"audti", "AUDIT"},
		{"xyzzy", ""},
		{"verbose", ""},
	} {
		_, err := l.Add(logru.Handler{Sink: &lineBuffer{}, Level: tt.name})
		if err == nil {
			t.Errorf("Level %q accepted", tt.name)
			continue
		}
		var ce *logru.ConfigError
		if !errors.As(err, &ce) || !errors.Is(err, logru.ErrNoLevel) || ce.Value != tt.name {
			t.Errorf("Level %q: %v (%T), want a ConfigError for the value wrapping ErrNoLevel", tt.name, err, err)
		}
		hint := `did you mean "` + tt.want + `"?`
		if got := strings.Contains(err.Error(), "did you mean"); got != (tt.want != "") || tt.want != "" && !strings.Contains(err.Error(), hint) {
			t.Errorf("Level %q: %v; want suggestion %q", tt.name, err, tt.want)
		}
	}
	var notes []string
	l.Add(logru.Handler{Sink: &lineBuffer{}, OnError: func(err error) { notes = append(notes, err.Error()) }})
	l.Log("critcal", "lost")
	if len(notes) != 1 || !strings.Contains(notes[0], `did you mean "CRITICAL"?`) {
		t.Errorf("Log(critcal) notes %q, want a suggestion of CRITICAL", notes)
	}
}

// tempFile writes text to a file named name in a temporary directory and returns its path.
func tempFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// Log by name finds a built-in level written as registered without folding, and any
// other spelling or a custom level without allocating.
func TestLogByNameAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	l := discard(t, logru.Handler{Level: "INFO", Serialize: true})
	for i := range 100 { // enough levels for several runs to search
		if _, err := l.AddLevel(logru.Level{Name: "LEVEL" + strconv.Itoa(i), No: 100 + i}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"INFO", "info", "Warning", "LEVEL42", "level7"} {
		if got := testing.AllocsPerRun(200, func() { l.Log(name, "the quick brown fox") }); got != 0 {
			t.Errorf("Log(%q): %v allocations, want 0", name, got)
		}
		if got := testing.AllocsPerRun(200, func() { l.GetLevel(name) }); got != 0 {
			t.Errorf("GetLevel(%q): %v allocations, want 0", name, got)
		}
	}
}

func BenchmarkLogNamed(b *testing.B) {
	l := discard(b, logru.Handler{Level: "INFO", Serialize: true})
	for i := range 100 {
		if _, err := l.AddLevel(logru.Level{Name: "LEVEL" + strconv.Itoa(i), No: 100 + i}); err != nil {
			b.Fatal(err)
		}
	}
	for _, name := range []string{"INFO", "info", "LEVEL42", "level42"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.Log(name, "the quick brown fox")
			}
		})
	}
}
