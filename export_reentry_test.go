package logru

// OwnPackageDirs lists logru's own packages, by directory below the root's: their frames
// are hidden from stacks.
var OwnPackageDirs = ownPackageDirs
