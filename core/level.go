package core

// Level is a severity: a name, a number that orders it, the markup its records are
// coloured with where a format says <level>, and an icon.
//
// The zero Level has no name and number 0. Levels are compared by number only; two
// names may share a number. Level is a plain value and safe to copy.
type Level struct {
	// Name is the level's name as written in output ("INFO"). logru matches names
	// without regard to case ("info" finds INFO), so no two levels differ only by case.
	Name string `json:"name" yaml:"name"`
	// No orders levels: a handler emits records whose No is at least its own level's.
	No int `json:"no" yaml:"no"`
	// Color is colour markup made of opening tags only ("<red><bold>"); "" means none.
	Color string `json:"color,omitempty" yaml:"color,omitempty"`
	// Icon is a short symbol for {level.icon}; "" renders as nothing.
	Icon string `json:"icon,omitempty" yaml:"icon,omitempty"`
}

// String returns the level's name.
func (l Level) String() string { return l.Name }
