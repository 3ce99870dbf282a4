package logru

import (
	"errors"
	"fmt"
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

// levelByName returns the registered level called name.
func levelByName(levels []Level, name string) (Level, bool) {
	for _, lv := range levels {
		if lv.Name == name {
			return lv, true
		}
	}
	return Level{}, false
}

// levelByNo returns the registered level with number no: a built-in one first, else the
// first level registered with that number.
func levelByNo(levels []Level, no int) (Level, bool) {
	switch no {
	case LevelTrace:
		return levels[idxTrace], true
	case LevelDebug:
		return levels[idxDebug], true
	case LevelInfo:
		return levels[idxInfo], true
	case LevelSuccess:
		return levels[idxSuccess], true
	case LevelWarning:
		return levels[idxWarning], true
	case LevelError:
		return levels[idxError], true
	case LevelCritical:
		return levels[idxCritical], true
	}
	for _, lv := range levels[idxCritical+1:] {
		if lv.No == no {
			return lv, true
		}
	}
	return Level{}, false
}

// parseLevel resolves a handler's level setting: "" is DEBUG, a name is looked up, a
// number ("35") is taken as is.
func parseLevel(levels []Level, s string) (int, error) {
	if s == "" {
		return LevelDebug, nil
	}
	if lv, ok := levelByName(levels, s); ok {
		return lv.No, nil
	}
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		if n < 0 {
			return 0, ErrLevelNo
		}
		return n, nil
	}
	return 0, ErrNoLevel
}

// levelName names a level number for display: the registered level's name, or "Level N".
func levelName(levels []Level, no int) string {
	if lv, ok := levelByNo(levels, no); ok {
		return lv.Name
	}
	return "Level " + strconv.Itoa(no)
}

// AddLevel registers a level, or updates one.
//
// A new level needs a name and a number (No ≥ 1). Adding a name that exists with the same
// number, or with No 0, updates its colour and icon where they are given (non-empty) and
// leaves the rest. The colour is markup made of opening tags ("<cyan><bold>"). AddLevel
// returns the level as registered.
//
// Errors, wrapping [ErrLevelName], [ErrLevelNo], [ErrLevelExists] or a markup error: an
// empty name, a negative number, a name registered with another number, a colour that
// does not parse, a name or icon holding a control character or invalid UTF-8. AddLevel is safe for concurrent use; levels belong to the logger's core
// and are shared by its children.
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

// withLevel adds or updates lv in levels as AddLevel does, changing levels in place
// (give it a copy) and returning the table and the level as registered. Its errors give
// the reason only, not the level's name.
func withLevel(levels []Level, lv Level) ([]Level, Level, error) {
	if lv.Name == "" {
		return nil, Level{}, ErrLevelName
	}
	if lv.No < 0 {
		return nil, Level{}, fmt.Errorf("%w: %d", ErrLevelNo, lv.No)
	}
	// Names and icons are written into every line as they are: a control character in
	// one could break lines or drive the terminal.
	if encode.NeedsTextEscape(lv.Name) {
		return nil, Level{}, fmt.Errorf("Name %q: holds a control character or invalid UTF-8", lv.Name)
	}
	if encode.NeedsTextEscape(lv.Icon) {
		return nil, Level{}, fmt.Errorf("Icon %q: holds a control character or invalid UTF-8", lv.Icon)
	}
	if lv.Color != "" {
		if _, err := render.LevelColor(lv.Color); err != nil {
			return nil, Level{}, fmt.Errorf("Color %q: %w", lv.Color, err)
		}
	}
	for i, old := range levels {
		if old.Name != lv.Name {
			continue
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
		levels[i] = old
		return levels, old, nil
	}
	if lv.No == 0 {
		return nil, Level{}, fmt.Errorf("%w: a new level needs a number (No ≥ 1)", ErrNoLevel)
	}
	return append(levels, lv), lv, nil
}

// GetLevel returns the level registered under name (names are case-sensitive).
func (l *Logger) GetLevel(name string) (Level, bool) {
	return levelByName(l.core.state.Load().levels, name)
}
