package logru_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/logru/logru"
)

func TestLevelsMethods(t *testing.T) {
	l, buf := newTest(t, "{level} {level.no} {message}")
	l.Trace("t")
	l.Debug("d")
	l.Info("i")
	l.Success("s")
	l.Warning("w")
	l.Error("e")
	l.Critical("c")
	l.Log("INFO", "by name")
	l.LogAttrs(logru.LevelSuccess, "typed")
	expect(t, buf, "TRACE 5 t\nDEBUG 10 d\nINFO 20 i\nSUCCESS 25 s\nWARNING 30 w\nERROR 40 e\nCRITICAL 50 c\nINFO 20 by name\nSUCCESS 25 typed\n")
}

func TestAddLevel(t *testing.T) {
	l, buf := newTest(t, "{level.icon} {level} {level.no} {message}")
	lv, err := l.AddLevel(logru.Level{Name: "AUDIT", No: 35, Color: "<cyan>", Icon: "@"})
	if err != nil || lv.No != 35 {
		t.Fatalf("AddLevel = %+v, %v", lv, err)
	}
	l.Log("AUDIT", "user {user} changed password", "user", "alice")
	l.LogAttrs(35, "typed")
	if got, ok := l.GetLevel("AUDIT"); !ok || got.Icon != "@" {
		t.Errorf("GetLevel = %+v, %v", got, ok)
	}
	// Updating colour and icon, with the same number or 0.
	if lv, err := l.AddLevel(logru.Level{Name: "AUDIT", Icon: "#"}); err != nil || lv.Color != "<cyan>" || lv.Icon != "#" {
		t.Errorf("update = %+v, %v", lv, err)
	}
	if _, err := l.AddLevel(logru.Level{Name: "DEBUG", No: 10, Icon: "!"}); err != nil {
		t.Error(err)
	}
	l.Debug("dbg")
	expect(t, buf, "@ AUDIT 35 user alice changed password\n@ AUDIT 35 typed\n! DEBUG 10 dbg\n")
	if lv, ok := l.GetLevel("audit"); !ok || lv.Name != "AUDIT" {
		t.Errorf("GetLevel(audit) = %+v, %v: names match without regard to case", lv, ok)
	}
}

func TestAddLevelErrors(t *testing.T) {
	l := logru.New()
	for _, tt := range []struct {
		lv   logru.Level
		want error
		text string
	}{
		{logru.Level{No: 3}, logru.ErrLevelName, ""},
		{logru.Level{Name: "X", No: -1}, logru.ErrLevelNo, ""},
		{logru.Level{Name: "DEBUG", No: 100}, logru.ErrLevelExists, ""},
		{logru.Level{Name: "NEW"}, logru.ErrNoLevel, ""},
		{logru.Level{Name: "X", No: 3, Color: "<foo>"}, nil, `"<foo>" does not correspond`},
		{logru.Level{Name: "X", No: 3, Color: "</red>"}, nil, "no corresponding opening tag"},
		{logru.Level{Name: "X", No: 3, Color: "<lvl>"}, nil, "not allowed"},
		{logru.Level{Name: "A\nB", No: 3}, nil, `level Name "A\nB" holds a control character`},
		{logru.Level{Name: "A\x1b[2J", No: 3}, nil, "control character"},
		{logru.Level{Name: "A\u0085", No: 3}, nil, "control character"},
		{logru.Level{Name: "A\xff", No: 3}, nil, "invalid UTF-8"},
		{logru.Level{Name: "INFO", Icon: "\r"}, nil, `level Icon "\r" holds a control character`},
	} {
		_, err := l.AddLevel(tt.lv)
		if err == nil || tt.want != nil && !errors.Is(err, tt.want) || tt.text != "" && !strings.Contains(err.Error(), tt.text) {
			t.Errorf("AddLevel(%+v) = %v, want %v %q", tt.lv, err, tt.want, tt.text)
		}
	}
}

func TestUnknownLevel(t *testing.T) {
	var errs []error
	l := logru.New()
	buf := &lineBuffer{}
	l.Add(logru.Handler{Sink: buf, OnError: func(err error) { errs = append(errs, err) }})
	l.Log("AUDTI", "lost {x}", "x", 1)
	l.LogAttrs(37, "no such number")
	if buf.String() != "" {
		t.Errorf("a record at an unknown level was written: %q", buf.String())
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), `level "AUDTI" does not exist`) || !strings.Contains(errs[0].Error(), "lost {x}") ||
		!strings.Contains(errs[1].Error(), "level number 37") {
		t.Errorf("errors = %v", errs)
	}
}
