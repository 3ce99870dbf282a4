package render

import (
	"encoding/binary"
	"log/slog"
	"slices"
	"strconv"
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
	// fast holds the placeholders, and tail the literal after the last, when there
	// is at least one and each is valid, bare and named by 1 to maxKeyWords bytes:
	// the message is then rendered by appendFast.
	fast []fastField
	tail litText
	room int // the spare capacity appendFast makes at once: the literals and a margin
}

// litText is escaped literal text; when it is at most 16 bytes long (short), pad
// holds it followed by zeros, for a copy of constant size (see appendLit).
type litText struct {
	b     []byte
	pad   [16]byte
	short bool
}

func newLitText(b []byte) litText {
	t := litText{b: b, short: len(b) <= len(litText{}.pad)}
	copy(t.pad[:], b)
	return t
}

// appendLit appends t.b to dst. A short text, when dst has room for 16 more bytes,
// is copied as 16 bytes (two moves, no call to copy memory) and dst cut back to its
// end: the bytes after it, in dst's spare capacity, are overwritten.
func appendLit(dst []byte, t *litText) []byte {
	if m := len(dst); t.short && cap(dst)-m >= len(t.pad) {
		*(*[16]byte)(dst[m : m+16]) = t.pad
		return dst[:m+len(t.b)]
	}
	return append(dst, t.b...)
}

// fastField is a placeholder of a message that appendFast renders, after the escaped
// literal text lit: a msgPiece with only what such a placeholder needs.
type fastField struct {
	lit    litText
	name   string
	raw    []byte
	w1, w2 uint64 // name packed by keyWords
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
//
// Append and AppendKeys may write in dst's spare capacity beyond the end of what they
// return (whole words of a literal or a value, see appendFast), and they may grow dst
// by more than the message needs: dst is a buffer of the caller's own.
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
	cm.fast, cm.tail = fastFields(cm.pieces)
	cm.room = len(cm.tail.b) + fastRoom
	for k := range cm.fast {
		cm.room += len(cm.fast[k].lit.b)
	}
	return cm
}

// fastRoom is the room appendFast makes beyond the literals' length: for the values,
// and for the 16-byte copies of the literals.
const fastRoom = 64

// fastFields returns the placeholders of pieces, and the literal after the last, for
// appendFast; nil when appendFast cannot render them.
func fastFields(pieces []msgPiece) ([]fastField, litText) {
	var fast []fastField
	var tail []byte
	for k := range pieces {
		pc := &pieces[k]
		if !pc.field {
			tail = pc.lit
			break
		}
		if pc.invalid || !pc.bare || len(pc.name) == 0 || len(pc.name) > maxKeyWords {
			return nil, litText{}
		}
		f := fastField{lit: newLitText(pc.lit), name: pc.name, raw: pc.raw}
		f.w1, f.w2 = keyWords(pc.name)
		fast = append(fast, f)
	}
	return fast, newLitText(tail)
}

