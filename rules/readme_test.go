package rules_test

import (
	"os"
	"strings"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestREADMEListsEveryCode keeps the README's reason-code table true: a code
// added to the rules without documentation fails here.
func TestREADMEListsEveryCode(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, code := range rules.Codes() {
		if !strings.Contains(readme, "| `"+code+"` |") {
			t.Errorf("README.md's reason-code table lacks %s", code)
		}
	}
	// The review reasons of a recorded outcome (Outcome.review_reasons).
	for _, r := range rules.OutcomeReviewCodes() {
		if !strings.Contains(readme, "| `"+r.GetCode()+"` |") {
			t.Errorf("README.md's reason-code table lacks outcome review code %s", r.GetCode())
		}
	}
}
