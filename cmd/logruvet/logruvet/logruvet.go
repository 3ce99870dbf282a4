// Package logruvet is a static check of logru's log calls, for go vet:
//
//	(cd cmd/logruvet && go build -o "$(go env GOPATH)/bin/logruvet" .)
//	go vet -vettool=$(which logruvet) ./...
//
// It reports, at the call:
//
//   - an argument list that does not pair up: a key without a value, a key that is not a
//     string (an error, a number, a named string type, a map that is not logru.Fields),
//     or a key that is text made from a value (x.Error(), fmt.Sprint(...)); logru keeps
//     such values under !BADKEY;
//   - in a constant message logged with arguments: a {key} placeholder that no argument
//     provides (when every key is known), loguru's positional {} and {0}, printf verbs
//     such as %s and %d, an unknown conversion ({x!a}) and a malformed format spec
//     ({n:.2z}), checked by logru's own spec parser;
//   - a level name given to Log that is neither built in (matched without regard to case)
//     nor added by a logru.Level literal with that Name (for AddLevel or Config.Levels) in
//     the package or in a package it imports.
//
// It looks at the log methods of *logru.Logger (Trace, Debug, Info, Success, Warning,
// Error, Critical, Exception, Log, LogAttrs), whatever chain of Bind, Ctx, Opt and Patch
// made the logger, at the package-level functions of the same names, and at the argument
// lists of Bind and Contextualize. It stays silent when it cannot be sure: a message that
// is not a constant, arguments passed with "args...", a key of interface type, a
// slog.Attr or logru.Fields whose keys are not constants, or a package that loads levels
// from a configuration file.
package logruvet

import (
	"errors"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/logru/logru/internal/pyfmt"
	"github.com/logru/logru/internal/render"
)

// Analyzer checks logru's log calls; see the package documentation.
var Analyzer = &analysis.Analyzer{
	Name:      "logruvet",
	Doc:       "check logru log calls: key/value pairs, message placeholders, format specs and level names",
	URL:       "https://pkg.go.dev/github.com/logru/logru/cmd/logruvet/logruvet",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(levelsFact)},
}

const (
	logruPath = "github.com/logru/logru"
	corePath  = "github.com/logru/logru/core"
	slogPath  = "log/slog"
)

// builtinLevels are logru's seven levels.
var builtinLevels = []string{"TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"}

// levelsFact records the level names a package adds with logru.Level literals, or that
// it adds levels the analyzer cannot name (Dynamic).
type levelsFact struct {
	Names   []string
	Dynamic bool
}

func (*levelsFact) AFact() {}

func (f *levelsFact) String() string {
	if f.Dynamic {
		return "levels(dynamic)"
	}
	return "levels(" + strings.Join(f.Names, ",") + ")"
}

// A call's shape: where its message and its key/value arguments are.
type shape struct {
	msg   int  // index of the message; -1 when there is none
	args  int  // index of the first key/value (or slog.Attr) argument
	level bool // the first argument is a level name (Log)
	attrs bool // the arguments are slog.Attr values (LogAttrs)
	exc   bool // an error among the arguments is the exception (Exception)
}

var logShapes = map[string]shape{
	"Trace":     {msg: 0, args: 1},
	"Debug":     {msg: 0, args: 1},
	"Info":      {msg: 0, args: 1},
	"Success":   {msg: 0, args: 1},
	"Warning":   {msg: 0, args: 1},
	"Error":     {msg: 0, args: 1},
	"Critical":  {msg: 0, args: 1},
	"Exception": {msg: 0, args: 1, exc: true},
	"Log":       {msg: 1, args: 2, level: true},
	"LogAttrs":  {msg: 1, args: 2, attrs: true},
	"Bind":      {msg: -1, args: 0},
}

