package rules

import (
	"regexp"
	"strings"
	"sync"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"

	"github.com/fenjian/fenjian/internal/hanscan"
)

// Statute round 34 (civil): a party's objection to small claims stated in
// the complaint.
//
// CPL 169 ¶2 lets a party who thinks small claims unlawful for the case
// object, and the court "应当审查" the objection; Interp. 279 (2015 text
// art. 281) has it raised before the hearing, Interp. 269 (both texts) does
// the same for simplified procedure, of which small claims is a form
// (Interp. 281; 2015 text art. 283), and before 2015-02-04 若干规定 arts. 3
// and 13 did so for simplified procedure, which small claims then was (CPL
// 2012 art. 162 sits in its chapter on simplified procedure). A complaint
// that states such an objection ("被告不同意适用小额诉讼程序", "原告对适用小额
// 诉讼程序有异议", "原告认为本案不宜适用小额诉讼程序", "不同意一审终审") asks the
// court a question only it can answer: until rules 2026-12-06.33 small
// claims stayed mandatory beside it. Now it is undetermined, with the
// review that quotes the words; nothing is closed (the objection may fail:
// "异议不成立的，裁定驳回"), and simplified procedure stays open. So for an
// objection to a single judge or a request for a panel (CPL 43 ¶2 from
// 2022-01-01: REVIEW_SINGLE_JUDGE_OBJECTION_IN_TEXT_CIVIL), small claims
// and simplified procedure always being a single judge's (CPL 40 ¶2).
const (
	// CodeReviewSmallClaimsObjectionInText (statute round 34): the text
	// states a party's objection to small claims, or to simplified
	// procedure of which small claims is a form (民事诉讼法第一百六十九条
	// 第二款; 民诉法解释第二百六十九条、第二百七十九条、第二百八十一条).
	CodeReviewSmallClaimsObjectionInText = "REVIEW_SMALL_CLAIMS_OBJECTION_IN_TEXT"
	// CodeReviewSmallClaimsObjectionInTextInterp2015 is the objection from
	// 2015-02-04 to 2021-12-31: 民诉法解释（2015年）第二百六十九条、第二百八十一条、
	// 第二百八十三条 with CPL 2012/2017 art. 162.
	CodeReviewSmallClaimsObjectionInTextInterp2015 = "REVIEW_SMALL_CLAIMS_OBJECTION_IN_TEXT_INTERP2015"
	// CodeReviewSmallClaimsObjectionInTextProv2003 is the objection from
	// 2013-01-01 to 2015-02-03: small claims was simplified procedure's
	// form (CPL 2012 art. 162), to which 若干规定 arts. 3, 13 let a party
	// object.
	CodeReviewSmallClaimsObjectionInTextProv2003 = "REVIEW_SMALL_CLAIMS_OBJECTION_IN_TEXT_PROV2003"
	// CodeReviewSingleJudgeObjectionInTextCivil (statute round 34): the
	// text states a party's objection to a single judge, which small
	// claims and simplified procedure always are (民事诉讼法第四十条第二款、
	// 第四十三条第二款, from 2022-01-01). Before 2022 only simplified
	// procedure had a single judge (CPL 2012/2017 art. 39 ¶2), so such an
	// objection was one to simplified procedure: the objection's era codes.
	CodeReviewSingleJudgeObjectionInTextCivil = "REVIEW_SINGLE_JUDGE_OBJECTION_IN_TEXT_CIVIL"
)

// objectionProcedureWords name small claims, or simplified procedure of
// which it is a form, as a complaint does; a text holding none of them is
// not read further.
var objectionProcedureWords = [...]string{"小额诉讼", "一审终审", "简易程序", "独任", "合议庭"}

// singleJudgeObjection matches an objection to a single judge (CPL 43 ¶2):
// 不同意 or 反对 独任审理, an objection to it, or a request for a panel
// (申请组成合议庭审理).
var singleJudgeObjection = regexp.MustCompile(
	`(?:不同意|反对)(?:由)?(?:审判员一人)?独任` +
		`|(?:对|就)(?:本案)?(?:由)?(?:审判员一人)?独任(?:审理|审判)[^,;。]{0,8}?(?:有|提出|提起)异议` +
		`|(?:申请|请求|要求)(?:本案)?(?:依法)?(?:另行)?组成合议庭`)

