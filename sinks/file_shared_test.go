//go:build unix

package sinks

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/logru/logru/internal/clock"
	"github.com/logru/logru/internal/fsys"
)

// The Shared tests run writers in child processes: the test binary itself, run with
// -test.run=^TestSharedHelperProcess$ and the environment below.
const (
	envSharedPath  = "LOGRU_SHARED_CHILD" // the path to write
	envSharedID    = "LOGRU_SHARED_ID"    // the child's number, in every line
	envSharedLines = "LOGRU_SHARED_LINES" // how many lines
	envSharedRot   = "LOGRU_SHARED_ROT"   // Rotation
	envSharedComp  = "LOGRU_SHARED_COMP"  // Compression
	envSharedClock = "LOGRU_SHARED_CLOCK" // "origin,base,speed": a clock running speed times faster
)

// sharedPad makes lines long enough that a few thousand fill a rotation.
const sharedPad = "the quick brown fox jumps over the lazy dog"

func sharedLine(id, i int) string {
	return fmt.Sprintf("p%d %07d %s\n", id, i, sharedPad)
}

// scaledClock runs speed times faster than the system clock from origin, reading base
// there; every process given the same three numbers reads the same time.
type scaledClock struct {
	origin, base time.Time
	speed        int64
}

func (c scaledClock) at(real time.Time) time.Time {
	return c.base.Add(time.Duration(int64(real.Sub(c.origin)) * c.speed))
}
func (c scaledClock) Now() time.Time                         { return c.at(time.Now()) }
func (c scaledClock) NewTicker(d time.Duration) clock.Ticker { return clock.System{}.NewTicker(d) }

// scaledFS reads creation times on the scaled clock.
type scaledFS struct {
	fsys.OS
	clk scaledClock
}

func (s scaledFS) Created(name string) (time.Time, error) {
	t, err := s.OS.Created(name)
	return s.clk.at(t), err
}

// TestSharedHelperProcess is a Shared writer when run as a child; otherwise it does
// nothing.
func TestSharedHelperProcess(t *testing.T) {
	path := os.Getenv(envSharedPath)
	if path == "" {
		return
	}
	id, _ := strconv.Atoi(os.Getenv(envSharedID))
	n, _ := strconv.Atoi(os.Getenv(envSharedLines))
	var errs []string
	var mu sync.Mutex
	opts := &FileOptions{Shared: true, Rotation: os.Getenv(envSharedRot), Compression: os.Getenv(envSharedComp),
		OnError: func(err error) { mu.Lock(); errs = append(errs, err.Error()); mu.Unlock() }}
	var clk clock.Clock = clock.System{}
	var fs fsys.FS = fsys.OS{}
	if spec := os.Getenv(envSharedClock); spec != "" {
		p := strings.Split(spec, ",")
		o, _ := strconv.ParseInt(p[0], 10, 64)
		b, _ := strconv.ParseInt(p[1], 10, 64)
		sp, _ := strconv.ParseInt(p[2], 10, 64)
		sc := scaledClock{origin: time.Unix(0, o), base: time.Unix(0, b).UTC(), speed: sp}
		clk, fs = sc, scaledFS{clk: sc}
	}
	f, err := newFile(path, opts, clk, fs)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if _, err := f.Write([]byte(sharedLine(id, i))); err != nil {
			t.Errorf("line %d: %v", i, err)
		}
	}
	if err := f.Close(); err != nil {
		t.Error(err)
	}
	if len(errs) > 0 {
		t.Errorf("OnError: %v", errs)
	}
}

// runShared runs procs children writing lines each to dir/app.log, and returns how long
// they took together.
func runShared(t testing.TB, dir string, procs, lines int, env ...string) time.Duration {
	t.Helper()
	start := time.Now()
	var wg sync.WaitGroup
	outs := make([]bytes.Buffer, procs)
	errs := make([]error, procs)
	for p := range procs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSharedHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), envSharedPath+"="+filepath.Join(dir, "app.log"),
			envSharedID+"="+strconv.Itoa(p), envSharedLines+"="+strconv.Itoa(lines))
		cmd.Env = append(cmd.Env, env...)
		cmd.Stdout, cmd.Stderr = &outs[p], &outs[p]
		if err := cmd.Start(); err != nil {
			if errors.Is(err, syscall.ENOEXEC) { // a cross-built binary run by an emulator
				t.Skipf("cannot start the test binary as a child: %v", err)
			}
			t.Fatal(err)
		}
		wg.Add(1)
		go func() { defer wg.Done(); errs[p] = cmd.Wait() }()
	}
	wg.Wait()
	for p, err := range errs {
		if err != nil {
			t.Errorf("process %d: %v\n%s", p, err, outs[p].String())
		}
	}
	return time.Since(start)
}

