package main

import (
	"bytes"
	"context"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestREADMEFlagsTable holds the README's "`triaged` flags" table to
// `triaged -h`: it lists every flag triaged has and no other, and where it
// states a default as a plain value (`2s`, `./data`, `4096`) that is the
// flag's default. An operator reads the table, not the source.
func TestREADMEFlagsTable(t *testing.T) {
	var help bytes.Buffer
	if code := serve(context.Background(), []string{"-h"}, &help); code != 0 {
		t.Fatalf("triaged -h: exit %d:\n%s", code, help.String())
	}
	// flag.PrintDefaults: "  -name type" then "    \tusage (default X)";
	// a zero default is not printed.
	defaults := map[string]string{}
	var name string
	for _, line := range strings.Split(help.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, "  -"); ok {
			name, _, _ = strings.Cut(rest, " ")
			defaults[name] = ""
			continue
		}
		if m := regexp.MustCompile(`\(default "?([^")]*)"?\)$`).FindStringSubmatch(line); m != nil && name != "" {
			defaults[name] = m[1]
		}
	}
	if len(defaults) < 10 {
		t.Fatalf("triaged -h lists %d flags; output:\n%s", len(defaults), help.String())
	}

	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "## `triaged` flags\n")
	if !ok {
		t.Fatal("README has no \"## `triaged` flags\" section")
	}
	table, _, _ = strings.Cut(table, "\n\n")
	documented := map[string]bool{}
	literal := regexp.MustCompile(`^[A-Za-z0-9.:/_]+$`)
	for _, row := range strings.Split(table, "\n") {
		cells := strings.Split(row, "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`-") {
			continue
		}
		var flags, values []string
		for _, f := range strings.Split(cells[1], ",") {
			flags = append(flags, strings.Trim(strings.TrimSpace(f), "`-"))
		}
		for i, v := range strings.Split(cells[2], "`") {
			if i%2 == 1 {
				values = append(values, v)
			}
		}
		for i, f := range flags {
			documented[f] = true
			def, ok := defaults[f]
			if !ok {
				t.Errorf("README lists -%s; triaged has no such flag", f)
				continue
			}
			// Only plain values, one per flag of the row, are compared:
			// `$FENJIAN_STORE`, `-data-dir`/…, `2×rate` are prose.
			if len(values) != len(flags) || !literal.MatchString(values[i]) {
				continue
			}
			if !sameDefault(values[i], def) {
				t.Errorf("README gives -%s the default %q; triaged -h says %q", f, values[i], def)
			}
		}
	}
	for f := range defaults {
		if !documented[f] {
			t.Errorf("triaged has -%s; the README's flags table does not list it", f)
		}
	}
	if !documented["grpc-addr"] {
		t.Errorf("the README's flags table was not read: %v", slices.Sorted(maps.Keys(documented)))
	}
}

// sameDefault reports whether the README's value doc is the default def that
// flag.PrintDefaults printed ("" for a zero value), reading durations as
// durations (`1m` is 1m0s) and names without case (`info` is INFO).
func sameDefault(doc, def string) bool {
	if strings.EqualFold(doc, def) {
		return true
	}
	if def == "" {
		return doc == "0" || doc == "false"
	}
	d1, err1 := time.ParseDuration(doc)
	d2, err2 := time.ParseDuration(def)
	return err1 == nil && err2 == nil && d1 == d2
}
