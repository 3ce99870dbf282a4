package timefmt

import (
	"testing"
	"time"
	_ "time/tzdata" // Europe/Paris for the zoneinfo cases, whatever the machine has
)

// at returns the wall time s (2006-01-02 15:04:05.999999) in a fixed zone, as
// loguru's tests freeze it with freeze_time(date, (name, offset)).
func at(t testing.TB, s, name string, offset int) time.Time {
	t.Helper()
	tm, err := time.ParseInLocation("2006-01-02 15:04:05.999999999", s, time.FixedZone(name, offset))
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

type formatCase struct {
	spec   string
	date   string
	zone   string
	offset int
	want   string
}

// loguruCases are the cases of loguru's tests/test_datetime.py (reference section
// 8.3), with the zones given as (name, offset) there.
var loguruCases = []formatCase{
	{"%Y-%m-%d %H-%M-%S %f %Z %z", "2018-06-09 01:02:03.000045", "UTC", 0, "2018-06-09 01-02-03 000045 UTC +0000"},
	{"YYYY-MM-DD HH-mm-ss SSSSSS zz ZZ", "2018-06-09 01:02:03.000045", "UTC", 0, "2018-06-09 01-02-03 000045 UTC +0000"},
	{"%Y-%m-%d %H-%M-%S %f %Z %z", "2018-06-09 01:02:03.000045", "EST", -18000, "2018-06-09 01-02-03 000045 EST -0500"},
	{"YYYY-MM-DD HH-mm-ss SSSSSS zz ZZ", "2018-06-09 01:02:03.000045", "EST", -18000, "2018-06-09 01-02-03 000045 EST -0500"},
	{"%Y-%m-%d %H-%M-%S %f %Z!UTC", "2018-06-09 01:02:03.000045", "UTC", 0, "2018-06-09 01-02-03 000045 UTC"},
	{"YYYY-MM-DD HH-mm-ss SSSSSS zz!UTC", "2018-06-09 01:02:03.000045", "UTC", 0, "2018-06-09 01-02-03 000045 UTC"},
	{"%Y-%m-%d %H-%M-%S %f %Z %z!UTC", "2018-06-09 01:02:03.000045", "EST", -18000, "2018-06-09 06-02-03 000045 UTC +0000"},
	{"YYYY-MM-DD HH-mm-ss SSSSSS zz ZZ!UTC", "2018-06-09 01:02:03.000045", "UTC", -18000, "2018-06-09 06-02-03 000045 UTC +0000"},
	{"YY-M-D H-m-s SSS Z", "2005-04-07 09:03:08.002320", "A", 3600, "05-4-7 9-3-8 002 +01:00"},
	{"Q_DDDD_DDD d_E h_hh A SS ZZ", "2000-01-01 14:00:00.9", "B", -1800, "1_001_1 5_6 2_02 PM 90 -0030"},
	{"hh A", "2018-01-01 00:01:02.000003", "UTC", 0, "12 AM"},
	{"hh A", "2018-01-01 12:00:00.0", "UTC", 0, "12 PM"},
	{"hh A", "2018-01-01 23:00:00.0", "UTC", 0, "11 PM"},
	{"[YYYY] MM [DD]", "2018-02-03 11:09:00.000002", "UTC", 0, "YYYY 02 DD"},
	{"[YYYY MM DD]", "2018-01-03 11:03:04.000002", "UTC", 0, "[2018 01 03]"},
	{"[[YY]]", "2018-01-03 11:03:04.000002", "UTC", 0, "[YY]"},
	{"[]", "2018-01-03 11:03:04.000002", "UTC", 0, ""},
	{"[[]]", "2018-01-03 11:03:04.000002", "UTC", 0, "[]"},
	{"SSSSSS[]SSS[]SSSSSS", "2018-01-03 11:03:04.100002", "UTC", 0, "100002100100002"},
	{"[HHmmss", "2018-01-03 11:03:04.000002", "UTC", 0, "[110304"},
	{"HHmmss]", "2018-01-03 11:03:04.000002", "UTC", 0, "110304]"},
	{"HH:mm:ss!UTC", "2018-01-01 11:30:00.0", "A", 7200, "09:30:00"},
	{"UTC! HH:mm:ss", "2018-01-01 11:30:00.0", "A", 7200, "UTC! 11:30:00"},
	{"!UTC HH:mm:ss", "2018-01-01 11:30:00.0", "A", 7200, "!UTC 11:30:00"},
	{"hh:mm:ss A - Z ZZ !UTC", "2018-01-01 12:30:00.0", "A", 5400, "11:00:00 AM - +00:00 +0000 "},
	{"YYYY-MM-DD HH:mm:ss[Z]!UTC", "2018-01-03 11:03:04.2", "XYZ", -7200, "2018-01-03 13:03:04Z"},
	{"HH:mm:ss[!UTC]", "2018-01-01 11:30:00.0", "A", 7200, "11:30:00!UTC"},
	{"", "2018-02-03 11:09:00.000002", "Z", 1800, "2018-02-03T11:09:00.000002+0030"},
	{"!UTC", "2018-02-03 11:09:00.000002", "Z", 1800, "2018-02-03T10:39:00.000002+0000"},
	{"X x", "2023-01-01 00:00:00.000500", "UTC", 0, "1672531200 1672531200000500"},
	{"YYYY-MM-DD HH:mm:ss.SSSSSS x", "2242-03-16 12:56:32.999999", "UTC", 0, "2242-03-16 12:56:32.999999 8589934592999999"},
	// test_formatting_timezone_offset_down_to_the_second (whole seconds only: a
	// Go zone cannot be 7230.099 s east of UTC).
	{"YYYY-MM-DD HH-mm-ss zz Z ZZ", "2018-06-09 01:02:03", "ABC", 6543, "2018-06-09 01-02-03 ABC +01:49:03 +014903"},
	// test_locale_formatting: the C locale's names.
	{"MMMM MMM dddd ddd", "2011-01-01 22:22:22", "UTC", 0, "January Jan Saturday Sat"},
	// test_stdout_formatting and test_file_formatting.
	{"YYYY [MM] DD HHmmss Z", "2015-12-25 19:13:18", "A", 5400, "2015 MM 25 191318 +01:30"},
	{"YYYY [MM] DD HHmmss ZZ", "2015-12-25 19:13:18", "A", -5400, "2015 MM 25 191318 -0130"},
	// test_freezegun_mocking's time field.
	{"YYYY MM DD HH:mm:ss", "2000-01-01 18:00:05", "UTC", 0, "2000 01 01 18:00:05"},
}

func TestLoguruCases(t *testing.T) {
	for _, c := range loguruCases {
		checkFormat(t, c)
	}
}

// checkFormat compiles c.spec and checks its rendering, twice so that a cached
// rendering is checked as well as a fresh one.
func checkFormat(t *testing.T, c formatCase) {
	t.Helper()
	f, err := Compile(c.spec)
	if err != nil {
		t.Errorf("Compile(%q): %v", c.spec, err)
		return
	}
	tm := at(t, c.date, c.zone, c.offset)
	for range 2 {
		if got := string(f.Append(nil, tm)); got != c.want {
			t.Errorf("Compile(%q).Append(%s) = %q, want %q", c.spec, c.date, got, c.want)
			return
		}
	}
	prefix := []byte("prefix:")
	if got := string(f.Append(prefix, tm)); got != "prefix:"+c.want {
		t.Errorf("Compile(%q).Append(prefix) = %q, want %q", c.spec, got, "prefix:"+c.want)
	}
}

// TestZoneInfo is loguru's test_update_with_zone_info: a patcher moves the time
// into Europe/Paris, whose abbreviation and offset follow daylight saving.
func TestZoneInfo(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Compile("YYYY MM DD HH mm ss SSSSSS ZZ zz Z")
	if err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string]string{
		"2023-07-01 12:00:00": "2023 07 01 14 00 00 000000 +0200 CEST +02:00",
		"2023-01-01 12:00:00": "2023 01 01 13 00 00 000000 +0100 CET +01:00",
	} {
		tm := at(t, date, "UTC", 0).In(paris)
		if got := string(f.Append(nil, tm)); got != want {
			t.Errorf("%s in Paris = %q, want %q", date, got, want)
		}
	}
}

