package rotspec

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseRotationSize(t *testing.T) {
	for _, c := range []struct {
		spec string
		want int64
	}{
		{"10 MB", 10_000_000},
		{"500 KB", 500_000},
		{"0.5 GB", 500_000_000},
		{"1 KiB", 1024},
		{"1.5 KiB", 1536},
		{"1.5 MiB", 1_572_864},
		{"1 GiB", 1 << 30},
		{"1 TiB", 1 << 40},
		{"2 TB", 2_000_000_000_000},
		{"8 B", 8},
		{"8B", 8},
		{"8e-6MB", 8},
		{"8E-6 mb", 8},
		{"0.008 kiB", 8}, // 8.192 rounded
		{"1e-3 KB", 1},
		{"7.99 B", 8},
		{"8.0 B", 8},
		{"2.5 B", 3},   // halves round up
		{"0.5 B", 1},   // the smallest accepted size
		{"64b", 64},    // loguru: 8 (bits)
		{"5 kb", 5000}, // loguru: 625 (bits)
		{"100 Mb", 100_000_000},
		{"10mb", 10_000_000},
		{"  10 MB  ", 10_000_000},
		{"\t1\tKB\n", 1000},
		{".5 KB", 500},
		{"5. KB", 5000},
		{"1.5e3 B", 1500},
		{"9223372036854775807 B", 1<<63 - 1},
		{"9.2e18 B", 9_200_000_000_000_000_000},
		{"500 MB or 1 GB", 500_000_000},
		{"1 GB or 500 MB", 500_000_000},
		{"1 GB or daily", 1_000_000_000},
		{"1 GB OR 2 GB Or 3 KB", 3000},
	} {
		r, err := ParseRotation(c.spec)
		if err != nil {
			t.Errorf("ParseRotation(%q): %v", c.spec, err)
			continue
		}
		if got := r.SizeLimit(); got != c.want {
			t.Errorf("ParseRotation(%q).SizeLimit() = %d, want %d", c.spec, got, c.want)
		}
		if r.String() != c.spec {
			t.Errorf("ParseRotation(%q).String() = %q", c.spec, r.String())
		}
		if wantTime := strings.Contains(c.spec, "daily"); r.HasTime() != wantTime {
			t.Errorf("ParseRotation(%q).HasTime() = %v", c.spec, r.HasTime())
		}
	}
}