func run(pass *analysis.Pass) (any, error) {
	levels := collectLevels(pass)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	insp.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != logruPath {
			return
		}
		sig := fn.Type().(*types.Signature)
		var sh shape
		if recv := sig.Recv(); recv != nil {
			if !isNamed(recv.Type(), logruPath, "Logger") {
				return
			}
			if sh, ok = logShapes[fn.Name()]; !ok {
				return
			}
		} else if fn.Name() == "Contextualize" {
			sh = shape{msg: -1, args: 1}
		} else if sh, ok = logShapes[fn.Name()]; !ok {
			return
		}
		if !sig.Variadic() || len(call.Args) < sh.args {
			return
		}
		c := &checker{pass: pass, call: call, sh: sh}
		c.check(levels)
	})
	return nil, nil
}

// checker checks one call.
type checker struct {
	pass *analysis.Pass
	call *ast.CallExpr
	sh   shape
	keys map[string]bool // keys the arguments provide
	// unknownKeys is set when some argument provides keys that cannot be known.
	unknownKeys bool
}

func (c *checker) check(levels *levelSet) {
	args := c.call.Args[c.sh.args:]
	spread := c.call.Ellipsis.IsValid()
	if spread {
		c.unknownKeys = true
	} else if c.sh.attrs {
		for _, a := range args {
			c.attrKeys(a)
		}
	} else {
		c.pairs(args)
	}
	if c.sh.level {
		c.level(c.call.Args[0], levels)
	}
	if c.sh.msg >= 0 && (len(args) > 0 || spread) {
		c.message(c.call.Args[c.sh.msg])
	}
}

// pairs walks key/value arguments as logru's appendArgs does.
func (c *checker) pairs(args []ast.Expr) {
	c.keys = map[string]bool{}
	for i := 0; i < len(args); {
		a := args[i]
		t := c.pass.TypesInfo.TypeOf(a)
		switch {
		case t == nil:
			c.unknownKeys = true
			return
		case isString(t):
			if i+1 == len(args) {
				c.pass.Reportf(a.Pos(), "odd number of key/value arguments: key %s has no value (it is logged under !BADKEY)", c.text(a))
				return
			}
			if s, ok := c.constString(a); ok {
				c.keys[s] = true
			} else {
				c.unknownKeys = true
				if what, ok := madeFromValue(c.pass.TypesInfo, a); ok {
					c.pass.Reportf(a.Pos(), "key %s is text made from a value (%s): a key names its value; use a constant such as \"err\"", c.text(a), what)
				}
			}
			i += 2
			continue
		case isNamed(t, slogPath, "Attr"):
			c.attrKeys(a)
		case isNamed(t, logruPath, "Fields"):
			c.fieldsKeys(a)
		case types.Identical(t, errorType) && c.sh.exc:
			// Exception takes it as the record's exception.
		case types.Identical(t, errorType):
			c.pass.Reportf(a.Pos(), "error %s where a key is expected: logru keeps it under !BADKEY (give it a key: \"err\", %s)", c.text(a), c.text(a))
			c.unknownKeys = true // the pairs after it are shifted: one report is enough
			return
		case types.IsInterface(t):
			c.unknownKeys = true // a string at run time, perhaps: the pairs cannot be followed
			return
		default:
			hint := ""
			if isNamedString(t) {
				hint = " (convert it: string(" + c.text(a) + "))"
			} else if m, ok := t.Underlying().(*types.Map); ok && isString(m.Key()) {
				hint = " (a map counts as its pairs only as a logru.Fields)"
			}
			c.pass.Reportf(a.Pos(), "key %s has type %s, not string: logru keeps it under !BADKEY%s", c.text(a), typeText(c.pass, t), hint)
			c.unknownKeys = true
			return
		}
		i++
	}
}

// attrKeys notes the key of a slog.Attr argument, when it is a constant.
func (c *checker) attrKeys(a ast.Expr) {
	if k, ok := c.attrKey(a); ok && k != "" {
		c.keys[k] = true
		return
	}
	c.unknownKeys = true
}

