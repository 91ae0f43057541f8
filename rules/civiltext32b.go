package rules

import (
	"cmp"
	"slices"
	"time"
	"unicode/utf8"

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
// whereaboutsInOtherWords) is read as that fact with an inference; one
// saying only that a party cannot be reached (失联, 联系不上, 音讯全无,
// 住所不明) says less — a person may be unreachable by telephone at a
// known address — so it closes nothing. It does leave small claims to a
// person instead of making it the court's duty, and the case is reviewed
// (REVIEW_WHEREABOUTS_IN_TEXT and its era codes).

// unreachableWords say that a person cannot be reached or found, in words
// short of 下落不明.
var unreachableWords = []string{"失联", "失去联系", "联系不上", "无法联系", "音讯全无", "杳无音信", "住所不明", "住址不明"}

// contactRestored are the words after which, in the same sentence, the
// person was reached again ("被告曾一度失联，现已联系上").
var contactRestored = []string{"已联系上", "已经联系上", "已取得联系", "恢复联系", "可以联系", "能够联系"}

// unreachableStated returns the words (unreachableWords) in which text
// (folded) says a party cannot be reached, and those in which it says a
// defendant cannot, "" when none: not negated just before the words
// (unnegatedPhraseAt), not undone later in their sentence
// (contactRestored), said of a party and not of another person written
// after it (partySubject). Whose they are is told by the nearest clause of
// their sentence, up to their own, that names a party — the subject a
// Chinese sentence's later clauses leave out ("李四向原告借款，此后一直联系不
// 上" is 李四's; "原告多次联系被告，被告电话关机，无法联系" the defendant's) —
// and a defendant named there makes them a defendant's: they only leave
// small claims to a person, so the wider reading is the safe one. With no
// party in their sentence they are not read. defendants are 被告 and the
// defendants' names, plaintiffs 原告 and the other parties' names.
func unreachableStated(text string, defendants, plaintiffs []string) (party, defendant string) {
	subjects := append(slices.Clip(defendants), plaintiffs...)
	for _, w := range unreachableWords {
		for _, at := range unnegatedPhraseAt(text, w) {
			start, end := spanAround(text, at, sentenceBreaks)
			if containsAny(text[at:end], contactRestored) || !partySubject(text, at, subjects) {
				continue
			}
			side := nearestClauseNaming(text[start:at], subjects)
			if side == "" {
				continue
			}
			party = cmp.Or(party, w)
			if containsAny(side, defendants) {
				return party, w
			}
		}
	}
	return party, ""
}

// nearestClauseNaming returns the last clause (clauseBreaks) of s, the
// one ending s included, that holds one of subjects, "" when none does.
func nearestClauseNaming(s string, subjects []string) string {
	for s != "" {
		i := clauseStart(s)
		if clause := s[i:]; containsAny(clause, subjects) {
			return clause
		}
		if i == 0 {
			return ""
		}
		_, n := utf8.DecodeLastRuneInString(s[:i])
		s = s[:i-n]
	}
	return ""
}

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
// from 2003-12-01).
func unreachableReason(fx *Facts, on time.Time) *triagev1.Reason {
	switch {
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