// smallClaimsObjection matches the forms of an objection (folded text):
// 不同意 or 反对 the procedure, an objection to it (对…有异议, 对…提出异议),
// the procedure said unfit (不宜适用), a request that it not apply
// (申请不适用), or a party's word that this case is not for it (本案不适用,
// 本案不应适用: in the claims, or "原告认为…"). The procedure follows its verb at once, but for 本案 and a
// verb of applying; an objection's 异议 comes within eight runes of it
// ("对按照小额诉讼案件审理有异议").
var smallClaimsObjection = regexp.MustCompile(
	`(不同意|反对|不宜|(?:申请|请求|要求)(?:本案)?不)(?:本案)?(?:适用|按照|按|采用|以)?(?:小额诉讼|一审终审|简易程序)` +
		`|(?:对|就)(?:本案)?(?:适用|按照|按|采用)?(?:小额诉讼|一审终审|简易程序)[^,;。]{0,8}?(?:有|提出|提起)异议` +
		`|本案不(?:应当|应)?(?:适用|按照)(?:小额诉讼|一审终审|简易程序)`)

// smallClaimsObjectionIn returns the words of the first sentence of a
// folded text that states an objection to small claims, simplified
// procedure or a single judge, "" when none: not negated just before
// (并非不同意, 不是反对, 未申请组成合议庭), not 没有异议 or 未提出异议, and not of
// another suit (otherCaseMarks).
func smallClaimsObjectionIn(held *hanscan.Text, folded string) string {
	if !anyIn(held, folded, objectionProcedureWords[:]) {
		return ""
	}
	for sent := range sentencesOf(folded) {
		if !anyIn(held, sent, objectionProcedureWords[:]) || anyIn(held, sent, otherCaseMarks[:]) {
			continue
		}
		locs := append(smallClaimsObjection.FindAllStringIndex(sent, -1), singleJudgeObjection.FindAllStringIndex(sent, -1)...)
		for _, loc := range locs {
			w := sent[loc[0]:loc[1]]
			if anyIn(held, w, deniedObjections[:]) {
				continue
			}
			if strings.Contains(lastRunes(sent[:loc[0]], 2), "非") || strings.HasSuffix(sent[:loc[0]], "不是") ||
				strings.ContainsAny(lastRunes(sent[:loc[0]], 1), "未没无不") {
				continue
			}
			return w
		}
	}
	return ""
}

// smallClaimsObjectionCode is the review code of an objection on a filing
// of that date, "" before 2013 (no small claims to object to).
func smallClaimsObjectionCode(on time.Time) string {
	switch {
	case !on.Before(cpl2021InForce):
		return CodeReviewSmallClaimsObjectionInText
	case !on.Before(interp2015InForce):
		return CodeReviewSmallClaimsObjectionInTextInterp2015
	case !on.Before(cpl2012InForce):
		return CodeReviewSmallClaimsObjectionInTextProv2003
	}
	return ""
}

// readSmallClaimsObjection reads a folded civil text's objection into
// a.Facts.SmallClaimsObjection, with its review, where the filing date has
// small claims to object to.
func readSmallClaimsObjection(held *hanscan.Text, a *Assessment, folded string) {
	code := smallClaimsObjectionCode(a.FiledOn)
	if code == "" {
		return
	}
	if w := smallClaimsObjectionIn(held, folded); w != "" {
		a.Facts.SmallClaimsObjection = w
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(objectionCode(a.FiledOn, w), w))
	}
}

// objectionCode is the review code of the objection words w on a filing of
// that date: from 2022 an objection to a single judge has CPL 43 ¶2's own.
func objectionCode(on time.Time, w string) string {
	if singleJudgeObjection.MatchString(w) && !on.Before(cpl2021InForce) {
		return CodeReviewSingleJudgeObjectionInTextCivil
	}
	return smallClaimsObjectionCode(on)
}

