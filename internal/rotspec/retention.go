package rotspec

import (
	"cmp"
	"slices"
	"strconv"
	"time"
)

// Retention is a parsed retention spec: a count of files to keep, a maximum age, or a
// maximum total size of the rotated files.
//
// A Retention is immutable once parsed and safe for concurrent use. The zero value, and
// a nil *Retention, keep everything: Select returns nil and String returns "".
type Retention struct {
	spec  string
	kind  retentionKind
	count int           // keepCount
	age   time.Duration // maxAge
	size  int64         // maxTotal
}

type retentionKind uint8

const (
	keepCount retentionKind = iota + 1
	maxAge
	maxTotal
)

// FileInfo describes one rotated file the sink produced (never the active file). A
// file and its compressed form are one file: pass one FileInfo for them.
type FileInfo struct {
	Path    string    // identifies the file; Select returns these strings
	ModTime time.Time // when the file was last written; orders files newest first
	Size    int64     // bytes on disk, for a total-size retention; negative counts as 0
}

const retentionHelp = "expected a count of files (\"10\"), an age (\"7 days\") or a total size (\"1 GB\")"

// ParseRetention parses a retention spec: a whole number of files to keep ("10", "0"),
// an age ("7 days", "1h 30min", "1 week, 2 days") or a total size ("1 GB", "500 MiB").
// The spec is case-insensitive and white space around it is ignored. An empty spec,
// anything else (weekdays, times of day, "daily", several conditions joined by "or")
// is an error naming the spec. ParseRetention never panics.
func ParseRetention(s string) (*Retention, error) {
	low := trimSpace(lowerASCII(s))
	if low == "" {
		return nil, specError("retention", s, "empty spec; "+retentionHelp)
	}
	if _, multi := splitOr(low); multi {
		return nil, specError("retention", s, "conditions joined by \"or\" are not supported for retention; give one count, age or total size")
	}
	if allDigits(low) {
		n, err := strconv.Atoi(low)
		if err != nil {
			return nil, specError("retention", s, "count of files is too large")
		}
		return &Retention{spec: s, kind: keepCount, count: n}, nil
	}
	if _, tc, msg := parseRotationCond(low); looksLikeClock(low) || msg == "" && tc.kind != 0 && tc.kind != everyInterval {
		return nil, specError("retention", s, "a weekday, time of day or calendar word is a rotation schedule, not a retention; "+retentionHelp)
	}
	q, msg := parseQuantity(low)
	if msg != "" {
		return nil, specError("retention", s, msg)
	}
	switch q.kind {
	case sizeQuantity:
		return &Retention{spec: s, kind: maxTotal, size: q.bytes}, nil
	case intervalQuantity:
		return &Retention{spec: s, kind: maxAge, age: q.every}, nil
	case bareNumber:
		return nil, specError("retention", s, "a count of files must be a whole number; for an age or a size add a unit (\""+q.num.text+" days\", \""+q.num.text+" MB\")")
	}
	return nil, specError("retention", s, "cannot parse; "+retentionHelp)
}

// String returns the spec exactly as given to ParseRetention.
func (r *Retention) String() string {
	if r == nil {
		return ""
	}
	return r.spec
}

// Select returns the paths of the files to delete, given every rotated file of the sink
// (never the active file) and the time now:
//
//   - a count N keeps the N newest files and selects the others;
//   - an age selects the files whose ModTime is at or before now minus the age;
//   - a total size keeps the newest files while their cumulative Size is at most the
//     limit, and selects the first file that would pass it and every older file.
//
// Files are ordered newest first by ModTime, ties broken by Path (the greater Path
// counts as newer). Entries with the same Path are one file, described by the newest of
// them. The result lists each selected path once, oldest first, and never a path that
// is not in files; it is nil when nothing is selected. Select does not modify files.
func (r *Retention) Select(files []FileInfo, now time.Time) []string {
	if r == nil || r.kind == 0 || len(files) == 0 {
		return nil
	}
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b FileInfo) int {
		if c := b.ModTime.Compare(a.ModTime); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Path, a.Path); c != 0 {
			return c
		}
		return cmp.Compare(b.Size, a.Size) // only for repeated entries of one path
	})
	// Drop repeated paths, keeping the first (newest) entry of each.
	seen := make(map[string]struct{}, len(sorted))
	out := sorted[:0]
	for _, f := range sorted {
		if _, dup := seen[f.Path]; !dup {
			seen[f.Path] = struct{}{}
			out = append(out, f)
		}
	}
	sorted = out
	// Every kind keeps a prefix of the newest-first order; find its length.
	keep := len(sorted)
	switch r.kind {
	case keepCount:
		keep = min(r.count, len(sorted))
	case maxAge:
		cutoff := now.Round(0).Add(-r.age)
		keep = 0
		for keep < len(sorted) && sorted[keep].ModTime.After(cutoff) {
			keep++
		}
	case maxTotal:
		var total int64
		keep = 0
		for keep < len(sorted) {
			sz := max(sorted[keep].Size, 0)
			if sz > r.size-total { // total stays <= r.size, so this cannot overflow
				break
			}
			total += sz
			keep++
		}
	}
	if keep >= len(sorted) {
		return nil
	}
	paths := make([]string, 0, len(sorted)-keep)
	for i := len(sorted) - 1; i >= keep; i-- {
		paths = append(paths, sorted[i].Path)
	}
	return paths
}
