package archive

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// tool is a system program that checks archives, and the package that installs it.
type tool struct{ cmd, pkg string }

var (
	gzipTool  = tool{"gzip", "gzip"}
	bzip2Tool = tool{"bzip2", "bzip2"}
	xzTool    = tool{"xz", "xz-utils"}
	zstdTool  = tool{"zstd", "zstd"}
	unzipTool = tool{"unzip", "unzip"}
	tarTool   = tool{"tar", "tar"}
)

// streamTools maps a stream format (alone or under tar) to the program that decompresses it.
var streamTools = map[Format]tool{
	Gzip: gzipTool, TarGz: gzipTool,
	Bzip2: bzip2Tool, TarBz2: bzip2Tool,
	Xz: xzTool, TarXz: xzTool,
	Zstd: zstdTool,
}

// run runs a tool with stdin and returns its standard output; it skips t when the tool is
// not installed and fails it when the tool fails.
func (tl tool) run(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	path, err := exec.LookPath(tl.cmd)
	if err != nil {
		t.Skipf("%s not found: install the %s package to check archives with it", tl.cmd, tl.pkg)
	}
	cmd := exec.Command(path, args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", tl.cmd, strings.Join(args, " "), err, stderr.Bytes())
	}
	return stdout.Bytes()
}

// checkWithTools tests the archive at path with the system's tools, and compares what they
// extract with want, which they must list under the name base.
func checkWithTools(t *testing.T, path string, f Format, base string, want []byte) {
	t.Helper()
	same := func(what string, got []byte) {
		t.Helper()
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes differ from the %d of the source", what, len(got), len(want))
		}
	}
	listsBase := func(what string, list []byte) {
		t.Helper()
		if string(list) != base+"\n" {
			t.Errorf("%s lists %q, want only %q", what, list, base)
		}
	}
	switch f {
	case Gzip, Bzip2, Xz, Zstd:
		tl := streamTools[f]
		tl.run(t, nil, "-t", path)
		same(tl.cmd+" -dc", tl.run(t, nil, "-dc", path))
	case Zip:
		unzipTool.run(t, nil, "-tq", path)
		listsBase("unzip -Z1", unzipTool.run(t, nil, "-Z1", path))
		same("unzip -p", unzipTool.run(t, nil, "-p", path))
	case Tar:
		listsBase("tar -tf", tarTool.run(t, nil, "-tf", path))
		same("tar -xOf", tarTool.run(t, nil, "-xOf", path))
	case TarGz, TarBz2, TarXz:
		tl := streamTools[f]
		tl.run(t, nil, "-t", path)
		tarball := tl.run(t, nil, "-dc", path)
		listsBase(tl.cmd+" -dc | tar -tf -", tarTool.run(t, tarball, "-tf", "-"))
		same(tl.cmd+" -dc | tar -xOf -", tarTool.run(t, tarball, "-xOf", "-"))
	}
}
