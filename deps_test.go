package logru_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/logru/logru"

// depRule is what one package (or every package under a prefix) may import from this
// module and from outside the standard library, and which standard packages it must not.
type depRule struct {
	pkg       string   // module-relative path; a trailing "/" covers the packages below
	module    []string // module packages it may import (module-relative, "" for the root)
	thirdPty  []string // non-standard imports it may use
	forbidStd []string // standard packages it must not import
}

// The rules of ../shared/design/ARCHITECTURE.md.
var depRules = []depRule{
	{pkg: "core"},
	{pkg: "internal/buffer"},
	{pkg: "internal/editdist"},
	{pkg: "internal/ascii", forbidStd: []string{"os", "io/fs", "net/http"}},
	{pkg: "internal/encode", module: []string{"internal/ascii"}, forbidStd: []string{"os", "io/fs", "net/http"}},
	{pkg: "internal/pyfmt", module: []string{"internal/ascii"}, forbidStd: []string{"os", "io/fs", "net/http"}},
	{pkg: "internal/timefmt", module: []string{"internal/ascii"}, thirdPty: []string{"github.com/lestrrat-go/strftime"}, forbidStd: []string{"os", "io/fs", "net/http"}},
	// render is format's engine: what format does, plus what only the root needs.
	{pkg: "internal/render",
		module:    []string{"core", "internal/ascii", "internal/buffer", "internal/encode", "internal/pyfmt", "internal/timefmt"},
		forbidStd: []string{"os", "io/fs", "net/http"}},
	// format is render's public face: it wraps render and adds nothing of its own.
	{pkg: "format",
		module:    []string{"core", "internal/buffer", "internal/render"},
		forbidStd: []string{"os", "io/fs", "net/http"}},
	{pkg: "internal/clock"},
	// Finds logru's functions on a stack by entry PC (ARCHITECTURE rule 7).
	{pkg: "internal/stack"},
	// Test support: only _test.go files (which this check does not read) may import it, so no
	// rule lists it among a package's allowed imports.
	{pkg: "internal/leaktest"},
	// Test support standing for a user's code under the module's path (rule 7): only
	// _test.go files import them.
	{pkg: "internal/usercode"},
	{pkg: "internal/usercode/slog"},
	{pkg: "internal/ptytest", thirdPty: []string{"golang.org/x/sys/unix"}},
	{pkg: "internal/fsys", thirdPty: []string{"golang.org/x/sys/unix"}},
	{pkg: "internal/rotspec", module: []string{"internal/ascii"}, forbidStd: []string{"os", "io/fs", "net/http"}},
	{pkg: "internal/archive", module: []string{"internal/fsys"},
		thirdPty: []string{"github.com/dsnet/compress/bzip2", "github.com/ulikunitz/xz", "github.com/klauspost/compress/zstd"}},
	{pkg: "sinks", module: []string{"internal/buffer", "internal/clock", "internal/fsys", "internal/rotspec", "internal/archive", "internal/timefmt", "internal/stack"},
		thirdPty: []string{"github.com/mattn/go-isatty", "github.com/dsnet/compress/bzip2", "github.com/ulikunitz/xz", "github.com/klauspost/compress/zstd"}},
	// internal/config decodes configuration files without knowing logru's types: the root
	// hands it hooks for those, so it never imports the root, nor the sinks or core.
	{pkg: "internal/config", module: []string{"internal/editdist"}, thirdPty: []string{"go.yaml.in/yaml/v3"}},
	{pkg: "", module: []string{"core", "format", "sinks", "internal/buffer", "internal/config", "internal/editdist", "internal/encode", "internal/pyfmt", "internal/render", "internal/rotspec", "internal/stack"}},
	{pkg: "bridge", module: []string{""}},
	{pkg: "accesslog", module: []string{""}},
	{pkg: "events", module: []string{""}},
	{pkg: "logrutest", module: []string{"", "core"}},
	// sinks: sinks.Syslog and sinks.Journal are public API (a Handler's Sink).
	{pkg: "examples/", module: []string{"", "format", "core", "sinks", "bridge", "accesslog", "events"}},
}

func TestDependencyRules(t *testing.T) {
	imports := packageImports(t)
	if len(imports) < 5 {
		t.Fatalf("found only %d packages: is the test running in the module root?", len(imports))
	}
	for _, v := range violations(imports) {
		t.Error(v)
	}
}

