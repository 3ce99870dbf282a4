package logru

// A record's path, top to bottom: logru.go's log methods pass the level gate (one atomic
// load) and call a log* entry function here; begin takes a pooled entry and resolves the
// caller (callerfp.go, caller.go) and the activation rules (activation.go); the call's
// arguments become fields (args.go); end → finish builds the rest of the record, runs
// the patchers and, for each handler that takes it (filter.go), formats the line and
// writes it (write), through the queue (enqueue.go) or at once (sink.go).

import (
	"errors"
	"log/slog"
	"runtime"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"github.com/logru/logru/core"
	"github.com/logru/logru/internal/render"
)

// entry is the per-call scratch space, pooled: the record, the call's arguments as
// attributes and the caller's program counter.
type entry struct {
	rec  core.Record
	args []slog.Attr
	cm   render.ColoredMessage
	pcs  [1]uintptr
	ci   *callerInfo // the resolved caller, when it was captured
	buf  []byte      // scratch for each handler's line, in turn
	msg  []byte      // the rendered message, which r.Message may view (see Logger.message)
	ev   eventInfo   // set by LogEvent only
	// own holds args' storage while args views rec.Extra's fields instead (see
	// Logger.attrsToExtra): the call's fields were then stored once, not twice.
	own []slog.Attr
	// extraDone: rec.Extra holds the call's fields already; finish adds none.
	extraDone bool
	// shard picks the shard of the handlers' counters this entry's records add to
	// (see counters.go): set once, round-robin, when the entry is made.
	shard uint32
}

var entryPool = sync.Pool{New: func() any {
	return &entry{args: make([]slog.Attr, 0, 16), buf: make([]byte, 0, 1024), msg: make([]byte, 0, 256),
		shard: nextShard()}
}}

func getEntry() *entry { return entryPool.Get().(*entry) }

func putEntry(e *entry) {
	if cap(e.args) > 256 || e.rec.Extra.Len() > 256 || cap(e.buf) > maxScratch || cap(e.msg) > maxScratch {
		return // let oversized scratch go
	}
	e.rec.Reset() // r.Message no longer views e.msg; clears the fields args may view
	e.msg = e.msg[:0]
	if e.own != nil { // args viewed rec.Extra: its own storage was not written
		e.args, e.own = e.own, nil
	} else {
		clear(e.args)
		e.args = e.args[:0]
	}
	e.extraDone = false
	if e.cm.Args != nil || e.cm.Template != "" || e.cm.Plain != "" { // set by a Colors call
		e.cm = render.ColoredMessage{}
	}
	e.ci = nil
	entryPool.Put(e)
}

// maxScratch is the largest line buffer an entry keeps when it goes back to the pool,
// so that one huge record does not pin memory forever.
const maxScratch = 16 << 10

// callerSkip is the number of frames between runtime.Callers, called in a log* entry
// function, and the user's logging call: the log* function and the public method
// (usually inlined into the caller, but runtime.Callers counts inlined frames too).
const callerSkip = 3

// wantCaller reports whether this call must capture its caller: some handler, filter or
// rule reads it, or a patcher might.
func (l *Logger) wantCaller(st *coreState) bool {
	return st.needs.caller || len(l.patchers) > 0 || st.patch != nil
}

// resolve fills the record's caller fields from the captured PC and applies the
// activation rules; it reports whether the record may go on.
func (l *Logger) resolve(e *entry, st *coreState, n int) bool {
	ci := unknownCaller
	if n == 1 {
		ci = l.core.callers.lookup(e.pcs[0])
	}
	return l.accept(e, st, ci)
}

// accept applies the activation rules to the resolved caller ci and, when the record
// may go on, fills the record's caller fields.
func (l *Logger) accept(e *entry, st *coreState, ci *callerInfo) bool {
	if !st.enabledFor(ci) {
		return false
	}
	e.ci = ci
	r := &e.rec
	r.PC = ci.pc
	r.Name, r.Module, r.Function = ci.name, ci.module, ci.function
	r.File, r.FilePath, r.Line = ci.file, ci.filePath, ci.line
	return true
}

// The log* entry functions, one per kind of call, each called by the public methods
// of its kind (Logger.Info…, Logger.LogAttrs, Logger.Log, Logger.Exception and their
// package-level twins). Each finds the record's level, then follows one scaffold:
//
//	if e := l.begin(st, level, callerPC()); e != nil { // pooled entry, caller, activation
//		e.args = …the call's arguments…
//		l.end(e, st, msg, hasArgs) // the record's path: finish, then back to the pool
//	}
//
// callerPC must be called by the entry function itself, which must have a frame of its
// own: the entry functions are never inlined.

