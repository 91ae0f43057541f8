package routing_test

import (
	"testing"

	"github.com/fenjian/fenjian/internal/boundedfile/boundedfiletest"
	"github.com/fenjian/fenjian/routing"
)

// -teams naming what is not a teams file of a sane size stops the start
// with an error naming it: read whole, /dev/zero ran a triaged out of
// memory (a runtime fatal error) and a named pipe without a writer held the
// start forever (outside check 7).
func TestLoadFileBounded(t *testing.T) {
	fs := boundedfiletest.Make(t, routing.MaxFileBytes, ".json")
	boundedfiletest.Refuses(t, fs, func(p string) error { _, err := routing.LoadFile(p); return err })
}
