module github.com/logru/logru/cmd/logruvet

go 1.25.0

require github.com/logru/logru v0.0.0

require golang.org/x/tools v0.49.0

require (
	github.com/lestrrat-go/strftime v1.2.0 // indirect
	golang.org/x/mod v0.39.0 // indirect
	golang.org/x/sync v0.22.0 // indirect
)

replace github.com/logru/logru => ../..
