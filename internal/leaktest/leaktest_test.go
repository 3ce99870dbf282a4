package leaktest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestMain(m *testing.M) { Main(m) }

func TestParseStacks(t *testing.T) {
	dump := "goroutine 1 [running]:\n" +
		"main.main()\n\t/src/main.go:10 +0x1d\n\n" +
		"goroutine 7 [chan receive]:\n" +
		"pkg.(*T).wait(0xc000010000, {0x1, 0x2})\n\t/src/t.go:12 +0x1d\n" +
		"pkg.(*T).run.func1()\n\t/src/t.go:30 +0x45\n" +
		"created by pkg.(*T).run in goroutine 1\n\t/src/t.go:29 +0x99\n\n" +
		"goroutine 9 [select]:\n" +
		"pkg.deep()\n\t/src/d.go:1 +0x1\n" +
		"...additional frames elided...\n" +
		"created by pkg.start in goroutine 1\n\t/src/d.go:9 +0x2\n"
	var got []goroutine
	for _, g := range parseStacks([]byte(dump)) {
		g.stack = ""
		got = append(got, g)
	}
	want := []goroutine{{id: 1, entry: "main.main"}, {id: 7, entry: "pkg.(*T).run.func1"}, {id: 9, entry: ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseStacks = %+v, want %+v", got, want)
	}
}

// The check sees a goroutine started after the snapshot and lets it go once it ends.
func TestSettleFindsLeak(t *testing.T) {
	before := goroutines()
	stop := make(chan struct{})
	go func() { <-stop }()
	leaked := settle(before, 50*time.Millisecond)
	if len(leaked) != 1 || leaked[0].entry != "github.com/logru/logru/internal/leaktest.TestSettleFindsLeak.func1" {
		t.Errorf("leaked %+v, want the one blocked goroutine", leaked)
	}
	close(stop)
	if leaked := settle(before, settleTimeout); len(leaked) != 0 {
		t.Errorf("after it ended, leaked %+v", leaked)
	}
}

func TestSettleFDsFindsOpenFile(t *testing.T) {
	before, ok := openFDs()
	if !ok {
		t.Skip("no /proc/self/fd")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "open"))
	if err != nil {
		t.Fatal(err)
	}
	if extra := settleFDs(before); len(extra) != 1 {
		t.Errorf("with a file open, extra descriptors %q, want one", extra)
	}
	f.Close()
	if extra := settleFDs(before); len(extra) != 0 {
		t.Errorf("after Close, extra descriptors %q", extra)
	}
}

func TestPrivateTempDir(t *testing.T) {
	dir := os.Getenv("TMPDIR")
	if !strings.HasPrefix(filepath.Base(dir), "leaktest-") {
		t.Fatalf("TMPDIR %q", dir)
	}
	if os.TempDir() != dir {
		t.Errorf("os.TempDir() = %q, want the private %q", os.TempDir(), dir)
	}
	sub := filepath.Join(t.TempDir(), "a")
	os.WriteFile(sub, nil, 0o600)
	left, err := leftovers(dir)
	if err != nil || len(left) != 1 { // t.TempDir's directory, with the file in it
		t.Errorf("leftovers %q, %v", left, err)
	}
}
