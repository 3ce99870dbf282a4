package rotspec

import "strconv"

// Compression is a compression format for rotated files. The zero value is None: no
// compression. Compression values are plain integers, safe for concurrent use.
type Compression uint8

// The compression formats. Gzip, Bzip2, Xz and Zstd compress the file as one stream;
// Zip and the Tar formats make an archive holding the file under its base name.
const (
	None   Compression = iota // no compression
	Gzip                      // "gz": gzip stream, file.log.gz
	Bzip2                     // "bz2": bzip2 stream, file.log.bz2
	Xz                        // "xz": xz stream, file.log.xz
	Zstd                      // "zst": Zstandard stream, file.log.zst
	Zip                       // "zip": zip archive, file.log.zip
	Tar                       // "tar": uncompressed tar archive, file.log.tar
	TarGz                     // "tar.gz": gzip-compressed tar archive, file.log.tar.gz
	TarBz2                    // "tar.bz2": bzip2-compressed tar archive, file.log.tar.bz2
	TarXz                     // "tar.xz": xz-compressed tar archive, file.log.tar.xz
)

// names holds each format's name, indexed by the Compression value.
var names = [...]string{"none", "gz", "bz2", "xz", "zst", "zip", "tar", "tar.gz", "tar.bz2", "tar.xz"}

// exts holds each format's file name extension, indexed by the Compression value.
var exts = [len(names)]string{"", ".gz", ".bz2", ".xz", ".zst", ".zip", ".tar", ".tar.gz", ".tar.bz2", ".tar.xz"}

// aliases are the other usual names of the formats: the tools' names and the short
// tar extensions.
var aliases = [...]struct {
	name string
	c    Compression
}{
	{"gzip", Gzip}, {"bzip2", Bzip2}, {"zstd", Zstd}, {"zstandard", Zstd},
	{"tgz", TarGz}, {"tar.gzip", TarGz}, {"tbz2", TarBz2}, {"tbz", TarBz2},
	{"tar.bzip2", TarBz2}, {"txz", TarXz},
}

// ParseCompression parses a compression format name: "gz", "bz2", "xz", "zst", "zip",
// "tar", "tar.gz", "tar.bz2" or "tar.xz", or an alias: "gzip", "bzip2", "zstd",
// "zstandard", "tgz", "tbz2", "tbz", "txz", "tar.gzip", "tar.bzip2". Case is ignored,
// and so are white space around the name and one leading "." (".tar.gz"). An empty
// spec, or "none", is None with no error. Anything else ("rar", "7z", "lzma",
// "tar.zip") is an error with the value None; its text is the reason alone (the
// caller names the option and the value).
func ParseCompression(s string) (Compression, error) {
	t := trimSpace(lowerASCII(s))
	if t == "" || t == "none" {
		return None, nil
	}
	if t[0] == '.' {
		t = t[1:]
	}
	for i := Gzip; int(i) < len(names); i++ {
		if names[i] == t {
			return i, nil
		}
	}
	for _, a := range aliases {
		if a.name == t {
			return a.c, nil
		}
	}
	return None, specError("compression", s, "unknown format; use gz (or gzip), bz2 (bzip2), xz, zst (zstd), zip, tar, tar.gz (tgz), tar.bz2 (tbz2) or tar.xz (txz)")
}

// Ext returns the extension the format adds to a file name, with its leading dot
// (".gz", ".tar.gz"), or "" for None and for values that are not a format.
func (c Compression) Ext() string {
	if int(c) >= len(exts) {
		return ""
	}
	return exts[c]
}

// String returns the format's name as ParseCompression accepts it ("gz", "tar.gz"),
// "none" for None, or "Compression(N)" for a value that is not a format.
func (c Compression) String() string {
	if int(c) >= len(names) {
		return "Compression(" + strconv.Itoa(int(c)) + ")"
	}
	return names[c]
}
