package timefmt

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// strftimeGolden is testdata/strftime.json, written by testdata/gen_strftime.py.
type strftimeGolden struct {
	Dates []struct {
		Unix   int64
		Nano   int64
		Zone   string
		Offset int
		Loc    string
		Wall   string
	}
	Rows [][2]json.RawMessage
}

// TestStrftimeGolden compares every glibc conversion, Python's own and a few
// that are not conversions, bare and with glibc's flags, widths and modifiers,
// with what CPython printed for them over awkward dates: years before 1000 and
// Python's first and last days, negative and odd offsets, unnamed zones, and
// the two sides of daylight-saving changes in real zones (checked in the zone
// itself, as a patcher would hand it, not only in a fixed one).
func TestStrftimeGolden(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "strftime.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g strftimeGolden
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	times := make([]time.Time, len(g.Dates))
	for i, d := range g.Dates {
		loc := time.FixedZone(d.Zone, d.Offset)
		if d.Loc != "" {
			if loc, err = time.LoadLocation(d.Loc); err != nil {
				t.Fatal(err)
			}
		}
		times[i] = time.Unix(d.Unix, d.Nano).In(loc)
		if name, off := times[i].Zone(); name != d.Zone || off != d.Offset {
			t.Fatalf("%s in %s is %s %d, Python had %q %d", d.Wall, d.Loc, name, off, d.Zone, d.Offset)
		}
	}
	compared := 0
	for _, row := range g.Rows {
		var spec string
		var wants []*string
		if err := json.Unmarshal(row[0], &spec); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(row[1], &wants); err != nil || len(wants) != len(times) {
			t.Fatalf("row %s: %v", row[0], err)
		}
		f, err := Compile(spec)
		if err != nil {
			t.Errorf("Compile(%q): %v", spec, err)
			continue
		}
		for i, want := range wants {
			if want == nil {
				continue
			}
			compared++
			if got := string(f.Append(nil, times[i])); got != *want {
				t.Errorf("Compile(%q).Append(%s %s) = %q, CPython %q", spec, g.Dates[i].Wall, g.Dates[i].Zone, got, *want)
			}
		}
	}
	if compared < 10000 {
		t.Errorf("only %d comparisons", compared)
	}
}
