//go:build amd64 && !purego

#include "textflag.h"

// func callerPC() uintptr
//
// It has no frame of its own, so BP still holds its caller's frame pointer: the
// caller's saved BP is at 0(BP) and the caller's return address at 8(BP).
TEXT ·callerPC(SB), NOSPLIT|NOFRAME, $0-8
	MOVQ	8(BP), AX
	MOVQ	AX, ret+0(FP)
	RET
