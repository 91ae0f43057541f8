package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
)

// testEnv returns an env reading stdin and capturing stdout and stderr (logs
// go to stderr too, as in the real command).
func testEnv(stdin string) (*env, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	return &env{
		stdin:  strings.NewReader(stdin),
		stdout: &stdout,
		stderr: &stderr,
		logger: slog.New(slog.NewTextHandler(&stderr, nil)),
	}, &stdout, &stderr
}

// TestCommandHelp runs every command's -h as a new user would: exit code 0,
// a usage line naming the command, its flags, and no flag whose argument name
// is a phrase lifted from back-quoted help text. "triagectl help CMD" says
// the same.
func TestCommandHelp(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			args := []string{c.name, "-h"}
			if c.name == "audit" {
				// audit is a group: its one subcommand carries the flags.
				args = []string{"audit", "verify", "-h"}
			}
			e, _, stderr := testEnv("")
			if code := dispatch(context.Background(), e, args); code != 0 {
				t.Fatalf("triagectl %s -h: exit %d, want 0; stderr:\n%s", c.name, code, stderr)
			}
			help := stderr.String()
			if !strings.Contains(help, "usage: triagectl "+c.name) || !strings.Contains(help, "\n  -") {
				t.Errorf("triagectl %s -h prints no usage line or no flags:\n%s", c.name, help)
			}
			for _, line := range strings.Split(help, "\n") {
				// A flag line is "  -name argname"; an argument name with a
				// space or a dash is back-quoted prose, not a name.
				if rest, ok := strings.CutPrefix(line, "  -"); ok {
					if _, arg, ok := strings.Cut(rest, " "); ok && strings.ContainsAny(arg, " -") {
						t.Errorf("triagectl %s -h: garbled argument name in %q", c.name, line)
					}
				}
			}
			e2, _, viaHelp := testEnv("")
			e3, _, viaH := testEnv("")
			dispatch(context.Background(), e3, []string{c.name, "-h"})
			if code := dispatch(context.Background(), e2, []string{"help", c.name}); code != 0 || viaHelp.String() != viaH.String() {
				t.Errorf("triagectl help %s: exit %d, output differs from -h:\n%s", c.name, code, viaHelp)
			}
		})
	}
}
