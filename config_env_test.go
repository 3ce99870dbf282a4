package logru

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestEnvHandler(t *testing.T) {
	for _, tt := range []struct {
		name   string
		env    map[string]string
		want   Handler
		report string // a part of what is written on stderr; "" for nothing
	}{
		{"nothing", nil, Handler{Sink: "stderr"}, ""},
		{"all", map[string]string{"LOGRU_LEVEL": "WARNING", "LOGRU_FORMAT": "{message}", "LOGRU_COLORIZE": "never"},
			Handler{Sink: "stderr", Level: "WARNING", Format: "{message}", Colorize: ColorNever}, ""},
		{"level in lower case", map[string]string{"LOGRU_LEVEL": "info"}, Handler{Sink: "stderr", Level: "info"}, ""}, // names match in any case
		{"level number", map[string]string{"LOGRU_LEVEL": "35"}, Handler{Sink: "stderr", Level: "35"}, ""},
		{"serialize", map[string]string{"LOGRU_SERIALIZE": "yes", "LOGRU_COLORIZE": "TRUE"},
			Handler{Sink: "stderr", Serialize: true, Colorize: ColorAlways}, ""},
		{"colorize false", map[string]string{"LOGRU_COLORIZE": "0"}, Handler{Sink: "stderr", Colorize: ColorNever}, ""},
		{"bad level", map[string]string{"LOGRU_LEVEL": "LOUD", "LOGRU_FORMAT": "{message}"},
			Handler{Sink: "stderr", Format: "{message}"}, `logru: LOGRU_LEVEL="LOUD": level does not exist; using the default` + "\n"},
		{"negative level", map[string]string{"LOGRU_LEVEL": "-1"}, Handler{Sink: "stderr"}, `LOGRU_LEVEL="-1": level number is negative`},
		{"bad format", map[string]string{"LOGRU_FORMAT": "<nope>{message}"}, Handler{Sink: "stderr"}, `LOGRU_FORMAT="<nope>{message}": `},
		{"bad colorize", map[string]string{"LOGRU_COLORIZE": "sometimes"}, Handler{Sink: "stderr"}, `LOGRU_COLORIZE="sometimes": want auto, always, never or a boolean`},
		{"bad serialize", map[string]string{"LOGRU_SERIALIZE": "maybe"}, Handler{Sink: "stderr"}, `LOGRU_SERIALIZE="maybe": want a boolean`},
		{"format and serialize", map[string]string{"LOGRU_SERIALIZE": "1", "LOGRU_FORMAT": "{message}"},
			Handler{Sink: "stderr", Serialize: true}, `LOGRU_FORMAT="{message}": LOGRU_SERIALIZE is on`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			h := envHandler(envOf(tt.env), &out)
			if h.Sink != tt.want.Sink || h.Level != tt.want.Level || h.Format != tt.want.Format ||
				h.Colorize != tt.want.Colorize || h.Serialize != tt.want.Serialize {
				t.Errorf("handler = %+v, want %+v", h, tt.want)
			}
			if got := out.String(); tt.report == "" && got != "" || !strings.Contains(got, tt.report) || strings.Count(got, "\n") > 1 {
				t.Errorf("report = %q, want one line with %q", got, tt.report)
			}
		})
	}
}

func TestNewDefaultFromConfigFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "logru.yaml")
	logPath := filepath.Join(dir, "app.log")
	if err := os.WriteFile(good, []byte("handlers: [{sink: "+logPath+", level: WARNING, format: '{message}'}]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	l := newDefault(envOf(map[string]string{"LOGRU_CONFIG": good, "LOGRU_LEVEL": "TRACE"}), &out)
	l.Info("no")
	l.Warning("yes")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(logPath); string(b) != "yes\n" || out.Len() != 0 {
		t.Errorf("file %q, stderr %q", b, out.String())
	}

	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("handlers: [{sink: stdout, levle: INFO}]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	l = newDefault(envOf(map[string]string{"LOGRU_CONFIG": bad, "LOGRU_LEVEL": "ERROR"}), &out)
	defer l.Close()
	want := `logru: LOGRU_CONFIG="` + bad + `": ` + bad + `:1:27: handlers[0].levle "INFO": unknown key; did you mean "level"?; using the default handler` + "\n"
	if out.String() != want {
		t.Errorf("stderr\n got %q\nwant %q", out.String(), want)
	}
	if st := l.Stats(); len(st) != 1 || st[0].Sink != "stderr" || st[0].Level != "ERROR" {
		t.Errorf("fallback handlers = %+v", st)
	}
}

// The environment through a real process: the test binary runs itself with LOGRU_*
// variables set, and the child logs through the package-level functions.
func TestDefaultReadsEnvironment(t *testing.T) {
	if os.Getenv("LOGRU_TEST_CHILD") == "1" {
		Info("info")
		Warning("warning")
		Log("AUDIT", "audit")
		Close()
		os.Exit(0)
	}
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "logru.json")
	logPath := filepath.Join(dir, "app.log")
	cfg := `{"handlers": [{"sink": "` + logPath + `", "format": "{level} {message} {extra[app]}"}],
		"levels": [{"name": "AUDIT", "no": 35}], "extra": {"app": "shop"}}`
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name       string
		env        []string
		wantStderr string
		wantFile   string
	}{
		{"shaped", []string{"LOGRU_LEVEL=WARNING", "LOGRU_FORMAT=<level>{level}</level>|{message}", "LOGRU_COLORIZE=always"},
			"\x1b[33m\x1b[1mWARNING\x1b[0m|warning\n" + `logru: logger: Log: level "AUDIT" does not exist; record not logged: "audit"` + "\n", ""},
		{"bad value", []string{"LOGRU_LEVEL=LOUD", "LOGRU_FORMAT={level}|{message}"},
			`logru: LOGRU_LEVEL="LOUD": level does not exist; using the default` + "\nINFO|info\nWARNING|warning\n" +
				`logru: logger: Log: level "AUDIT" does not exist; record not logged: "audit"` + "\n", ""},
		{"config file", []string{"LOGRU_CONFIG=" + cfgPath, "LOGRU_LEVEL=ERROR"}, "", "INFO info shop\nWARNING warning shop\nAUDIT audit shop\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(logPath)
			cmd := exec.Command(os.Args[0], "-test.run=^TestDefaultReadsEnvironment$")
			cmd.Env = append(os.Environ(), "LOGRU_TEST_CHILD=1", "NO_COLOR=", "FORCE_COLOR=")
			cmd.Env = append(cmd.Env, tt.env...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("child: %v\n%s", err, stderr.String())
			}
			if stderr.String() != tt.wantStderr {
				t.Errorf("stderr\n got %q\nwant %q", stderr.String(), tt.wantStderr)
			}
			if tt.wantFile != "" {
				if b, err := os.ReadFile(logPath); string(b) != tt.wantFile {
					t.Errorf("file = %q, %v; want %q", b, err, tt.wantFile)
				}
			}
		})
	}
}
