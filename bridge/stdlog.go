package bridge

import (
	"bytes"
	"errors"
	"log"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/logru/logru"
)

// StdLog routes the standard log package's output into l at level (a level name such
// as "INFO", or a number such as "35"): each log.Print… call becomes one record whose
// caller is the code that called log.Print…, not the log package. log.Fatal… calls log
// at CRITICAL and complete the logger (so queued records are written) before log ends
// the process.
//
// StdLog changes the log package's global state: its output, and its flags and prefix,
// which it sets to none (the logger's handlers say how records look). Any flags or
// prefix set later are still removed from the text. It returns a function that puts
// back the output, flags and prefix found; calling it more than once does nothing more.
// A nil l means [logru.Default](). An unknown level is an error, and changes nothing.
//
// A log line is data: its newlines and other control characters are escaped, never
// written raw, so it cannot forge a line; one trailing newline (which log adds) is
// dropped.
func StdLog(l *logru.Logger, level string) (restore func(), err error) {
	w, err := newStdWriter(l, level)
	if err != nil {
		return nil, err
	}
	std := log.Default()
	w.src = std
	out, flags, prefix := log.Writer(), log.Flags(), log.Prefix()
	log.SetOutput(w)
	log.SetFlags(0)
	log.SetPrefix("")
	var once sync.Once
	return func() {
		once.Do(func() {
			log.SetOutput(out)
			log.SetFlags(flags)
			log.SetPrefix(prefix)
		})
	}, nil
}

// NewStdLogger returns a *log.Logger that writes into l at level, for libraries that
// take one (http.Server's ErrorLog, for instance). It has no flags and no prefix; any
// set later are removed from the text. The caller and the escaping are as in [StdLog].
// A nil l means [logru.Default](); an unknown level is an error.
func NewStdLogger(l *logru.Logger, level string) (*log.Logger, error) {
	w, err := newStdWriter(l, level)
	if err != nil {
		return nil, err
	}
	lg := log.New(w, "", 0)
	w.src = lg
	return lg, nil
}

// stdWriter is the io.Writer a log.Logger writes to: each Write is one log call.
type stdWriter struct {
	l     *logru.Logger
	level int
	src   *log.Logger // the log.Logger writing here, for its flags and prefix
}

func newStdWriter(l *logru.Logger, level string) (*stdWriter, error) {
	if l == nil {
		l = logru.Default()
	}
	no, err := levelNo(l, level)
	if err != nil {
		return nil, err
	}
	return &stdWriter{l: l, level: no}, nil
}

// levelNo resolves a level name or number, as Handler.Level does.
func levelNo(l *logru.Logger, level string) (int, error) {
	if lv, ok := l.GetLevel(level); ok {
		return lv.No, nil
	}
	if n, err := strconv.Atoi(strings.TrimSpace(level)); err == nil && n >= 0 {
		return n, nil
	}
	return 0, errors.New("bridge: level " + strconv.Quote(level) + " does not exist")
}

// ForwardsTo returns the logger w writes into, so that logru.Logger.Add refuses w (or
// slog's default handler while package log writes here) as a sink of that logger.
func (w *stdWriter) ForwardsTo() *logru.Logger { return w.l }

// Write logs one line of the log package. It always reports len(p) written.
func (w *stdWriter) Write(p []byte) (int, error) {
	level := w.level
	pc, fatal := logCaller()
	if fatal {
		level = logru.LevelCritical
	}
	if !w.l.Enabled(level) {
		return len(p), nil
	}
	msg := p
	if w.src != nil {
		msg = stripHeader(msg, w.src.Flags(), w.src.Prefix())
	}
	// log ends every line with a newline (adding one unless the message has it): it is
	// dropped after the header, which may itself hold one (a prefix "x\n"), is gone.
	if n := len(msg); n > 0 && msg[n-1] == '\n' {
		msg = msg[:n-1]
	}
	w.l.LogEvent(&logru.Event{Time: time.Now(), Level: level, Message: string(msg), PC: pc})
	if fatal {
		w.l.Complete()
	}
	return len(p), nil
}

// The functions logCaller looks for are told by names taken from func values at init,
// never spelled out (ARCHITECTURE rule 7): a fork or a renamed module changes this
// package's path. Names, not entry PCs, because log's Fatal functions are small enough
// to be inlined into their callers, where they have no frame of their own but keep their
// name. A frame is in a package when its function's name starts with the package's path
// and a dot: the path's last element has its dots escaped in names, so this is exact.
var (
	thisPackage = funcPackage(NewStdLogger) + "."
	logPackage  = funcPackage(log.New) + "."
	logFatals   = []string{funcName(log.Fatal), funcName(log.Fatalf), funcName(log.Fatalln),
		funcName((*log.Logger).Fatal), funcName((*log.Logger).Fatalf), funcName((*log.Logger).Fatalln)}
)

// funcName returns the name of the function fn (a func value naming a function or a
// method expression) as runtime frames spell it.
func funcName(fn any) string {
	if f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer()); f != nil {
		return f.Name()
	}
	return ""
}

// funcPackage returns the import path of the package of the function fn.
func funcPackage(fn any) string {
	name := funcName(fn)
	slash := strings.LastIndexByte(name, '/')
	if dot := strings.IndexByte(name[slash+1:], '.'); dot >= 0 {
		return name[:slash+1+dot]
	}
	return name
}

// isLogFatal reports whether fn (a frame's function) is one of log's Fatal functions or
// a closure inside one.
func isLogFatal(fn string) bool {
	for _, f := range logFatals {
		if f != "" && (fn == f || strings.HasPrefix(fn, f+".")) {
			return true
		}
	}
	return false
}

// logCaller returns the program counter of the first caller outside package log (and
// this package), and whether the call came through one of log's Fatal functions.
func logCaller() (pc uintptr, fatal bool) {
	var buf [16]uintptr
	n := runtime.Callers(3, buf[:]) // past runtime.Callers, logCaller and Write
	frames := runtime.CallersFrames(buf[:n])
	for {
		f, more := frames.Next()
		fn := f.Function
		if !strings.HasPrefix(fn, logPackage) && !strings.HasPrefix(fn, thisPackage) {
			if f.PC == 0 {
				return 0, fatal
			}
			return f.PC + 1, fatal // a return address, as runtime.Callers gives
		}
		if isLogFatal(fn) {
			fatal = true
		}
		if !more {
			return 0, fatal
		}
	}
}

// stripHeader removes what log puts before the message, given the flags and prefix in
// force: the prefix, the date, the time and the file:line.
func stripHeader(b []byte, flags int, prefix string) []byte {
	if flags&log.Lmsgprefix == 0 {
		b = cutPrefix(b, prefix)
	}
	if flags&log.Ldate != 0 {
		b = cutLen(b, len("2009/01/23 "))
	}
	if flags&(log.Ltime|log.Lmicroseconds) != 0 {
		n := len("01:23:23 ")
		if flags&log.Lmicroseconds != 0 {
			n = len("01:23:23.123123 ")
		}
		b = cutLen(b, n)
	}
	if flags&(log.Lshortfile|log.Llongfile) != 0 {
		if i := bytes.Index(b, []byte(": ")); i >= 0 {
			b = b[i+2:]
		}
	}
	if flags&log.Lmsgprefix != 0 {
		b = cutPrefix(b, prefix)
	}
	return b
}

func cutPrefix(b []byte, prefix string) []byte {
	if len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix {
		return b[len(prefix):]
	}
	return b
}

func cutLen(b []byte, n int) []byte {
	if len(b) >= n {
		return b[n:]
	}
	return b[:0]
}