func (c *checker) attrKey(a ast.Expr) (string, bool) {
	if c.keys == nil {
		c.keys = map[string]bool{}
	}
	switch e := ast.Unparen(a).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != slogPath || len(e.Args) == 0 {
			return "", false
		}
		switch fn.Name() {
		case "String", "Int", "Int64", "Uint64", "Float64", "Bool", "Time", "Duration", "Any", "Group":
			return c.constString(e.Args[0])
		}
	case *ast.CompositeLit:
		for i, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Key" {
					return c.constString(kv.Value)
				}
			} else if i == 0 {
				return c.constString(el)
			}
		}
	}
	return "", false
}

// fieldsKeys notes the keys of a logru.Fields literal.
func (c *checker) fieldsKeys(a ast.Expr) {
	lit, ok := ast.Unparen(a).(*ast.CompositeLit)
	if !ok {
		c.unknownKeys = true
		return
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			c.unknownKeys = true
			return
		}
		k, ok := c.constString(kv.Key)
		if !ok {
			c.unknownKeys = true
			return
		}
		c.keys[k] = true
	}
}

// message checks a constant message logged with arguments.
func (c *checker) message(m ast.Expr) {
	msg, ok := c.constString(m)
	if !ok {
		return
	}
	reportedPositional, reportedVerb := false, false
	for p := range render.MessageParts(msg) {
		if !p.Field {
			if i, verb := printfVerb(p.Text); i >= 0 && !reportedVerb { // one report per message
				c.pass.Reportf(c.at(m, msg, p.Off+i), "printf verb %s in a message: logru messages are templates (\"{n}\" with \"n\", value), not printf formats", verb)
				reportedVerb = true
			}
			continue
		}
		switch {
		case positional(p.Name):
			if !reportedPositional { // one report says it for the whole message
				c.pass.Reportf(c.at(m, msg, p.Off), "positional placeholder %s: logru substitutes named keys only (\"{user}\" with \"user\", value), the values are logged as fields", p.Text)
				reportedPositional = true
			}
		case p.Conv != "" && p.Conv != "r" && p.Conv != "s":
			c.pass.Reportf(c.at(m, msg, p.Off), "placeholder %s has the unknown conversion !%s (only !r and !s exist): it is written as is", p.Text, p.Conv)
		case !c.unknownKeys && !c.keys[p.Name]:
			c.pass.Reportf(c.at(m, msg, p.Off), "placeholder %s has no argument with the key %q: it is written as is", p.Text, p.Name)
		}
		if p.Spec != "" && !positional(p.Name) {
			if _, err := pyfmt.Parse(p.Spec); err != nil {
				reason := err.Error()
				var se *pyfmt.SpecError
				if errors.As(err, &se) {
					reason = "invalid format spec " + strconv.Quote(se.Spec) + ": " + se.Reason
				}
				c.pass.Reportf(c.at(m, msg, p.Off), "placeholder %s: %s", p.Text, reason)
			}
		}
	}
}

// level checks the level name given to Log.
func (c *checker) level(a ast.Expr, levels *levelSet) {
	name, ok := c.constString(a)
	if !ok || levels.dynamic {
		return
	}
	for _, b := range builtinLevels {
		if strings.EqualFold(name, b) {
			return
		}
	}
	for _, n := range levels.names {
		if strings.EqualFold(name, n) {
			return
		}
	}
	hint := ""
	if len(levels.names) > 0 {
		hint = " or added here (" + strings.Join(levels.names, ", ") + ")"
	}
	c.pass.Reportf(a.Pos(), "unknown level %q: not a built-in level (TRACE, DEBUG, INFO, SUCCESS, WARNING, ERROR, CRITICAL)%s; Log drops the record (a note goes to OnError)", name, hint)
}

// at returns the position of byte off of the message m when m is a string literal
// written without escapes (so offsets in its value are offsets in the source), else
// the position of m.
func (c *checker) at(m ast.Expr, msg string, off int) token.Pos {
	lit, ok := ast.Unparen(m).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || len(lit.Value) != len(msg)+2 {
		return m.Pos()
	}
	return lit.Pos() + 1 + token.Pos(off)
}

