package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/internal/training"
	"github.com/fenjian/fenjian/triage"
)

// runPromote copies a verified model directory into the directory a server
// serves (-model): every file written in full beside the served ones, then
// renamed over them, the manifest last (installArtifact): the server's
// manifest watch (or SIGHUP, or ReloadModel) then sees either the old model
// or the whole new one, never half of each.
//
// When -to already serves a model, the candidate must earn its place: both
// are evaluated on -eval (labelled JSONL, or a directory of them such as real
// decided cases), and a candidate whose macro-F1 or ordinary recall is lower
// than the serving model's by more than -tolerance is refused, unless -force
// with a -reason, which the promoted manifest records with the evidence.
func runPromote(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "promote")
	from := fs.String("from", "", "model directory to promote (from triagectl train)")
	to := fs.String("to", "", "the directory the server serves (triaged -model)")
	evalData := fs.String("eval", "", "labelled JSONL file or directory the candidate and the serving model are compared on (required when -to serves a model)")
	tolerance := fs.Float64("tolerance", 0.01, "how much lower than the serving model's the candidate's macro-F1 and ordinary recall may be")
	force := fs.Bool("force", false, "promote a candidate the comparison refuses (needs -reason)")
	reason := fs.String("reason", "", "why a refused candidate is forced; recorded in the manifest")
	rulesPath := fs.String("rules", "", "rules file for the comparison (default: the embedded rules)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *from == "" || *to == "":
		return usageError{"need -from DIR and -to DIR"}
	case *force && strings.TrimSpace(*reason) == "":
		return usageError{"-force needs -reason: the manifest records why"}
	case *tolerance < 0 || *tolerance > 1:
		return usageError{fmt.Sprintf("-tolerance must be between 0 and 1, got %v", *tolerance)}
	}
	art, err := training.ReadArtifact(*from)
	if err != nil {
		return fmt.Errorf("verify %s: %w", *from, err)
	}
	candidate, err := classifier.Load(*from)
	if err != nil {
		return fmt.Errorf("verify %s: %w", *from, err)
	}
	// A directory without a manifest serves nothing yet: nothing to compare
	// with. One whose model does not load is replaced only by force.
	var serving *classifier.Model
	if _, err := os.Stat(filepath.Join(*to, classifier.ManifestFile)); err == nil {
		serving, err = classifier.Load(*to)
		if err != nil && !*force {
			return fmt.Errorf("the serving model in %s does not load (%w); promote with -force -reason to replace it", *to, err)
		}
	} else if !errors.Is(err, iofs.ErrNotExist) {
		return fmt.Errorf("promote to %s: %w", *to, err)
	}
	p := &classifier.Promotion{At: time.Now().UTC().Truncate(time.Second), Tolerance: *tolerance, Forced: *force, ForcedReason: strings.TrimSpace(*reason)}
	if serving != nil {
		p.Replaced = serving.Version()
		if *evalData == "" && !*force {
			return usageError{fmt.Sprintf("%s serves %s: name the evidence with -eval FILE (or -force -reason)", *to, serving.Version())}
		}
		if *evalData != "" {
			if err := comparePromotion(ctx, *evalData, *rulesPath, candidate, serving, p); err != nil {
				return err
			}
			worse := p.Candidate.MacroF1 < p.Serving.MacroF1-*tolerance || p.Candidate.OrdinaryRecall < p.Serving.OrdinaryRecall-*tolerance
			fmt.Fprintf(e.stdout, "on %s (%d filings): candidate %s macro-F1 %.3f, ordinary recall %.3f; serving %s %.3f, %.3f\n",
				*evalData, p.Candidate.Evaluated, candidate.Version(), p.Candidate.MacroF1, p.Candidate.OrdinaryRecall,
				serving.Version(), p.Serving.MacroF1, p.Serving.OrdinaryRecall)
			if worse && !*force {
				return fmt.Errorf("refused: %s is worse than the serving %s on %s beyond the tolerance %.3f (macro-F1 %.3f vs %.3f, ordinary recall %.3f vs %.3f); -force -reason promotes it anyway",
					candidate.Version(), serving.Version(), *evalData, *tolerance, p.Candidate.MacroF1, p.Serving.MacroF1, p.Candidate.OrdinaryRecall, p.Serving.OrdinaryRecall)
			}
			p.Forced = worse && *force
		}
	}
	if !p.Forced {
		p.ForcedReason = ""
	}
	if err := art.RecordPromotion(p); err != nil {
		return err
	}
	if err := installArtifact(ctx, *to, art.Files()); err != nil {
		return err
	}
	if p.Forced {
		e.logger.Warn("forced promotion of a model the comparison refused", "version", candidate.Version(), "reason", p.ForcedReason)
	}
	fmt.Fprintf(e.stdout, "promoted %s to %s\n", candidate.Version(), *to)
	return nil
}