func TestParseRotationConditions(t *testing.T) {
	const h = time.Hour
	for _, c := range []struct {
		spec  string
		conds []timeCond
	}{
		{"hourly", []timeCond{{kind: hourly}}},
		{"HOURLY", []timeCond{{kind: hourly}}},
		{"daily", []timeCond{{kind: dailyAt}}},
		{"weekly", []timeCond{{kind: weeklyAt, weekday: time.Monday}}},
		{"WEEKLY", []timeCond{{kind: weeklyAt, weekday: time.Monday}}},
		{"monthly", []timeCond{{kind: monthly}}},
		{"Yearly ", []timeCond{{kind: yearly}}},
		{"00:00", []timeCond{{kind: dailyAt}}},
		{"12:30", []timeCond{{kind: dailyAt, clock: clock{12, 30, 0, 0}}}},
		{"13:00", []timeCond{{kind: dailyAt, clock: clock{13, 0, 0, 0}}}},
		{"11:00", []timeCond{{kind: dailyAt, clock: clock{11, 0, 0, 0}}}},
		{"23:59:59", []timeCond{{kind: dailyAt, clock: clock{23, 59, 59, 0}}}},
		{"13:00:00.123456", []timeCond{{kind: dailyAt, clock: clock{13, 0, 0, 123456000}}}},
		{"13:00:00.000000001", []timeCond{{kind: dailyAt, clock: clock{13, 0, 0, 1}}}},
		{"1:30 PM", []timeCond{{kind: dailyAt, clock: clock{13, 30, 0, 0}}}},
		{"1:30pm", []timeCond{{kind: dailyAt, clock: clock{13, 30, 0, 0}}}},
		{"11:00:00 AM", []timeCond{{kind: dailyAt, clock: clock{11, 0, 0, 0}}}},
		{"12 AM", []timeCond{{kind: dailyAt}}},
		{"12 PM", []timeCond{{kind: dailyAt, clock: clock{12, 0, 0, 0}}}},
		{"12:15 am", []timeCond{{kind: dailyAt, clock: clock{0, 15, 0, 0}}}},
		{"3 pm", []timeCond{{kind: dailyAt, clock: clock{15, 0, 0, 0}}}},
		{"1:0:0.0 pm", []timeCond{{kind: dailyAt, clock: clock{13, 0, 0, 0}}}},
		{"9:05", []timeCond{{kind: dailyAt, clock: clock{9, 5, 0, 0}}}},
		{"monday", []timeCond{{kind: weeklyAt, weekday: time.Monday}}},
		{"tuesday", []timeCond{{kind: weeklyAt, weekday: time.Tuesday}}},
		{"wednesday", []timeCond{{kind: weeklyAt, weekday: time.Wednesday}}},
		{"thursday", []timeCond{{kind: weeklyAt, weekday: time.Thursday}}},
		{"friday", []timeCond{{kind: weeklyAt, weekday: time.Friday}}},
		{"saturday", []timeCond{{kind: weeklyAt, weekday: time.Saturday}}},
		{"SUNDAY", []timeCond{{kind: weeklyAt, weekday: time.Sunday}}},
		{"w0", []timeCond{{kind: weeklyAt, weekday: time.Monday}}},
		{"w1", []timeCond{{kind: weeklyAt, weekday: time.Tuesday}}},
		{"w5", []timeCond{{kind: weeklyAt, weekday: time.Saturday}}},
		{"w6", []timeCond{{kind: weeklyAt, weekday: time.Sunday}}},
		{"W0 at 00:00", []timeCond{{kind: weeklyAt, weekday: time.Monday}}},
		{"monday at 12:00", []timeCond{{kind: weeklyAt, weekday: time.Monday, clock: clock{12, 0, 0, 0}}}},
		{" W6 at 13 ", []timeCond{{kind: weeklyAt, weekday: time.Sunday, clock: clock{13, 0, 0, 0}}}},
		{"w2 at 11:00:00 AM", []timeCond{{kind: weeklyAt, weekday: time.Wednesday, clock: clock{11, 0, 0, 0}}}},
		{"w2  at  11:00:00 AM", []timeCond{{kind: weeklyAt, weekday: time.Wednesday, clock: clock{11, 0, 0, 0}}}},
		{"sunDAY at 1:0:0.0 pm", []timeCond{{kind: weeklyAt, weekday: time.Sunday, clock: clock{13, 0, 0, 0}}}},
		{"friday at 5 pm", []timeCond{{kind: weeklyAt, weekday: time.Friday, clock: clock{17, 0, 0, 0}}}},
		{"1 week", []timeCond{{kind: everyInterval, every: 7 * 24 * h}}},
		{"12 hours", []timeCond{{kind: everyInterval, every: 12 * h}}},
		{"2 h", []timeCond{{kind: everyInterval, every: 2 * h}}},
		{"1h 30min", []timeCond{{kind: everyInterval, every: 90 * time.Minute}}},
		{"1h30min", []timeCond{{kind: everyInterval, every: 90 * time.Minute}}},
		{"1h 30 minutes", []timeCond{{kind: everyInterval, every: 90 * time.Minute}}},
		{"1.5 d", []timeCond{{kind: everyInterval, every: 36 * h}}},
		{"1.5d", []timeCond{{kind: everyInterval, every: 36 * h}}},
		{"1 w, 2D", []timeCond{{kind: everyInterval, every: 9 * 24 * h}}},
		{"1 week, 3 days", []timeCond{{kind: everyInterval, every: 10 * 24 * h}}},
		{"2 days, 3h", []timeCond{{kind: everyInterval, every: 51 * h}}},
		{"1 y", []timeCond{{kind: everyInterval, every: 365 * 24 * h}}},
		{"2 years", []timeCond{{kind: everyInterval, every: 730 * 24 * h}}},
		{"1 month", []timeCond{{kind: everyInterval, every: 30 * 24 * h}}},
		{"3 months", []timeCond{{kind: everyInterval, every: 90 * 24 * h}}},
		{"1 s", []timeCond{{kind: everyInterval, every: time.Second}}},
		{"90 secs", []timeCond{{kind: everyInterval, every: 90 * time.Second}}},
		{"1 second 500 ms", []timeCond{{kind: everyInterval, every: 1500 * time.Millisecond}}},
		{"1000000 us", []timeCond{{kind: everyInterval, every: time.Second}}},
		{"10 mins", []timeCond{{kind: everyInterval, every: 10 * time.Minute}}},
		{"1 minute", []timeCond{{kind: everyInterval, every: time.Minute}}},
		{"1 day,", []timeCond{{kind: everyInterval, every: 24 * h}}},
		{"200 years", []timeCond{{kind: everyInterval, every: 200 * 365 * 24 * h}}},
		{"500 MB or 00:00", []timeCond{{kind: dailyAt}}},
		{"daily or 1 h", []timeCond{{kind: dailyAt}, {kind: everyInterval, every: h}}},
		{"monday at 12:00 or tuesday at 11:00", []timeCond{
			{kind: weeklyAt, weekday: time.Monday, clock: clock{12, 0, 0, 0}},
			{kind: weeklyAt, weekday: time.Tuesday, clock: clock{11, 0, 0, 0}}}},
		{"10 MB", nil},
	} {
		r, err := ParseRotation(c.spec)
		if err != nil {
			t.Errorf("ParseRotation(%q): %v", c.spec, err)
			continue
		}
		if len(r.conds) != len(c.conds) {
			t.Errorf("ParseRotation(%q) = %+v, want %+v", c.spec, r.conds, c.conds)
			continue
		}
		for i := range c.conds {
			if r.conds[i] != c.conds[i] {
				t.Errorf("ParseRotation(%q) = %+v, want %+v", c.spec, r.conds, c.conds)
				break
			}
		}
		if r.HasTime() != (len(c.conds) > 0) {
			t.Errorf("ParseRotation(%q).HasTime() = %v", c.spec, r.HasTime())
		}
		if (r.SizeLimit() != 0) != strings.Contains(c.spec, "MB") {
			t.Errorf("ParseRotation(%q).SizeLimit() = %d", c.spec, r.SizeLimit())
		}
	}
}

