//go:build !linux

package main

import "context"

// postgresRestart needs a private PostgreSQL cluster, started here on Linux
// only.
func (f *faults) postgresRestart(context.Context) (*faultRow, error) {
	return &faultRow{store: "postgres (private cluster)", fault: "PostgreSQL restart", note: "Linux only"}, nil
}

// diskFull mounts a tmpfs, which bench does on Linux only.
func (f *faults) diskFull(context.Context) (*faultRow, error) {
	return &faultRow{store: "sqlite", fault: "disk full", note: "Linux only"}, nil
}