// checkShared checks that every line of every process is in dir's files exactly once,
// whole, and that each archive passes the system tool's test when it is installed. It
// returns how many files hold lines.
func checkShared(t *testing.T, dir string, procs, lines int) int {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := make([][]uint8, procs)
	for p := range seen {
		seen[p] = make([]uint8, lines)
	}
	for _, e := range ents {
		path := filepath.Join(dir, e.Name())
		b := decompress(t, path)
		for tool, ext := range map[string]string{"gzip": ".gz", "zstd": ".zst"} {
			if strings.HasSuffix(e.Name(), ext) {
				if bin, err := exec.LookPath(tool); err == nil {
					if out, err := exec.Command(bin, "-t", path).CombinedOutput(); err != nil {
						t.Errorf("%s -t %s: %v\n%s", tool, e.Name(), err, out)
					}
				}
			}
		}
		// Lines are "p<id> <7 digits> <pad>\n", all as long as each other.
		size := len(sharedLine(0, 0))
		if len(b)%size != 0 {
			t.Fatalf("%s: %d bytes, not a whole number of lines", e.Name(), len(b))
		}
		for off := 0; off < len(b); off += size {
			line := b[off : off+size]
			id := int(line[1] - '0')
			i, err := strconv.Atoi(string(line[3:10]))
			if line[0] != 'p' || id < 0 || id >= procs || err != nil || i < 0 || i >= lines ||
				line[2] != ' ' || line[10] != ' ' || string(line[11:size-1]) != sharedPad || line[size-1] != '\n' {
				t.Fatalf("%s: torn or foreign line %q", e.Name(), line)
			}
			seen[id][i]++
		}
	}
	for p := range seen {
		for i, n := range seen[p] {
			if n != 1 {
				t.Errorf("process %d line %d written %d times", p, i, n)
			}
		}
	}
	return len(ents)
}

// TestSharedSizeRotation: 4 processes × 100,000 lines (10,000 with -short) on one path
// with size rotation and each of gz and zst: every line exactly once, whole, and every
// archive sound.
func TestSharedSizeRotation(t *testing.T) {
	procs, lines := 4, 100000
	if testing.Short() {
		lines = 10000
	}
	for _, comp := range []string{"gz", "zst"} {
		t.Run(comp, func(t *testing.T) {
			dir := t.TempDir()
			took := runShared(t, dir, procs, lines, envSharedRot+"=1 MB", envSharedComp+"="+comp)
			files := checkShared(t, dir, procs, lines)
			t.Logf("%d processes × %d lines in %v (%.0f lines/s), %d files", procs, lines, took, float64(procs*lines)/took.Seconds(), files)
			if min := procs * lines * len(sharedLine(0, 0)) / 1000000; files < min {
				t.Errorf("%d files, want at least %d rotations", files, min)
			}
		})
	}
}

// TestSharedTimeRotation: 2 processes on one path rotating hourly by a clock that runs
// 36,000 times faster than the system's (an hour every 100 ms), the same for both:
// every line exactly once.
func TestSharedTimeRotation(t *testing.T) {
	lines := 30000
	if testing.Short() {
		lines = 5000
	}
	dir := t.TempDir()
	now := time.Now()
	spec := fmt.Sprintf("%d,%d,%d", now.UnixNano(), time.Date(2026, 3, 26, 12, 0, 0, 0, time.UTC).UnixNano(), 36000)
	runShared(t, dir, 2, lines, envSharedRot+"=hourly", envSharedComp+"=gz", envSharedClock+"="+spec)
	files := checkShared(t, dir, 2, lines)
	t.Logf("%d files", files)
}