// installArtifact writes a model's files into the served directory to, the
// manifest last (a watcher sees a complete model), and verifies it loads.
// Every file is first written in full beside its destination and synced;
// only then are they renamed over the served ones, with no cancellation in
// between. Written and renamed one by one, a write that failed (a full
// disk) or a Ctrl-C after the first file left the new features or trees
// beside the old manifest: the running servers kept their model, but no
// server could start from the directory any more (checksum mismatch), so
// the next restart of any replica failed (outside check).
func installArtifact(ctx context.Context, to string, files map[string][]byte) (err error) {
	if err := os.MkdirAll(to, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", to, err)
	}
	names := []string{classifier.FeaturesFile, classifier.ModelFile, classifier.ManifestFile}
	staged := make([]string, 0, len(names))
	defer func() {
		if err != nil {
			for _, tmp := range staged {
				_ = os.Remove(tmp) // a renamed one is gone already; the error says what happened
			}
		}
	}()
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		tmp, err := stageFile(filepath.Join(to, name), files[name])
		if err != nil {
			return err
		}
		staged = append(staged, tmp)
	}
	// From here the served directory changes: three renames, not
	// interrupted, the manifest last.
	for i, name := range names {
		if err := os.Rename(staged[i], filepath.Join(to, name)); err != nil {
			return fmt.Errorf("promote %s: %w (%s may hold part of the new model: promote again)", name, err, to)
		}
	}
	if err := syncDir(to); err != nil {
		return err
	}
	if _, err := classifier.Load(to); err != nil {
		return fmt.Errorf("verify %s after copying: %w", to, err)
	}
	return nil
}

// syncDir makes the renames in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// comparePromotion evaluates the candidate and the serving model on the same
// labelled filings with the same rules and records both models' figures.
func comparePromotion(ctx context.Context, data, rulesPath string, candidate, serving triage.Scorer, p *classifier.Promotion) error {
	r, err := loadRules(rulesPath)
	if err != nil {
		return err
	}
	h := sha256.New()
	src, closer, err := openData(data, h)
	if err != nil {
		return err
	}
	defer closer.Close()
	reports, err := evaluation.Evaluate(ctx, src, evaluation.Options{},
		triage.New(r, serving), triage.New(r, candidate))
	if err != nil {
		return fmt.Errorf("compare on %s: %w", data, err)
	}
	if reports[0].Counts.Evaluated == 0 {
		return fmt.Errorf("compare on %s: no labelled filing evaluated", data)
	}
	p.EvalData, p.EvalSHA256 = data, hex.EncodeToString(h.Sum(nil))
	scores := func(r *evaluation.Report) classifier.PromotionScores {
		return classifier.PromotionScores{Evaluated: r.Counts.Evaluated, MacroF1: r.MacroF1, OrdinaryRecall: r.OrdinaryRecall}
	}
	p.Serving, p.Candidate = scores(reports[0]), scores(reports[1])
	return nil
}

// stageFile writes b to a temporary file in dst's directory, synced, for
// a rename over dst, and returns its path. The file is readable by all
// (0644) like any model file: the server may run as another user than the
// one who promotes.
func stageFile(dst string, b []byte) (_ string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".promote-*")
	if err != nil {
		return "", fmt.Errorf("promote %s: %w", dst, err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return "", fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return "", fmt.Errorf("chmod %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("sync %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	return tmp.Name(), nil
}
