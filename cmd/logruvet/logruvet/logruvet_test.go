package logruvet

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs the analyzer over the testdata module, whose comments say which
// diagnostics and facts each line must (and, by their absence, must not) produce:
// pairs (argument lists), messages (templates, specs, printf verbs), levels,
// levelsdyn (levels from a file) and levelsdep (a level added by an imported package).
// The module uses the real logru through a replace directive.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "./pairs", "./messages", "./levels", "./levelsdyn", "./levelsdep")
}
