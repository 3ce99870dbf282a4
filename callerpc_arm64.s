//go:build arm64 && !purego

#include "textflag.h"

// func callerPC() uintptr
//
// It has no frame of its own, so R29 still holds its caller's frame pointer, which
// points at the caller's frame record: the caller's saved R29 at 0(R29) and its saved
// link register, the caller's return address, at 8(R29).
TEXT ·callerPC(SB), NOSPLIT|NOFRAME, $0-8
	MOVD	8(R29), R0
	MOVD	R0, ret+0(FP)
	RET
