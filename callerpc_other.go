//go:build (!amd64 && !arm64) || purego

package logru

// callerPC reports 0 on platforms without the assembly version: the caller is then
// always found with runtime.Callers.
func callerPC() uintptr { return 0 }