func (cm *compiledMsg) append(dst []byte, args []slog.Attr, used *core.Keys) []byte {
	if len(args) > argScanMax {
		return cm.appendIndexed(dst, args, used)
	}
	if cm.fast != nil {
		return cm.appendFast(dst, args, used)
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

// appendFast is append for a message whose placeholders are all in cm.fast, with
// argScanMax arguments or fewer. It finds the argument a placeholder shows as lastArg
// does (the last with its name), comparing a key of the name's length as the words
// keyWords packs, with no call; it writes the usual values (short printable strings,
// integers) without a call to encode.
func (cm *compiledMsg) appendFast(dst []byte, args []slog.Attr, used *core.Keys) []byte {
	if cap(dst)-len(dst) < cm.room {
		dst = slices.Grow(dst, cm.room)
	}
	for k := range cm.fast {
		f := &cm.fast[k]
		dst = appendLit(dst, &f.lit)
		n := len(f.name)
		i := len(args) - 1
		for ; i >= 0; i-- {
			key := args[i].Key
			if len(key) != n {
				continue
			}
			var w1, w2 uint64 // keyWords(key), written out: the call is not inlined
			switch {
			case n >= 8:
				w1, w2 = load8(key, 0), load8(key, n-8)
			case n >= 4:
				w1 = uint64(load4(key, 0)) | uint64(load4(key, n-4))<<32
			default:
				w1 = uint64(key[0]) | uint64(key[n>>1])<<8 | uint64(key[n-1])<<16
			}
			if w1 == f.w1 && w2 == f.w2 {
				break
			}
		}
		if i < 0 {
			dst = append(dst, f.raw...)
			continue
		}
		if used != nil {
			used.Add(f.name)
		}
		// What encode.AppendText writes (see appendBare), the usual values first.
		switch v := args[i].Value; v.Kind() {
		case slog.KindString:
			// A string of at most 16 bytes, all printable ASCII, is what AppendTextString
			// writes as it is: the words loaded to test its bytes are the words stored
			// (overlapping, as keyWords loads them), in dst's spare capacity.
			s := v.String()
			m, n := len(dst), len(s)
			if n > 16 || cap(dst)-m < 16 {
				dst = encode.AppendTextString(dst, s)
				break
			}
			d := dst[m : m+16]
			var x uint64 // the top bit of a byte set when a byte is not printable ASCII
			switch {
			case n >= 8:
				a, b := load8(s, 0), load8(s, n-8)
				x = (a-lsb*0x20)&^a | (a + lsb) | a | (b-lsb*0x20)&^b | (b + lsb) | b
				binary.LittleEndian.PutUint64(d[n-8:], b)
				binary.LittleEndian.PutUint64(d, a)
			case n >= 4:
				a, b := load4(s, 0), load4(s, n-4)
				w := uint64(a) | uint64(b)<<32
				x = (w-lsb*0x20)&^w | (w + lsb) | w
				binary.LittleEndian.PutUint32(d[n-4:], b)
				binary.LittleEndian.PutUint32(d, a)
			case n > 0:
				a, b, c := s[0], s[n>>1], s[n-1]
				w := uint64(a) | uint64(b)<<8 | uint64(c)<<16 | 0x2020202020<<24 // padded with spaces
				x = (w-lsb*0x20)&^w | (w + lsb) | w
				d[n-1], d[n>>1], d[0] = c, b, a
			}
			if x&msb == 0 {
				dst = dst[:m+n]
			} else {
				dst = encode.AppendTextString(dst, s)
			}
		case slog.KindInt64:
			if n := v.Int64(); uint64(n) < 10 {
				dst = append(dst, byte('0'+n))
			} else {
				dst = strconv.AppendInt(dst, n, 10)
			}
		default:
			dst = appendBare(dst, v)
		}
	}
	return appendLit(dst, &cm.tail)
}

// Eight bytes at a time, as encode tests them: (x-lsb*0x20)&^x has a byte's top bit
// set when it is below 0x20, (x+lsb)|x when it is 0x7f or above; a borrow or a carry
// between bytes only ever starts at a byte that fails the test already.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// maxKeyWords is the length of the longest key that keyWords packs.
const maxKeyWords = 16

// keyWords packs a key of 1 to maxKeyWords bytes into two words that, with its length,
// tell it from every other key: overlapping loads cover every byte (8–16 bytes: the
// first eight and the last eight; 4–7: the first four and the last four; 1–3: the
// first, middle and last byte). The empty key packs to zeros.
func keyWords(s string) (uint64, uint64) {
	switch n := len(s); {
	case n >= 8:
		return load8(s, 0), load8(s, n-8)
	case n >= 4:
		return uint64(load4(s, 0)) | uint64(load4(s, n-4))<<32, 0
	case n > 0:
		return uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16, 0
	}
	return 0, 0
}

// load8 returns s[i:i+8] as a little-endian word (one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load4 returns s[i:i+4] as a little-endian word (one load).
func load4(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// appendBare writes v as a placeholder without spec or conversion writes it: as
// encode.AppendText does, a LogValuer resolved first (what appendValue does then,
// without copying a spec).
func appendBare(dst []byte, v slog.Value) []byte {
	if v.Kind() == slog.KindLogValuer {
		return appendValue(dst, v, pyfmt.Spec{}, false, "")
	}
	return encode.AppendText(dst, v)
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
