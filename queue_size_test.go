package logru_test

import (
	"errors"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/logru/logru"
)

// TestQueueSizeLimit: an absurd QueueSize is a *ConfigError naming the field and the
// limit, from Add and from LoadConfig, instead of a crash or gigabytes allocated up front;
// the limit itself is accepted.
func TestQueueSizeLimit(t *testing.T) {
	for _, tt := range []struct {
		size int
		ok   bool
	}{
		{0, true}, {1, true}, {10_000_000, true},
		{10_000_001, false}, {2e8, false}, {1e9, false}, {math.MaxInt64, false},
	} {
		t.Run(strconv.Itoa(tt.size), func(t *testing.T) {
			l := logru.New()
			defer l.Close()
			_, err := l.Add(logru.Handler{Sink: io.Discard, Enqueue: true, QueueSize: tt.size})
			if tt.ok {
				if err != nil {
					t.Fatalf("QueueSize %d: %v", tt.size, err)
				}
				l.Info("queued")
				return
			}
			var ce *logru.ConfigError
			if !errors.As(err, &ce) || ce.Field != "Handler.QueueSize" || ce.Value != strconv.Itoa(tt.size) ||
				!strings.Contains(err.Error(), "10,000,000") {
				t.Errorf("QueueSize %d: err = %v; want a *ConfigError on Handler.QueueSize naming the limit", tt.size, err)
			}
		})
	}
	dir := t.TempDir()
	for _, f := range []struct{ name, text string }{
		{"huge.yaml", "handlers: [{sink: stderr, enqueue: true, queue_size: 9223372036854775807}]\n"},
		{"huge.json", `{"handlers": [{"sink": "stderr", "enqueue": true, "queue_size": 1000000000}]}`},
	} {
		path := filepath.Join(dir, f.name)
		writeFile(t, path, f.text)
		_, err := logru.LoadConfig(path)
		var ce *logru.ConfigError
		if !errors.As(err, &ce) || ce.Field != "handlers[0].queue_size" || !strings.Contains(err.Error(), "10,000,000") {
			t.Errorf("%s: err = %v; want a *ConfigError on handlers[0].queue_size naming the limit", f.name, err)
		}
	}
}