// TestTokens covers every token on its own.
func TestTokens(t *testing.T) {
	// Tuesday 2024-12-31 (day 366 of a leap year) 23:04:05.678901 at UTC-03:30.
	const d = "2024-12-31 23:04:05.678901"
	cases := []formatCase{
		{"YYYY", d, "NST", -12600, "2024"},
		{"YY", d, "NST", -12600, "24"},
		{"Q", d, "NST", -12600, "4"},
		{"MMMM", d, "NST", -12600, "December"},
		{"MMM", d, "NST", -12600, "Dec"},
		{"MM", d, "NST", -12600, "12"},
		{"M", d, "NST", -12600, "12"},
		{"DDDD", d, "NST", -12600, "366"},
		{"DDD", d, "NST", -12600, "366"},
		{"DD", d, "NST", -12600, "31"},
		{"D", d, "NST", -12600, "31"},
		{"dddd", d, "NST", -12600, "Tuesday"},
		{"ddd", d, "NST", -12600, "Tue"},
		{"d", d, "NST", -12600, "1"},
		{"E", d, "NST", -12600, "2"},
		{"HH", d, "NST", -12600, "23"},
		{"H", d, "NST", -12600, "23"},
		{"hh", d, "NST", -12600, "11"},
		{"h", d, "NST", -12600, "11"},
		{"mm", d, "NST", -12600, "04"},
		{"m", d, "NST", -12600, "4"},
		{"ss", d, "NST", -12600, "05"},
		{"s", d, "NST", -12600, "5"},
		{"S", d, "NST", -12600, "6"},
		{"SS", d, "NST", -12600, "67"},
		{"SSS", d, "NST", -12600, "678"},
		{"SSSS", d, "NST", -12600, "6789"},
		{"SSSSS", d, "NST", -12600, "67890"},
		{"SSSSSS", d, "NST", -12600, "678901"},
		{"A", d, "NST", -12600, "PM"},
		{"Z", d, "NST", -12600, "-03:30"},
		{"ZZ", d, "NST", -12600, "-0330"},
		{"zz", d, "NST", -12600, "NST"},
		{"X", d, "NST", -12600, "1735698845"},
		{"x", d, "NST", -12600, "1735698845678901"},
		// Small values and padding.
		{"YYYY-M-D DDDD DDD Q E d dddd", "0005-02-03 04:05:06", "UTC", 0, "0005-2-3 034 34 1 4 3 Thursday"},
		{"Q", "2018-04-01 00:00:00", "UTC", 0, "2"},
		{"Q", "2018-09-30 00:00:00", "UTC", 0, "3"},
		{"DDDD DDD", "2018-01-09 00:00:00", "UTC", 0, "009 9"},
		{"dddd ddd d E", "2018-06-10 00:00:00", "UTC", 0, "Sunday Sun 6 7"},
		{"hh h A", "2018-01-01 00:00:00", "UTC", 0, "12 12 AM"},
		{"hh h A", "2018-01-01 11:59:59", "UTC", 0, "11 11 AM"},
		{"hh h A", "2018-01-01 12:00:00", "UTC", 0, "12 12 PM"},
		{"hh h A", "2018-01-01 13:00:00", "UTC", 0, "01 1 PM"},
		{"hh h A", "2018-01-01 23:00:00", "UTC", 0, "11 11 PM"},
		{"H HH m mm s ss", "2018-01-01 01:02:03", "UTC", 0, "1 01 2 02 3 03"},
		{"S SS SSS SSSS SSSSS SSSSSS", "2018-01-01 00:00:00.000001", "UTC", 0, "0 00 000 0000 00000 000001"},
		{"SSSSSS", "2018-01-01 00:00:00.123456789", "UTC", 0, "123456"},
		{"Z ZZ zz", "2018-01-01 00:00:00", "", 3600, "+01:00 +0100 UTC+01:00"},
		{"Z ZZ zz", "2018-01-01 00:00:00", "", -5400, "-01:30 -0130 UTC-01:30"},
		{"Z ZZ zz", "2018-01-01 00:00:00", "", 0, "+00:00 +0000 UTC"},
		{"Z ZZ zz", "2018-01-01 00:00:00", "", 3723, "+01:02:03 +010203 UTC+01:02:03"},
		// A negative offset with seconds: loguru #1500 (fixed upstream by #1507)
		// printed one minute too many, -03:26:45.
		{"Z ZZ", "2018-06-09 01:02:03", "ABC", -12345, "-03:25:45 -032545"},
		{"X x", "1970-01-01 00:00:00", "UTC", 0, "0 0"},
		// Before 1970 the timestamps are floored: loguru #1501 (fixed upstream by
		// #1508) truncated them towards zero.
		{"X x", "1969-12-31 23:59:59.5", "UTC", 0, "-1 -500000"},
		{"X x", "1969-12-31 23:59:58.999999", "UTC", 0, "-2 -1000001"},
		{"X", "2023-01-01 01:00:00", "A", 3600, "1672531200"},
	}
	for _, c := range cases {
		checkFormat(t, c)
	}
}

