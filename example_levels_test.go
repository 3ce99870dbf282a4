package logru_test

import (
	"fmt"
	"log/slog"

	"github.com/logru/logru"
)

func ExampleLogger_GetLevel() {
	l := logru.New()
	l.AddLevel(logru.Level{Name: "AUDIT", No: 35, Icon: "@"})

	for _, name := range []string{"INFO", "AUDIT", "LOUD"} {
		lv, ok := l.GetLevel(name)
		fmt.Printf("%s: %v %d %q\n", name, ok, lv.No, lv.Icon)
	}
	// Output:
	// INFO: true 20 "ℹ️"
	// AUDIT: true 35 "@"
	// LOUD: false 0 ""
}

// slog's levels map onto logru's numbers at matching names, and in between on a line, so
// a slog level between Info and Warn lands between INFO and WARNING; SlogLevel maps back.
func ExampleLevelFromSlog() {
	for _, lv := range []slog.Level{-8, slog.LevelDebug, slog.LevelInfo, 2, slog.LevelWarn, 6, slog.LevelError, 12} {
		no := logru.LevelFromSlog(lv)
		fmt.Printf("slog %3d -> logru %2d -> slog %3d\n", int(lv), no, int(logru.SlogLevel(no)))
	}
	// Output:
	// slog  -8 -> logru  5 -> slog  -8
	// slog  -4 -> logru 10 -> slog  -4
	// slog   0 -> logru 20 -> slog   0
	// slog   2 -> logru 25 -> slog   2
	// slog   4 -> logru 30 -> slog   4
	// slog   6 -> logru 35 -> slog   6
	// slog   8 -> logru 40 -> slog   8
	// slog  12 -> logru 50 -> slog  12
}
