package config

import (
	"testing"

	"github.com/logru/logru/internal/leaktest"
)

func TestMain(m *testing.M) { leaktest.Main(m) }