// TestMatching covers how runs of letters split into tokens, and escapes.
func TestMatching(t *testing.T) {
	const d = "2018-06-09 01:02:03.456789" // a Saturday
	cases := []formatCase{
		{"YYYYY", d, "UTC", 0, "2018Y"},
		{"YYY", d, "UTC", 0, "18Y"},
		{"YYYYYY", d, "UTC", 0, "201818"},
		{"Y", d, "UTC", 0, "Y"},
		{"MMMMM", d, "UTC", 0, "June6"},
		{"DDDDD", d, "UTC", 0, "1609"},
		{"dd", d, "UTC", 0, "55"},
		{"ddddd", d, "UTC", 0, "Saturday5"},
		{"HHH hhh mmm sss", d, "UTC", 0, "011 011 022 033"},
		{"ZZZ", d, "UTC", 0, "+0000+00:00"},
		{"z zz zzz", d, "UTC", 0, "z UTC UTCz"},
		{"SSSSSS SSSSS", d, "UTC", 0, "456789 45678"},
		{"a b c e f g i j k l n o p q r t u v w y B C F G I J K L N O P R T U V W", d, "UTC", 0,
			"a b c e f g i j k l n o p q r t u v w y B C F G I J K L N O P R T U V W"},
		// Escapes: one whole token (any length the expression could backtrack
		// to), "!UTC" or nothing; otherwise the brackets are literal.
		{"[H] [HH] [HHH]", d, "UTC", 0, "H HH [011]"},
		{"[d] [dd] [ddd] [dddd]", d, "UTC", 0, "d [55] ddd dddd"},
		{"[Y] [YY] [YYY] [YYYY]", d, "UTC", 0, "[Y] YY [18Y] YYYY"},
		{"[S] [SSSSSS] [Q] [E] [X] [x] [A] [zz] [z]", d, "UTC", 0, "S SSSSSS Q E X x A zz [z]"},
		{"[MMMM] [DDDD] [ZZ] [ZZZ]", d, "UTC", 0, "MMMM DDDD ZZ [+0000+00:00]"},
		{"[!UTC] [UTC] [!utc]", d, "UTC", 0, "!UTC [UTC] [!utc]"},
		{"[] [[]] []] [[] ]]", d, "UTC", 0, " [] ] [ ]]"},
		{"[ YYYY]", d, "UTC", 0, "[ 2018]"},
		{"[YYYY]!UTC", d, "A", 3600, "YYYY"},
		{"[", d, "UTC", 0, "["},
		{"]", d, "UTC", 0, "]"},
		{"[[", d, "UTC", 0, "[["},
		{"!UTC!UTC", d, "A", 3600, "!UTC"},
		{"HH!UTC ", d, "A", 3600, "01!UTC "},
		{"日本 HH時", d, "UTC", 0, "日本 01時"},
		{"{}\\\t\x00 ~", d, "UTC", 0, "{}\\\t\x00 ~"},
	}
	for _, c := range cases {
		checkFormat(t, c)
	}
}

