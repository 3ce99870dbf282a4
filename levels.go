package logru

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
	"github.com/logru/logru/internal/render"
)

// Level is a severity: a name, a number, a colour and an icon. See [core.Level].
type Level = core.Level

// The built-in levels' numbers, loguru's. Pass them to [Logger.LogAttrs] and
// [Logger.Enabled].
const (
	LevelTrace    = 5
	LevelDebug    = 10
	LevelInfo     = 20
	LevelSuccess  = 25
	LevelWarning  = 30
	LevelError    = 40
	LevelCritical = 50
)

// builtinLevels are the seven levels every logger starts with, with loguru's colours
// and icons.
var builtinLevels = [...]Level{
	{Name: "TRACE", No: LevelTrace, Color: "<cyan><bold>", Icon: "\u270f\ufe0f"},
	{Name: "DEBUG", No: LevelDebug, Color: "<blue><bold>", Icon: "\U0001f41e"},
	{Name: "INFO", No: LevelInfo, Color: "<bold>", Icon: "\u2139\ufe0f"},
	{Name: "SUCCESS", No: LevelSuccess, Color: "<green><bold>", Icon: "\u2705"},
	{Name: "WARNING", No: LevelWarning, Color: "<yellow><bold>", Icon: "\u26a0\ufe0f"},
	{Name: "ERROR", No: LevelError, Color: "<red><bold>", Icon: "\u274c"},
	{Name: "CRITICAL", No: LevelCritical, Color: "<RED><bold>", Icon: "\u2620\ufe0f"},
}

// Indexes of the built-in levels in a registry: they always come first, in this order.
const (
	idxTrace = iota
	idxDebug
	idxInfo
	idxSuccess
	idxWarning
	idxError
	idxCritical
)

// Errors returned by AddLevel and the level lookups; they are wrapped with details.
var (
	ErrLevelName   = errors.New("level name is empty")
	ErrLevelNo     = errors.New("level number is negative")
	ErrLevelExists = errors.New("level exists with another number")
	ErrNoLevel     = errors.New("level does not exist")
)

// levelTable is a core's registry of levels: the built-in ones, then the custom ones
// AddLevel and Configure register. A published table is never changed: a change makes
// a new table that shares the old one's storage, so registering n levels costs
// O(n·log n) in all and a state's copy costs O(1), however many levels exist.
//
// Names match without regard to case ([strings.EqualFold]): no two levels have names
// that differ only by case, and a lookup returns the level under its registered name.
type levelTable struct {
	builtin [len(builtinLevels)]Level // as they are now: their colour and icon may change
	names   runs[Level]               // custom levels by folded name; the newest version wins
	nos     runs[levelNo]             // the first custom level registered with each number
}

// levelNo points a number at the custom level registered first with it.
type levelNo struct {
	no   int
	name string
}

func newLevelTable() *levelTable {
	return &levelTable{builtin: builtinLevels}
}

func cmpLevelName(a, b Level) int { return foldCompare(a.Name, b.Name) }
func cmpLevelNo(a, b levelNo) int { return a.no - b.no }
func findLevelName(name string) func(Level) int {
	return func(lv Level) int { return foldCompare(lv.Name, name) }
}

// custom returns the custom level whose name matches name without regard to case.
func (t *levelTable) custom(name string) (Level, bool) {
	if len(t.names) == 0 {
		return Level{}, false
	}
	return t.names.find(findLevelName(name))
}

// levelByName returns the registered level whose name matches name without regard to
// case, under its registered name. A built-in name written as registered ("INFO") is
// found first, without folding or allocation.
func levelByName(t *levelTable, name string) (Level, bool) {
	switch name {
	case "TRACE":
		return t.builtin[idxTrace], true
	case "DEBUG":
		return t.builtin[idxDebug], true
	case "INFO":
		return t.builtin[idxInfo], true
	case "SUCCESS":
		return t.builtin[idxSuccess], true
	case "WARNING":
		return t.builtin[idxWarning], true
	case "ERROR":
		return t.builtin[idxError], true
	case "CRITICAL":
		return t.builtin[idxCritical], true
	}
	if lv, ok := t.custom(name); ok {
		return lv, true
	}
	for _, lv := range t.builtin {
		if strings.EqualFold(lv.Name, name) {
			return lv, true
		}
	}
	return Level{}, false
}

// levelByNo returns the registered level with number no: a built-in one first, else the
// first level registered with that number.
func levelByNo(t *levelTable, no int) (Level, bool) {
	switch no {
	case LevelTrace:
		return t.builtin[idxTrace], true
	case LevelDebug:
		return t.builtin[idxDebug], true
	case LevelInfo:
		return t.builtin[idxInfo], true
	case LevelSuccess:
		return t.builtin[idxSuccess], true
	case LevelWarning:
		return t.builtin[idxWarning], true
	case LevelError:
		return t.builtin[idxError], true
	case LevelCritical:
		return t.builtin[idxCritical], true
	}
	if len(t.nos) == 0 {
		return Level{}, false
	}
	ln, ok := t.nos.find(func(e levelNo) int { return e.no - no })
	if !ok {
		return Level{}, false
	}
	return t.custom(ln.name)
}

