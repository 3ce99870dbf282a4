package rotspec

import "testing"

func TestParseCompression(t *testing.T) {
	for _, c := range []struct {
		spec string
		want Compression
	}{
		{"", None},
		{"  ", None},
		{"none", None},
		{"NONE", None},
		{"gz", Gzip},
		{"bz2", Bzip2},
		{"xz", Xz},
		{"zst", Zstd},
		{"zip", Zip},
		{"tar", Tar},
		{"tar.gz", TarGz},
		{"tar.bz2", TarBz2},
		{"tar.xz", TarXz},
		{".gz", Gzip},
		{".tar.gz", TarGz},
		{" TAR.GZ ", TarGz},
		{"Gz", Gzip},
		{"\t.ZIP\n", Zip},
		{"gzip", Gzip},
		{"GZIP", Gzip},
		{"bzip2", Bzip2},
		{"zstd", Zstd},
		{" Zstandard ", Zstd},
		{"tgz", TarGz},
		{".tgz", TarGz},
		{"tar.gzip", TarGz},
		{"tbz2", TarBz2},
		{"tbz", TarBz2},
		{"tar.bzip2", TarBz2},
		{"txz", TarXz},
	} {
		got, err := ParseCompression(c.spec)
		if err != nil || got != c.want {
			t.Errorf("ParseCompression(%q) = %v, %v; want %v", c.spec, got, err, c.want)
		}
	}
}

func TestParseCompressionErrors(t *testing.T) {
	const want = "unknown format; use gz (or gzip), bz2 (bzip2), xz, zst (zstd), zip, tar, tar.gz (tgz), tar.bz2 (tbz2) or tar.xz (txz)"
	// loguru's invalid formats (8.7 item 8), loguru's "lzma" (not offered), and others.
	for _, spec := range []string{"rar", ".7z", "tar.zip", "lzma", "gzipp", "zstdd", "bzip", "tar.zstd", ".", "..gz", "gz.", "tar.", "tar gz", "g z", "gz\x00", "tar.gz.gz", "tgzz", "0", "true"} {
		got, err := ParseCompression(spec)
		if err == nil {
			t.Errorf("ParseCompression(%q) = %v, want an error", spec, got)
			continue
		}
		if got != None {
			t.Errorf("ParseCompression(%q) = %v with an error, want None", spec, got)
		}
		checkErr(t, "compression", spec, err, want)
	}
}

func TestCompressionNames(t *testing.T) {
	for _, c := range []struct {
		c         Compression
		str, ext  string
		roundTrip bool
	}{
		{None, "none", "", true},
		{Gzip, "gz", ".gz", true},
		{Bzip2, "bz2", ".bz2", true},
		{Xz, "xz", ".xz", true},
		{Zstd, "zst", ".zst", true},
		{Zip, "zip", ".zip", true},
		{Tar, "tar", ".tar", true},
		{TarGz, "tar.gz", ".tar.gz", true},
		{TarBz2, "tar.bz2", ".tar.bz2", true},
		{TarXz, "tar.xz", ".tar.xz", true},
		{TarXz + 1, "Compression(10)", "", false},
		{255, "Compression(255)", "", false},
	} {
		if got := c.c.String(); got != c.str {
			t.Errorf("Compression(%d).String() = %q, want %q", c.c, got, c.str)
		}
		if got := c.c.Ext(); got != c.ext {
			t.Errorf("Compression(%d).Ext() = %q, want %q", c.c, got, c.ext)
		}
		if !c.roundTrip {
			continue
		}
		for _, s := range []string{c.str, c.ext} {
			if got, err := ParseCompression(s); err != nil || got != c.c {
				t.Errorf("ParseCompression(%q) = %v, %v; want %v", s, got, err, c.c)
			}
		}
	}
	var zero Compression
	if zero != None {
		t.Error("the zero Compression is not None")
	}
}

func TestExtDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = TarGz.Ext(); _ = TarGz.String() }); n != 0 {
		t.Errorf("Ext/String allocate %v times", n)
	}
}