func (c *checker) constString(e ast.Expr) (string, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// text returns e as written, shortened.
func (c *checker) text(e ast.Expr) string {
	start, end := c.pass.Fset.Position(e.Pos()), c.pass.Fset.Position(e.End())
	s := types.ExprString(e)
	if start.Filename == end.Filename {
		if src, err := c.pass.ReadFile(start.Filename); err == nil && start.Offset <= end.Offset && end.Offset <= len(src) {
			s = string(src[start.Offset:end.Offset])
		}
	}
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

var errorType = types.Universe.Lookup("error").Type()

func isString(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && (b.Kind() == types.String || b.Kind() == types.UntypedString)
}

// isNamedString reports a defined type whose underlying type is string: logru's
// argument switch does not take it as a key.
func isNamedString(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Named); !ok {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// isNamed reports whether t (or *t) is the named type path.name.
func isNamed(t types.Type, path, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Name() == name && n.Obj().Pkg().Path() == path
}

// typeText writes t as its package's code would: other packages by name.
func typeText(pass *analysis.Pass, t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == pass.Pkg {
			return ""
		}
		return p.Name()
	})
}

// madeFromValue reports a string expression that renders a value as text: a call of
// an Error or String method, or of fmt.Sprint, Sprintf or Sprintln. Such text is never
// a key.
func madeFromValue(info *types.Info, e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return "", false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil && len(call.Args) == 0 && (fn.Name() == "Error" || fn.Name() == "String") {
		return "its " + fn.Name() + " method", true
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && sig.Recv() == nil {
		switch fn.Name() {
		case "Sprint", "Sprintf", "Sprintln":
			return "fmt." + fn.Name(), true
		}
	}
	return "", false
}

// levelSet is what a package and its imports add to the built-in levels.
type levelSet struct {
	names   []string
	dynamic bool
}

// collectLevels finds the logru.Level literals of the package, exports them as a fact,
// and adds those its imports export.
func collectLevels(pass *analysis.Pass) *levelSet {
	own := &levelsFact{}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	insp.Preorder([]ast.Node{(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			t := pass.TypesInfo.TypeOf(n)
			if t == nil || !isNamed(t, corePath, "Level") && !isNamed(t, logruPath, "Level") {
				return
			}
			named := false
			for _, el := range n.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Name" {
					named = true
					tv := pass.TypesInfo.Types[kv.Value]
					if tv.Value != nil && tv.Value.Kind() == constant.String {
						own.Names = append(own.Names, constant.StringVal(tv.Value))
					} else {
						own.Dynamic = true
					}
				}
			}
			if !named && len(n.Elts) > 0 {
				own.Dynamic = true // positional fields: not worth following
			}
		case *ast.CallExpr:
			// A configuration loaded at run time may add any level.
			if fn, ok := typeutil.Callee(pass.TypesInfo, n).(*types.Func); ok && fn.Pkg() != nil &&
				fn.Pkg().Path() == logruPath && fn.Name() == "LoadConfig" {
				own.Dynamic = true
			}
		}
	})
	sort.Strings(own.Names)
	own.Names = compact(own.Names)
	if len(own.Names) > 0 || own.Dynamic {
		pass.ExportPackageFact(own)
	}
	set := &levelSet{names: own.Names, dynamic: own.Dynamic}
	for _, pf := range pass.AllPackageFacts() {
		if pf.Package == pass.Pkg {
			continue
		}
		f := pf.Fact.(*levelsFact)
		if pf.Package.Path() == logruPath || pf.Package.Path() == corePath {
			continue // logru's own built-in levels
		}
		set.names = append(set.names, f.Names...)
		set.dynamic = set.dynamic || f.Dynamic
	}
	sort.Strings(set.names)
	set.names = compact(set.names)
	return set
}

func compact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