// TestSharedInProcess: two Shared Files of one process on one path lock each other out
// like processes; an unshared File on that path is refused.
func TestSharedInProcess(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	opts := &FileOptions{Shared: true, Rotation: "4 KB", Compression: "gz"}
	a, err := NewFile(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewFile(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := NewFile(path, nil); err == nil || !strings.Contains(err.Error(), "already open") {
		if c != nil {
			c.Close()
		}
		t.Errorf("an unshared File on a shared path: %v", err)
	}
	const lines = 2000
	var wg sync.WaitGroup
	for id, f := range []*File{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range lines {
				if _, err := f.Write([]byte(sharedLine(id, i))); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	checkShared(t, dir, 2, lines)
}

// TestSharedRefusedOptions: Shared refuses what it cannot honour, naming Shared.
func TestSharedRefusedOptions(t *testing.T) {
	for _, o := range []FileOptions{
		{Shared: true, Buffering: 4096},
		{Shared: true, Naming: "index", Rotation: "1 MB"},
		{Shared: true, Compression: "gz"},
	} {
		f, err := NewFile(filepath.Join(t.TempDir(), "app.log"), &o)
		if err == nil {
			f.Close()
			t.Errorf("%+v accepted", o)
			continue
		}
		var oe *OptionError
		if !errors.As(err, &oe) || oe.Option != "Shared" {
			t.Errorf("%+v: %v, want an *OptionError naming Shared", o, err)
		}
	}
	if f, err := NewFile(filepath.Join(t.TempDir(), "app-{time}.log"), &FileOptions{Shared: true}); err == nil {
		f.Close()
		t.Error("a {time} path accepted with Shared")
	}
}

// BenchmarkFileShared compares a Shared File with an unshared one, in one process, each
// line written at once (the Shared one locks, checks the path and unlocks around each).
func BenchmarkFileShared(b *testing.B) {
	line := []byte(sharedLine(0, 0))
	for _, shared := range []bool{false, true} {
		b.Run(map[bool]string{false: "unshared", true: "shared"}[shared], func(b *testing.B) {
			f, err := NewFile(filepath.Join(b.TempDir(), "app.log"), &FileOptions{Shared: shared, Rotation: "64 MB"})
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.Write(line); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSharedRotationCloseErrorReported: a Shared File whose rotated file fails to close
// passes the error to OnError (it used to drop it), and writes on to the new file.
func TestSharedRotationCloseErrorReported(t *testing.T) {
	if !fsys.CanLock {
		t.Skip("no flock")
	}
	s := open(t, "app.log", &FileOptions{Shared: true, Rotation: "10 B"}, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	s.write("first line, long enough\n")
	s.fs.Fail(fsys.Rule{Op: fsys.OpClose, Times: 1, Err: syscall.EIO})
	s.write("second line\n")
	errs := s.errs.all()
	if len(errs) != 1 || !errors.Is(errs[0], syscall.EIO) || !strings.Contains(errs[0].Error(), "closing") {
		t.Fatalf("OnError got %v, want one close error wrapping EIO", errs)
	}
	s.close()
}

// TestSharedPathKeepsChanging: when the path never names the file just locked (here its
// Lstat always fails, as if another writer renamed it each time), a write gives up after
// sharedAttempts tries with an error naming the path, instead of looping for ever; once
// the path is stable again, writes go through.
func TestSharedPathKeepsChanging(t *testing.T) {
	dir := t.TempDir()
	fs := &fsys.Faulty{}
	s := openIn(t, dir, "app.log", &FileOptions{Shared: true}, clock.NewFake(time.Date(2026, 3, 26, 14, 30, 0, 0, time.UTC)), fs)
	if _, err := s.Write([]byte("first\n")); err != nil {
		t.Fatal(err)
	}
	fs.Fail(fsys.Rule{Op: fsys.OpStat, Path: "app.log", Err: syscall.ENOENT})
	before := fs.Calls(fsys.OpStat)
	_, err := s.Write([]byte("lost\n"))
	if err == nil || !strings.Contains(err.Error(), "keeps changing under the lock") || !strings.Contains(err.Error(), "app.log") {
		t.Fatalf("write while the path keeps changing: %v", err)
	}
	if n := fs.Calls(fsys.OpStat) - before; n <= sharedAttempts {
		t.Errorf("%d looks at the path, want one per attempt at least (%d)", n, sharedAttempts+1)
	}
	fs.Reset()
	if _, err := s.Write([]byte("second\n")); err != nil {
		t.Fatalf("write once the path is stable: %v", err)
	}
	s.close()
	if got := files(t, dir)["app.log"]; got != "first\nsecond\n" {
		t.Errorf("app.log = %q", got)
	}
}

// createHookFS calls afterCreate (when set) each time it creates a file with O_EXCL,
// between the creation and the return: the moment a rotating Shared File has created
// the new file at the path and not yet locked it.
type createHookFS struct {
	fsys.FS
	afterCreate func(name string)
}

func (h *createHookFS) OpenFile(name string, flag int, perm os.FileMode) (fsys.File, error) {
	file, err := h.FS.OpenFile(name, flag, perm)
	if err == nil && flag&os.O_EXCL != 0 && h.afterCreate != nil {
		h.afterCreate(name)
	}
	return file, err
}

// removeHookFS calls beforeRemove (when set) before each Remove.
type removeHookFS struct {
	fsys.FS
	beforeRemove func(name string)
}

func (h *removeHookFS) Remove(name string) error {
	if h.beforeRemove != nil {
		h.beforeRemove(name)
	}
	return h.FS.Remove(name)
}

// TestSharedNewFileTakenBeforeLocked: a Shared File (b) that rotates creates the new
// file at the path before it locks it. In between, another Shared File (a; here of this
// process, as it happened under load in TestSharedInProcess) opens that file from the
// path, locks it, writes it full, rotates it away and compresses it. b must then see that
// the path no longer names the file it locked, and write to the path's file: b used to
// write into the renamed file, after a's compressor had read it and before it removed
// it, and the line was lost with no error anywhere.
func TestSharedNewFileTakenBeforeLocked(t *testing.T) {
	if !fsys.CanLock {
		t.Skip("no flock")
	}
	dir := t.TempDir()
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	opts := &FileOptions{Shared: true, Rotation: "100 B", Compression: "gz"}
	line := func(who string, i int) string { return fmt.Sprintf("%s %d %s\n", who, i, strings.Repeat("x", 50)) }
	hook := &createHookFS{FS: fsys.OS{}}
	b := openIn(t, dir, "app.log", opts, clock.NewFake(t0), &fsys.Faulty{FS: hook})
	b.write(line("b", 0))

	var a *sink
	release, reached := make(chan struct{}), make(chan struct{})
	var compressed sync.Once
	hook.afterCreate = func(name string) {
		if filepath.Base(name) != "app.log" {
			return
		}
		hook.afterCreate = nil
		// a's compressor is held after it wrote the archive, before it removes the
		// rotated file (b's rotated files are another File's: not held).
		afs := &fsys.Faulty{FS: &removeHookFS{FS: fsys.OS{}, beforeRemove: func(name string) {
			if strings.Contains(filepath.Base(name), "app.20") {
				compressed.Do(func() { close(reached) })
				<-release
			}
		}}}
		a = openIn(t, dir, "app.log", opts, clock.NewFake(t0.Add(time.Hour)), afs)
		a.write(line("a", 0), line("a", 1)) // the second rotates the file b created
		select {
		case <-reached:
		case <-time.After(10 * time.Second):
			t.Fatal("a's rotated file was not compressed")
		}
	}
	b.write(line("b", 1)) // rotates: the hook runs between b's create and b's lock
	if a == nil {
		t.Fatal("the hook did not run")
	}
	close(release)
	a.close()
	b.close()
	a.noErrors()
	b.noErrors()

	seen := map[string]int{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		for _, l := range strings.SplitAfter(string(decompress(t, filepath.Join(dir, e.Name()))), "\n") {
			if l != "" {
				seen[l]++
			}
		}
	}
	for _, l := range []string{line("b", 0), line("b", 1), line("a", 0), line("a", 1)} {
		if seen[l] != 1 {
			t.Errorf("%q written %d times (files: %v)", l[:3], seen[l], ents)
		}
	}
	if len(seen) != 4 {
		t.Errorf("%d distinct lines, want 4: %v", len(seen), seen)
	}
}

// TestSharedRotationOpenFails: when a Shared rotation cannot create the new file, the
// line goes to the file just renamed aside, and that file's compression is queued only
// once the line is in it: the archive holds every line, and OnError hears of the
// failed rotation. (Queued before the write, the compressor could read the file first.)
func TestSharedRotationOpenFails(t *testing.T) {
	dir := t.TempDir()
	fs := &fsys.Faulty{}
	s := openIn(t, dir, "app.log", &FileOptions{Shared: true, Rotation: "100 B", Compression: "gz"},
		clock.NewFake(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)), fs)
	line := func(i int) string { return fmt.Sprintf("line %d %s\n", i, strings.Repeat("x", 60)) }
	s.write(line(0))
	fs.Fail(fsys.Rule{Op: fsys.OpOpen, Path: "app.log", Times: 1, Err: syscall.EACCES})
	s.write(line(1)) // rotates: the new app.log cannot be created
	s.close()
	errs := s.errs.all()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "rotating") {
		t.Fatalf("OnError got %v, want the failed rotation", errs)
	}
	var archived string
	for name, content := range files(t, dir) {
		if strings.HasSuffix(name, ".gz") {
			archived += string(decompress(t, filepath.Join(dir, name)))
		} else {
			t.Errorf("%s left uncompressed: %q", name, content)
		}
	}
	if archived != line(0)+line(1) {
		t.Errorf("archived %q, want both lines", archived)
	}
}