func TestParseRotationErrors(t *testing.T) {
	const cannot = "cannot parse; expected a size (\"10 MB\"), an interval (\"1 day\"), hourly, daily, weekly, monthly, yearly, a time of day (\"00:00\") or a weekday (\"monday at 12:00\")"
	const badDay = "day must be w0 (Monday) to w6 (Sunday)"
	const badTime = "invalid time of day"
	const clockSyntax = "invalid time of day; write it as 13:00, 13:00:00, 13:00:00.5 or 1:00 PM"
	for _, c := range []struct {
		spec string
		want string // the whole message, or a prefix ending in "…"
	}{
		{"", `empty spec; expected for example "100 MB", "1 day", "daily" or "00:00"`},
		{"   ", `empty spec; …`},
		// Bare numbers: loguru reads "8" and "13" as daily at 08:00 and 13:00.
		{"100", `a bare number is ambiguous; add a unit ("100 MB") or a time of day ("08:00")`},
		{"8", `a bare number is ambiguous; add a unit ("8 MB") or a time of day ("08:00")`},
		{"13", `a bare number is ambiguous; add a unit ("13 MB") or a time of day ("13:00")`},
		{"0", `a bare number is ambiguous; add a unit ("0 MB") or a time of day ("00:00")`},
		{"8.5", `a bare number is ambiguous; add a unit ("8.5 MB") or a time of day ("08:00")`},
		{"1e5", `a bare number is ambiguous; …`},
		{"7.99", `a bare number is ambiguous; …`},
		// loguru's "Cannot parse rotation from" cases (test 8.5 item 8).
		{"w-1", cannot},
		{"h", cannot},
		{"M", cannot},
		{"w1at13", cannot},
		{"www", cannot},
		{"w", cannot},
		{"K", cannot},
		{"foobar MB", cannot},
		{"foobar", cannot},
		{"01:00:00!UTC", clockSyntax},
		// loguru's "Invalid day while parsing daytime" cases.
		{"w7", badDay},
		{"w10", badDay},
		{"W7 at 12:00", badDay},
		{"w01", badDay},
		{"13 at w2", `"13" is not a weekday; use monday to sunday, or w0 (Monday) to w6 (Sunday)`},
		// loguru's "Invalid time while parsing daytime" cases.
		{"2017.11.12", `invalid number "2017.11.12"`},
		{"11:99", badTime},
		{"monday at 2017", badTime},
		// loguru's size and duration errors.
		{"111.111.111 kb", `invalid number "111.111.111"`},
		{"2 days 8 foobar", `unknown unit "foobar"; sizes take B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024); intervals take y, month, w, d, h, min, s (or the words year, week, day, hour, minute, second)`},
		{"3 Ki", `unknown unit "ki"; …`},
		{"10 PB", `unknown unit "pb"; …`},
		{"1 m", `unknown unit "m"; write "min" (minutes), "month" (months) or "MB" (megabytes)`},
		{"1 hr", `unknown unit "hr"; …`},
		// Ranges.
		{"0 B", "size must be at least 1 byte (it is rounded to a whole number of bytes)"},
		{"0.4 B", "size must be at least 1 byte …"},
		{"0.0000001 KB", "size must be at least 1 byte …"},
		{"1e-999999 MB", "size must be at least 1 byte …"},
		{"9223372036854775808 B", "size is too large"},
		{"1e30 B", "size is too large"},
		{"1e99999999 B", "size is too large"},
		{"0 s", "an interval must be at least one second"},
		{"0.5 s", "an interval must be at least one second"},
		{"999 ms", "an interval must be at least one second"},
		{"999999 us", "an interval must be at least one second"},
		{"300 y", "interval is too long (the limit is about 292 years)"},
		{"200 y 200 y", "interval is too long …"},
		{"1e300 s", "interval is too long …"},
		{strings.Repeat("1", 65) + " B", `number "11111111111111111111…" is too long`},
		// Shapes.
		{"1 KB 2 B", `a size is one number and one unit ("10 MB"); sizes cannot be summed or mixed with intervals`},
		{"1 MB 1 h", `a size is one number and one unit …`},
		{"1 h 1 MB", `a size is one number and one unit …`},
		{"5 mb!", `unexpected "!" after unit "mb"`},
		{"5 MB 3", `a size is one number and one unit …`},
		{"5 h 3", `number "3" has no unit`},
		{"1 h, , 2", `number "2" has no unit`},
		{"1 h x", `expected a number at "x"`},
		{"-1 MB", cannot},
		{"+1 MB", cannot},
		{"inf MB", cannot},
		{"nan s", cannot},
		{"0x10 B", `unknown unit "x"; …`},
		{"１０ MB", cannot},
		{"mon", cannot},
		{"midnight", cannot},
		{"monday 12:00", `cannot parse; write a weekday and a time as "monday at 12:00"`},
		{"at 12:00", `missing weekday before "at"; expected for example "monday at 12:00"`},
		{"monday at", `missing time of day after "at"; expected for example "monday at 12:00"`},
		{"next monday at 12:00", `cannot parse "next monday" as a weekday; …`},
		{"monday at noon", clockSyntax},
		{"monday at 25", badTime},
		// Times of day.
		{"24:00", badTime},
		{"12:60", badTime},
		{"12:00:60", badTime},
		{"13:00 PM", "invalid time of day (with AM or PM the hour is 1 to 12)"},
		{"0 AM", "invalid time of day (with AM or PM the hour is 1 to 12)"},
		{"1:2:3:4", clockSyntax},
		{"12:00:00.", clockSyntax},
		{"12:00:00.1234567890", clockSyntax},
		{"12:00.5", clockSyntax},
		{"123:00", clockSyntax},
		{"12:000", clockSyntax},
		{":30", clockSyntax},
		{"12:", clockSyntax},
		{"12:30 xm", clockSyntax},
		{"12:30 am pm", clockSyntax},
		// "or".
		{"or", `empty condition before or after "or"`},
		{"1 GB or", `empty condition before or after "or"`},
		{"or daily", `empty condition before or after "or"`},
		{"1 GB or or daily", `empty condition before or after "or"`},
		{"1 GB or foo", `condition "foo": ` + cannot},
		{"1 GB OR W7", `condition "W7": ` + badDay},
		{"1 GB orr daily", `a size is one number and one unit …`},
		{strings.Repeat("x", 100), cannot},
		{"a\nb\x00", cannot},
	} {
		_, err := ParseRotation(c.spec)
		if err == nil {
			t.Errorf("ParseRotation(%q) succeeded", c.spec)
			continue
		}
		checkErr(t, "rotation", c.spec, err, c.want)
	}
}

// checkErr checks that err is the reason alone, want (a want ending in "…" is a
// prefix): no package name, and not the spec again, which the caller shows.
func checkErr(t *testing.T, what, spec string, err error, want string) {
	t.Helper()
	got := err.Error()
	if strings.Contains(got, "rotspec") || strings.Contains(got, what+" "+strconv.Quote(spec)) {
		t.Errorf("%s %q: error %q names the package or repeats the spec", what, spec, got)
	}
	if p, ok := strings.CutSuffix(want, "…"); ok {
		if !strings.HasPrefix(got, p) {
			t.Errorf("%s %q: error %q, want it to start with %q", what, spec, got, p)
		}
	} else if got != want {
		t.Errorf("%s %q: error\n\t%q\nwant\n\t%q", what, spec, got, want)
	}
}
