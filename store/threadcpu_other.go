//go:build !linux

package store

// threadCPU is not measured outside Linux; the writer's CPU metric stays 0
// and its wall-clock one still counts.
func threadCPU() int64 { return 0 }
