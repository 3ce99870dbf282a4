package render

import (
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru/core"
)

// manyPlaceholders returns a message with n placeholders and the n arguments they
// name, in the order a caller would write them.
func manyPlaceholders(n int) (string, []slog.Attr) {
	var sb strings.Builder
	args := make([]slog.Attr, n)
	for i := range n {
		k := "k" + strconv.Itoa(i)
		sb.WriteString("{" + k + "} ")
		args[i] = slog.Int(k, i)
	}
	return sb.String(), args
}

// BenchmarkManyPlaceholders shows the cost of a message with n placeholders and n
// arguments, and of {fields} leaving out the n keys the message showed: about linear
// in n (it was quadratic: each placeholder scanned the arguments and the keys
// substituted, and each field the message's keys).
func BenchmarkManyPlaceholders(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		msg, args := manyPlaceholders(n)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.Run("cached", func(b *testing.B) {
				var c MessageCache
				var keys core.Keys
				buf := c.AppendKeys(nil, msg, args, &keys)
				buf = c.AppendKeys(buf[:0], msg, args, &keys) // compiled from the second call
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					keys.Reset()
					buf = c.AppendKeys(buf[:0], msg, args, &keys)
				}
			})
			b.Run("plain", func(b *testing.B) {
				var keys core.Keys
				buf := AppendMessageKeys(nil, msg, args, true, false, &keys)
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					keys.Reset()
					buf = AppendMessageKeys(buf[:0], msg, args, true, false, &keys)
				}
			})
			b.Run("fields", func(b *testing.B) {
				var r core.Record
				for _, a := range args {
					r.Extra.SetAttr(a)
					r.MessageKeys.Add(a.Key)
				}
				r.Extra.Set("shown-not", 1)
				buf := appendFields(nil, &r)
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					buf = appendFields(buf[:0], &r)
				}
			})
		})
	}
}
