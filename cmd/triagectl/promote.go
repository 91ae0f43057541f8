package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/fenjian/fenjian/classifier"
)

// runPromote copies a verified model directory into the directory a server
// serves (-model), model files first and the manifest last, each by an atomic
// rename: the server's manifest watch (or SIGHUP, or ReloadModel) then sees
// either the old model or the whole new one, never half of each.
func runPromote(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "promote")
	from := fs.String("from", "", "model directory to promote (from triagectl train)")
	to := fs.String("to", "", "the directory the server serves (triaged -model)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		return usageError{"need -from DIR and -to DIR"}
	}
	m, err := classifier.Load(*from)
	if err != nil {
		return fmt.Errorf("verify %s: %w", *from, err)
	}
	if err := os.MkdirAll(*to, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", *to, err)
	}
	for _, name := range []string{classifier.FeaturesFile, classifier.ModelFile, classifier.ManifestFile} {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := copyAtomic(filepath.Join(*from, name), filepath.Join(*to, name)); err != nil {
			return err
		}
	}
	if _, err := classifier.Load(*to); err != nil {
		return fmt.Errorf("verify %s after copying: %w", *to, err)
	}
	fmt.Fprintf(e.stdout, "promoted %s to %s\n", m.Version(), *to)
	return nil
}

// copyAtomic copies src to dst through a temporary file in dst's directory,
// synced before the rename so a crash leaves the old or the new file.
func copyAtomic(src, dst string) (err error) {
	b, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("read %s: %w", src, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".promote-*")
	if err != nil {
		return fmt.Errorf("promote %s: %w", dst, err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("sync %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("promote %s: %w", dst, err)
	}
	return nil
}
