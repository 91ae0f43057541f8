package store

import "golang.org/x/sys/unix"

// threadCPU returns the CPU time the calling thread has used, user and
// system, in nanoseconds. The writer locks its goroutine to one thread, so
// the difference across a flush is the writer's own CPU time: unlike the
// wall clock, it does not grow when other processes take the cores, and it
// leaves out waiting for the disk.
func threadCPU() int64 {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return ts.Nano()
}
