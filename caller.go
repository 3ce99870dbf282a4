package logru

import (
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/logru/logru/internal/render"
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
	json     []byte // the caller's members in a serialized record (render.AppendCallerJSON)
	// verdict caches the activation decision for this PC's package: generation<<1 | enabled.
	verdict atomic.Uint64
}

// The caller caches are 4-way set associative: a program counter hashes to a set of
// callerWays slots and may sit in any of them, so that a few hot call sites whose
// counters share a set do not evict each other on every record (each eviction costs a
// stack unwind and an allocation).
const (
	callerSlots = 1 << 10
	callerWays  = 4
)

// callerSet returns the first slot of pc's set.
func callerSet(pc uintptr) int {
	return int(uint64(pc)*0x9e3779b97f4a7c15>>(64-8)) * callerWays // 256 sets
}

// callerWay returns the slot a new entry takes in a full set: it depends on the key, so
// that concurrent misses for different keys spread over the set.
func callerWay(pc uintptr) int { return int(pc>>4) & (callerWays - 1) }

// callerCache maps program counters to resolved callers (see callerSlots). Lookups take
// no lock and allocate nothing; a miss resolves the PC and stores it in its set.
type callerCache struct {
	slots [callerSlots]atomic.Pointer[callerInfo]
}

var unknownCaller = &callerInfo{function: "<unknown>", file: "<unknown>", filePath: "<unknown>",
	json: render.AppendCallerJSON(nil, "", "<unknown>", "<unknown>", 0)}

func (c *callerCache) lookup(pc uintptr) *callerInfo {
	if pc == 0 {
		return unknownCaller
	}
	set := c.slots[callerSet(pc):][:callerWays]
	for i := range set {
		if ci := set[i].Load(); ci != nil && ci.pc == pc {
			return ci
		}
	}
	ci := resolveCaller(pc)
	for i := range set {
		if set[i].CompareAndSwap(nil, ci) {
			return ci
		}
	}
	set[callerWay(pc)].Store(ci)
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
	ci.json = render.AppendCallerJSON(nil, ci.name, ci.function, ci.file, ci.line)
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
