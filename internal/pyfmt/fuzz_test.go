package pyfmt

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzValues are formatted with every spec FuzzParse accepts.
var fuzzValues = []any{
	"", "a", "héllo", "日本語 text", strings.Repeat("long string ", 20),
	int64(0), int64(1), int64(-1), int64(65), int64(0x1F600), int64(-1234567),
	int64(math.MinInt64), int64(math.MaxInt64),
	uint64(0), uint64(math.MaxUint64),
	0.0, negZero, 1.5, -1234.5678, 0.1, 1e16, 1e-7, -1e-300, 5e-324,
	math.MaxFloat64, -math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(),
	true, false,
}

func FuzzParse(f *testing.F) {
	for _, c := range pythonCases {
		f.Add(c.spec)
	}
	for _, c := range deviationCases {
		f.Add(c.spec)
	}
	for _, s := range []string{
		".", ",_", "é^20", "\xff<5", "*=+#030_x", "z#0,.3%", "0=4096,", "é^4096.4096",
		"=+4096,.4096f", "\x00<12c", "^#40_b", "4096.4096G",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		s, err := Parse(spec)
		if err != nil {
			if s != (Spec{}) {
				t.Fatalf("Parse(%q) returned a non-zero Spec with error %v", spec, err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "pyfmt: invalid format spec "+strconv.Quote(spec)+": ") {
				t.Fatalf("Parse(%q) error %q does not name the spec", spec, msg)
			}
			return
		}
		if s.String() != spec {
			t.Fatalf("Parse(%q).String() = %q", spec, s.String())
		}
		if s.width > maxWidth || s.prec > maxWidth {
			t.Fatalf("Parse(%q) accepted width %d precision %d", spec, s.width, s.prec)
		}
		anyOK := false
		for _, v := range fuzzValues {
			const prefix = "pre:"
			out, ok := appendValue(&s, []byte(prefix), v)
			if string(out[:len(prefix)]) != prefix {
				t.Fatalf("spec %q value %#v: dst prefix lost: %q", spec, v, out)
			}
			if !ok {
				if len(out) != len(prefix) {
					t.Fatalf("spec %q value %#v: ok=false but dst changed to %q", spec, v, out)
				}
				continue
			}
			anyOK = true
			body := out[len(prefix):]
			if !utf8.Valid(body) {
				t.Fatalf("spec %q value %#v: invalid UTF-8 output %q", spec, v, body)
			}
			if n := utf8.RuneCount(body); n < s.width {
				t.Fatalf("spec %q value %#v: output %q has %d runes, width is %d", spec, v, body, n, s.width)
			}
			again, _ := appendValue(&s, nil, v)
			if string(again) != string(body) {
				t.Fatalf("spec %q value %#v: %q then %q", spec, v, body, again)
			}
		}
		if !anyOK {
			t.Fatalf("Parse(%q) succeeded but the spec applies to no value", spec)
		}
	})
}

// FuzzFloat checks the 'f', 'e' and 'g' types (and their upper-case forms)
// with an explicit precision against strconv, which agrees with Python for
// them, and checks that the empty spec round-trips like Python's repr.
func FuzzFloat(f *testing.F) {
	for _, v := range []float64{0, 1, -1.5, 0.1, 2.5, 1e16, 1e-5, 5e-324, math.MaxFloat64, 1.0 / 3} {
		for _, p := range []uint16{0, 1, 2, 6, 17, 30} {
			for verb := byte(0); verb < 3; verb++ {
				f.Add(v, p, verb)
			}
		}
	}
	f.Fuzz(func(t *testing.T, v float64, p uint16, verb byte) {
		prec := int(p) % (maxWidth + 1)
		fmtc := "feg"[verb%3]
		upper := verb%6 >= 3
		spec := "." + strconv.Itoa(prec) + string(fmtc)
		if upper {
			spec = strings.ToUpper(spec)
		}
		s, err := Parse(spec)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := s.AppendFloat(nil, v)
		if !ok {
			t.Fatalf("%q: ok=false", spec)
		}
		var want string
		switch {
		case math.IsNaN(v):
			want = "nan"
		case math.IsInf(v, 1):
			want = "inf"
		case math.IsInf(v, -1):
			want = "-inf"
		default:
			want = strconv.FormatFloat(v, fmtc, prec, 64)
		}
		if upper {
			want = strings.ToUpper(want)
		}
		if string(got) != want {
			t.Fatalf("format(%v, %q) = %q, strconv gives %q", v, spec, got, want)
		}

		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		var empty Spec
		repr, _ := empty.AppendFloat(nil, v)
		back, err := strconv.ParseFloat(string(repr), 64)
		if err != nil || back != v || math.Signbit(back) != math.Signbit(v) {
			t.Fatalf("format(%v, \"\") = %q does not round-trip", v, repr)
		}
		// repr uses the shortest digits, like strconv's -1 precision.
		digits := func(s string) string {
			if i := strings.IndexByte(s, 'e'); i >= 0 {
				s = s[:i]
			}
			s = strings.TrimLeft(strings.NewReplacer("-", "", ".", "").Replace(s), "0")
			return strings.TrimRight(s, "0")
		}
		if a, b := digits(string(repr)), digits(strconv.FormatFloat(v, 'e', -1, 64)); a != b {
			t.Fatalf("format(%v, \"\") = %q: digits %q, shortest digits are %q", v, repr, a, b)
		}
	})
}