// begin takes a pooled entry for a record at lv and, when some handler, filter or rule
// needs the caller, resolves it from ret (callerPC's result in the entry function) and
// applies the activation rules. It returns nil when the record does not go on (the entry
// is back in the pool).
func (l *Logger) begin(st *coreState, lv *Level, ret uintptr) *entry {
	e := getEntry()
	e.rec.Level = *lv
	if l.wantCaller(st) && !l.resolveAt(e, st, ret) {
		putEntry(e)
		return nil
	}
	return e
}

// end finishes the record begin started and puts its entry back in the pool.
func (l *Logger) end(e *entry, st *coreState, msg string, hasArgs bool) {
	l.finish(e, st, msg, hasArgs)
	putEntry(e)
}

// callerPC needs this frame: never inlined.
//
//go:noinline
func (l *Logger) logArgs(idx int, msg string, args []any) {
	st := l.core.state.Load()
	if e := l.begin(st, &st.levels.builtin[idx], callerPC()); e != nil {
		e.args = appendArgs(e.args, args, l.opts.Lazy)
		l.end(e, st, msg, len(args) > 0)
	}
}

// builtinByNo maps a level number divided by 5 to the index of the built-in level with
// that number, or -1.
var builtinByNo = [...]int8{-1, idxTrace, idxDebug, -1, idxInfo, idxSuccess, idxWarning, -1, idxError, -1, idxCritical}

// builtinLevel returns the built-in level numbered no in t, or nil when no built-in level
// has that number: what levelByNo finds first, by a look-up instead of a search, and
// without a copy.
func builtinLevel(t *levelTable, no int) *Level {
	if q := uint(no) / 5; uint(no)%5 == 0 && q < uint(len(builtinByNo)) {
		if i := builtinByNo[q]; i >= 0 {
			return &t.builtin[i]
		}
	}
	return nil
}

// callerPC needs this frame: never inlined.
//
//go:noinline
func (l *Logger) logAttrs(level int, msg string, attrs []slog.Attr) {
	st := l.core.state.Load()
	lv := builtinLevel(st.levels, level)
	if lv == nil {
		custom, ok := levelByNo(st.levels, level)
		if !ok {
			l.core.reportAll(st, unknownLevel("level number "+strconv.Itoa(level), msg))
			return
		}
		lv = &custom
	}
	if e := l.begin(st, lv, callerPC()); e != nil {
		switch {
		case len(attrs) == 0: // no call: a message alone pays for no test
		case l.opts.Lazy:
			for _, a := range attrs {
				e.args = appendAttr(e.args, lazyAttr(a))
			}
		case l.attrsToExtra(e, st, attrs):
		case plainAttrs(attrs):
			e.args = append(e.args, attrs...) // one copy, no per-attribute work
		default:
			for _, a := range attrs {
				e.args = appendAttr(e.args, a)
			}
		}
		l.end(e, st, msg, len(attrs) > 0)
	}
}

// attrsToExtra stores the fields of a LogAttrs call straight into the record's Extra,
// where finish would copy them from e.args, and lets e.args view them there: one copy
// of each field instead of two, and nothing to clear in e.args afterwards. It reports
// false, having done nothing, unless the fields come first in the Extra (no base,
// context or bound fields precede them), no user code can see the record before its
// lines are written (no patcher, filter function, format function or record-taking
// sink: none can change the Extra that e.args views while the message is rendered from
// e.args), and every field is stored as it is (a non-empty key that is no bad key, a
// value that is neither a LogValuer nor a group). A repeated key makes the Extra
// differ from the arguments: e.args then takes its own copy.
func (l *Logger) attrsToExtra(e *entry, st *coreState, attrs []slog.Attr) bool {
	r := &e.rec
	if len(attrs) == 0 || l.ctx != nil || l.bound.Len() > 0 || st.extra.Len() > 0 || r.Extra.Len() > 0 ||
		st.needs.record || st.patch != nil || len(l.patchers) > 0 || e.ev.on {
		return false
	}
	for i := range attrs {
		k := attrs[i].Key
		if kind := attrs[i].Value.Kind(); k == "" || k[0] == '!' || kind == slog.KindLogValuer || kind == slog.KindGroup {
			return false
		}
	}
	r.Extra.AppendAttrs(attrs)
	e.extraDone = true
	if fields := r.Extra.Attrs(); len(fields) == len(attrs) { // the keys are unique: the fields are attrs
		e.own, e.args = e.args, fields[:len(fields):len(fields)]
	} else {
		e.args = append(e.args, attrs...)
	}
	return true
}

// callerPC needs this frame: never inlined.
//
//go:noinline
func (l *Logger) logNamed(name, msg string, args []any) {
	st := l.core.state.Load()
	lv, ok := levelByName(st.levels, name)
	if !ok {
		l.core.reportAll(st, unknownLevelName(st.levels, name, msg))
		return
	}
	if int64(lv.No) < l.core.minLevel.Load() {
		return
	}
	if e := l.begin(st, &lv, callerPC()); e != nil {
		e.args = appendArgs(e.args, args, l.opts.Lazy)
		l.end(e, st, msg, len(args) > 0)
	}
}

