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
	"github.com/fenjian/fenjian/internal/training"
	"github.com/fenjian/fenjian/triage"
)

// runPromote installs a verified model into the directory a server serves
// (-model) with training.Install: written and synced as a version of its
// own, switched in by one rename, the previous version removed after.
// Whenever the process dies, the directory serves the complete old model or
// the complete new one, and a server starting or reloading (manifest watch,
// SIGHUP, ReloadModel) loads one of them.
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
	case !(*tolerance >= 0 && *tolerance <= 1): // NaN too
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
	p := &classifier.Promotion{At: time.Now().UTC().Truncate(time.Second), Forced: *force, ForcedReason: strings.TrimSpace(*reason)}
	if serving != nil {
		p.Replaced = serving.Version()
		if *evalData == "" && !*force {
			return usageError{fmt.Sprintf("%s serves %s: name the evidence with -eval FILE (or -force -reason)", *to, serving.Version())}
		}
		if *evalData != "" {
			p.Tolerance = *tolerance // recorded only beside the figures it was applied to
			worse, err := comparePromotion(ctx, *evalData, *rulesPath, candidate, serving, p)
			if err != nil {
				return err
			}
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
	if err := training.Install(ctx, *to, art.Files()); err != nil {
		return err
	}
	switch {
	case p.Forced && p.EvalData == "":
		// No -eval, or a serving model that does not load: nothing was
		// compared, and the log must not say a comparison refused it.
		e.logger.Warn("forced promotion without a comparison", "version", candidate.Version(), "replaced", p.Replaced, "reason", p.ForcedReason)
	case p.Forced:
		e.logger.Warn("forced promotion of a model the comparison refused", "version", candidate.Version(), "eval", p.EvalData, "reason", p.ForcedReason)
	}
	fmt.Fprintf(e.stdout, "promoted %s to %s\n", candidate.Version(), *to)
	return nil
}

// comparePromotion reads the rules and the labelled filings in data and
// has training.ComparePromotion compare the candidate with the serving
// model on them (p.Tolerance: how much worse the candidate may be); p
// records data and the digest of what was read.
func comparePromotion(ctx context.Context, data, rulesPath string, candidate, serving triage.Scorer, p *classifier.Promotion) (worse bool, err error) {
	r, err := loadRules(rulesPath)
	if err != nil {
		return false, err
	}
	h := sha256.New()
	src, closer, err := openData(data, h)
	if err != nil {
		return false, err
	}
	defer closer.Close()
	if worse, err = training.ComparePromotion(ctx, r, src, candidate, serving, p); err != nil {
		return false, fmt.Errorf("compare on %s: %w", data, err)
	}
	p.EvalData, p.EvalSHA256 = data, hex.EncodeToString(h.Sum(nil))
	return worse, nil
}
