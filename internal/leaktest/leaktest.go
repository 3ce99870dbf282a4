// Package leaktest enforces the project standard "every goroutine you start is stopped by
// Close; tests leave no goroutine or temp file behind" for a whole test binary.
//
// It is test-support code: only _test.go files import it, from a TestMain:
//
//	func TestMain(m *testing.M) { leaktest.Main(m) }
//
// Around m.Run it checks three things, and fails the binary (exit code 1) when one breaks:
//
//   - Goroutines. Every goroutine started while the tests ran must have ended. The check
//     records the goroutines alive before m.Run, and afterwards polls until none of the
//     others is left, up to a deadline of a few seconds, so that a goroutine that is merely
//     finishing its last instructions is not reported. The goroutines it still finds are
//     printed with their stacks. The runtime's own goroutines and a short, explicit list of
//     standard-library goroutines that live until the process ends (see [ignored]) do not count.
//   - File descriptors (Linux only, read from /proc/self/fd). No more descriptors may be open
//     after the tests than before; the new ones are printed with what they point to. An
//     *os.File dropped without Close escapes this check if the garbage collector has
//     closed it by then; run the tests with GOGC=off (and a GOMEMLIMIT) to rule that out.
//   - Temporary files. The tests run with TMPDIR set to a fresh directory, so everything
//     they create through os.TempDir, os.CreateTemp, os.MkdirTemp or t.TempDir lands there,
//     and so does what the processes they start create. It must be empty after the tests;
//     whatever is left is listed, then removed.
//
// The checks run after failed tests too, and only add to the failure: a test that fails
// usually still runs its cleanups, so what it leaves behind is worth knowing.
//
// The polling in the goroutine check is the one place where waiting for background work
// is allowed: it is the final leak check, not a test waiting for a result.
package leaktest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// settleTimeout bounds how long Check waits for the goroutines started by the tests to end.
const settleTimeout = 5 * time.Second

// ignored lists the entry functions of goroutines that the standard library starts once and
// keeps until the process exits. They are not leaks of the code under test: nothing can
// stop them.
var ignored = []string{
	// signal.Notify starts one goroutine per process that delivers signals to the
	// registered channels; signal.Stop and signal.Reset do not end it.
	"os/signal.loop",
}

// Main runs the tests of m with Check and exits with its code. Call it from TestMain.
func Main(m *testing.M) {
	os.Exit(Check(m))
}

// Check runs the tests of m and returns the exit code for os.Exit: m.Run's code, or 1
// when the tests passed but left goroutines, file descriptors or temporary files behind.
// The leaks are described on standard error.
func Check(m *testing.M) int {
	tmp, restoreTmp, err := privateTempDir()
	if err != nil {
		fmt.Fprintf(os.Stderr, "leaktest: %v\n", err)
		return 1
	}
	startPoller()
	fdsBefore, fdsOK := openFDs()
	before := goroutines()

	code := m.Run()

	var problems []string
	if leaked := settle(before, settleTimeout); len(leaked) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "%d goroutine(s) started by the tests are still running:\n", len(leaked))
		for _, g := range leaked {
			fmt.Fprintf(&b, "\n%s\n", g.stack)
		}
		problems = append(problems, b.String())
	}
	if fdsOK {
		if extra := settleFDs(fdsBefore); len(extra) > 0 {
			problems = append(problems, fmt.Sprintf("%d file descriptor(s) more are open than before the tests:\n\t%s\n",
				len(extra), strings.Join(extra, "\n\t")))
		}
	}
	restoreTmp()
	if tmp != "" {
		if left, err := leftovers(tmp); err != nil {
			problems = append(problems, fmt.Sprintf("cannot check the temporary directory: %v\n", err))
		} else if len(left) > 0 {
			problems = append(problems, fmt.Sprintf("the tests left %d temporary file(s) behind (now removed):\n\t%s\n",
				len(left), strings.Join(left, "\n\t")))
		}
		os.RemoveAll(tmp)
	}

	for _, p := range problems {
		fmt.Fprintf(os.Stderr, "leaktest: %s", p)
	}
	if len(problems) > 0 {
		fmt.Fprintln(os.Stderr, "FAIL: leaktest: the tests left resources behind")
		if code == 0 {
			code = 1
		}
	}
	return code
}

// goroutine is one entry of a runtime.Stack dump.
type goroutine struct {
	id    uint64
	entry string // the function the goroutine started with; "" when its stack was elided
	stack string // the whole entry, header included
}

