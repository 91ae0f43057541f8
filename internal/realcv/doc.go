// Package realcv cross-validates scorers on real labelled filings: every
// figure it reports is out of fold, so the real filings that measure a
// configuration never also chose or fitted it. It serves `triagectl
// realcv` and `triagectl adjust -select`: the commands parse the flags,
// read the filings, the corpus and the models, and write the reports and
// the models; the dealing, the training per seed or fold, the choices, the
// decisions and the measures are here.
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
//
// SelectPrior runs the procedure Nested measures on all the real filings
// to make a prior a model ships with: per case kind it chooses the real
// prior's configuration by cross-validation (classifier.SelectRealFit, the
// linear candidates guarded for the kinds asked) and fits the choices on
// every filing. The figures it reports are the chosen configuration's on
// the filings that chose it, so optimistic; Nested's are the estimate to
// quote. It is here, beside Nested, because it is the choice Nested's
// inner folds make: a change to one is seen next to the other.
package realcv
