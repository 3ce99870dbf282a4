package logru

import (
	"slices"
	"strings"
)

// rule is one Enable or Disable: records from packages under prefix are enabled or not.
type rule struct {
	prefix  string
	enabled bool
}

// underPrefix reports whether package path name lies under prefix: prefix itself or a
// path below it, by whole path segments ("a/b" covers "a/b/c", not "a/bc"). The empty
// prefix covers everything.
func underPrefix(name, prefix string) bool {
	if prefix == "" || name == prefix {
		return true
	}
	return len(name) > len(prefix) && name[len(prefix)] == '/' && strings.HasPrefix(name, prefix)
}

// ruleFor returns whether name is enabled by rules (longest prefix first); enabled when
// no rule covers it.
func ruleFor(rules []rule, name string) bool {
	for _, r := range rules {
		if underPrefix(name, r.prefix) {
			return r.enabled
		}
	}
	return true
}

// Disable silences records logged from the Go package path and every package below it
// ("github.com/acme/shop/db" also covers ".../db/migrate"); "" silences everything. The
// longest matching prefix among the rules in force decides; Disable and Enable replace
// the rules earlier calls made for packages below pkg. Typical use: a library
// disables its own path, and the application enables it when it wants the output.
//
// Disable applies to the logger's core, so to all its children, and is safe for
// concurrent use. Once rules exist, every record's caller is captured to check them.
func (l *Logger) Disable(pkg string) { l.setActivation(pkg, false) }

// Enable turns records from the package path and the packages below it back on; see
// [Logger.Disable]. Enable("") removes every rule.
func (l *Logger) Enable(pkg string) { l.setActivation(pkg, true) }

func (l *Logger) setActivation(pkg string, enabled bool) {
	pkg = strings.TrimSuffix(pkg, "/")
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	next := c.state.Load().clone()
	next.rules = setRule(next.rules, pkg, enabled)
	next.gen++
	c.publish(next)
}

// setRule replaces every rule at or below prefix by one rule for prefix, left out when
// the remaining rules already give prefix that status.
func setRule(rules []rule, prefix string, enabled bool) []rule {
	rules = slices.DeleteFunc(rules, func(r rule) bool { return underPrefix(r.prefix, prefix) })
	if ruleFor(rules, prefix) == enabled {
		return rules
	}
	rules = append(rules, rule{prefix, enabled})
	slices.SortStableFunc(rules, func(a, b rule) int { return len(b.prefix) - len(a.prefix) })
	return rules
}

// enabledFor reports whether records from ci's package pass the activation rules,
// through the per-PC verdict cache.
func (st *coreState) enabledFor(ci *callerInfo) bool {
	if len(st.rules) == 0 {
		return true
	}
	if ci.pc == 0 {
		return ruleFor(st.rules, ci.name)
	}
	v := ci.verdict.Load()
	if v>>1 == st.gen {
		return v&1 == 1
	}
	en := ruleFor(st.rules, ci.name)
	nv := st.gen << 1
	if en {
		nv |= 1
	}
	ci.verdict.Store(nv)
	return en
}