// TestInvalid covers the specs loguru rejects.
func TestInvalid(t *testing.T) {
	for _, spec := range []string{
		"ss.SSSSSSS", "SS.SSSSSSSS.SS", "HH:mm:ss.SSSSSSSSS", "SSSSSSSSSS",
		"[SSSSSSS]", "SSSSSSS!UTC",
	} {
		f, err := Compile(spec)
		if err == nil {
			t.Errorf("Compile(%q) = %v, want an error", spec, f)
			continue
		}
		want := `timefmt: invalid time format "` + spec + `": more than six successive 'S' characters`
		if err.Error() != want {
			t.Errorf("Compile(%q) error = %q, want %q", spec, err, want)
		}
	}
	_, err := Compile("%Y\x00")
	if err == nil || err.Error() != `timefmt: invalid time format "%Y\x00": embedded null character` {
		t.Errorf(`Compile("%%Y\x00") error = %v`, err)
	}
	// '%' makes a strftime spec, where 'S' means nothing.
	for _, spec := range []string{"%SSSSSSS", "SSSSSSS%", "HH\x00mm"} {
		if _, err := Compile(spec); err != nil {
			t.Errorf("Compile(%q): %v", spec, err)
		}
	}
}

func TestString(t *testing.T) {
	for _, spec := range []string{"", "!UTC", "YYYY", "%Y!UTC", "[x]"} {
		f, err := Compile(spec)
		if err != nil {
			t.Fatal(err)
		}
		if f.String() != spec {
			t.Errorf("Compile(%q).String() = %q", spec, f.String())
		}
	}
	var zero Format
	if zero.String() != "" {
		t.Errorf("zero Format String() = %q", zero.String())
	}
}

