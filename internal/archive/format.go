package archive

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"io"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/dsnet/compress/bzip2"
	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
)

// Format is a compression format. The zero Format is not valid.
type Format uint8

// The formats Compress writes. Gzip, Bzip2, Xz and Zstd compress src as one stream; Zip
// and Tar (and Tar compressed as a whole by TarGz, TarBz2 and TarXz) hold src as a member
// named by its base name.
const (
	Gzip   Format = iota + 1 // a gzip stream (".gz"), deflate level 1 (gzip -1)
	Bzip2                    // a bzip2 stream (".bz2"), 600 kB blocks (bzip2 -6)
	Xz                       // an xz stream (".xz"), LZMA2 with a 1 MiB dictionary, CRC64
	Zstd                     // a Zstandard frame (".zst"), the encoder's fastest level, with checksum
	Zip                      // a zip archive (".zip"), its member deflated at level 1
	Tar                      // an uncompressed tar archive (".tar")
	TarGz                    // a tar archive in a gzip stream (".tar.gz")
	TarBz2                   // a tar archive in a bzip2 stream (".tar.bz2")
	TarXz                    // a tar archive in an xz stream (".tar.xz")
)

// Ext returns the file name extension the format adds: ".gz", ".bz2", ".xz", ".zst",
// ".zip", ".tar", ".tar.gz", ".tar.bz2" or ".tar.xz". It returns "" for a Format that is not
// one of the constants.
func (f Format) Ext() string {
	if f.valid() {
		return specs[f].ext
	}
	return ""
}

func (f Format) valid() bool { return f >= Gzip && f <= TarXz }

// codec is the stream compressor a format runs its output through.
type codec uint8

const (
	noCodec codec = iota
	gzipCodec
	bzip2Codec
	xzCodec
	zstdCodec
)

// container is how a format holds src: as the whole stream, or as a member.
type container uint8

const (
	rawStream container = iota
	tarMember
	zipMember
)

type spec struct {
	ext       string
	codec     codec
	container container
}

var specs = [...]spec{
	Gzip:   {".gz", gzipCodec, rawStream},
	Bzip2:  {".bz2", bzip2Codec, rawStream},
	Xz:     {".xz", xzCodec, rawStream},
	Zstd:   {".zst", zstdCodec, rawStream},
	Zip:    {".zip", noCodec, zipMember},
	Tar:    {".tar", noCodec, tarMember},
	TarGz:  {".tar.gz", gzipCodec, tarMember},
	TarBz2: {".tar.bz2", bzip2Codec, tarMember},
	TarXz:  {".tar.xz", xzCodec, tarMember},
}

// Levels and sizes. The compressor runs on the file sink's single background worker, which
// must finish each rotated file before the next rotation; logs are repetitive text that
// compresses well even at the fastest settings, so every codec runs at a fast level. The
// figures behind these choices (16 MiB of generated log lines, one core) are in the package
// documentation.
const (
	// deflateLevel is used for gzip and for zip's deflate. Level 1 ran 2.5 times as fast as
	// the default level 6 (155 against 61 MB/s) for an archive 24% larger.
	deflateLevel = flate.BestSpeed
	// bzip2Level picks 600 kB blocks. bzip2's speed hardly depends on the level (14 MB/s at
	// 1 and 6, 12 at 9); the block size sets its memory, and 9 gained 1% in size.
	bzip2Level = 6
	// xzDictCap is the LZMA2 dictionary, xz -1's size. On log text this Go encoder runs
	// twice as fast with 1 MiB as with xz's default 8 MiB, for the same ratio: log lines
	// repeat what came shortly before.
	xzDictCap = 1 << 20
	// readChunk is how much of src is read, compressed and written between two checks of
	// the stop channel.
	readChunk = 256 << 10
	// writeBuffer gathers the compressors' small writes into large writes to the file.
	writeBuffer = 64 << 10
)

// newCodec returns a writer that compresses into w. name and mtime, when set, go into the
// gzip header (gunzip -N restores them).
func newCodec(c codec, w io.Writer, name string, mtime time.Time) (io.WriteCloser, error) {
	switch c {
	case gzipCodec:
		zw, err := gzip.NewWriterLevel(w, deflateLevel)
		if err != nil {
			return nil, err
		}
		if latin1(name) {
			zw.Name = name
		}
		zw.ModTime = mtime
		return zw, nil
	case bzip2Codec:
		return bzip2.NewWriter(w, &bzip2.WriterConfig{Level: bzip2Level})
	case xzCodec:
		return xz.WriterConfig{DictCap: xzDictCap, CheckSum: xz.CRC64}.NewWriter(w)
	case zstdCodec:
		// Concurrency 1 makes the encoder compress synchronously in Write and Close: it
		// starts no goroutine, so it uses one core and cannot leak. The fastest level ran at
		// 285 MB/s against 190 for the default, and compressed logs as well (its 4 MiB
		// window suits them). Zero frames makes an empty src a valid, non-empty .zst.
		return zstd.NewWriter(w,
			zstd.WithEncoderConcurrency(1),
			zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithEncoderCRC(true),
			zstd.WithZeroFrames(true))
	default:
		return nopCloser{w}, nil
	}
}

// latin1 reports whether name can go into a gzip header, which holds ISO 8859-1 text
// without NUL; plain ASCII is kept to avoid reinterpreting UTF-8 bytes.
func latin1(name string) bool {
	for i := 0; i < len(name); i++ {
		if name[i] == 0 || name[i] >= 0x80 {
			return false
		}
	}
	return name != ""
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// encoder is the chain a format writes src into.
type encoder struct {
	body   io.Writer      // where src's bytes go
	member io.Closer      // the tar or zip writer, if any
	stream io.WriteCloser // the codec
}

// close finishes the member and the stream, in that order.
func (e *encoder) close() error {
	if e.member != nil {
		if err := e.member.Close(); err != nil {
			return err
		}
	}
	return e.stream.Close()
}

// newEncoder builds the chain for format s writing to w, for src described by fi and named
// name (its base name).
func newEncoder(s spec, w io.Writer, name string, fi fs.FileInfo) (*encoder, error) {
	var (
		gzName  string
		gzMtime time.Time
	)
	if s.container == rawStream {
		gzName, gzMtime = name, fi.ModTime()
	}
	stream, err := newCodec(s.codec, w, gzName, gzMtime)
	if err != nil {
		return nil, err
	}
	e := &encoder{body: stream, stream: stream}
	switch s.container {
	case tarMember:
		hdr, err := tar.FileInfoHeader(fi, "")
		if err != nil {
			return nil, err
		}
		hdr.Name = name
		hdr.Format = tar.FormatUnknown // the writer picks USTAR when it can, else PAX
		tw := tar.NewWriter(stream)
		if err := tw.WriteHeader(hdr); err != nil {
			return nil, err
		}
		e.body, e.member = tw, tw
	case zipMember:
		hdr, err := zip.FileInfoHeader(fi)
		if err != nil {
			return nil, err
		}
		hdr.Name = filepath.ToSlash(name)
		hdr.Method = zip.Deflate
		zw := zip.NewWriter(stream)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, deflateLevel)
		})
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return nil, err
		}
		e.body, e.member = fw, zw
	}
	return e, nil
}
