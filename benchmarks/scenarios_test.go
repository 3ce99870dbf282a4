package benchmarks

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A scenario is one kind of log call; every library implements the ones it can.
type scenario int

const (
	disabled        scenario = iota // a Debug call with three fields while the level is Info
	static                          // Info("the quick brown fox"), JSON
	staticText                      // the same in a plain text format without caller
	tenFields                       // ten fields of mixed types, JSON
	accumulated                     // ten fields bound in advance, then a plain message
	withCaller                      // the static message with file:line, JSON
	template                        // "user alice logged in from 10.0.0.1 after 3 tries", built the idiomatic way
	console                         // loguru's default look: time | LEVEL | caller - message
	accumulatedText                 // accumulated, in a text format: time, level, message, then the fields
)

var scenarioNames = [...]string{"Disabled", "StaticMessage", "StaticText", "TenFields",
	"AccumulatedContext", "WithCaller", "Template", "Console",
	"AccumulatedText"}

// A library makes, for one scenario and one destination, the function one iteration
// calls; nil means the library has no idiomatic way to do it.
type library struct {
	name string
	make func(s scenario, w io.Writer) func()
}

// The ten fields' values, shared by every library.
var (
	fInt      = 1
	fString   = "two"
	fBool     = true
	fFloat    = 4.5
	fTime     = time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)
	fStrings  = []string{"a", "b", "c"}
	fErr      = errors.New("connection refused")
	fDur      = 1500 * time.Millisecond
	fStringer = time.Monday
	fInt64    = int64(10)

	tUser  = "alice"
	tIP    = "10.0.0.1"
	tTries = 3
)

const staticMsg = "the quick brown fox"

func libraries() []library {
	return []library{
		{"logru", logruAttrs},
		{"logru-any", logruAny},
		{"slog-json", slogJSON},
		{"slog-text", slogText},
		{"zap", zapJSON},
		{"zap-console", zapConsole},
		{"zerolog", zerologJSON},
		{"phuslu", phusluJSON},
		{"logrus", logrusJSON},
	}
}

// run benchmarks one scenario for every library, writing to io.Discard and to a real
// file, on one goroutine and with RunParallel. Names read
// Scenario/lib=NAME/out=discard/par=1, so benchstat -col /lib compares libraries.
func run(b *testing.B, s scenario) {
	for _, lib := range libraries() {
		for _, out := range []string{"discard", "file"} {
			for _, par := range []bool{false, true} {
				name := "lib=" + lib.name + "/out=" + out + "/par=1"
				if par {
					name = "lib=" + lib.name + "/out=" + out + "/par=N"
				}
				b.Run(name, func(b *testing.B) {
					var w io.Writer = io.Discard
					if out == "file" {
						f, err := os.Create(filepath.Join(b.TempDir(), "bench.log"))
						if err != nil {
							b.Fatal(err)
						}
						defer f.Close()
						w = f
					}
					op := lib.make(s, w)
					if op == nil {
						b.Skip("no idiomatic form")
					}
					b.ReportAllocs()
					if par {
						b.RunParallel(func(pb *testing.PB) {
							for pb.Next() {
								op()
							}
						})
						return
					}
					for b.Loop() {
						op()
					}
				})
			}
		}
	}
}

func BenchmarkDisabled(b *testing.B)           { run(b, disabled) }
func BenchmarkStaticMessage(b *testing.B)      { run(b, static) }
func BenchmarkStaticText(b *testing.B)         { run(b, staticText) }
func BenchmarkTenFields(b *testing.B)          { run(b, tenFields) }
func BenchmarkAccumulatedContext(b *testing.B) { run(b, accumulated) }
func BenchmarkWithCaller(b *testing.B)         { run(b, withCaller) }
func BenchmarkTemplate(b *testing.B)           { run(b, template) }
func BenchmarkConsole(b *testing.B)            { run(b, console) }
func BenchmarkAccumulatedText(b *testing.B)    { run(b, accumulatedText) }
