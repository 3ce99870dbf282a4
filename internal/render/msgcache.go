package render

import (
	"log/slog"
	"sync/atomic"
	"unsafe"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/encode"
	"github.com/logru/logru/internal/pyfmt"
)

// msgSlots is the number of compiled message templates a MessageCache holds.
const msgSlots = 256

// MessageCache renders message templates as [AppendMessage] does (fields on, markup
// off), compiling a template once it has been seen twice: the literal text is escaped
// and the format specs parsed once, so a call only looks up and writes its values.
// Templates written as constants in the program are the ones that repeat; a message
// built anew for each call is rendered as AppendMessage renders it, without compiling.
//
// The zero MessageCache is empty and ready to use. It is safe for concurrent use; it
// holds at most 256 templates, a newer one replacing an older in the same slot.
type MessageCache struct {
	seen  [msgSlots]atomic.Uintptr // the address of the last template text met in a slot
	slots [msgSlots]atomic.Pointer[compiledMsg]
}

type compiledMsg struct {
	src    string
	pieces []msgPiece
}

// msgPiece is escaped literal text followed, when field is set, by a placeholder.
type msgPiece struct {
	lit     []byte
	field   bool
	name    string
	raw     []byte // the placeholder as written, escaped: what stands for a missing key
	conv    string
	spec    pyfmt.Spec
	hasSpec bool
	invalid bool // the placeholder is always written as it stands (bad name or conversion)
	// bare: no spec and no !r, so a value other than a LogValuer is written as
	// encode.AppendText writes it (what appendValue does then, without copying the spec)
	bare bool
}

// Append appends msg rendered with args, as AppendMessage(dst, msg, args, true, false).
func (c *MessageCache) Append(dst []byte, msg string, args []slog.Attr) []byte {
	return c.AppendKeys(dst, msg, args, nil)
}

// AppendKeys is Append that also adds to used the key of every attribute it
// substitutes, as [AppendMessageKeys] does. used may be nil.
func (c *MessageCache) AppendKeys(dst []byte, msg string, args []slog.Attr, used *core.Keys) []byte {
	p := uintptr(unsafe.Pointer(unsafe.StringData(msg)))
	i := (p>>3 ^ p>>11 ^ uintptr(len(msg))) % msgSlots
	if cm := c.slots[i].Load(); cm != nil && cm.src == msg {
		return cm.append(dst, args, used)
	}
	if c.seen[i].Swap(p) != p {
		return AppendMessageKeys(dst, msg, args, true, false, used)
	}
	cm := compileMessage(msg)
	c.slots[i].Store(cm)
	return cm.append(dst, args, used)
}

func compileMessage(msg string) *compiledMsg {
	cm := &compiledMsg{src: msg}
	sc := fscanner{s: msg}
	var lit []byte
	for {
		l, hasField, ok := sc.next()
		if !ok {
			break
		}
		lit = encode.AppendTextLiteral(lit, l)
		if !hasField {
			continue
		}
		f := &sc.field
		pc := msgPiece{lit: lit, field: true, name: f.name, conv: f.conv,
			raw:     encode.AppendTextLiteral(nil, f.raw),
			invalid: f.name == "" || (f.conv != "" && f.conv != "r" && f.conv != "s")}
		pc.spec, pc.hasSpec = messageSpec(f.spec)
		pc.bare = !pc.hasSpec && pc.conv != "r"
		cm.pieces = append(cm.pieces, pc)
		lit = nil
	}
	if len(lit) > 0 || len(cm.pieces) == 0 {
		cm.pieces = append(cm.pieces, msgPiece{lit: lit})
	}
	return cm
}

func (cm *compiledMsg) append(dst []byte, args []slog.Attr, used *core.Keys) []byte {
	if len(args) > argScanMax {
		return cm.appendIndexed(dst, args, used)
	}
	for k := range cm.pieces {
		pc := &cm.pieces[k]
		dst = append(dst, pc.lit...)
		if !pc.field {
			continue
		}
		i := lastArg(args, pc.name)
		if i < 0 || pc.invalid {
			dst = append(dst, pc.raw...)
			continue
		}
		if used != nil {
			used.Add(pc.name)
		}
		if v := args[i].Value; pc.bare && v.Kind() != slog.KindLogValuer {
			dst = encode.AppendText(dst, v)
		} else {
			dst = appendValue(dst, v, pc.spec, pc.hasSpec, pc.conv)
		}
	}
	return dst
}

// appendIndexed is append for more than argScanMax arguments: it finds them through an
// argIndex, not a scan per placeholder. It is a loop of its own so that the common
// case stays as it was.
func (cm *compiledMsg) appendIndexed(dst []byte, args []slog.Attr, used *core.Keys) []byte {
	ix := argIndex{args: args, scans: argScansBeforeIndex}
	for k := range cm.pieces {
		pc := &cm.pieces[k]
		dst = append(dst, pc.lit...)
		if !pc.field {
			continue
		}
		i := -1
		if !pc.invalid {
			i = ix.find(pc.name)
		}
		if i < 0 {
			dst = append(dst, pc.raw...)
			continue
		}
		if used != nil {
			used.Add(pc.name)
		}
		dst = appendValue(dst, args[i].Value, pc.spec, pc.hasSpec, pc.conv)
	}
	ix.release()
	return dst
}
