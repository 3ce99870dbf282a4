package render

import (
	"strconv"
	"sync/atomic"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
)

// jsonLevels keeps the level members of a serialized record, `,"level":"INFO","level_no":20`,
// encoded once per level. A level goes in slot No mod levelSlots, the first one met
// keeping it: the built-in levels (5, 10, 20, 25, 30, 40, 50) each have a slot of their
// own, and a level that finds its slot taken is encoded every time, without allocating.
//
// The zero jsonLevels is empty and ready to use; it is safe for concurrent use.
type jsonLevels struct {
	slots [levelSlots]atomic.Pointer[levelJSON]
}

const levelSlots = 16

// levelJSON is one level's encoded members.
type levelJSON struct {
	name string
	no   int
	text []byte
}

// append appends lv's members.
func (ls *jsonLevels) append(dst []byte, lv *core.Level) []byte {
	slot := &ls.slots[uint(lv.No)%levelSlots]
	c := slot.Load()
	if c != nil && c.no == lv.No && c.name == lv.Name {
		return append(dst, c.text...)
	}
	start := len(dst)
	dst = append(dst, `,"level":`...)
	dst = encode.AppendJSONString(dst, lv.Name)
	dst = append(dst, `,"level_no":`...)
	dst = strconv.AppendInt(dst, int64(lv.No), 10)
	if c == nil {
		slot.CompareAndSwap(nil, &levelJSON{name: lv.Name, no: lv.No, text: append([]byte(nil), dst[start:]...)})
	}
	return dst
}
