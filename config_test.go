package logru_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/logru/logru"
)

func TestConfigure(t *testing.T) {
	l, old := newTest(t, "{message}")
	oldSink := &customSink{}
	if _, err := l.Add(logru.Handler{Sink: oldSink}); err != nil {
		t.Fatal(err)
	}
	child := l.Bind("service", "bound").Patch(func(r *logru.Record) { r.Extra.Set("order", r.Extra.Len()) })
	buf := &lineBuffer{}
	err := l.Configure(logru.Config{
		Handlers: []logru.Handler{{Sink: buf, Level: "AUDIT", Format: "{level} {message} {extra}"}},
		Levels:   []logru.Level{{Name: "AUDIT", No: 35}},
		Extra:    logru.Fields{"service": "base", "region": "eu"},
		Patch:    func(r *logru.Record) { r.Extra.Set("patched", true) },
		Activation: []logru.Activation{
			{Module: "github.com/logru/logru_test", Enabled: false},
			{Module: "github.com/logru/logru_test/", Enabled: true}, // a trailing slash is ignored
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if oldSink.closed != 1 {
		t.Errorf("the replaced Sink was closed %d times", oldSink.closed)
	}
	l.Info("below AUDIT")
	l.Log("AUDIT", "root")
	child.Log("AUDIT", "child")
	expect(t, old, "")
	// Base fields come first; a bound field wins; the core's patcher runs before the
	// logger's.
	expect(t, buf, "AUDIT root region=eu service=base patched=true\n"+
		"AUDIT child region=eu service=bound patched=true order=3\n")
	st := l.Stats()
	if len(st) != 1 || st[0].Level != "AUDIT" || st[0].ID < 2 {
		t.Fatalf("stats = %+v", st)
	}
	if err := l.SetLevel(st[0].ID, "INFO"); err != nil {
		t.Fatal(err)
	}
	l.Info("now INFO")
	if !strings.HasSuffix(buf.String(), "INFO now INFO region=eu service=base patched=true\n") {
		t.Errorf("SetLevel on a configured handler: %q", buf.String())
	}

	// A second Configure replaces extra and patcher and keeps the rules unless told.
	buf2 := &lineBuffer{}
	if err := l.Configure(logru.Config{Handlers: []logru.Handler{{Sink: buf2, Format: "{message} {extra}"}}}); err != nil {
		t.Fatal(err)
	}
	l.Info("plain")
	expect(t, buf2, "plain \n")
	if _, ok := l.GetLevel("AUDIT"); !ok {
		t.Error("Configure removed a level")
	}
	// Configure with nothing leaves no handler.
	if err := l.Configure(logru.Config{}); err != nil || len(l.Stats()) != 0 || l.Enabled(logru.LevelCritical) {
		t.Errorf("empty Configure: %v %+v", err, l.Stats())
	}
}

func TestConfigureActivation(t *testing.T) {
	l, buf := newTest(t, "{message}")
	const me = "github.com/logru/logru_test"
	cfg := func(acts ...logru.Activation) logru.Config {
		return logru.Config{Handlers: []logru.Handler{{Sink: buf, Format: "{message}"}}, Activation: acts}
	}
	if err := l.Configure(cfg(logru.Activation{Module: me, Enabled: false})); err != nil {
		t.Fatal(err)
	}
	l.Info("off")
	if err := l.Configure(cfg()); err != nil { // nil Activation keeps the rules
		t.Fatal(err)
	}
	l.Info("still off")
	if err := l.Configure(cfg(logru.Activation{Module: "", Enabled: true})); err != nil { // a fresh start
		t.Fatal(err)
	}
	l.Info("on")
	expect(t, buf, "on\n")
}

// An invalid Configure changes nothing: the old handlers, levels, fields, patcher and
// rules stay, no file is left open, and the error names the path and the value.
func TestConfigureIsAtomic(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	good := logru.Handler{Sink: filepath.Join(dir, "new.log")}
	for _, tt := range []struct {
		name, field, value, reason string
		cfg                        logru.Config
	}{
		{"handler level", "handlers[1].level", "LOUD", "level does not exist",
			logru.Config{Handlers: []logru.Handler{good, {Sink: "stderr", Level: "LOUD"}}}},
		{"level used before it is declared elsewhere", "handlers[0].level", "NEW", "level does not exist",
			logru.Config{Handlers: []logru.Handler{{Sink: "stderr", Level: "NEW"}}, Levels: []logru.Level{{Name: "OTHER", No: 33}}}},
		{"filter level", `handlers[1].filter_levels["db"]`, "LOUD", "level does not exist",
			logru.Config{Handlers: []logru.Handler{good, {Sink: "stderr", FilterLevels: map[string]string{"db": "LOUD"}}}}},
		{"rotation", "handlers[1].rotation", "10 parsecs", "unknown unit",
			logru.Config{Handlers: []logru.Handler{good, {Sink: filepath.Join(dir, "b.log"), Rotation: "10 parsecs"}}}},
		{"retention", "handlers[1].retention", "forever", "cannot parse; expected a count",
			logru.Config{Handlers: []logru.Handler{good, {Sink: filepath.Join(dir, "b.log"), Retention: "forever"}}}},
		{"compression", "handlers[1].compression", "rar", "unknown format",
			logru.Config{Handlers: []logru.Handler{good, {Sink: filepath.Join(dir, "b.log"), Compression: "rar"}}}},
		{"mode", "handlers[1].mode", "drwx------", "only permission bits",
			logru.Config{Handlers: []logru.Handler{good, {Sink: filepath.Join(dir, "b.log"), Mode: os.ModeDir | 0o700}}}},
		{"file option on a writer", "handlers[1].rotation", "1 day", "only file sinks",
			logru.Config{Handlers: []logru.Handler{good, {Sink: &lineBuffer{}, Rotation: "1 day"}}}},
		{"format", "handlers[1].format", "<red>x", "",
			logru.Config{Handlers: []logru.Handler{good, {Sink: "stderr", Format: "<red>x"}}}},
		{"func option", "handlers[1].RetainFunc", "func", "only file sinks",
			logru.Config{Handlers: []logru.Handler{good, {Sink: "stderr", RetainFunc: func([]string) error { return nil }}}}},
		{"no sink", "handlers[1].sink", "nil", "a sink is required",
			logru.Config{Handlers: []logru.Handler{good, {}}}},
		{"colorize", "handlers[1].colorize", "7", "want ColorAuto",
			logru.Config{Handlers: []logru.Handler{good, {Sink: "stderr", Colorize: 7}}}},
		{"overflow", "handlers[1].overflow", "drop_all", "want block",
			logru.Config{Handlers: []logru.Handler{good, {Sink: "stderr", Enqueue: true, Overflow: "drop_all"}}}},
		{"file cannot be opened", "handlers[1].sink", filepath.Join(blocker, "x.log"), "",
			logru.Config{Handlers: []logru.Handler{{Sink: filepath.Join(dir, "opened.log"), Enqueue: true}, {Sink: filepath.Join(blocker, "x.log"), OnError: func(error) {}}},
				Levels: []logru.Level{{Name: "LATE", No: 36}}}},
		{"level exists", "levels[1]", "DEBUG", "level exists with another number",
			logru.Config{Handlers: []logru.Handler{good}, Levels: []logru.Level{{Name: "FRESH", No: 31}, {Name: "DEBUG", No: 11}}}},
		{"level without number", "levels[0]", "NEW", "needs a number",
			logru.Config{Levels: []logru.Level{{Name: "NEW"}}}},
		{"level colour", "levels[0]", "NEW", "Color",
			logru.Config{Levels: []logru.Level{{Name: "NEW", No: 3, Color: "<nope>"}}}},
		{"level name", "levels[0]", "", "level name is empty",
			logru.Config{Levels: []logru.Level{{No: 3}}}},
		{"extra key", `extra[""]`, "1", "a field needs a name",
			logru.Config{Handlers: []logru.Handler{good}, Extra: logru.Fields{"": 1}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := logru.New()
			old := &lineBuffer{}
			if _, err := l.Add(logru.Handler{Sink: old, Format: "{message} {extra}", Level: "INFO"}); err != nil {
				t.Fatal(err)
			}
			l.Disable("github.com/logru/logru_test/none")
			before := l.Stats()
			cfg := tt.cfg
			cfg.Extra = tt.cfg.Extra
			cfg.Patch = func(r *logru.Record) { r.Message = "patched" }
			err := l.Configure(cfg)
			var ce *logru.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *ConfigError", err)
			}
			if ce.Field != tt.field || ce.Value != tt.value || !strings.Contains(ce.Err.Error(), tt.reason) {
				t.Errorf("got Field %q Value %q (%v), want %q %q %q", ce.Field, ce.Value, ce.Err, tt.field, tt.value, tt.reason)
			}
			if after := l.Stats(); !reflect.DeepEqual(before, after) {
				t.Errorf("handlers changed: %+v -> %+v", before, after)
			}
			for _, lv := range tt.cfg.Levels {
				if got, ok := l.GetLevel(lv.Name); ok && lv.Name != "DEBUG" {
					t.Errorf("level %+v stayed registered", got)
				}
			}
			if got, _ := l.GetLevel("DEBUG"); got.No != logru.LevelDebug {
				t.Errorf("DEBUG changed: %+v", got)
			}
			l.Debug("below")
			l.Info("kept")
			expect(t, old, "kept \n")
			if _, err := os.Stat(filepath.Join(dir, "new.log")); err == nil {
				t.Error("a file was created although the configuration is invalid")
			}
		})
	}
}

func TestConfigureClosed(t *testing.T) {
	l := logru.New()
	l.Close()
	if err := l.Configure(logru.Config{}); err == nil {
		t.Error("Configure on a closed logger succeeded")
	}
}

// The old Enqueue handler is drained by Configure: nothing it queued is lost.
func TestConfigureDrainsOldQueue(t *testing.T) {
	l := logru.New()
	old := &lineBuffer{}
	if _, err := l.Add(logru.Handler{Sink: old, Format: "{message}", Enqueue: true}); err != nil {
		t.Fatal(err)
	}
	for range 1000 {
		l.Info("x")
	}
	if err := l.Configure(logru.Config{Handlers: []logru.Handler{{Sink: &lineBuffer{}}}}); err != nil {
		t.Fatal(err)
	}
	if n := len(old.Lines()); n != 1000 {
		t.Errorf("the old queue wrote %d of 1000 records", n)
	}
}

// Configure and SetLevel while other goroutines log: no race, no panic, and the gate
// follows the configuration in force.
func TestConfigureAndSetLevelWhileLogging(t *testing.T) {
	l := logru.New()
	bufs := []*lineBuffer{{}, {}}
	if _, err := l.AddLevel(logru.Level{Name: "AUDIT", No: 35}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			child := l.Bind("k", 1)
			for {
				select {
				case <-stop:
					return
				default:
				}
				child.Debug("d")
				l.Info("i")
				l.Log("AUDIT", "a")
			}
		}()
	}
	for i := range 200 {
		cfg := logru.Config{
			Handlers: []logru.Handler{{Sink: bufs[i%2], Format: "{message}", Level: "INFO"}, {Sink: &lineBuffer{}, Level: "ERROR"}},
			Levels:   []logru.Level{{Name: "AUDIT", No: 35}},
			Extra:    logru.Fields{"i": i},
		}
		if err := l.Configure(cfg); err != nil {
			t.Fatal(err)
		}
		st := l.Stats()
		if err := l.SetLevel(st[1].ID, "TRACE"); err != nil {
			t.Fatal(err)
		}
		if !l.Enabled(logru.LevelTrace) {
			t.Fatal("lowering the second handler to TRACE did not open the gate")
		}
		if err := l.SetLevel(st[1].ID, "ERROR"); err != nil {
			t.Fatal(err)
		}
		if l.Enabled(logru.LevelDebug) || !l.Enabled(logru.LevelInfo) {
			t.Fatal("the gate does not follow SetLevel")
		}
	}
	close(stop)
	wg.Wait()
	for _, b := range bufs {
		for _, line := range b.Lines() {
			if line != "i\n" && line != "a\n" {
				t.Fatalf("unexpected line %q", line)
			}
		}
	}
}

func TestSetLevelErrors(t *testing.T) {
	l := logru.New()
	id, _ := l.Add(logru.Handler{Sink: &lineBuffer{}, Level: "WARNING"})
	other, _ := l.Add(logru.Handler{Sink: &lineBuffer{}, Level: "ERROR"})
	if l.Enabled(logru.LevelInfo) {
		t.Fatal("gate open below WARNING")
	}
	if err := l.SetLevel(other, "TRACE"); err != nil || !l.Enabled(logru.LevelTrace) {
		t.Fatalf("lowering a handler below the others: %v, gate open at TRACE: %v", err, l.Enabled(logru.LevelTrace))
	}
	if err := l.Remove(other); err != nil {
		t.Fatal(err)
	}
	if l.Enabled(logru.LevelInfo) {
		t.Error("the gate stayed open after the TRACE handler was removed")
	}
	if err := l.SetLevel(other, "INFO"); err == nil || !strings.Contains(err.Error(), "no handler") {
		t.Errorf("SetLevel on a removed handler: %v", err)
	}
	if err := l.SetLevel(12345, "INFO"); err == nil {
		t.Error("SetLevel on an unknown id succeeded")
	}
	var ce *logru.ConfigError
	if err := l.SetLevel(id, "LOUD"); !errors.As(err, &ce) || ce.Value != "LOUD" {
		t.Errorf("SetLevel with an unknown level: %v", err)
	}
	if err := l.Configure(logru.Config{Handlers: []logru.Handler{{Sink: &lineBuffer{}}}}); err != nil {
		t.Fatal(err)
	}
	if err := l.SetLevel(id, "INFO"); err == nil {
		t.Error("SetLevel on a handler Configure replaced succeeded")
	}
}

func TestLoadConfigBothFormats(t *testing.T) {
	y, err := logru.LoadConfig("testdata/config/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	j, err := logru.LoadConfig("testdata/config/full.json")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(y, j) {
		t.Errorf("YAML and JSON differ:\n%+v\n%+v", y, j)
	}
	want := logru.Config{
		Handlers: []logru.Handler{{
			Sink: "stdout", Level: "AUDIT", Format: "{level} | {message}", Filter: "github.com/acme/shop",
			FilterLevels: map[string]string{"": "INFO", "github.com/acme/shop/db": "35"},
			Colorize:     logru.ColorNever, Backtrace: true, Diagnose: true, Enqueue: true, QueueSize: 100, Overflow: "drop_oldest",
		}, {
			Sink: "logs/app.log", Level: "10", Serialize: true, Rotation: "10 MB or 00:00", Retention: "10", Compression: "gz",
			Delay: true, Watch: true, Mode: 0o640, Buffering: 4096, Naming: "index",
		}},
		Levels: []logru.Level{{Name: "AUDIT", No: 35, Color: "<cyan>", Icon: "@"}, {Name: "DEBUG", Icon: "!"}},
		Extra: logru.Fields{"service": "shop", "replicas": int64(3), "ratio": 0.5, "canary": false,
			"tags": []any{"eu", "blue"}, "owner": map[string]any{"team": "core"}, "none": nil},
		Activation: []logru.Activation{{Module: "github.com/acme/noisy", Enabled: false}, {Module: "github.com/acme/noisy/keep", Enabled: true}},
	}
	if !reflect.DeepEqual(y, want) {
		t.Errorf("loaded\n%+v\nwant\n%+v", y, want)
	}
}

func TestLoadConfigConfigures(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "logru.yml")
	logPath := filepath.Join(dir, "logs", "app.log")
	writeFile(t, path, "handlers:\n  - sink: "+logPath+"\n    format: '{level} {message} {extra[service]}'\n    mode: 0640\n    level: AUDIT\n"+
		"levels: [{name: AUDIT, no: 35}]\nextra: {service: shop}\n")
	cfg, err := logru.LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	l := logru.New()
	if err := l.Configure(cfg); err != nil {
		t.Fatal(err)
	}
	l.Info("dropped")
	l.Log("AUDIT", "kept")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(logPath)
	if err != nil || string(b) != "AUDIT kept shop\n" {
		t.Errorf("file = %q, %v", b, err)
	}
	if fi, err := os.Stat(logPath); err != nil || fi.Mode().Perm() != 0o640&^umask(t, dir) {
		t.Errorf("mode = %v, %v", fi.Mode(), err)
	}
}

