package logru

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A LoadConfig error's message is built from its fields, with and without the "logru: "
// prefix; the default logger's note about LOGRU_CONFIG uses the second, so no message is
// ever cut up to remove it.
func TestLoadErrorMessages(t *testing.T) {
	ce := &ConfigError{Field: "handlers[1].level", Value: "LOUD", Err: errors.New("level does not exist")}
	pe := &fs.PathError{Op: "open", Path: "/x/a.yaml", Err: fs.ErrNotExist}
	for _, tt := range []struct {
		name string
		err  error
		want string // without "logru: "
	}{
		{"value", &loadError{file: "a.yaml", line: 3, col: 7, err: ce}, `a.yaml:3:7: handlers[1].level "LOUD": level does not exist`},
		{"value without column", &loadError{file: "a.yaml", line: 3, err: ce}, `a.yaml:3: handlers[1].level "LOUD": level does not exist`},
		{"value without a file", &loadError{line: 1, col: 2, err: ce}, `config:1:2: handlers[1].level "LOUD": level does not exist`},
		{"open", &loadError{file: "/x/a.yaml", err: pe}, "LoadConfig: open /x/a.yaml: file does not exist"},
		{"syntax", &loadError{file: "a.json", err: errors.New("line 1: invalid character")}, "LoadConfig a.json: line 1: invalid character"},
		{"a ConfigError alone", ce, `handlers[1].level "LOUD": level does not exist`},
		{"another error", errors.New("logru: Configure: the logger is closed"), "logru: Configure: the logger is closed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := reasonOf(tt.err); got != tt.want {
				t.Errorf("reasonOf = %q, want %q", got, tt.want)
			}
			if _, ok := tt.err.(*loadError); ok {
				if got := tt.err.Error(); got != "logru: "+tt.want {
					t.Errorf("Error() = %q, want %q", got, "logru: "+tt.want)
				}
			}
		})
	}
	if err := (&loadError{file: "a.yaml", err: ce}); !errors.Is(err, ce) {
		t.Error("a loadError does not unwrap to its *ConfigError")
	}
	if err := (&loadError{file: "a.yaml", err: pe}); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a loadError does not unwrap to its *fs.PathError")
	}
}

// LOGRU_CONFIG naming a missing file: the note names the variable, the file and why,
// with one "logru: " at its start, and the default handler comes up.
func TestNewDefaultMissingConfigFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.yaml")
	var out bytes.Buffer
	l := newDefault(envOf(map[string]string{"LOGRU_CONFIG": path}), &out)
	defer l.Close()
	_, openErr := os.Open(path) // the system's words for a missing file
	want := `logru: LOGRU_CONFIG="` + path + `": LoadConfig: ` + openErr.Error() + "; using the default handler\n"
	if out.String() != want {
		t.Errorf("note\n got %q\nwant %q", out.String(), want)
	}
	if st := l.Stats(); len(st) != 1 || st[0].Sink != "stderr" {
		t.Errorf("handlers = %+v, want the stderr one", st)
	}
}

// FuzzLoadConfig feeds arbitrary bytes to the parser of both formats: it returns a
// Config or an error, never panics, and a Config it returns is valid.
func FuzzLoadConfig(f *testing.F) {
	for _, name := range []string{"full.yaml", "full.json", "example.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", "config", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"handlers": [{"sink": "a.log", "mode": "0640", "filter_levels": {"": 5}}], "extra": {"a": [1, {"b": null}]}}`))
	f.Add([]byte("handlers: [{sink: stdout, colorize: yes, level: &l INFO, format: *l}]\nextra: {a: .inf, b: 0x1F}\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, isYAML := range []bool{true, false} {
			cfg, err := parseConfig(data, isYAML)
			if err != nil {
				if err.Error() == "" {
					t.Fatal("an empty error message")
				}
				continue
			}
			if err := checkConfig(cfg); err != nil {
				t.Fatalf("a returned Config is invalid: %v", err)
			}
		}
	})
}