// objectedSmallClaims is the small-claims option of a filing whose text
// states an objection (Facts.SmallClaimsObjection), nil for another: the
// court must examine it (CPL 169 ¶2), so small claims is left to a person,
// neither the court's duty nor, where the parties agree (CPL 165 ¶2), an
// agreement both sides still hold.
func objectedSmallClaims(a *Assessment) *triagev1.ProcedureOption {
	if a.Facts.SmallClaimsObjection == "" {
		return nil
	}
	return undetermined(triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
		reasonWithWords(objectionCode(a.FiledOn, a.Facts.SmallClaimsObjection), a.Facts.SmallClaimsObjection))
}

// deniedObjections say that no objection was raised.
var deniedObjections = [...]string{"没有异议", "没提出异议", "未提出异议", "不提出异议", "未有异议", "没有提出异议"}

// cpl2012And2017 is how the reasons of 2013–2021 name the two amendments
// whose art. 162 reads alike; the small-claims limit of a decision names
// the one in force on the filing date (regimeOn).
const cpl2012And2017 = "民事诉讼法（2012年、2017年修正）"

// oneNameForArticle162 makes a civil decision of 2013-01-01 to 2021-12-31
// name CPL art. 162 one way (statute round 34): every reason citing
// "民事诉讼法（2012年、2017年修正）…第一百六十二条" cites, as the limit beside
// it does, the amendment in force on the filing date — "（2012年修正）"
// before 2017-07-01, "（2017年修正）" from then on. The code's own article
// (README, the codes table) keeps both names, true of every filing the code
// can be given; a decision is of one date. The shared reasons are not
// changed: a changed one is a copy.
func oneNameForArticle162(a *Assessment) {
	if a.FiledOn.Before(cpl2012InForce) || !a.FiledOn.Before(cpl2021InForce) {
		return
	}
	era := 0
	if !a.FiledOn.Before(cpl2017InForce) {
		era = 1
	}
	shared := renamed162()[era]
	fix := func(rs []*triagev1.Reason) {
		for i, r := range rs {
			if c, ok := shared[r]; ok {
				rs[i] = c
			} else if names162BothAmendments(r.GetArticle()) {
				rs[i] = rename162(r, cpl162Names[era])
			}
		}
	}
	for _, o := range a.Options {
		fix(o.GetReasons())
	}
	fix(a.ReviewReasons)
	fix(a.Inferences)
}

// cpl162Names are the names oneNameForArticle162 gives the CPL: the 2012
// amendment's before 2017-07-01, the 2017 one's from then on.
var cpl162Names = [2]string{"民事诉讼法（2012年修正）", "民事诉讼法（2017年修正）"}

// names162BothAmendments reports whether an article cites CPL art. 162
// under both amendments' name.
func names162BothAmendments(art string) bool {
	return strings.Contains(art, cpl2012And2017) && strings.Contains(art, "第一百六十二条")
}

// rename162 is a copy of r whose article names the CPL as name.
func rename162(r *triagev1.Reason, name string) *triagev1.Reason {
	return &triagev1.Reason{Code: r.GetCode(), Article: strings.ReplaceAll(r.GetArticle(), cpl2012And2017, name), Message: r.GetMessage()}
}

// renamed162 maps each shared reason (reasonTable) whose article cites CPL
// art. 162 under both amendments to its copy under each amendment's name,
// made once: a decision of 2013–2021 took a fresh copy of each such reason
// (4 allocations per Decide on the benchmark's filing). A reason made for
// one filing (quoting its words) is still copied by oneNameForArticle162.
var renamed162 = sync.OnceValue(func() [2]map[*triagev1.Reason]*triagev1.Reason {
	var out [2]map[*triagev1.Reason]*triagev1.Reason
	for era, name := range cpl162Names {
		out[era] = map[*triagev1.Reason]*triagev1.Reason{}
		for _, r := range reasonTable() {
			if names162BothAmendments(r.GetArticle()) {
				out[era][r] = rename162(r, name)
			}
		}
	}
	return out
})
