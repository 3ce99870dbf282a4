package logru

import (
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/logru/logru/format"
)

// callerInfo is what a program counter resolves to, computed once per PC.
type callerInfo struct {
	pc       uintptr
	name     string // package path
	module   string // last element of name
	function string // function without the package path
	file     string // base name
	filePath string
	line     int
	json     []byte // the caller's members in a serialized record (format.AppendCallerJSON)
	// verdict caches the activation decision for this PC's package: generation<<1 | enabled.
	verdict atomic.Uint64
}

const callerSlots = 1 << 10

// callerCache maps program counters to resolved callers: a fixed array of slots indexed
// by a hash of the PC, each holding the last caller seen there. Lookups take no lock and
// allocate nothing; a miss resolves the PC and replaces the slot.
type callerCache struct {
	slots [callerSlots]atomic.Pointer[callerInfo]
}

var unknownCaller = &callerInfo{function: "<unknown>", file: "<unknown>", filePath: "<unknown>",
	json: format.AppendCallerJSON(nil, "", "<unknown>", "<unknown>", 0)}

func (c *callerCache) lookup(pc uintptr) *callerInfo {
	if pc == 0 {
		return unknownCaller
	}
	slot := &c.slots[(pc^pc>>10^pc>>20)&(callerSlots-1)]
	if ci := slot.Load(); ci != nil && ci.pc == pc {
		return ci
	}
	ci := resolveCaller(pc)
	slot.Store(ci)
	return ci
}

func resolveCaller(pc uintptr) *callerInfo {
	frames := runtime.CallersFrames([]uintptr{pc})
	f, _ := frames.Next()
	ci := &callerInfo{pc: pc, filePath: f.File, file: filepath.Base(f.File), line: f.Line}
	ci.name, ci.function = splitFuncName(f.Function)
	ci.module = ci.name
	if i := strings.LastIndexByte(ci.name, '/'); i >= 0 {
		ci.module = ci.name[i+1:]
	}
	if f.Function == "" {
		ci.function, ci.file, ci.filePath = "<unknown>", "<unknown>", "<unknown>"
	}
	ci.json = format.AppendCallerJSON(nil, ci.name, ci.function, ci.file, ci.line)
	return ci
}

// splitFuncName splits a runtime function name ("github.com/a/b.(*T).M") into the
// package path ("github.com/a/b") and the function ("(*T).M").
func splitFuncName(fn string) (pkg, function string) {
	slash := strings.LastIndexByte(fn, '/')
	dot := strings.IndexByte(fn[slash+1:], '.')
	if dot < 0 {
		return fn, ""
	}
	dot += slash + 1
	pkg = fn[:dot]
	if strings.Contains(pkg, "%2e") {
		pkg = strings.ReplaceAll(pkg, "%2e", ".")
	}
	return pkg, fn[dot+1:]
}