// TestZeroValue checks that the zero Format and a nil *Format render like "".
func TestZeroValue(t *testing.T) {
	tm := at(t, "2018-02-03 11:09:00.000002", "Z", 1800)
	const want = "2018-02-03T11:09:00.000002+0030"
	var zero Format
	if got := string(zero.Append(nil, tm)); got != want {
		t.Errorf("zero Format = %q, want %q", got, want)
	}
	var nilFormat *Format
	if got := string(nilFormat.Append(nil, tm)); got != want {
		t.Errorf("nil *Format = %q, want %q", got, want)
	}
}

// TestExtremeTimes checks that no format panics or misbehaves at the edges of
// time.Time, far outside what Python can represent.
func TestExtremeTimes(t *testing.T) {
	specs := []string{"", "YYYY-MM-DD HH:mm:ss.SSS Z", "YY Q DDDD dddd hh A ZZ zz X x", "%Y-%m-%d %H:%M:%S.%f %z %Z %s %G %j %c"}
	times := []time.Time{
		{},
		time.Unix(-1<<63, 0),
		time.Unix(1<<63-1, 999999999),
		time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(12345, 1, 1, 0, 0, 0, 0, time.FixedZone("", -86399)),
	}
	for _, spec := range specs {
		f, err := Compile(spec)
		if err != nil {
			t.Fatal(err)
		}
		for _, tm := range times {
			out := f.Append(nil, tm)
			if len(out) == 0 {
				t.Errorf("Compile(%q).Append(%v) is empty", spec, tm)
			}
		}
	}
	x, _ := Compile("x X")
	got := string(x.Append(nil, time.Unix(-1<<63, 1000)))
	if want := "-9223372036854775807999999 -9223372036854775808"; got != want {
		t.Errorf("x X at the earliest time = %q, want %q", got, want)
	}
	got = string(x.Append(nil, time.Unix(1<<63-1, 999999000)))
	if want := "9223372036854775807999999 9223372036854775807"; got != want {
		t.Errorf("x X at the latest time = %q, want %q", got, want)
	}
	got = string(x.Append(nil, time.Unix(-1<<63, 0)))
	if want := "-9223372036854775808000000 -9223372036854775808"; got != want {
		t.Errorf("x X at the earliest second = %q, want %q", got, want)
	}
}

func TestDocExample(t *testing.T) {
	f, err := Compile("YYYY-MM-DD HH:mm:ss.SSS")
	if err != nil {
		t.Fatal(err)
	}
	got := string(f.Append(nil, time.Date(2026, 3, 26, 14, 30, 0, 123456789, time.UTC)))
	if got != "2026-03-26 14:30:00.123" {
		t.Errorf("got %q", got)
	}
}
