// Package training fits the classifier's model with golearn and writes it
// as an artifact that package classifier loads. `triagectl train`, `adjust`,
// `realcv` and `promote` use it; the server never links it (a test in
// cmd/triaged checks this with go list -deps), so golearn, gonum and the
// rest of the learning stack stay out of the serving binary.
//
// Train runs the stages the classifier's package documentation describes
// (features, χ²-selected text features, out-of-fold naive Bayes, stacked
// bagged CART trees, class weights tuned through triage.Pick, held-out
// figures through triage.Engine), reads the fitted parameters out of golearn
// into classifier.Params and loads the result exactly as the server will.
// It stacks and checks through the scorer's own code (classifier's
// Extractor.Dense, NBLogPosteriors, StackBin, Model.TreeInput and
// Model.LeafLabels), never a copy of it, so what training measures is what
// the server scores. Artifact writes the model directory (files renamed into
// place, manifest last), and attaches real-data adjustments (Adjust) and
// promotion records (RecordPromotion) to an existing one. Install puts a
// model into the directory a server serves, crash-atomically: a version
// directory of its own, switched in by one rename (install.go).
// ComparePromotion is the evidence a promotion records: the candidate and
// the serving model evaluated on the same labelled filings
// (internal/evaluation), and whether the candidate is worse beyond the
// tolerance (promote.go).
//
// # Where golearn falls short, and what is done instead
//
//   - Prediction takes whole FixedDataGrids (0.15–1 ms a row): the request
//     path never touches golearn. The fitted parameters are read out into
//     the flat form classifier.Params holds (golearn.go). Training checks
//     the export against golearn's own Predict on up to 2,000 held-out rows
//     and refuses a model below 99.5% agreement; the manifest records the
//     figures (100% so far).
//   - BernoulliNB keeps its probabilities unexported and saves only to a
//     file path: its Save is called on a temporary file and the parameters
//     are read back with base.ReadSerializedClassifierStub.
//   - CART's nodes have an unexported type with exported fields: they are
//     read with encoding/json, which round-trips float64 exactly. CART keeps
//     only a label per leaf, no distribution, so each leaf's distribution is
//     counted from the bag rows that reach it (trees.go).
//   - meta.BaggedModel and RandomTree draw from math/rand's global source,
//     which a program can no longer seed (rand.Seed is a no-op since Go
//     1.24): bags are drawn here with a seeded PCG so that the same data and
//     -seed give a byte-identical artifact.
//   - CART costs O(rows × distinct values) per feature and node and
//     allocates per candidate split: numeric features are binned to a few
//     dozen values, trees are fit on bags rather than all rows, and
//     `triagectl train` raises GOGC (half the time was garbage collection).
//   - RandomForest (package ensemble) and LogisticRegression need cgo;
//     LogisticRegression also panics under cgo pointer checks (golearn
//     issue #296; the GODEBUG=cgocheck=0 workaround is not shipped).
//   - Save/Load are file-path only and print to stdout in places: the
//     artifact is the classifier's own format instead (classifier/artifact.go
//     reads it, artifact.go here writes it).
package training
