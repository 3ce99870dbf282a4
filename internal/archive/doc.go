// Package archive compresses one rotated log file, crash-safely. It is the compression step
// of logru's file sink, which calls [Compress] on its background worker, off the logging
// path, after it has rotated a file.
//
// # Compressing a file
//
//	err := archive.Compress(fsys.OS{}, "app.2026-03-26_14-30-00_000000.log",
//		"app.2026-03-26_14-30-00_000000.log.gz", archive.Gzip, stop)
//
// Every file operation goes through the given [fsys.FS], so the sink's tests inject disk
// full, I/O errors and failing renames with [fsys.Faulty]. Compress reads the source in
// 256 KiB chunks and streams it through the codec into a buffered temporary file: memory
// stays bounded whatever the file's size, and no goroutine is started (the zstd encoder runs
// with concurrency 1).
//
// # What a crash leaves
//
// Compress writes dst+".tmp-"+16 hex digits in dst's directory, syncs and closes it, renames
// it to dst, syncs the directory, and only then removes the source. So a kill at any moment
// leaves one of:
//
//   - the source intact, and perhaps a temporary file (before the rename);
//   - the source and a complete dst (after the rename, before the removal);
//   - a complete dst alone (done).
//
// Never a partial dst alone. At start-up a sink calls [Cleanup] to remove temporary files
// left by a killed run; they never look like logs or archives to retention.
//
// # What the caller does with an error
//
//   - errors.Is(err, fs.ErrExist): dst was there already; nothing was touched. Choose
//     another name (the sink's names are unique, so this means another program wrote one).
//   - errors.Is(err, ErrStopped): the stop channel was closed; the temporary file is gone and
//     the source kept. Compress it on the next run.
//   - any other error, dst absent: compression failed before the rename (the error wraps the
//     cause: syscall.ENOSPC, EIO, …, and names the operation and path). The source is kept
//     and no temporary file remains, unless the error says that removing it failed too.
//     Report it and try again on the next run.
//   - any other error, dst present: dst is a complete archive, but the directory could not be
//     synced or the source could not be removed. Report it; remove the source later. Do not
//     compress the source again under another name.
//
// # Formats and their costs
//
// Levels are chosen for a single worker that must keep up with the log: logs compress well
// even at fast settings. Measured on one core of a shared two-core AMD EPYC with 16 MiB of
// generated log lines (each with a random 64-bit request id, so ratios are lower than on
// most real logs), including the final fsync; ranges span several runs:
//
//	format   codec                              MB/s      ratio
//	gz       compress/gzip, level 1             115-148   4.0  (level 6: 61 MB/s, 4.9)
//	zip      archive/zip, deflate level 1       130-146   4.0
//	tar      archive/tar                        390-730   1.0
//	tar.gz   tar, then gzip level 1             122-146   4.0
//	zst      klauspost zstd, fastest level      185-245   4.8  (default level: slower, 4.7)
//	bz2      dsnet bzip2, level 6 (600 kB)       11-14    6.0
//	tar.bz2  tar, then bzip2                     10-13    6.0
//	xz       ulikunitz xz, 1 MiB dictionary       7-14    4.5  (8 MiB: half as fast, same ratio)
//	tar.xz   tar, then xz                         8-10    4.5
//
// (go test -run '^$' -bench Compress -benchtime 5x ./internal/archive/.) The bz2 and xz
// encoders are pure Go and slow: a sink that writes several MB/s for long should use zst
// or gz, which keep up with far more. A member of zip and tar archives is the source's
// base name, with its permission bits and modification time; gz records the name and time
// in its header.
package archive
