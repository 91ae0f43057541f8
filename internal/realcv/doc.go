// Package realcv cross-validates scorers on real labelled filings: every
// figure it reports is out of fold, so the real filings that measure a
// configuration never also chose or fitted it. It serves `triagectl
// realcv`: the command parses the flags, reads the filings, the corpus and
// the models, and writes the reports this package returns; the dealing,
// the training per seed or fold, the decisions and the measures are here.
//
// Run is the plain cross-validation: the real filings are dealt into
// stratified folds (classifier.RealFolds); for each fold the real prior is
// counted from the other folds and mixed, at every baseline blend and prior
// weight asked for, into each model (one per training seed, loaded or
// trained here on a synthetic corpus, optionally with the other folds'
// filings added), and the fold is decided by the triage engine. Beside the
// configurations it reports the cause + amount baseline and the majority
// procedure as references, the seed stability (the share of filings whose
// recommendation changes between retrains) and the review-rate curve (the
// review rate and the accuracy outside review at several confidence
// thresholds).
//
// Nested is the nested cross-validation of the real prior's configuration
// per case kind (classifier.NestedRealCV): the inner folds choose the
// prior's method, penalty, feature set and weight, the outer folds measure
// the choice. It is repeated over several dealings of the folds, and
// reports the spread of the figures over the dealings, the configurations
// chosen, the share of filings whose recommendation changes with the
// dealing alone, paired bootstrap intervals against the baseline and the
// majority procedure, and the review-rate curve.
package realcv
