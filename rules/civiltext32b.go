package rules

import (
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Statute round 32b (civil): a party the complaint cannot reach.
//
// CPL 166(4) keeps a case out of small claims where "一方当事人下落不明",
// Interp. 257(1) out of simplified procedure where "起诉时被告下落不明"
// (2015-02-04 to 2021-12-31 Interp. 2015 art. 257(1), which with CPL 162
// kept it out of small claims too; before, 若干规定 art. 1(1)). Whether a
// person's whereabouts are unknown is the court's finding, after it has
// tried to serve him. A complaint saying 下落不明 (or 去向不明, 行踪不明:
// whereaboutsWords) is read as that fact with an inference; one
// saying only that a party cannot be reached (失联, 联系不上, 音讯全无,
// 住所不明) says less — a person may be unreachable by telephone at a
// known address — so it closes nothing. It does leave small claims to a
// person instead of making it the court's duty, and the case is reviewed
// (REVIEW_WHEREABOUTS_IN_TEXT and its era codes). Statute round 33 reads
// both kinds of words one way (readWhereabouts, civiltext33.go).

// readUnreachable records in a.Facts the words in which r says a party
// cannot be reached, with the review, unless whereabouts: a party's
// whereabouts are unknown already, by a field or the text, and that
// closes what the review would leave to a person.
func readUnreachable(a *Assessment, r civilReading, whereabouts bool) {
	if whereabouts {
		return
	}
	fx := &a.Facts
	fx.UnreachableParty, fx.UnreachableDefendant = r.unreachableParty, r.unreachableDefendant
	if why := unreachableReason(fx, a.FiledOn); why != nil {
		a.ReviewReasons = append(a.ReviewReasons, why)
	}
}

// unreachableReason is the review of a filing whose text says a party
// cannot be reached (Facts.UnreachableParty, UnreachableDefendant), under
// the text in force on the filing date, nil when no text bars a procedure
// on a party's unknown whereabouts then or nothing is stated of the
// party the text in force speaks of: from 2022 any party (CPL 166(4)),
// before only the defendant (Interp. 257(1), 若干规定 art. 1(1), in force
// from 2003-12-01; before it the 1992 意见's art. 169, in force from
// 1992-07-14: "起诉时被告下落不明的" no simplified procedure — statute
// round 37; until rules 2026-12-06.45 such a filing had no review).
func unreachableReason(fx *Facts, on time.Time) *triagev1.Reason {
	switch {
	case on.Before(opinion1992InForce):
		return nil
	case on.Before(prov2003InForce) && fx.UnreachableDefendant != "":
		return reasonWithWords(CodeReviewWhereaboutsInTextOpinion1992, fx.UnreachableDefendant)
	case on.Before(prov2003InForce):
		return nil
	case on.Before(interp2015InForce) && fx.UnreachableDefendant != "":
		return reasonWithWords(CodeReviewWhereaboutsInTextProv2003, fx.UnreachableDefendant)
	case on.Before(cpl2021InForce) && fx.UnreachableDefendant != "":
		return reasonWithWords(CodeReviewWhereaboutsInTextInterp2015, fx.UnreachableDefendant)
	case !on.Before(cpl2021InForce) && fx.UnreachableParty != "":
		return reasonWithWords(CodeReviewWhereaboutsInText, fx.UnreachableParty)
	}
	return nil
}