// logException is logArgs for Exception: the record's exception is the first error among
// args, else Options.Exception, else the current goroutine's stack.
//
// callerPC needs this frame: never inlined.
//
//go:noinline
func (l *Logger) logException(msg string, args []any) {
	st := l.core.state.Load()
	if e := l.begin(st, &st.levels.builtin[idxError], callerPC()); e != nil {
		e.args = appendArgs(e.args, args, l.opts.Lazy)
		if err := firstError(args); err != nil {
			e.rec.Exception = newException(err)
		}
		if e.rec.Exception == nil && l.opts.Exception == nil {
			var buf [64]uintptr
			pcs := buf[:runtime.Callers(callerSkip+l.opts.Depth, buf[:])]
			stack := core.FramesOf(pcs, func(f runtime.Frame) bool { return !hiddenFrame(f) })
			e.rec.Exception = &core.Exception{Stack: stack, Caught: len(stack)}
		}
		l.end(e, st, msg, len(args) > 0)
	}
}

// firstError returns the first non-nil error among args, given directly or as a
// slog.Attr's value.
func firstError(args []any) error {
	for _, a := range args {
		switch a := a.(type) {
		case error:
			if a != nil {
				return a
			}
		case slog.Attr:
			if a.Value.Kind() == slog.KindAny {
				if err, ok := a.Value.Any().(error); ok && err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// unknownLevel is the note for a record logged at a level that does not exist. Its rate
// limit is per level, not per message.
func unknownLevel(what, msg string) error {
	return keyedError{key: "unknown " + what,
		error: errors.New("Log: " + what + " does not exist; record not logged: " + strconv.Quote(msg))}
}

// finish builds the rest of the record, runs the patchers and hands the record to every
// handler that takes it. dispatchDepth counts its frames: never inlined.
//
//go:noinline
func (l *Logger) finish(e *entry, st *coreState, msg string, hasArgs bool) {
	c := l.core
	r := &e.rec
	if e.ev.on {
		r.Time, r.Elapsed = e.ev.times(c.start)
	} else {
		r.Time, r.Elapsed = c.clock.read(c.start)
	}
	if st.needs.goroutine {
		r.Goroutine = goroutineID()
	}
	if st.extra.Len() > 0 {
		r.Extra.Merge(&st.extra)
	}
	if l.ctx != nil {
		r.Context = l.ctx
		if f := fieldsOf(l.ctx); f != nil {
			r.Extra.Merge(f)
		}
	}
	if e.ev.ctx != nil {
		e.ev.mergeContext(r)
	}
	boundAt := r.Extra.Len() // base, context and event fields come before the bound ones
	if l.bound.Len() > 0 {
		l.mergeBound(r)
	}
	if !e.extraDone && len(e.args) > 0 { // a message alone costs no call
		r.Extra.AppendAttrs(e.args)
	}
	// The bound fields' rendering can stand in for them while they follow the fields
	// merged before them unchanged (boundEncoding.fits) and no patcher can touch them.
	// Likewise the caller's encoding, made once per PC, while no patcher can change it.
	var enc encoded
	if st.patch == nil && len(l.patchers) == 0 {
		if st.needs.json && e.ci != nil {
			enc.caller = e.ci.json
		}
		if l.boundEnc.fits(&l.bound, boundAt, len(e.args), r.Extra.Len()) {
			enc.extra, enc.at = &l.boundEnc.prefix, boundAt
		}
	}
	// No user code can read r.Message (and keep it) when no patcher, filter function,
	// format function or record-taking sink is present: it may then view e.msg.
	if !l.opts.Colors && isPlain(msg, hasArgs) {
		r.Message = msg // nothing to substitute or escape: no call to message
	} else {
		r.Message = l.message(e, msg, hasArgs, !st.needs.record && st.patch == nil && len(l.patchers) == 0)
	}
	for _, k := range e.ev.shown {
		r.MessageKeys.Add(k)
	}
	if r.Exception == nil && l.opts.Exception != nil {
		r.Exception = newException(l.opts.Exception)
	}
	if st.patch != nil {
		c.runPatch(st, st.patch, r)
	}
	for _, p := range l.patchers {
		c.runPatch(st, p, r)
	}
	var cm *render.ColoredMessage
	if l.opts.Colors {
		e.cm = render.ColoredMessage{Template: msg, Args: e.args, Fields: hasArgs, Plain: r.Message}
		cm = &e.cm
	}
	for _, hd := range st.handlers {
		if int64(r.Level.No) >= hd.level.Load() && (!hd.filtered || c.takes(st, hd, r)) {
			c.write(hd, r, cm, l.opts.Raw, &enc, &e.buf, e.shard)
		}
	}
	if pendingCloses.n.Load() > 0 {
		runPendingCloses() // a sink closed handlers: the record has reached them all
	}
}

// message renders the record's message through the core's compiled templates or
// render.AppendMessage, into e.msg. finish does not call it for a message written as it
// stands (isPlain): that one is the literal itself, with no allocation.
//
// When view is set, the message is returned as a string viewing e.msg, not a copy (no
// allocation). That is safe because nothing writes e.msg again until the entry is back
// in the pool (putEntry resets r.Message first), and view is set only when no user code
// sees the record: only logru's own formats read r.Message, during finish, and none
// keeps it (a queued line is a copy of the formatted bytes; a queued record, for a
// record-taking sink, is excluded by needs.record).
func (l *Logger) message(e *entry, msg string, hasArgs, view bool) string {
	var b []byte
	if hasArgs && !l.opts.Colors {
		b = l.core.msgs.AppendKeys(e.msg[:0], msg, e.args, &e.rec.MessageKeys)
	} else {
		b = render.AppendMessageKeys(e.msg[:0], msg, e.args, hasArgs, l.opts.Colors, &e.rec.MessageKeys)
	}
	e.msg = b
	switch {
	case string(b) == msg:
		return msg
	case view:
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	return string(b)
}

func (c *loggerCore) runPatch(st *coreState, p func(*Record), r *Record) {
	defer func() {
		if v := recover(); v != nil {
			c.reportAll(st, panicError("a patcher", v))
		}
	}()
	p(r)
}

// write formats r for hd and writes it, counting and reporting the outcome. Nothing
// here panics to the caller: a panicking sink or format function is reported.
// scratch is the entry's buffer: the line is built there, and it keeps what it grew to;
// shard is the entry's shard of the handler's counters.
func (c *loggerCore) write(hd *handler, r *Record, cm *render.ColoredMessage, raw bool, enc *encoded, scratch *[]byte, shard uint32) {
	b, err := hd.format((*scratch)[:0], r, cm, raw, enc)
	*scratch = b[:0]
	if err == nil && hd.async != nil {
		c.enqueue(hd, b, r)
		return
	}
	switch {
	case err != nil:
	case hd.lockFree:
		if err = hd.emitGated(b, shard); err == nil {
			return // counted as it left the gate
		}
	default:
		err = hd.emit(b, r)
		hd.sinkDone()
	}
	switch {
	case err == errRemoved:
		hd.dropped.add(shard, 1)
	case err == errReentrant:
		hd.dropped.add(shard, 1)
		c.report(hd, err)
	case err != nil:
		hd.errors.add(shard, 1)
		c.report(hd, err)
	default:
		hd.records.add(shard, 1)
	}
}

var (
	errRemoved   = errors.New("handler removed")
	errReentrant = errors.New("a sink logged into its own handler while writing; that record was dropped")
)

// lockWithin takes hd.mu if it is released within d, polling with growing pauses.
func (hd *handler) lockWithin(d time.Duration) bool {
	hd.lockWaits.Add(1)
	deadline := time.Now().Add(d)
	for pause := time.Microsecond; ; pause = min(2*pause, time.Millisecond) {
		if hd.mu.TryLock() {
			return true
		}
		if !time.Now().Before(deadline) {
			return false
		}
		time.Sleep(pause)
	}
}

// encoded holds parts of a record rendered in advance; nil parts are rendered from the
// record. extra stands for the record's fields from index at on (the bound ones); caller
// is the JSON caller members.
type encoded struct {
	extra  *render.Prefix
	at     int
	caller []byte
}

func (hd *handler) format(b []byte, r *Record, cm *render.ColoredMessage, raw bool, enc *encoded) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			out, err = b, panicError("formatting record "+strconv.Quote(r.Message), v)
		}
	}()
	switch {
	case hd.lineless:
		return b, nil // a slog.Handler receives the record, not a line
	case hd.json != nil:
		return hd.json.AppendEncoded(b, r, enc.extra, enc.at, enc.caller), nil
	case raw:
		return hd.raw.Append(b, r, hd.color, cm), nil
	case hd.fmtFunc != nil:
		return append(b, hd.fmtFunc(r)...), nil
	}
	return hd.tmpl.AppendEncoded(b, r, hd.color, cm, enc.extra, enc.at), nil
}

// goroutineID reads the current goroutine's id from its stack header
// ("goroutine 18 [running]:"). It costs about a microsecond, so it runs only for
// formats that show {goroutine}.
func goroutineID() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	const prefix = "goroutine "
	if len(b) < len(prefix) {
		return 0
	}
	var id uint64
	for _, ch := range b[len(prefix):] {
		if ch < '0' || ch > '9' {
			break
		}
		id = id*10 + uint64(ch-'0')
	}
	return id
}
