// Package boundedfile reads the configuration files a binary is started
// with (rules, teams, holidays, TLS certificates) the way the tokens and
// checkpoint key files are read: only a regular file, and only up to a
// bound. os.ReadFile of a named pipe waits for a writer forever, and of
// /dev/zero, or a multi-gigabyte file named by mistake, takes memory until
// the runtime dies with "fatal error: out of memory" and a goroutine dump
// instead of an error naming the flag's file.
package boundedfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// ErrTooLarge is wrapped by Read's error for a file over its limit.
var ErrTooLarge = errors.New("larger than the limit")

// ErrNotRegular is wrapped by Read's error for a path that is no regular
// file: a directory, a named pipe, a socket or a device.
var ErrNotRegular = errors.New("not a regular file")

// Read returns the contents of path, a regular file (after symbolic links:
// a Kubernetes ConfigMap's files are links) of at most limit bytes.
func Read(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := check(path, fi, limit); err != nil {
		return nil, err
	}
	// The look above refuses devices and pipes without opening them (an
	// open can act on a device); the path can still be replaced between
	// the look and the open (a rename, as a renewal writes a certificate),
	// and a pipe opened blocking waits for a writer forever, inside a TLS
	// handshake holding the reloader's lock. So the open does not block,
	// and the file opened is checked again.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := check(path, fi, limit); err != nil {
		return nil, err
	}
	// The file may have grown since the stat (or been replaced by another).
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: %w of %d bytes", path, ErrTooLarge, limit)
	}
	return b, nil
}

// check says why fi, what path is, may not be read: no regular file, or
// over limit.
func check(path string, fi os.FileInfo, limit int64) error {
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: %w but %s", path, ErrNotRegular, kind(fi.Mode()))
	}
	if fi.Size() > limit {
		return fmt.Errorf("%s: %w of %d bytes (%d bytes)", path, ErrTooLarge, limit, fi.Size())
	}
	return nil
}

// kind names what a path that is not a regular file is.
func kind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	default:
		return "a special file"
	}
}
