package core

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// filledRecord returns a record with every field set.
func filledRecord() *Record {
	r := &Record{Time: time.Now(), Elapsed: time.Second, Level: Level{Name: "INFO", No: 20, Color: "<b>", Icon: "i"},
		Message: "m", Name: "a/b", Module: "b", Function: "f", File: "f.go", FilePath: "/a/f.go", Line: 3,
		PC: 1, Goroutine: 9, Exception: &Exception{}, Context: context.Background()}
	r.Extra.Set("k", "v")
	r.MessageKeys.Add("k")
	return r
}

// Reset zeroes every field of a record, whichever fields a record has: a field added
// to Record and forgotten by Reset fails this test.
func TestRecordResetZeroesEveryField(t *testing.T) {
	r := filledRecord()
	v := reflect.ValueOf(r).Elem()
	for i := range v.NumField() {
		if f := v.Type().Field(i); v.Field(i).IsZero() {
			t.Fatalf("filledRecord leaves %s zero: fill it", f.Name)
		}
	}
	r.Reset()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		switch f.Name {
		case "Extra":
			if r.Extra.Len() != 0 {
				t.Errorf("Extra has %d fields after Reset", r.Extra.Len())
			}
		case "MessageKeys":
			if r.MessageKeys.Len() != 0 {
				t.Errorf("MessageKeys has %d keys after Reset", r.MessageKeys.Len())
			}
		default:
			if !v.Field(i).IsZero() {
				t.Errorf("%s = %v after Reset", f.Name, v.Field(i))
			}
		}
	}
}

func BenchmarkRecordReset(b *testing.B) {
	r := filledRecord()
	for b.Loop() {
		r.Time, r.Level, r.Message, r.Name, r.PC = time.Time{}, Level{Name: "INFO"}, "m", "n", 1
		r.Reset()
	}
}
