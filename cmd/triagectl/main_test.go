package main

import (
	"bytes"
	"log/slog"
	"strings"
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
