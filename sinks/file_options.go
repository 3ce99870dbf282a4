package sinks

import (
	"errors"
	"io/fs"
	"strconv"
	"time"

	"github.com/logru/logru/internal/archive"
	"github.com/logru/logru/internal/rotspec"
)

// OptionError reports an invalid file sink option, or an unusable path: which option,
// its value, and why. NewFile and FileOptions.Validate return it, so that a caller can
// name the option in its own terms without reading the error's text.
type OptionError struct {
	// Option is the FileOptions field ("Rotation", "Mode", "RetainFunc", …), or "path"
	// for NewFile's path argument.
	Option string
	// Value is the option's value as given ("" for a function option).
	Value string
	// Err is why the value is refused; Unwrap returns it.
	Err error
}

// Error returns `sinks: <Option> "<Value>": <reason>` (`sinks: file path "<path>": …` for
// the path, `sinks: <Option>: <reason>` for a function option).
func (e *OptionError) Error() string {
	switch {
	case e.Option == "path":
		return "sinks: file path " + strconv.Quote(e.Value) + ": " + e.Err.Error()
	case e.Value == "":
		return "sinks: " + e.Option + ": " + e.Err.Error()
	}
	return "sinks: " + e.Option + " " + strconv.Quote(e.Value) + ": " + e.Err.Error()
}

// Unwrap returns the reason, for errors.Is and errors.As.
func (e *OptionError) Unwrap() error { return e.Err }

func optionError(option, value string, err error) *OptionError {
	return &OptionError{Option: option, Value: value, Err: err}
}

// Validate checks the options as NewFile does, opening and creating nothing: a bad
// value is an *OptionError naming the field. The path is checked by NewFile only. A nil
// *FileOptions is valid (the defaults).
func (o *FileOptions) Validate() error {
	if o == nil {
		return nil
	}
	_, err := o.parse(time.Local)
	return err
}

// fileSpec is what the options' strings parse to.
type fileSpec struct {
	rot    *rotspec.Rotation
	ret    *rotspec.Retention
	format archive.Format
	scheme naming
	custom *pathTemplate
}

// parse checks the options and parses their strings; loc is the zone of {time} fields.
func (o *FileOptions) parse(loc *time.Location) (fileSpec, error) {
	var s fileSpec
	if o.Mode&^fs.ModePerm != 0 {
		return s, optionError("Mode", o.Mode.String(), errors.New("only permission bits are allowed"))
	}
	if o.Buffering < 0 {
		return s, optionError("Buffering", strconv.Itoa(o.Buffering), errors.New("must not be negative"))
	}
	if o.Buffering > MaxBuffering {
		return s, optionError("Buffering", strconv.Itoa(o.Buffering), errors.New("over the limit of 64 MiB (67,108,864 bytes)"))
	}
	if o.Rotation != "" {
		r, err := rotspec.ParseRotation(o.Rotation)
		if err != nil {
			return s, optionError("Rotation", o.Rotation, err)
		}
		s.rot = r
	}
	if o.Retention != "" {
		if o.RetainFunc != nil {
			return s, optionError("Retention", o.Retention, errors.New("both Retention and RetainFunc are set: choose one"))
		}
		r, err := rotspec.ParseRetention(o.Retention)
		if err != nil {
			return s, optionError("Retention", o.Retention, err)
		}
		s.ret = r
	}
	if o.Compression != "" {
		if o.CompressFunc != nil {
			return s, optionError("Compression", o.Compression, errors.New("both Compression and CompressFunc are set: choose one"))
		}
		c, err := rotspec.ParseCompression(o.Compression)
		if err != nil {
			return s, optionError("Compression", o.Compression, err)
		}
		s.format = archive.Format(c) // the same formats in the same order, None being 0
	}
	var err error
	s.scheme, s.custom, err = parseNaming(o.Naming, loc)
	return s, err
}
