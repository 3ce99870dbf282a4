// Command configure shows bulk configuration: a commented logru.yaml loaded with
// LoadConfig and applied with Configure, a configuration error that changes nothing,
// and a handler's level changed while the program runs.
//
//	go run ./examples/configure [-config examples/configure/logru.yaml]
//
// Its file sink goes to a temporary directory, removed at exit.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/logru/logru"
)

func main() {
	const fromRoot = "examples/configure/logru.yaml"
	path := flag.String("config", fromRoot, "the configuration file")
	flag.Parse()
	if _, err := os.Stat(*path); err != nil && *path == fromRoot {
		*path = "logru.yaml" // run from examples/configure itself
	}

	cfg, err := logru.LoadConfig(*path)
	check(err)

	// A Config is plain data: put the file sinks, relative in the YAML, under a
	// temporary directory so that the example leaves nothing behind.
	dir, err := os.MkdirTemp("", "logru-configure-")
	check(err)
	defer os.RemoveAll(dir)
	for i, h := range cfg.Handlers {
		if s, _ := h.Sink.(string); s != "stdout" && s != "stderr" && !filepath.IsAbs(s) {
			cfg.Handlers[i].Sink = filepath.Join(dir, s)
		}
	}

	l := logru.New()
	check(l.Configure(cfg))
	defer l.Close()

	l.Info("configured from {file}", "file", filepath.Base(*path))
	l.Debug("only in the file: the console is at INFO")
	l.Log("AUDIT", "user {user} changed a price", "user", "alice")
	l.Bind("region", "us-east-1").Warning("a bound field wins over the base one")

	// A bad configuration is refused as a whole: the old one stays in force.
	bad := cfg
	bad.Handlers = append([]logru.Handler{{Sink: "stderr"}}, logru.Handler{Sink: filepath.Join(dir, "x.log"), Rotation: "10 parsecs"})
	err = l.Configure(bad)
	fmt.Println("refused:", err)
	l.Info("still configured by {file}", "file", filepath.Base(*path))

	// Levels change while the program runs (and while other goroutines log): find the
	// console handler among the configured ones and open it to DEBUG.
	for _, st := range l.Stats() {
		if st.Sink == "stdout" {
			check(l.SetLevel(st.ID, "DEBUG"))
		}
	}
	l.Debug("the console now shows DEBUG")

	check(l.Close())
	b, err := os.ReadFile(filepath.Join(dir, "logs", "app.log"))
	check(err)
	fmt.Printf("logs/app.log holds %d bytes of JSON lines\n", len(b))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
