// Command shared shows several processes writing one log file: it starts three copies of
// itself, each logging 3,000 records to one path with Shared set, rotating every 64 KB
// and compressing rotated files with gzip; then it reads every file back and checks that
// each record is there exactly once, whole.
//
//	go run ./examples/shared
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/logru/logru"
)

const (
	workers = 3
	records = 3000
	envPath = "LOGRU_EXAMPLE_SHARED_PATH" // set in the copies: the file to write
	envID   = "LOGRU_EXAMPLE_SHARED_ID"
)

func main() {
	if path := os.Getenv(envPath); path != "" {
		work(path, os.Getenv(envID))
		return
	}
	dir, err := os.MkdirTemp("", "logru-shared-")
	check(err)
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "app.log")

	self, err := os.Executable()
	check(err)
	var cmds []*exec.Cmd
	for i := range workers {
		cmd := exec.Command(self)
		cmd.Env = append(os.Environ(), envPath+"="+path, fmt.Sprintf("%s=%d", envID, i))
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		check(cmd.Start())
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		check(cmd.Wait())
	}

	seen := map[string]int{}
	ents, err := os.ReadDir(dir)
	check(err)
	archives := 0
	for _, e := range ents {
		for _, line := range readLines(filepath.Join(dir, e.Name())) {
			seen[line]++
		}
		if strings.HasSuffix(e.Name(), ".gz") {
			archives++
		}
	}
	missing, doubled := 0, 0
	for w := range workers {
		for i := range records {
			switch seen[fmt.Sprintf("worker %d record %d", w, i)] {
			case 0:
				missing++
			case 1:
			default:
				doubled++
			}
		}
	}
	fmt.Printf("%d processes wrote %d records to one path: %d distinct found, %d missing, %d doubled; %d rotated files compressed\n",
		workers, workers*records, len(seen), missing, doubled, archives)
	if missing+doubled > 0 || len(seen) != workers*records {
		os.Exit(1)
	}
}

// work is one copy: it logs its records to path, shared with the other copies.
func work(path, id string) {
	l := logru.New()
	_, err := l.Add(logru.Handler{
		Sink:        path,
		Format:      "{message}",
		Shared:      true, // every process writing the path sets it
		Rotation:    "64 KB",
		Compression: "gz",
	})
	check(err)
	for i := range records {
		l.Info("worker {id} record {i}", "id", id, "i", i)
	}
	check(l.Close())
}

// readLines returns the lines of a log file, gunzipped when it is an archive.
func readLines(path string) []string {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		check(err)
		r = z
	}
	var lines []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	check(sc.Err())
	return lines
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
