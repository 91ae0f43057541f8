package rules_test

import (
	"testing"

	"github.com/fenjian/fenjian/internal/boundedfile/boundedfiletest"
	"github.com/fenjian/fenjian/rules"
)

// -rules and -holidays naming what is not a file of the expected size stop
// the start with an error naming it. Read whole, /dev/zero took a running
// triaged to "fatal error: out of memory" and a goroutine dump, and a named
// pipe without a writer held the start forever (outside check 7), where
// -tokens already answered "larger than 4194304 bytes".
func TestConfigFilesBounded(t *testing.T) {
	fs := boundedfiletest.Make(t, rules.MaxRulesFileBytes, ".json")
	loaders := map[string]func(string) error{
		"rules":    func(p string) error { _, err := rules.LoadFile(p); return err },
		"holidays": func(p string) error { _, err := rules.OpenHolidays(p); return err },
	}
	for name, load := range loaders {
		t.Run(name, func(t *testing.T) { boundedfiletest.Refuses(t, fs, load, t.TempDir()) })
	}
}
