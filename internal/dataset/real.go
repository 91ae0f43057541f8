package dataset

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// RealDirEnv names the environment variable that points at the real filings
// (a directory of LabeledFiling JSONL files). They are court data kept out
// of the repository; tests and tools that need them look here first.
const RealDirEnv = "FENJIAN_REAL_DIR"

// RealDir locates the real filings: $FENJIAN_REAL_DIR, else
// <repository root>/../shared/real (the repository root is the nearest
// directory above the working directory holding go.mod), else
// /work/shared/real. It returns "" when none of them is a directory.
func RealDir() string {
	cands := []string{os.Getenv(RealDirEnv)}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				cands = append(cands, filepath.Join(d, "..", "shared", "real"))
				break
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	cands = append(cands, "/work/shared/real")
	for _, c := range cands {
		if c == "" {
			continue
		}
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			return c
		}
	}
	return ""
}

// ReadDir reads every labelled record of the *.jsonl files in dir, in file
// name order. A line that is not a record is an error: real data sets are
// small and curated, and a silently skipped line would change every figure.
func ReadDir(dir string) ([]*triagev1.LabeledFiling, error) {
	names, err := JSONLFiles(dir)
	if err != nil {
		return nil, fmt.Errorf("read real filings: %w", err)
	}
	var out []*triagev1.LabeledFiling
	for _, name := range names {
		recs, err := readFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, recs...)
	}
	return out, nil
}

func readFile(name string) ([]*triagev1.LabeledFiling, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read real filings: %w", err)
	}
	defer f.Close()
	var out []*triagev1.LabeledFiling
	rd := NewReader(f)
	for {
		lf, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, lf)
	}
}

// JSONLFiles is the *.jsonl files of dir in name order, the files a
// directory of records is read from. It refuses a directory without one,
// and an entry that is not a regular file (after symbolic links): opening
// a named pipe waits for a writer, so a FIFO named *.jsonl would hang the
// reader instead of being reported.
func JSONLFiles(dir string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no *.jsonl in %s", dir)
	}
	for _, name := range names {
		st, err := os.Stat(name)
		if err != nil {
			return nil, err
		}
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a regular file (%s)", name, st.Mode().Type())
		}
	}
	return names, nil
}
