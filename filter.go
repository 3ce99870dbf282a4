package logru

type prefixLevel struct {
	prefix string
	level  int
}

// accepts applies the handler's level and filters to a record.
func (hd *handler) accepts(r *Record) bool {
	if int64(r.Level.No) < hd.level.Load() {
		return false
	}
	if hd.hasFilter && !underPrefix(r.Name, hd.filter) {
		return false
	}
	for _, fl := range hd.flevels {
		if underPrefix(r.Name, fl.prefix) {
			if r.Level.No < fl.level {
				return false
			}
			break
		}
	}
	return true
}

func (c *loggerCore) filterFunc(st *coreState, hd *handler, r *Record) (ok bool) {
	if hd.ffunc == nil {
		return true
	}
	defer func() {
		if v := recover(); v != nil {
			c.report(hd, panicError("FilterFunc", v))
			ok = true // a broken filter must not lose the record
		}
	}()
	return hd.ffunc(r)
}