// violations lists every import that breaks depRules, and every package without a rule.
func violations(imports map[string][]string) []string {
	var out []string
	for pkg, imps := range imports {
		rule, ok := ruleFor(pkg)
		if !ok {
			out = append(out, fmt.Sprintf("package %q has no dependency rule: add one to deps_test.go", pkg))
			continue
		}
		for _, imp := range imps {
			switch {
			case imp == module || strings.HasPrefix(imp, module+"/"):
				rel := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
				if !slices.Contains(rule.module, rel) {
					out = append(out, fmt.Sprintf("%q imports %q, which ARCHITECTURE.md does not allow", pkgName(pkg), imp))
				}
			case isStd(imp):
				if slices.Contains(rule.forbidStd, imp) {
					out = append(out, fmt.Sprintf("%q imports %q, which ARCHITECTURE.md forbids there", pkgName(pkg), imp))
				}
			default:
				if !slices.Contains(rule.thirdPty, imp) {
					out = append(out, fmt.Sprintf("%q imports the outside package %q: the design names every dependency", pkgName(pkg), imp))
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// The checker itself catches each kind of violation.
func TestDependencyRulesCatchViolations(t *testing.T) {
	for _, tt := range []struct {
		pkg, imp string
		ok       bool
	}{
		{"format", module + "/core", true},
		{"format", "strings", true},
		{"format", "os", false},                                     // format is pure
		{"format", module + "/sinks", false},                        // format does not know sinks
		{"format", module, false},                                   // nor the root
		{"sinks", module + "/core", false},                          // sinks deal in bytes
		{"sinks", module + "/format", false},                        //
		{"sinks", "github.com/mattn/go-isatty", true},               // a named dependency
		{"core", module + "/internal/encode", false},                // core is stdlib only
		{"core", "github.com/pkg/errors", false},                    // an unnamed dependency
		{"", module + "/bridge", false},                             // the root does not import bridge
		{"bridge", module + "/format", false},                       // bridge uses the public API only
		{"logrutest", module, true},                                 // so does logrutest
		{"logrutest", module + "/core", true},                       //
		{"logrutest", module + "/internal/encode", false},           //
		{"examples/quickstart", module, true},                       // examples use the public API
		{"examples/quickstart", module + "/sinks", true},            // sinks.Syslog is public API
		{"examples/quickstart", module + "/internal/buffer", false}, //
		{"newpkg", "strings", false},                                // a package without a rule
		{"sinks", module + "/internal/leaktest", false},             // test support stays in tests
		{"", module + "/internal/leaktest", false},                  //
		{"sinks", module + "/internal/ptytest", false},              //
		{"internal/ascii", module + "/core", false},                 // ascii is a leaf
		{"internal/rotspec", module + "/internal/ascii", true},
		{"format", module + "/internal/render", true},  // format wraps render
		{"format", module + "/internal/encode", false}, // and does nothing itself
		{"internal/render", module + "/core", true},
		{"internal/render", "os", false}, // render is pure, as format was
		{"internal/render", module + "/sinks", false},
		{"internal/render", module, false},             // it never imports the root
		{"internal/render", module + "/format", false}, // nor its own face
		{"", module + "/internal/render", true},        // the root uses render directly
		{"bridge", module + "/internal/render", false},
		{"examples/quickstart", module + "/internal/render", false},
		{"internal/config", "go.yaml.in/yaml/v3", true}, // the YAML parser
		{"internal/config", module, false},              // an import cycle
		{"internal/config", module + "/sinks", false},   //
		{"internal/config", module + "/core", false},    //
		{"", "go.yaml.in/yaml/v3", false},               // YAML is internal/config's business
	} {
		got := violations(map[string][]string{tt.pkg: {tt.imp}})
		if (len(got) == 0) != tt.ok {
			t.Errorf("package %q importing %q: violations %q, want ok=%v", tt.pkg, tt.imp, got, tt.ok)
		}
	}
}

// Rule 1: core holds no mutable package state, so no package-level variable at all.
func TestCoreHasNoPackageState(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join("core", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no core files: %v", err)
	}
	for _, p := range files {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
				t.Errorf("%s: core declares a package-level variable", fset.Position(g.Pos()))
			}
		}
	}
}

func pkgName(pkg string) string {
	if pkg == "" {
		return module
	}
	return module + "/" + pkg
}

func ruleFor(pkg string) (depRule, bool) {
	for _, r := range depRules {
		if r.pkg == pkg || strings.HasSuffix(r.pkg, "/") && strings.HasPrefix(pkg, r.pkg) {
			return r, true
		}
	}
	return depRule{}, false
}

func isStd(imp string) bool {
	first, _, _ := strings.Cut(imp, "/")
	return !strings.Contains(first, ".")
}

// packageImports parses the imports of every non-test Go file of the module (nested
// modules, such as benchmarks and examples/otel, and testdata excluded), by module-relative package directory.
func packageImports(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p != "." && (name == "testdata" || name == "benchmarks" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); p != "." && err == nil {
				return filepath.SkipDir // a module of its own, such as examples/otel
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(p))
		if dir == "." {
			dir = ""
		}
		dir = path.Clean("/" + dir)[1:]
		for _, imp := range f.Imports {
			s, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(out[dir], s) {
				out[dir] = append(out[dir], s)
			}
		}
		if _, ok := out[dir]; !ok {
			out[dir] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
