package logru_test

import (
	"fmt"
	"os"

	"github.com/logru/logru"
)

func ExampleLogger_Configure() {
	l := logru.New()
	err := l.Configure(logru.Config{
		Handlers: []logru.Handler{{Sink: os.Stdout, Level: "AUDIT", Format: "{level} | {message} | {extra}"}},
		Levels:   []logru.Level{{Name: "AUDIT", No: 35}},
		Extra:    logru.Fields{"service": "shop"},
		Patch:    func(r *logru.Record) { r.Extra.Set("host", "web-1") },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	l.Info("below AUDIT: not shown")
	l.Log("AUDIT", "price of {sku} changed", "sku", "A-7")
	l.Bind("service", "billing").Error("a bound field wins over a base one")

	// An invalid configuration changes nothing, and names the path and the value.
	err = l.Configure(logru.Config{Handlers: []logru.Handler{{Sink: os.Stdout}, {Sink: "app.log", Rotation: "daily at noon"}}})
	fmt.Println(err != nil)
	l.Log("AUDIT", "still configured")
	// Output:
	// AUDIT | price of A-7 changed | service=shop sku=A-7 host=web-1
	// ERROR | a bound field wins over a base one | service=billing host=web-1
	// true
	// AUDIT | still configured | service=shop host=web-1
}

func ExampleLoadConfig() {
	// testdata/config/example.yaml:
	//
	//	handlers:
	//	  - sink: stdout
	//	    level: INFO
	//	    format: "{level} | {message} | {extra}"
	//	    colorize: never
	//	levels:
	//	  - {name: AUDIT, no: 35}
	//	extra:
	//	  service: shop
	cfg, err := logru.LoadConfig("testdata/config/example.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	l := logru.New()
	if err := l.Configure(cfg); err != nil {
		fmt.Println(err)
		return
	}
	defer l.Close()
	l.Debug("not shown")
	l.Log("AUDIT", "configured from a file")

	// Errors name the file, the line and column, the key's path and the value.
	_, err = logru.LoadConfig("testdata/config/typo.json")
	fmt.Println(err)
	// Output:
	// AUDIT | configured from a file | service=shop
	// logru: testdata/config/typo.json:2:35: handlers[0].levle "INFO": unknown key; did you mean "level"?
}
