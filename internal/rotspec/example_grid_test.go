package rotspec_test

import (
	"fmt"
	"time"

	"github.com/logru/logru/internal/rotspec"
)

func ExampleRotation_NextOnGrid() {
	r, err := rotspec.ParseRotation("100 MB or 2 h")
	if err != nil {
		panic(err)
	}
	at := func(h, m int) time.Time { return time.Date(2026, 3, 24, h, m, 0, 0, time.UTC) }
	created := at(12, 0)
	// The boundaries are 14:00, 16:00, 18:00, …: the first one after the given time,
	// however late the rotation before it came.
	for _, now := range []time.Time{at(12, 0), at(15, 0), at(16, 24)} {
		fmt.Println(now.Format("15:04"), "->", r.NextOnGrid(created, now).Format("15:04"))
	}
	// Next starts the grid at the time it is given.
	fmt.Println(r.Next(at(15, 0)).Format("15:04"))
	// Output:
	// 12:00 -> 14:00
	// 15:00 -> 16:00
	// 16:24 -> 18:00
	// 17:00
}
