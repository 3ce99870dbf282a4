package encode

import (
	"encoding/json"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

type Node struct {
	Name string
	Next *Node
}

type ptrSelf *ptrSelf

type selfValuer struct{ n int }

func (s selfValuer) LogValue() slog.Value { return slog.AnyValue(selfValuer{s.n + 1}) }

type groupValuer struct{}

func (g groupValuer) LogValue() slog.Value { return slog.GroupValue(slog.Any("again", g)) }

func TestCycles(t *testing.T) {
	m := map[string]any{"a": 1}
	m["self"] = m

	s := []any{"x", nil}
	s[1] = s

	n := &Node{Name: "a"}
	n.Next = n

	a := &Node{Name: "a"}
	b := &Node{Name: "b", Next: a}
	a.Next = b

	var x any
	x = &x

	var p ptrSelf
	p = &p

	sub := make([]any, 2)
	sub[0] = sub[:1]

	mm := map[string]any{}
	mm["list"] = []any{map[string]any{"up": mm}}

	for _, tt := range []struct {
		name     string
		v        any
		wantText string
		wantJSON string
	}{
		{"self map", m, `map[a:1 self:<cycle map[string]interface {}>]`, `{"a":1,"self":"<cycle map[string]interface {}>"}`},
		{"self slice", s, `[x <cycle []interface {}>]`, `["x","<cycle []interface {}>"]`},
		{"self struct", n, `{Name:a Next:<cycle *encode.Node>}`, `{"Name":"a","Next":"<cycle *encode.Node>"}`},
		{"two nodes", a, `{Name:a Next:{Name:b Next:<cycle *encode.Node>}}`, `{"Name":"a","Next":{"Name":"b","Next":"<cycle *encode.Node>"}}`},
		{"interface to itself", &x, `<cycle *interface {}>`, `"<cycle *interface {}>"`},
		{"pointer type to itself", p, `<cycle encode.ptrSelf>`, `"<cycle encode.ptrSelf>"`},
		{"subslice is not the slice", sub, `[[<cycle []interface {}>] <nil>]`, `[["<cycle []interface {}>"],null]`},
		{"map via slice", mm, `map[list:[map[up:<cycle map[string]interface {}>]]]`, `{"list":[{"up":"<cycle map[string]interface {}>"}]}`},
		{"LogValuer loop", selfValuer{}, `<max depth>`, `"<max depth>"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(AppendTextAny(nil, tt.v)); got != tt.wantText {
				t.Errorf("AppendTextAny = %q\n             want %q", got, tt.wantText)
			}
			if got := string(AppendJSONAny(nil, tt.v)); got != tt.wantJSON {
				t.Errorf("AppendJSONAny = %s\n             want %s", got, tt.wantJSON)
			}
		})
	}
}

func TestGroupCycles(t *testing.T) {
	// GroupValue keeps a pointer to its slice, so a group can hold itself.
	as := make([]slog.Attr, 1)
	as[0] = slog.Any("g", slog.GroupValue(as...))
	inl := make([]slog.Attr, 2)
	inl[0] = slog.Int("x", 1)
	inl[1] = slog.Any("", slog.GroupValue(inl...))
	for _, v := range []slog.Value{
		slog.GroupValue(as...),
		slog.GroupValue(inl...),
		slog.AnyValue(groupValuer{}),
	} {
		text := string(AppendText(nil, v))
		if !strings.Contains(text, markMaxDepth) || strings.Count(text, "{") > maxDepth {
			t.Errorf("AppendText = %q", text)
		}
		checkText(t, text, false)
		checkJSON(t, string(AppendJSON(nil, v)))
	}
}

func nestedSlices(depth int) any {
	var v any = "leaf"
	for range depth {
		v = []any{v}
	}
	return v
}

func TestMaxDepth(t *testing.T) {
	text := string(AppendTextAny(nil, nestedSlices(100)))
	want := strings.Repeat("[", maxDepth) + markMaxDepth + strings.Repeat("]", maxDepth)
	if text != want {
		t.Errorf("AppendTextAny = %q, want %q", text, want)
	}
	js := AppendJSONAny(nil, nestedSlices(100))
	if string(js) != strings.Repeat("[", maxDepth)+`"<max depth>"`+strings.Repeat("]", maxDepth) {
		t.Errorf("AppendJSONAny = %s", js)
	}
	// Exactly maxDepth levels fit.
	if got := string(AppendTextAny(nil, nestedSlices(maxDepth))); strings.Contains(got, markMaxDepth) {
		t.Errorf("%d levels cut: %q", maxDepth, got)
	}

	// A long chain of pointers without containers still ends.
	var p ptrSelf
	for range 100_000 {
		q := p
		p = &q
	}
	if got := string(AppendTextAny(nil, p)); got != markMaxDepth {
		t.Errorf("pointer chain = %q", got)
	}

	// A linked list is cut by depth.
	var head *Node
	for i := range 1000 {
		head = &Node{Name: string(rune('a' + i%26)), Next: head}
	}
	got := AppendJSONAny(nil, head)
	checkJSON(t, string(got))
	if !strings.Contains(string(got), markMaxDepth) {
		t.Errorf("linked list not cut: %.200s", got)
	}

	// Deeply nested groups.
	g := slog.IntValue(1)
	for range 1000 {
		g = slog.GroupValue(slog.Attr{Key: "g", Value: g})
	}
	if got := string(AppendText(nil, g)); strings.Count(got, "{") != maxDepth || !strings.Contains(got, markMaxDepth) {
		t.Errorf("nested groups = %q", got)
	}
}

func TestCollectionsCut(t *testing.T) {
	big := make([]int, 10_000)
	for i := range big {
		big[i] = i
	}
	text := string(AppendTextAny(nil, big))
	if !strings.HasSuffix(text, " 998 999 …+9000 more]") || strings.Count(text, " ") != maxItems+1 {
		t.Errorf("AppendTextAny(10000 ints) ends %q", text[len(text)-40:])
	}
	var list []any
	if err := json.Unmarshal(AppendJSONAny(nil, big), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != maxItems+1 || list[maxItems-1] != 999.0 || list[maxItems] != "…+9000 more" {
		t.Errorf("JSON list has %d elements, ends %v", len(list), list[len(list)-2:])
	}

	m := make(map[int]bool, 5000)
	for i := range 5000 {
		m[i] = true
	}
	var obj map[string]any
	if err := json.Unmarshal(AppendJSONAny(nil, m), &obj); err != nil {
		t.Fatal(err)
	}
	if len(obj) != maxItems+1 || obj["…"] != "+4000 more" {
		t.Errorf("JSON map has %d members, marker %v", len(obj), obj["…"])
	}
	text = string(AppendTextAny(nil, m))
	if !strings.HasPrefix(text, "map[") || !strings.HasSuffix(text, " …+4000 more]") || strings.Count(text, ":true") != maxItems {
		t.Errorf("AppendTextAny(map) ends %q", text[len(text)-40:])
	}

	as := make([]slog.Attr, 2000)
	for i := range as {
		as[i] = slog.Int("k", i)
	}
	js := AppendJSON(nil, slog.GroupValue(as...))
	checkJSON(t, string(js))
	if !strings.HasSuffix(string(js), `"k":999,"…":"+1000 more"}`) {
		t.Errorf("JSON group ends %s", js[len(js)-40:])
	}
	if text := string(AppendText(nil, slog.GroupValue(as...))); !strings.HasSuffix(text, "k=999 …+1000 more}") {
		t.Errorf("text group ends %q", text[len(text)-40:])
	}

	// A cut inside an inlined group ends the whole group with one marker.
	outer := []slog.Attr{slog.Any("", slog.GroupValue(as[:1500]...))}
	for i := range 10 {
		outer = append(outer, slog.Int("after", i))
	}
	obj = nil
	if err := json.Unmarshal(AppendJSON(nil, slog.GroupValue(outer...)), &obj); err != nil {
		t.Fatal(err)
	}
	if obj["…"] != "+510 more" || obj["after"] != nil {
		t.Errorf("inlined group cut: marker %v, after %v", obj["…"], obj["after"])
	}

	// Exactly maxItems elements are not cut.
	if got := string(AppendTextAny(nil, big[:maxItems])); strings.Contains(got, "more") {
		t.Errorf("%d elements cut", maxItems)
	}
}

type dag struct{ L, R *dag }

func TestBudget(t *testing.T) {
	// A chain of 60 nodes, each pointing twice to the next, has 2^60 paths.
	var d *dag
	for range 60 {
		d = &dag{d, d}
	}
	start := time.Now()
	text := AppendTextAny(nil, d)
	js := AppendJSONAny(nil, d)
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("took %v", el)
	}
	checkJSON(t, string(js))
	if !strings.Contains(string(text), markMaxDepth) && !strings.Contains(string(text), markBudget) {
		t.Errorf("no limit marker in %.200s", text)
	}
	if len(text) > 4*maxBytes || len(js) > 4*maxBytes {
		t.Errorf("outputs of %d and %d bytes", len(text), len(js))
	}

	// A slice holding one large string many times stops growing.
	s := strings.Repeat("x", 100_000)
	many := make([]string, 1000)
	for i := range many {
		many[i] = s
	}
	out := AppendJSONAny(nil, many)
	if len(out) > maxBytes+2*len(s) {
		t.Errorf("output of %d bytes", len(out))
	}
	checkJSON(t, string(out))
	if !strings.HasSuffix(string(out), ` more"]`) {
		t.Errorf("no cut marker: %s", out[len(out)-30:])
	}

	// Wide and deep: [1000][1000]int is cut by the value budget.
	wide := make([][]int, 1000)
	for i := range wide {
		wide[i] = big1000
	}
	out = AppendTextAny(nil, wide)
	if !strings.HasSuffix(string(out), " more]") {
		t.Errorf("no cut marker: %s", out[len(out)-30:])
	}
}

var big1000 = make([]int, 1000)

func TestStringsNotTruncated(t *testing.T) {
	s := strings.Repeat("é", 2*maxBytes)
	if got := AppendTextAny(nil, s); string(got) != s {
		t.Errorf("text string of %d bytes written as %d bytes", len(s), len(got))
	}
	if got := AppendJSONAny(nil, struct{ S string }{s}); len(got) != len(s)+len(`{"S":""}`) {
		t.Errorf("JSON string of %d bytes written as %d bytes", len(s), len(got))
	}
}

func TestHugeMap(t *testing.T) {
	m := make(map[string]int, 200_000)
	for i := range 200_000 {
		m["key"+strconv.Itoa(i)] = i
	}
	out := AppendJSONAny(nil, m)
	var obj map[string]any
	if err := json.Unmarshal(out, &obj); err != nil {
		t.Fatal(err)
	}
	if len(obj) != maxItems+1 || obj["…"] != "+199000 more" {
		t.Errorf("map has %d members, marker %v", len(obj), obj["…"])
	}
}

// randomGraph builds a random value of maps, slices, pointers, structs and
// leaves, with cycles through the nodes it has already made.
func randomGraph(r *rand.Rand) any {
	type box struct {
		V   any
		P   *any
		M   map[string]any
		S   []any
		Err error
	}
	var made []any
	var build func(depth int) any
	build = func(depth int) any {
		if depth > 6 || r.IntN(4) == 0 {
			if len(made) > 0 && r.IntN(3) == 0 {
				return made[r.IntN(len(made))]
			}
			switch r.IntN(7) {
			case 0:
				return nil
			case 1:
				return r.Float64()
			case 2:
				return string([]byte{byte(r.IntN(256)), byte(r.IntN(256)), '\n'})
			case 3:
				return panicString{}
			case 4:
				return (*derefString)(nil)
			case 5:
				return token("secret")
			default:
				return r.IntN(100)
			}
		}
		switch r.IntN(4) {
		case 0:
			m := map[string]any{}
			made = append(made, m)
			for i := range r.IntN(4) {
				m[string(rune('a'+i))] = build(depth + 1)
			}
			return m
		case 1:
			s := make([]any, r.IntN(4))
			made = append(made, s)
			for i := range s {
				s[i] = build(depth + 1)
			}
			return s
		case 2:
			b := &box{}
			made = append(made, b)
			b.V = build(depth + 1)
			v := build(depth + 1)
			b.P = &v
			b.M = map[string]any{"x": build(depth + 1)}
			b.S = []any{build(depth + 1), b}
			return b
		default:
			var v any
			p := &v
			made = append(made, p)
			v = build(depth + 1)
			return p
		}
	}
	return build(0)
}

func TestRandomGraphs(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 2000
	if testing.Short() {
		n = 200
	}
	for i := range n {
		g := randomGraph(r)
		text := AppendTextAny(nil, g)
		checkText(t, string(text), false)
		if strings.Contains(string(text), "secret") {
			t.Fatalf("graph %d: secret in %q", i, text)
		}
		js := AppendJSONAny(nil, g)
		if !json.Valid(js) || !utf8.Valid(js) {
			t.Fatalf("graph %d: invalid JSON %q", i, js)
		}
		if strings.Contains(string(js), "encoder panic") || strings.Contains(string(text), "encoder panic") {
			t.Fatalf("graph %d: encoder panicked: %s", i, js)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	m := map[string]any{"n": 1, "s": []any{"x", time.Second}}
	m["self"] = m
	values := []slog.Value{
		slog.AnyValue(m),
		slog.GroupValue(slog.Any("m", m), slog.String("k", "v\n")),
		slog.StringValue("plain"),
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var buf []byte
			for range 200 {
				for _, v := range values {
					buf = AppendJSON(buf[:0], v)
					if !json.Valid(buf) {
						t.Errorf("invalid JSON %s", buf)
					}
					buf = AppendText(buf[:0], v)
				}
			}
		})
	}
	wg.Wait()
}

func TestPanicBudget(t *testing.T) {
	// Recovering a panic costs microseconds, so a call recovers a bounded
	// number of them.
	vals := make([]panicString, 5000)
	out := string(AppendTextAny(nil, vals))
	if n := strings.Count(out, "<PANIC="); n > maxValues/panicCost {
		t.Errorf("%d panics recovered", n)
	}
	if !strings.HasSuffix(out, " more]") {
		t.Errorf("no cut marker: %s", out[len(out)-30:])
	}
}