// goroutines returns every goroutine the runtime reports to runtime.Stack, that is all
// but the runtime's system goroutines.
func goroutines() []goroutine {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return parseStacks(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}

// parseStacks splits a runtime.Stack(buf, true) dump into goroutines. An entry reads
//
//	goroutine 7 [chan receive]:
//	pkg.f(...)
//		/path/file.go:12 +0x1d
//	created by pkg.g in goroutine 1
//		/path/file.go:30 +0x45
//
// with a function line and a position line per frame, innermost first.
func parseStacks(dump []byte) []goroutine {
	var out []goroutine
	for _, block := range bytes.Split(bytes.TrimSpace(dump), []byte("\n\n")) {
		lines := strings.Split(string(block), "\n")
		rest, ok := strings.CutPrefix(lines[0], "goroutine ")
		if !ok {
			continue
		}
		idText, _, _ := strings.Cut(rest, " ")
		id, err := strconv.ParseUint(idText, 10, 64)
		if err != nil {
			continue
		}
		g := goroutine{id: id, stack: string(block)}
		for _, l := range lines[1:] {
			switch {
			case strings.HasPrefix(l, "\t"): // a position line
			case strings.HasPrefix(l, "created by "):
				goto done
			case strings.HasPrefix(l, "..."): // "...additional frames elided..."
				g.entry = ""
				goto done
			default:
				g.entry = funcName(l)
			}
		}
	done:
		out = append(out, g)
	}
	return out
}

// funcName returns the function of a frame line such as "pkg.(*T).m(0x1, ...)" or
// "pkg.f.func1()": everything before the argument list.
func funcName(line string) string {
	if i := strings.LastIndexByte(line, '('); i > 0 && strings.HasSuffix(line, ")") {
		line = line[:i]
	}
	return line
}

// settle polls until no goroutine other than those in before (and the ignored ones) runs,
// or until timeout, and returns those still running then. It yields the processor first
// and sleeps ever longer after, so that goroutines told to stop get to finish.
func settle(before []goroutine, timeout time.Duration) []goroutine {
	known := make(map[uint64]bool, len(before))
	for _, g := range before {
		known[g.id] = true
	}
	deadline := time.Now().Add(timeout)
	wait := time.Millisecond
	for i := 0; ; i++ {
		var leaked []goroutine
		for _, g := range goroutines() {
			if !known[g.id] && !ignorable(g) {
				leaked = append(leaked, g)
			}
		}
		if len(leaked) == 0 || time.Now().After(deadline) {
			return leaked
		}
		if i < 100 {
			runtime.Gosched()
			continue
		}
		time.Sleep(wait)
		wait = min(2*wait, 100*time.Millisecond)
	}
}

// ignorable tells the goroutines that are not the tests' to stop.
func ignorable(g goroutine) bool {
	// The runtime's own goroutines: runtime.Stack hides them, except the finalizer and
	// cleanup goroutines (runtime.runFinalizers, runtime.runCleanups) while they run user
	// code; they outlive every test by design.
	if strings.HasPrefix(g.entry, "runtime.") {
		return true
	}
	return slices.Contains(ignored, g.entry)
}

// openFDs lists the open file descriptors of the process with what each points to, and
// reports whether the platform lets it (Linux, through /proc/self/fd). The descriptor that
// reads the directory is among them; it is there at every call.
func openFDs() (map[string]string, bool) {
	if runtime.GOOS != "linux" {
		return nil, false
	}
	const dir = "/proc/self/fd"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	fds := make(map[string]string, len(entries))
	for _, e := range entries {
		target, err := os.Readlink(filepath.Join(dir, e.Name()))
		if err != nil {
			continue // the directory's own descriptor, closed by now
		}
		fds[e.Name()] = target
	}
	return fds, true
}

// startPoller makes the runtime open the descriptors of its network poller (an epoll
// instance and an eventfd on Linux), which it does at the first pollable file and keeps for
// the life of the process: opened before the count, they are not taken for the tests'.
func startPoller() {
	r, w, err := os.Pipe()
	if err == nil {
		r.Close()
		w.Close()
	}
}

// settleFDs returns the descriptors open now but not in before, "fd -> target" each. A
// descriptor can close an instant after the goroutines using it ended (the poller closes
// a file once its last reader or writer returns), so it looks again for a short while.
func settleFDs(before map[string]string) []string {
	deadline := time.Now().Add(time.Second)
	for {
		now, _ := openFDs()
		var extra []string
		for fd, target := range now {
			if old, ok := before[fd]; !ok || old != target {
				extra = append(extra, fd+" -> "+target)
			}
		}
		// A descriptor number reused for another file is new only if the count grew.
		if len(now) <= len(before) || time.Now().After(deadline) {
			if len(now) <= len(before) {
				return nil
			}
			slices.Sort(extra)
			return extra
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// tmpEnv names the private temporary directory of a test binary in the environment, so
// that the processes it starts (such as itself, re-executed to play a child) know that
// TMPDIR is already private. They keep using it: what they leave behind is the parent's to
// report, since such a child often ends by os.Exit or by being killed.
const tmpEnv = "LOGRU_LEAKTEST_TMPDIR"

// privateTempDir creates a directory for the tests' temporary files and points TMPDIR at
// it; restore puts TMPDIR back as it was. In a process started by a test binary under
// Check, it returns dir "": the parent's directory stays in use, and the parent checks it.
func privateTempDir() (dir string, restore func(), err error) {
	if d := os.Getenv(tmpEnv); d != "" && d == os.Getenv("TMPDIR") {
		return "", func() {}, nil
	}
	dir, err = os.MkdirTemp("", "leaktest-")
	if err != nil {
		return "", nil, fmt.Errorf("temporary directory: %w", err)
	}
	old, had := os.LookupEnv("TMPDIR")
	if err := os.Setenv("TMPDIR", dir); err != nil {
		os.Remove(dir)
		return "", nil, err
	}
	os.Setenv(tmpEnv, dir)
	return dir, func() {
		os.Unsetenv(tmpEnv)
		if had {
			os.Setenv("TMPDIR", old)
		} else {
			os.Unsetenv("TMPDIR")
		}
	}, nil
}

// leftovers lists what is in dir, relative to it; directories that hold something are
// listed through their content only.
func leftovers(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			if _, err := f.Readdirnames(1); err == io.EOF {
				out = append(out, rel+string(filepath.Separator))
			}
			return nil
		}
		out = append(out, rel)
		return nil
	})
	return out, err
}