// parseLevel resolves a handler's level setting: "" is DEBUG, a name is looked up
// without regard to case, a number ("35") is taken as is. An unknown name's error
// suggests the nearest registered one, when one is close.
func parseLevel(t *levelTable, s string) (int, error) {
	if s == "" {
		return LevelDebug, nil
	}
	if lv, ok := levelByName(t, s); ok {
		return lv.No, nil
	}
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		if n < 0 {
			return 0, ErrLevelNo
		}
		return n, nil
	}
	if near := t.nearest(s); near != "" {
		return 0, fmt.Errorf("%w; did you mean %q?", ErrNoLevel, near)
	}
	return 0, ErrNoLevel
}

// unknownLevelName is the note for Log with a name no level has.
func unknownLevelName(t *levelTable, name, msg string) error {
	what := "level " + strconv.Quote(name)
	if near := t.nearest(name); near != "" {
		return errors.New("Log: " + what + " does not exist (did you mean " + strconv.Quote(near) +
			"?); record not logged: " + strconv.Quote(msg))
	}
	return unknownLevel(what, msg)
}

// levelName names a level number for display: the registered level's name, or "Level N".
func levelName(t *levelTable, no int) string {
	if lv, ok := levelByNo(t, no); ok {
		return lv.Name
	}
	return "Level " + strconv.Itoa(no)
}

// AddLevel registers a level, or updates one.
//
// A new level needs a name and a number (No ≥ 1). Adding a name that exists with the same
// number, or with No 0, updates its colour and icon where they are given (non-empty) and
// leaves the rest. The colour is markup made of opening tags ("<cyan><bold>"). AddLevel
// returns the level as registered. Level names match without regard to case everywhere
// (Log, GetLevel, Handler.Level, configuration files), so a name that differs from a
// registered one only by case is refused.
//
// Errors, wrapping [ErrLevelName], [ErrLevelNo], [ErrLevelExists] or a markup error: an
// empty name, a negative number, a name registered with another number, a name that
// differs from a registered one only by case, a colour that does not parse, a name or
// icon holding a control character or invalid UTF-8. AddLevel is safe for concurrent
// use; levels belong to the logger's core and are shared by its children. A call costs
// O(log n) for n registered levels.
func (l *Logger) AddLevel(lv Level) (Level, error) {
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	next := c.state.Load().clone()
	levels, got, err := withLevel(next.levels, lv)
	if err != nil {
		if lv.Name == "" {
			return Level{}, fmt.Errorf("logru: AddLevel: %w", err)
		}
		return Level{}, fmt.Errorf("logru: AddLevel %q: %w", lv.Name, err)
	}
	next.levels = levels
	c.state.Store(next)
	return got, nil
}

// withLevel adds or updates lv as AddLevel does, returning a new table (t is not
// changed) and the level as registered. Its errors give the reason only, not the
// level's name.
func withLevel(t *levelTable, lv Level) (*levelTable, Level, error) {
	if lv.Name == "" {
		return nil, Level{}, ErrLevelName
	}
	if lv.No < 0 {
		return nil, Level{}, fmt.Errorf("%w: %d", ErrLevelNo, lv.No)
	}
	// Names and icons are written into every line as they are: a control character in
	// one could break lines or drive the terminal.
	if encode.NeedsTextEscape(lv.Name) {
		return nil, Level{}, fmt.Errorf("level Name %q holds a control character or invalid UTF-8", lv.Name)
	}
	if encode.NeedsTextEscape(lv.Icon) {
		return nil, Level{}, fmt.Errorf("level Icon %q holds a control character or invalid UTF-8", lv.Icon)
	}
	if lv.Color != "" {
		if _, err := render.LevelColor(lv.Color); err != nil {
			return nil, Level{}, fmt.Errorf("level Color %q: %w", lv.Color, err)
		}
	}
	builtin := slices.IndexFunc(t.builtin[:], func(b Level) bool { return strings.EqualFold(b.Name, lv.Name) })
	old, found := Level{}, builtin >= 0
	if found {
		old = t.builtin[builtin]
	} else {
		old, found = t.custom(lv.Name)
	}
	next := *t
	if !found {
		if lv.No == 0 {
			return nil, Level{}, fmt.Errorf("%w: a new level needs a number (No ≥ 1)", ErrNoLevel)
		}
		next.names = t.names.insert(lv, cmpLevelName)
		if _, taken := levelByNo(t, lv.No); !taken {
			next.nos = t.nos.insert(levelNo{lv.No, lv.Name}, cmpLevelNo)
		}
		return &next, lv, nil
	}
	if old.Name != lv.Name {
		return nil, Level{}, fmt.Errorf("level %q exists: names that differ only by case are the same level", old.Name)
	}
	if lv.No != 0 && lv.No != old.No {
		return nil, Level{}, fmt.Errorf("%w (%d, not %d)", ErrLevelExists, old.No, lv.No)
	}
	if lv.Color != "" {
		old.Color = lv.Color
	}
	if lv.Icon != "" {
		old.Icon = lv.Icon
	}
	if builtin >= 0 {
		next.builtin[builtin] = old
	} else {
		next.names = t.names.insert(old, cmpLevelName)
	}
	return &next, old, nil
}

// GetLevel returns the level whose name matches name without regard to case, under its
// registered name ("info" finds INFO). It is safe for concurrent use.
func (l *Logger) GetLevel(name string) (Level, bool) {
	return levelByName(l.core.state.Load().levels, name)
}
