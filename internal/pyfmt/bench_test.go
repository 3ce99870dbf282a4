package pyfmt

import "testing"

func mustParse(tb testing.TB, spec string) *Spec {
	s, err := Parse(spec)
	if err != nil {
		tb.Fatal(err)
	}
	return &s
}

func BenchmarkAppend(b *testing.B) {
	for _, c := range []struct {
		name, spec string
		run        func(s *Spec, dst []byte) []byte
	}{
		{"string/>10", ">10", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendString(dst, "hello"); return dst }},
		{"string/<8", "<8", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendString(dst, "INFO"); return dst }},
		{"string/empty", "", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendString(dst, "hello"); return dst }},
		{"int/>10", ">10", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendInt(dst, 12345); return dst }},
		{"int/,d", ",d", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendInt(dst, 1234567890); return dst }},
		{"int/03d", "03d", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendInt(dst, 20); return dst }},
		{"float/.2f", ".2f", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendFloat(dst, 3.14159); return dst }},
		{"float/08.3f", "08.3f", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendFloat(dst, -3.14159); return dst }},
		{"float/>10", ">10", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendFloat(dst, 3.14159); return dst }},
		{"float/empty", "", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendFloat(dst, 0.1); return dst }},
		{"bool/>6", ">6", func(s *Spec, dst []byte) []byte { dst, _ = s.AppendBool(dst, true); return dst }},
	} {
		b.Run(c.name, func(b *testing.B) {
			s := mustParse(b, c.spec)
			dst := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				dst = c.run(s, dst[:0])
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("*^+#012,.3f"); err != nil {
			b.Fatal(err)
		}
	}
}
