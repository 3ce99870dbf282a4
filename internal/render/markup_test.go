package render

import (
	"fmt"
	"strings"
	"testing"
)

// Cases from loguru's test_ansimarkup_basic.py and test_ansimarkup_extended.py: the
// output must be byte-identical to loguru's.
func TestColorize(t *testing.T) {
	for _, tt := range []struct {
		in, want string
	}{
		{"<bold>1</bold>", "\x1b[1m1\x1b[0m"},
		{"<b>1</b>", "\x1b[1m1\x1b[0m"},
		{"<dim>1</dim>", "\x1b[2m1\x1b[0m"},
		{"<normal>1</normal>", "\x1b[22m1\x1b[0m"},
		{"<RED>1</RED>", "\x1b[41m1\x1b[0m"},
		{"<R>1</R>", "\x1b[41m1\x1b[0m"},
		{"<LIGHT-GREEN>1</LIGHT-GREEN>", "\x1b[102m1\x1b[0m"},
		{"<LG>1</LG>", "\x1b[102m1\x1b[0m"},
		{"<yellow>1</yellow>", "\x1b[33m1\x1b[0m"},
		{"<y>1</y>", "\x1b[33m1\x1b[0m"},
		{"<light-white>1</light-white>", "\x1b[97m1\x1b[0m"},
		{"<lw>1</lw>", "\x1b[97m1\x1b[0m"},
		{"<italic>1</italic><underline>2</underline><blink>3</blink><reverse>4</reverse><hide>5</hide><strike>6</strike>",
			"\x1b[3m1\x1b[0m\x1b[4m2\x1b[0m\x1b[5m3\x1b[0m\x1b[7m4\x1b[0m\x1b[8m5\x1b[0m\x1b[9m6\x1b[0m"},
		{"<i>1</i><u>2</u><l>3</l><v>4</v><h>5</h><s>6</s><n>7</n>",
			"\x1b[3m1\x1b[0m\x1b[4m2\x1b[0m\x1b[5m3\x1b[0m\x1b[7m4\x1b[0m\x1b[8m5\x1b[0m\x1b[9m6\x1b[0m\x1b[22m7\x1b[0m"},
		// nesting: every closing tag resets, then re-applies the tags still open
		{"0<b>1<d>2</d>3</b>4", "0\x1b[1m1\x1b[2m2\x1b[0m\x1b[1m3\x1b[0m4"},
		{"<b>1</b>2<d>3</d>", "\x1b[1m1\x1b[0m2\x1b[2m3\x1b[0m"},
		{"<d>0<b>1<d>2</d>3</b>4</d>", "\x1b[2m0\x1b[1m1\x1b[2m2\x1b[0m\x1b[2m\x1b[1m3\x1b[0m\x1b[2m4\x1b[0m"},
		// the short closing tag
		{"<red>foo</>", "\x1b[31mfoo\x1b[0m"},
		{"<green><bold>bar</></green>", "\x1b[32m\x1b[1mbar\x1b[0m\x1b[32m\x1b[0m"},
		{"a<yellow>b<b>c</>d</>e", "a\x1b[33mb\x1b[1mc\x1b[0m\x1b[33md\x1b[0me"},
		// escapes
		{`\<red>foobar\</red>`, "<red>foobar</red>"},
		{`\\<red>foobar\\</red>`, "\\\x1b[31mfoobar\\\x1b[0m"},
		{`\\\<red>foobar\\\</red>`, `\<red>foobar\</red>`},
		{`<red>foo\</red>bar</red>`, "\x1b[31mfoo</red>bar\x1b[0m"},
		{`foo\</>bar\</>baz`, "foo</>bar</>baz"},
		{`\a \\b \\\c`, `\a \\b \\\c`},
		// extended colours
		{"<bg red>1</bg red>", "\x1b[41m1\x1b[0m"},
		{"<fg BLUE>1</fg BLUE>", "\x1b[34m1\x1b[0m"},
		{"<fg light-white>1</>", "\x1b[97m1\x1b[0m"},
		{"<bg light-green>1</>", "\x1b[102m1\x1b[0m"},
		{"<fg #ff0000>1</fg #ff0000>", "\x1b[38;2;255;0;0m1\x1b[0m"},
		{"<bg #00A000>1</bg #00A000>", "\x1b[48;2;0;160;0m1\x1b[0m"},
		{"<fg #F12>1</fg #F12>", "\x1b[38;2;255;17;34m1\x1b[0m"},
		{"<bg #BEE>1</bg #BEE>", "\x1b[48;2;187;238;238m1\x1b[0m"},
		{"<fg 200>1</fg 200>", "\x1b[38;5;200m1\x1b[0m"},
		{"<bg 49>1</bg 49>", "\x1b[48;5;49m1\x1b[0m"},
		{"<bg 0,160,0><fg 255,0,0>1</fg 255,0,0></bg 0,160,0>", "\x1b[48;2;0;160;0m\x1b[38;2;255;0;0m1\x1b[0m\x1b[48;2;0;160;0m\x1b[0m"},
		// text that only looks like markup
		{"<r>2 > 1</r>", "\x1b[31m2 > 1\x1b[0m"},
		{"<1<r>2</r>3>", "<1\x1b[31m2\x1b[0m3>"},
		{"1 < 2", "1 < 2"},
		{"1 </ 2", "1 </ 2"},
		// the level tag
		{"<level>W</level>", "\x1b[33m\x1b[1mW\x1b[0m"},
		{"<lvl>W</lvl>", "\x1b[33m\x1b[1mW\x1b[0m"},
	} {
		got, err := Colorize(tt.in, "<yellow><bold>")
		if err != nil {
			t.Errorf("Colorize(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Colorize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestStrip(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"<red>foo</red>", "foo"},
		{"<1<r>2 < 3</r>4>", "<12 < 34>"},
		{`\<b>x\</b>`, "<b>x</b>"},
		{"<fg #fff><bg 1,2,3>x</></>", "x"},
	} {
		got, err := Strip(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Strip(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestMarkupErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"<b>1</d>", `closing tag "</d>" has no corresponding opening tag`},
		{"</b>", `closing tag "</b>" has no corresponding opening tag`},
		{"<b>1</b></b>", `closing tag "</b>" has no corresponding opening tag`},
		{"</>", `closing tag "</>" has no corresponding opening tag`},
		{"<green>foo</bar>", `closing tag "</bar>" has no corresponding opening tag`},
		{"<r><Y>1</r>2</Y>", `closing tag "</r>" violates nesting rules`},
		{"<b>", `opening tag "<b>" has no corresponding closing tag`},
		{"<Y><b></b>", `opening tag "<Y>" has no corresponding closing tag`},
		{"<fg red>1<fg red>", `opening tag "<fg red>" has no corresponding closing tag`},
		{"<foo>bar</foo>", `tag "<foo>" does not correspond to any known color directive`},
		{"<Green>foobar</Green>", `tag "<Green>" does not correspond`},
		{"<>1</>", `tag "<>" does not correspond`},
		{"<fg>1</fg>", `tag "<fg>" does not correspond`},
		{"<fg light-blue2>1</>", `tag "<fg light-blue2>" does not correspond`},
		{"<bg a,z>1</>", `tag "<bg a,z>" does not correspond`},
		{"<fg #>1</>", `does not correspond`},
		{"<bg #12>1</>", `does not correspond`},
		{"<fg #1234567>1</>", `does not correspond`},
		{"<bg #E7G>1</>", `does not correspond`},
		{"<fg 256>1</>", `does not correspond`},
		{"<bg -1>1</>", `does not correspond`},
		{"<fg 1,2,>1</>", `does not correspond`},
		{"<fg 256,120,120>1</>", `does not correspond`},
		{"<bg 1,2,3,4>1</>", `does not correspond`},
		{"<light-r>1</>", `does not correspond`},
	} {
		for name, f := range map[string]func(string) (string, error){
			"Colorize": func(s string) (string, error) { return Colorize(s, "") },
			"Strip":    Strip,
		} {
			_, err := f(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s(%q) error = %v, want it to contain %q", name, tt.in, err, tt.want)
			}
		}
		if _, err := Parse(tt.in, nil); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestLevelColor(t *testing.T) {
	for _, tt := range []struct {
		in, want, err string
	}{
		{"<red><bold>", "\x1b[31m\x1b[1m", ""},
		{" <RED><bold> ", "\x1b[41m\x1b[1m", ""},
		{"<fg #ff0000>", "\x1b[38;2;255;0;0m", ""},
		{"", "", ""},
		{"<>", "", "does not correspond"},
		{"<foo>", "", "does not correspond"},
		{"</>", "", "has no corresponding opening tag"},
		{"</red>", "", "has no corresponding opening tag"},
		{"<lvl>", "", "not allowed in a level's colour"},
	} {
		got, err := LevelColor(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("LevelColor(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("LevelColor(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func FuzzMarkup(f *testing.F) {
	for _, s := range []string{"<red>x</red>", "<b>1<d>2</d>3</b>", `\<r>`, "<fg #fff>a</>", "<1<r>2</r>3>", "</>", "<level>x</level>", "<bg 1,2,3>y</bg 1,2,3>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain, perr := Strip(s)
		colored, cerr := Colorize(s, "<red>")
		if (perr == nil) != (cerr == nil) {
			t.Fatalf("Strip and Colorize disagree on %q: %v vs %v", s, perr, cerr)
		}
		if perr != nil {
			var se *SyntaxError
			if !asSyntax(perr, &se) || se.Offset < 0 || se.Offset > len(s) {
				t.Fatalf("error for %q has a bad offset: %v", s, perr)
			}
			return
		}
		if got := stripANSI(colored); got != stripANSI(plain) {
			t.Fatalf("stripping the colours of %q gives %q, want the plain %q", s, got, plain)
		}
	})
}

func asSyntax(err error, se **SyntaxError) bool {
	e, ok := err.(*SyntaxError)
	*se = e
	return ok
}

// stripANSI removes CSI sequences (ESC [ … m).
func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := strings.IndexByte(s[i:], 'm')
			if j > 0 {
				i += j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// markupGoldenTags lists every tag of the markup language: each style and colour in
// each of its spellings, fg/bg forms, 256-colour, hex and RGB colours and the level tag.
func markupGoldenTags() []string {
	tags := []string{
		"bold", "b", "dim", "d", "italic", "i", "underline", "u", "blink", "l",
		"reverse", "v", "hide", "h", "strike", "s", "normal", "n", "level", "lvl",
	}
	names := []string{"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"}
	shorts := []string{"k", "r", "g", "y", "e", "m", "c", "w"}
	for i, n := range names {
		up, sh := strings.ToUpper(n), shorts[i]
		tags = append(tags,
			n, sh, "light-"+n, "l"+sh, // foreground
			up, strings.ToUpper(sh), "LIGHT-"+up, "L"+strings.ToUpper(sh), // background
			"fg "+n, "fg "+up, "fg light-"+n, "fg l"+sh,
			"bg "+n, "bg "+up, "bg light-"+n, "bg L"+strings.ToUpper(sh))
	}
	return append(tags,
		"fg 0", "fg 7", "fg 007", "fg 255", "bg 0", "bg 208", "bg 255",
		"fg #000", "fg #F12", "fg #ff8800", "fg #FF8800", "bg #BEE", "bg #00a000",
		"fg 0,0,0", "fg 255,128,0", "fg 0,095,0", "bg 72,119,65", "bg 255,255,255")
}

// The markup golden file holds, for every tag, its coloured and stripped rendering, then
// a set of nesting and escaping cases; refresh it with go test ./format -update. Every
// line was checked against loguru's own parser.
func TestMarkupGolden(t *testing.T) {
	var b strings.Builder
	line := func(in string) {
		c, err := Colorize(in, "<yellow><bold>")
		s, serr := Strip(in)
		if err != nil || serr != nil {
			t.Errorf("%q: %v, %v", in, err, serr)
		}
		fmt.Fprintf(&b, "%-40q %q %q\n", in, c, s)
	}
	for _, tag := range markupGoldenTags() {
		line("<" + tag + ">x</" + tag + ">")
		line("<" + tag + ">x</>")
	}
	for _, in := range []string{
		"<red>a<b>b<u>c</u>d</b>e</red>f",
		"<red>a<b>b<u>c</>d</>e</>f",
		"<level>a<red>b</red>c</level>",
		"<bg 0,160,0><fg 255,0,0>1</fg 255,0,0></bg 0,160,0>",
		"<fg #ff0000><bg LIGHT-BLUE><i>x</i>y</bg LIGHT-BLUE>z</fg #ff0000>",
		`\<red>a\</red>`, `\\<red>a\\</red>`, `\\\<red>a\\\</red>`, `\\\\<red>a</red>`,
		`a\b \\c \<d <r>e\</r>f</r>`,
		"1 < 2 > 0 <r>2 > 1</r> <1<r>2</r>3> {: <10} </ x>",
		"<r>\n<b>multi\nline</b>\n</r>",
		"plain text, no tags",
	} {
		line(in)
	}
	golden(t, "markup.golden", []byte(b.String()))
}
