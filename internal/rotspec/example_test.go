package rotspec_test

import (
	"fmt"
	"time"

	"github.com/logru/logru/internal/rotspec"
)

func ExampleParseRotation() {
	r, err := rotspec.ParseRotation("500 MB or monday at 12:00")
	if err != nil {
		panic(err)
	}
	created := time.Date(2026, 3, 24, 10, 0, 0, 0, time.UTC) // a Tuesday
	fmt.Println(r.SizeLimit())
	fmt.Println(r.Next(created))

	_, err = rotspec.ParseRotation("100")
	fmt.Println(err)
	// Output:
	// 500000000
	// 2026-03-30 12:00:00 +0000 UTC
	// a bare number is ambiguous; add a unit ("100 MB") or a time of day ("08:00")
}

func ExampleRetention_Select() {
	r, _ := rotspec.ParseRetention("2")
	now := time.Date(2026, 3, 24, 12, 0, 0, 0, time.UTC)
	files := []rotspec.FileInfo{
		{Path: "app.2026-03-21.log.gz", ModTime: now.Add(-72 * time.Hour)},
		{Path: "app.2026-03-23.log.gz", ModTime: now.Add(-24 * time.Hour)},
		{Path: "app.2026-03-20.log.gz", ModTime: now.Add(-96 * time.Hour)},
		{Path: "app.2026-03-22.log.gz", ModTime: now.Add(-48 * time.Hour)},
	}
	fmt.Println(r.Select(files, now))
	// Output:
	// [app.2026-03-20.log.gz app.2026-03-21.log.gz]
}

func ExampleParseCompression() {
	c, _ := rotspec.ParseCompression(".TAR.GZ")
	fmt.Println(c, c.Ext())
	// Output:
	// tar.gz .tar.gz
}