// umask returns the process's umask, read from the mode of a file created 0777.
func umask(t *testing.T, dir string) os.FileMode {
	p := filepath.Join(dir, "umask-probe")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY, 0o777)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	fi, _ := os.Stat(p)
	os.Remove(p)
	return 0o777 &^ fi.Mode().Perm()
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// Every error of a configuration file, in both formats: the message starts with the
// file and position, and a *ConfigError names the key's path and the value.
func TestLoadConfigErrors(t *testing.T) {
	type errCase struct {
		name, yaml, json   string
		field, value, text string // text: part of the message
	}
	h := func(kv string) (string, string) { // a one-handler file with kv added
		k, v, _ := strings.Cut(kv, "=")
		return "handlers:\n  - sink: app.log\n  - sink: app.log\n    " + k + ": " + v + "\n",
			`{"handlers": [{"sink": "app.log"}, {"sink": "app.log", "` + k + `": ` + v + `}]}`
	}
	cases := []errCase{
		{name: "unknown key", field: "handlers[1].levle", value: "INFO", text: `unknown key; did you mean "level"?`},
		{name: "unknown top key", yaml: "handler: []\n", json: `{"handler": []}`, field: "handler", value: "[…]", text: `did you mean "handlers"?`},
		{name: "unknown level key", yaml: "levels: [{name: A, no: 3, colour: red}]\n", json: `{"levels": [{"name": "A", "no": 3, "colour": "red"}]}`,
			field: "levels[0].colour", value: "red", text: "unknown key"},
		{name: "unknown activation key", yaml: "activation: [{module: a, enable: true}]\n", json: `{"activation": [{"module": "a", "enable": true}]}`,
			field: "activation[0].enable", value: "true", text: "unknown key"},
		{name: "duplicate key", yaml: "handlers:\n  - sink: a.log\n    level: INFO\n    level: DEBUG\n",
			json: `{"handlers": [{"sink": "a.log", "level": "INFO", "level": "DEBUG"}]}`, field: "handlers[0].level", value: "DEBUG", text: "duplicate key"},
		{name: "duplicate extra key", yaml: "extra: {a: 1, a: 2}\n", json: `{"extra": {"a": 1, "a": 2}}`, field: `extra["a"]`, value: "a", text: "duplicate key"},
		{name: "bad level", field: "handlers[1].level", value: "LOUD", text: "level does not exist"},
		{name: "negative level", field: "handlers[1].level", value: "-3", text: "level number is negative"},
		{name: "bad filter level", yaml: "handlers: [{sink: a.log, filter_levels: {db: LOUD}}]\n",
			json: `{"handlers": [{"sink": "a.log", "filter_levels": {"db": "LOUD"}}]}`, field: `handlers[0].filter_levels["db"]`, value: "LOUD", text: "level does not exist"},
		{name: "bad rotation", field: "handlers[1].rotation", value: "10 parsecs", text: "unknown unit"},
		{name: "bare number rotation", field: "handlers[1].rotation", value: "8", text: "rotation"},
		{name: "bad retention", field: "handlers[1].retention", value: "forever", text: "retention"},
		{name: "bad compression", field: "handlers[1].compression", value: "rar", text: "compression"},
		{name: "bad mode", field: "handlers[1].mode", value: "0980", text: "octal"},
		{name: "mode too large", field: "handlers[1].mode", value: "04755", text: "only permission bits"},
		{name: "mode as a decimal number", field: "handlers[1].mode", value: "416", text: "octal"},
		{name: "mode on stdout", yaml: "handlers: [{sink: stdout, mode: '0600'}]\n", json: `{"handlers": [{"sink": "stdout", "mode": "0600"}]}`,
			field: "handlers[0].mode", value: "-rw-------", text: "only file sinks"},
		{name: "bad colorize", field: "handlers[1].colorize", value: "sometimes", text: "want auto, always or never"},
		{name: "bad overflow", field: "handlers[1].overflow", value: "drop_all", text: "want block"},
		{name: "bad naming", field: "handlers[1].naming", value: "date", text: `want "time", "index" or a file name with a {time} field`},
		{name: "bad format", field: "handlers[1].format", value: "<red>{message}", text: ""},
		{name: "format with serialize", yaml: "handlers: [{sink: a.log, serialize: true, format: '{message}'}]\n",
			json: `{"handlers": [{"sink": "a.log", "serialize": true, "format": "{message}"}]}`, field: "handlers[0].format", value: "{message}", text: "cannot be used with Serialize"},
		{name: "queue size type", field: "handlers[1].queue_size", value: "many", text: "want a whole number"},
		{name: "queue size fraction", field: "handlers[1].queue_size", value: "1.5", text: "want a whole number"},
		{name: "negative buffering", field: "handlers[1].buffering", value: "-1", text: "must not be negative"},
		{name: "serialize type", field: "handlers[1].serialize", value: "yes please", text: "want true or false"},
		{name: "string as list", field: "handlers[1].format", value: "[…]", text: "want a string"},
		{name: "sink missing", yaml: "handlers: [{level: INFO}]\n", json: `{"handlers": [{"level": "INFO"}]}`, field: "handlers[0].sink", value: "", text: "a sink is required"},
		{name: "sink mapping", yaml: "handlers: [{sink: {path: a}}]\n", json: `{"handlers": [{"sink": {"path": "a"}}]}`, field: "handlers[0].sink", value: "{…}", text: "want \"stdout\""},
		{name: "handlers not a list", yaml: "handlers: {sink: stdout}\n", json: `{"handlers": {"sink": "stdout"}}`, field: "handlers", value: "{…}", text: "want a list"},
		{name: "handler not a mapping", yaml: "handlers: [stdout]\n", json: `{"handlers": ["stdout"]}`, field: "handlers[0]", value: "stdout", text: "want a mapping"},
		{name: "top level a list", yaml: "- a\n", json: `["a"]`, field: "", value: "[…]", text: "want a mapping"},
		{name: "extra not a mapping", yaml: "extra: [1]\n", json: `{"extra": [1]}`, field: "extra", value: "[…]", text: "want a mapping"},
		{name: "level declared badly", yaml: "levels: [{name: DEBUG, no: 11}]\n", json: `{"levels": [{"name": "DEBUG", "no": 11}]}`,
			field: "levels[0]", value: "DEBUG", text: "level exists with another number"},
		{name: "level colour", yaml: "levels: [{name: A, no: 3, color: <nope>}]\n", json: `{"levels": [{"name": "A", "no": 3, "color": "<nope>"}]}`,
			field: "levels[0]", value: "A", text: "Color"},
		{name: "level no type", yaml: "levels: [{name: A, no: three}]\n", json: `{"levels": [{"name": "A", "no": "three"}]}`,
			field: "levels[0].no", value: "three", text: "want a whole number"},
		{name: "empty extra key", yaml: "extra: {'': 1}\n", json: `{"extra": {"": 1}}`, field: `extra[""]`, value: "1", text: "a field needs a name"},
	}
	fill := map[string]string{
		"unknown key": `levle="INFO"`, "bad level": `level="LOUD"`, "negative level": "level=-3",
		"bad rotation": `rotation="10 parsecs"`, "bare number rotation": "rotation=8", "bad retention": `retention="forever"`,
		"bad compression": `compression="rar"`, "bad mode": `mode="0980"`, "mode too large": `mode="04755"`, "mode as a decimal number": "mode=416",
		"bad colorize": `colorize="sometimes"`, "bad overflow": `overflow="drop_all"`, "bad naming": `naming="date"`, "bad format": `format="<red>{message}"`,
		"queue size type": `queue_size="many"`, "queue size fraction": "queue_size=1.5", "negative buffering": "buffering=-1",
		"serialize type": `serialize="yes please"`, "string as list": `format=["a"]`,
	}
	dir := t.TempDir()
	for _, tt := range cases {
		if kv, ok := fill[tt.name]; ok {
			tt.yaml, tt.json = h(kv)
		}
		for _, f := range []struct{ ext, text string }{{".yaml", tt.yaml}, {".json", tt.json}} {
			t.Run(tt.name+f.ext, func(t *testing.T) {
				path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+f.ext)
				writeFile(t, path, f.text)
				cfg, err := logru.LoadConfig(path)
				var ce *logru.ConfigError
				if !errors.As(err, &ce) {
					t.Fatalf("err = %v (%T), cfg %+v; want a *ConfigError", err, err, cfg)
				}
				if ce.Field != tt.field || ce.Value != tt.value || !strings.Contains(err.Error(), tt.text) {
					t.Errorf("got %q %q: %v\nwant %q %q %q", ce.Field, ce.Value, err, tt.field, tt.value, tt.text)
				}
				if !strings.HasPrefix(err.Error(), "logru: "+path+":") {
					t.Errorf("the message does not start with the file and line: %v", err)
				}
				if !reflect.DeepEqual(cfg, logru.Config{}) {
					t.Errorf("a Config came back with the error: %+v", cfg)
				}
			})
		}
	}
}

