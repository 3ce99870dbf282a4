// Command logruvet checks logru's log calls; run it through go vet:
//
//	(cd cmd/logruvet && go build -o "$(go env GOPATH)/bin/logruvet" .)
//	go vet -vettool=$(which logruvet) ./...
//
// It is built from a clone of logru's repository: its go.mod points at the logru beside
// it (a replace directive), which go install pkg@version does not allow.
//
// See package github.com/logru/logru/cmd/logruvet/logruvet for what it reports.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/logru/logru/cmd/logruvet/logruvet"
)

func main() { unitchecker.Main(logruvet.Analyzer) }
