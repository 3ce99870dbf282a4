package render

import (
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
)

// refMessage renders msg the plain way: each placeholder on its own, given only the
// last argument with its key (a scan from the end), so that no index is involved.
func refMessage(msg string, args []slog.Attr, used *core.Keys) string {
	var dst []byte
	sc := fscanner{s: msg}
	for {
		lit, hasField, ok := sc.next()
		if !ok {
			return string(dst)
		}
		dst = encode.AppendTextLiteral(dst, lit)
		if !hasField {
			continue
		}
		var one []slog.Attr
		for i := len(args) - 1; i >= 0; i-- {
			if args[i].Key == sc.field.name {
				one = args[i : i+1]
				break
			}
		}
		dst = AppendMessageKeys(dst, sc.field.raw, one, true, false, used)
	}
}

// randomMessage returns a message of up to maxPieces pieces (literals, escapes,
// placeholders with specs and conversions, some invalid, some naming no argument) over
// keys k0…k(nkeys-1), and nargs arguments whose keys repeat.
func randomMessage(rng *rand.Rand, maxPieces, nkeys, nargs int) (string, []slog.Attr) {
	key := func() string { return "k" + strconv.Itoa(rng.IntN(nkeys)) }
	var sb strings.Builder
	for range rng.IntN(maxPieces + 1) {
		switch rng.IntN(12) {
		case 0:
			sb.WriteString("{{")
		case 1:
			sb.WriteString("}}")
		case 2:
			sb.WriteString("{" + key() + ":>6}")
		case 3:
			sb.WriteString("{" + key() + "!r}")
		case 4:
			sb.WriteString("{" + key() + "!x}") // unknown conversion: as written
		case 5:
			sb.WriteString("{missing}")
		case 6:
			sb.WriteString("{}")
		case 7:
			sb.WriteString(" text\t\x07 ")
		default:
			sb.WriteString("{" + key() + "}")
		}
	}
	if rng.IntN(4) == 0 {
		sb.WriteString("{unclosed")
	}
	args := make([]slog.Attr, nargs)
	for i := range args {
		if rng.IntN(3) == 0 {
			args[i] = slog.String(key(), "v"+strconv.Itoa(i)+"}{")
		} else {
			args[i] = slog.Int(key(), i)
		}
	}
	return sb.String(), args
}

// TestManyArgumentsMatchScan checks that the indexed lookup used for many arguments
// gives what a scan gives — the last argument with the key, escapes, specs, missing
// keys as written, the keys substituted — on random messages, few arguments and many,
// keys repeated, through the uncached path, the compiled one and the markup one.
func TestManyArgumentsMatchScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name                    string
		maxPieces, nkeys, nargs int
	}{
		{"few", 12, 6, 8},
		{"at threshold", 40, 10, argScanMax},
		{"many repeated", 60, 20, 200},
		{"many distinct", 80, 300, 300},
		{"many, few placeholders", argScansBeforeIndex, 50, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for iter := range 200 {
				msg, args := randomMessage(rng, tc.maxPieces, tc.nkeys, 1+rng.IntN(tc.nargs))
				var wantKeys core.Keys
				want := refMessage(msg, args, &wantKeys)
				var c MessageCache
				for path := range 5 {
					var keys core.Keys
					var got string
					switch path {
					case 0:
						got = string(AppendMessageKeys(nil, msg, args, true, false, &keys))
					case 1:
						got = string(AppendMessageKeys(nil, msg, args, true, true, &keys)) // no tags: valid markup
					default: // seen, compiled, cached
						got = string(c.AppendKeys(nil, msg, args, &keys))
					}
					if got != want {
						t.Fatalf("#%d path %d: %q with %d args\n got %q\nwant %q", iter, path, msg, len(args), got, want)
					}
					if keys.Len() != wantKeys.Len() {
						t.Fatalf("#%d path %d: %d keys substituted, want %d", iter, path, keys.Len(), wantKeys.Len())
					}
					for k := range tc.nkeys {
						if key := "k" + strconv.Itoa(k); keys.Has(key) != wantKeys.Has(key) {
							t.Fatalf("#%d path %d: Has(%q) = %v", iter, path, key, keys.Has(key))
						}
					}
				}
			}
		})
	}
}

// TestManyArgumentsLastWins pins the rule the index keeps: a repeated key gives the
// value of its last argument, whatever the number of arguments.
func TestManyArgumentsLastWins(t *testing.T) {
	for _, n := range []int{3, argScanMax, argScanMax + 1, 1000} {
		args := make([]slog.Attr, n)
		for i := range args {
			args[i] = slog.Int("k"+strconv.Itoa(i%3), i)
		}
		var sb strings.Builder
		for range 2 * argScansBeforeIndex { // enough lookups to index
			sb.WriteString("{k0} {k1} {k2} {k3} ")
		}
		want := strings.Repeat(strconv.Itoa(n-1-(n-1)%3)+" "+strconv.Itoa(n-1-(n-2)%3)+" "+
			strconv.Itoa(n-1-(n-3)%3)+" {k3} ", 2*argScansBeforeIndex)
		var c MessageCache
		for path := range 3 {
			var got string
			if path == 0 {
				got = string(AppendMessage(nil, sb.String(), args, true, false))
			} else {
				got = string(c.Append(nil, sb.String(), args))
			}
			if got != want {
				t.Errorf("n=%d path %d:\n got %q\nwant %q", n, path, got, want)
			}
		}
	}
}