// Errors that are not about one value: the file itself and its syntax.
func TestLoadConfigFileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ name, file, text, want string }{
		{"missing", "missing.yaml", "", "no such file"},
		{"extension", "logru.toml", "a = 1", "want a .yaml, .yml or .json file"},
		{"yaml syntax", "syntax.yaml", "handlers: [\n", "yaml"},
		{"json syntax", "syntax.json", `{"handlers": [}`, "line 1"},
		{"json truncated", "trunc.json", `{"handlers": [`, "unexpected end"},
		{"json trailing", "trailing.json", `{} {}`, "after the top-level value"},
		{"two documents", "two.yaml", "handlers: []\n---\nhandlers: []\n", "one YAML document"},
		{"merge key", "merge.yaml", "base: &b {level: INFO}\nhandlers: [{<<: *b, sink: stdout}]\n", ""},
		{"custom tag", "tag.yaml", "handlers: [{sink: !env HOME}]\n", "tag"},
		{"too deep", "deep.json", strings.Repeat(`{"extra": `, 70) + "1" + strings.Repeat("}", 70), "nested"},
		{"too deep yaml", "deep.yaml", "extra: " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n", "nested"},
		{"alias bomb", "bomb.yaml", aliasBomb(), "values"},
		{"too many fields", "fields.json", `{"extra": {"f0": 0` + manyFields(1100) + `}}`, "at most 1024 base fields"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if tt.text != "" {
				writeFile(t, path, tt.text)
			}
			_, err := logru.LoadConfig(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "logru: ") {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
	big := filepath.Join(dir, "big.yaml")
	writeFile(t, big, "# "+strings.Repeat("x", 5<<20)+"\n")
	if _, err := logru.LoadConfig(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a 5 MB file: %v", err)
	}
}

func manyFields(n int) string {
	var b strings.Builder
	for i := 1; i < n; i++ {
		b.WriteString(`, "f` + strconv.Itoa(i) + `": 1`)
	}
	return b.String()
}

// aliasBomb is a "billion laughs" document: each level refers nine times to the last.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	return "extra:\n" + indent(b.String())
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n  ") + "\n"
}

// An empty file is an empty configuration; null values are left at their defaults.
func TestLoadConfigEmptyAndNull(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"empty.yaml": "", "comment.yaml": "# nothing\n", "null.yaml": "handlers: ~\nextra: null\n",
		"null.json": `{"handlers": null, "levels": []}`,
	} {
		path := filepath.Join(dir, name)
		writeFile(t, path, text)
		cfg, err := logru.LoadConfig(path)
		if err != nil || len(cfg.Handlers) != 0 || len(cfg.Extra) != 0 {
			t.Errorf("%s: %+v, %v", name, cfg, err)
		}
	}
	path := filepath.Join(dir, "nulls.yaml")
	writeFile(t, path, "handlers: [{sink: stdout, level: ~, colorize: true}, {sink: stderr, colorize: false}]\n")
	cfg, err := logru.LoadConfig(path)
	if err != nil || cfg.Handlers[0].Level != "" || cfg.Handlers[0].Colorize != logru.ColorAlways || cfg.Handlers[1].Colorize != logru.ColorNever {
		t.Errorf("%+v, %v", cfg, err)
	}
}

// The keys a file may hold are exactly the tagged fields: the tags are the source of the
// names, and every non-func field of Handler has one.
func TestConfigTags(t *testing.T) {
	want := []string{"sink", "level", "format", "filter", "filter_levels", "colorize", "serialize", "backtrace", "diagnose",
		"enqueue", "queue_size", "overflow", "rotation", "retention", "compression", "delay", "watch", "mode", "buffering", "naming", "shared"}
	var got []string
	ht := reflect.TypeFor[logru.Handler]()
	for i := range ht.NumField() {
		f := ht.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if y, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); y != name {
			t.Errorf("%s: json %q, yaml %q", f.Name, name, y)
		}
		if name == "-" {
			if f.Type.Kind() != reflect.Func {
				t.Errorf("%s has no key but is not a function", f.Name)
			}
			continue
		}
		got = append(got, name)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("keys = %q", got)
	}
}
