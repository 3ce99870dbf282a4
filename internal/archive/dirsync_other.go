//go:build windows || plan9

package archive

import "github.com/logru/logru/internal/fsys"

// syncDir does nothing here: Windows cannot flush a directory handle (NTFS journals the
// rename itself), and Plan 9 has no directory sync.
func syncDir(fsys.FS, string) error { return nil }
