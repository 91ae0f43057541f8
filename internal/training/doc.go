// Package training fits the classifier's model with golearn and writes it
// as an artifact that package classifier loads: `triagectl train`, `adjust`,
// `realcv` and `promote` use it; the server never links it (a test in
// cmd/triaged checks this with go list -deps), so golearn, gonum and the
// rest of the learning stack stay out of the serving binary.
//
// It reads the fitted parameters out of golearn into classifier.Params and
// builds and checks the model through the scorer's own code (classifier's
// Extractor.Dense, NBLogPosteriors, StackBin, Model.TreeInput and
// Model.LeafLabels), so what training measures is what the server scores.
// The design and the reasons for it are in the classifier package
// documentation.
package training
