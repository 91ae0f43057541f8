package rules_test

// Cases in this file came from reading the statutes against the engine: each
// cites the article it rests on, where a first reading of the code said
// something else.

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

func TestLaw(t *testing.T) { runTable(t, lawCases(t)) }

func lawCases(tb testing.TB) []tcase {
	// 民诉法解释第二百七十三条: "海事法院可以适用小额诉讼的程序审理海事、海商案件。
	// 案件标的额应当以实际受理案件的海事法院或者其派出法庭所在的省、自治区、直辖市
	// 上年度就业人员年平均工资为基数计算。" Maritime courts sit at the intermediate
	// level, yet the law lets them use small claims (Interp. 273; docs/statutes.md).
	maritime := with(civilBase(tb),
		court("宁波海事法院"),
		level(intermediateCourt),
		province("浙江省"),
		cause("海上货物运输合同纠纷"),
		yuan(30000),
	)
	// 民事诉讼法第四十二条第三项: cases of wide public attention or otherwise of
	// major social impact "不得由审判员一人独任审理". Simplified procedure, and with
	// it small claims, is always heard by a single judge (第四十条第二款,
	// 第一百六十三条), so such a case can use neither; ordinary needs a panel.
	impact := circ(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })
	// 民事诉讼法第一百六十五条第一款: small claims belong to "基层人民法院和它
	// 派出的法庭" (第一百六十条 likewise simplified procedure); 第十八条至第二十一条
	// name the levels. A filing whose court is named 中级人民法院 while its
	// court_level says basic is heard by an intermediate court: small claims
	// must not come back mandatory.
	basicAt := func(name string) *triagev1.Filing {
		return with(civilBase(tb), court(name), level(triagev1.CourtLevel_COURT_LEVEL_BASIC), yuan(10000))
	}
	return []tcase{
		{
			name:   "南京市中级人民法院 stated as basic: no small claims, no simplified",
			filing: basicAt("南京市中级人民法院"),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locInfer, rules.CodeInferCourtAboveBasic), at(locSC, rules.CodeCPL165CourtLevel),
				at(locSimp, rules.CodeCPL160CourtLevel)},
		},
		{
			name:   "北京铁路运输中级法院 stated as basic",
			filing: with(basicAt("北京铁路运输中级法院"), province("北京市")),
			avail:  av(pSC, avU, pSimp, avU),
			fires:  []string{at(locInfer, rules.CodeInferCourtAboveBasic), at(locSC, rules.CodeCPL165CourtLevel)},
		},
		{
			// The intermediate-level specialised courts are named otherwise.
			name:   "北京知识产权法院 stated as basic",
			filing: with(basicAt("北京知识产权法院"), province("北京市")),
			avail:  av(pSC, avU, pSimp, avU),
			fires:  []string{at(locInfer, rules.CodeInferCourtAboveBasic), at(locSC, rules.CodeCPL165CourtLevel)},
		},
		{
			name:   "上海金融法院 stated as basic",
			filing: with(basicAt("上海金融法院"), province("上海市")),
			avail:  av(pSC, avU, pSimp, avU),
			fires:  []string{at(locInfer, rules.CodeInferCourtAboveBasic), at(locSC, rules.CodeCPL165CourtLevel)},
		},
		{
			// Near miss: an internet court is a basic court.
			name:      "杭州互联网法院 stated as basic",
			filing:    basicAt("杭州互联网法院"),
			avail:     av(pSC, avA, pSimp, avA),
			mandatory: ptr(true),
			silent:    []string{rules.CodeInferCourtAboveBasic},
		},
		{
			// Near miss: a basic court's tribunal keeps both (CPL 160, 165 ¶1).
			name:      "南京市江宁区人民法院汤山人民法庭 stated as basic",
			filing:    basicAt("南京市江宁区人民法院汤山人民法庭"),
			avail:     av(pSC, avA, pSimp, avA),
			mandatory: ptr(true),
			silent:    []string{rules.CodeInferCourtAboveBasic, rules.CodeCPL165CourtLevel, rules.CodeCPL160CourtLevel},
		},
		{
			// Near miss: 北京铁路运输法院 is a basic court.
			name:      "北京铁路运输法院 stated as basic",
			filing:    with(basicAt("北京铁路运输法院"), province("北京市")),
			avail:     av(pSC, avA, pSimp, avA),
			mandatory: ptr(true),
			silent:    []string{rules.CodeInferCourtAboveBasic},
		},
		// 刑事诉讼法第二百一十四条, 第二百二十二条: simplified procedure and
		// fast-track belong to "基层人民法院管辖的案件"; 第二十条至第二十三条 name the
		// levels. A criminal filing stating a basic court named 中级人民法院 is
		// the intermediate court's: neither may be offered.
		{
			name:   "criminal: 杭州市中级人民法院 stated as basic: no fast-track, no simplified",
			filing: with(crimBase(tb), court("杭州市中级人民法院"), level(triagev1.CourtLevel_COURT_LEVEL_BASIC)),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locInfer, rules.CodeInferCriminalCourtAboveBasic), at(locFT, rules.CodeCrPL222CourtLevel),
				at(locSimp, rules.CodeCrPL214CourtLevel)},
		},
		{
			// Near miss: the fixture's own basic court keeps both open.
			name:   "criminal: 杭州市上城区人民法院 stated as basic",
			filing: with(crimBase(tb), court("杭州市上城区人民法院"), level(triagev1.CourtLevel_COURT_LEVEL_BASIC)),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{rules.CodeInferCriminalCourtAboveBasic, rules.CodeCrPL222CourtLevel, rules.CodeCrPL214CourtLevel},
		},
		// 民事诉讼法第一百六十五条第一款: "简单金钱给付民事案件". A cause that asks
		// for a declaration is no money payment, though its longest catalogue
		// name (借款合同纠纷, 侵害…专利权纠纷) is.
		{
			name:   "确认借款合同无效纠纷: a declaration, no small claims",
			filing: with(civilBase(tb), cause("确认借款合同无效纠纷"), yuan(10000)),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locInfer, rules.CodeInferNonMonetary), at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			name:   "确认不侵害专利权纠纷 (2011 name): a declaration, no small claims",
			filing: with(civilBase(tb), cause("确认不侵害专利权纠纷"), yuan(10000)),
			avail:  av(pSC, avU),
			fires:  []string{at(locInfer, rules.CodeInferNonMonetary), at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		// Rescission, revocation and injunction are no money payment either
		// (形成之诉, 停止侵害), whatever money is claimed beside them.
		{
			name:   "解除合同纠纷: rescission, no small claims",
			filing: with(civilBase(tb), cause("解除合同纠纷"), yuan(10000)),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locInfer, rules.CodeInferNonMonetary), at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			name:   "撤销权纠纷 (no catalogue name): revocation, no small claims",
			filing: with(civilBase(tb), cause("撤销权纠纷"), yuan(10000)),
			avail:  av(pSC, avU),
			fires:  []string{at(locInfer, rules.CodeInferNonMonetary), at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			name:   "停止侵害纠纷: an injunction, no small claims",
			filing: with(civilBase(tb), cause("停止侵害纠纷"), yuan(10000)),
			avail:  av(pSC, avU),
			fires:  []string{at(locInfer, rules.CodeInferNonMonetary), at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			// Near miss: the contract dispute itself, not its rescission.
			name:      "合同纠纷: small claims mandatory",
			filing:    with(civilBase(tb), cause("合同纠纷"), yuan(10000)),
			avail:     av(pSC, avA),
			mandatory: ptr(true),
			silent:    []string{rules.CodeInferNonMonetary, rules.CodeCPL165NotMoneyPayment},
		},
		// 民事诉讼法第一百六十六条第一项 ("人身关系、财产确权案件") and
		// 第一百六十五条第一款 ("简单金钱给付民事案件"): the catalogue's 权属 causes
		// ask who owns a right; 破产债权确认 asks the court to declare a claim,
		// not to order its payment; an 执行异议之诉 asks whether execution may
		// reach a thing. All three inherited a family category that let small
		// claims come back mandatory (docs/statutes.md, Causes recategorised).
		{
			name:   "著作权权属纠纷: ownership of a right, no small claims",
			filing: with(civilBase(tb), cause("著作权权属纠纷"), yuan(10000)),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL166PropertyRights)},
		},
		{
			// Near miss: a fee claim of the same chapter is a money payment.
			name:      "发明专利临时保护期使用费纠纷: small claims mandatory",
			filing:    with(civilBase(tb), cause("发明专利临时保护期使用费纠纷"), yuan(10000)),
			avail:     av(pSC, avA),
			mandatory: ptr(true),
			silent:    []string{rules.CodeCPL166PropertyRights, rules.CodeCPL165NotMoneyPayment},
		},
		{
			name:   "普通破产债权确认纠纷: a declaration of a claim, no small claims",
			filing: with(civilBase(tb), cause("普通破产债权确认纠纷"), yuan(10000)),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			// 企业破产法第三十一条、第三十二条: the administrator asks the court to
			// revoke the debtor's acts (形成之诉), as a creditor does in
			// 债权人撤销权纠纷, already non-monetary; until 2026-12-03 the family's
			// mixed category made small claims mandatory.
			name:   "破产撤销权纠纷: a revocation, no small claims",
			filing: with(civilBase(tb), cause("破产撤销权纠纷"), yuan(10000)),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			name:   "请求撤销个别清偿行为纠纷: a revocation, no small claims",
			filing: with(civilBase(tb), cause("请求撤销个别清偿行为纠纷"), yuan(10000)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			// A priority over a thing, or the validity of a set-off, is declared,
			// not paid.
			name:   "别除权纠纷: a declaration of priority, no small claims",
			filing: with(civilBase(tb), cause("别除权纠纷"), yuan(10000)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			name:   "破产抵销权纠纷: a declaration of a set-off, no small claims",
			filing: with(civilBase(tb), cause("破产抵销权纠纷"), yuan(10000)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			// Near miss: unpaid capital is collected in money.
			name:      "追收未缴出资纠纷: small claims mandatory",
			filing:    with(civilBase(tb), cause("追收未缴出资纠纷"), yuan(10000)),
			avail:     av(pSC, avA),
			mandatory: ptr(true),
			silent:    []string{rules.CodeCPL165NotMoneyPayment},
		},
		{
			// Near miss: the administrator's collection of a debt owed to the
			// debtor is a money payment.
			name:      "对外追收债权纠纷: small claims mandatory",
			filing:    with(civilBase(tb), cause("对外追收债权纠纷"), yuan(10000)),
			avail:     av(pSC, avA),
			mandatory: ptr(true),
			silent:    []string{rules.CodeCPL165NotMoneyPayment},
		},
		{
			// 民诉法解释第三百零八条: "人民法院审理执行异议之诉案件，适用普通程序。"
			// Until 2026-12-03 simplified procedure was offered (and recommended).
			name:   "案外人执行异议之诉: whether execution may reach a thing, no small claims, ordinary procedure only",
			filing: with(civilBase(tb), cause("案外人执行异议之诉"), yuan(10000)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSC, rules.CodeCPL165NotMoneyPayment), at(locSC, rules.CodeInterp308OrdinaryOnly),
				at(locSimp, rules.CodeInterp308OrdinaryOnly)},
		},
		{
			name:   "申请执行人执行异议之诉: ordinary procedure only",
			filing: with(civilBase(tb), cause("申请执行人执行异议之诉"), yuan(10000)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp308OrdinaryOnly)},
		},
		{
			// Near miss: a distribution-plan objection suit (民诉法解释第五百一十
			// 条) is no 执行异议之诉 of 第三百零二条 to 第三百一十三条.
			name:   "执行分配方案异议之诉: simplified procedure stays open",
			filing: with(civilBase(tb), cause("执行分配方案异议之诉"), yuan(10000)),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeInterp308OrdinaryOnly},
		},
		{
			// Near miss in time: the rule came with the 2015 interpretation
			// (its art. 310), in force 2015-02-04.
			name:   "案外人执行异议之诉 filed 2015-02-03",
			filing: with(civilBase(tb), cause("案外人执行异议之诉"), filedOn("2015-02-03")),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeInterp308OrdinaryOnly},
		},
		// 民诉法解释第二百五十七条第六项 and 第二百九十二条 ("人民法院对第三人
		// 撤销之诉案件，应当组成合议庭开庭审理"): the cause names the suit even
		// when the filing does not set third_party_revocation. Until 2026-12-03
		// simplified procedure was offered and recommended.
		{
			name:   "第三人撤销之诉 by its cause: no simplified, a panel",
			filing: with(civilBase(tb), cause("第三人撤销之诉"), yuan(10000)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locInfer, rules.CodeInferThirdPartyRevocation), at(locSimp, rules.CodeInterp257ThirdPartyRevoke),
				at(locOrd, rules.CodeInterp292PanelRequired)},
			extra: func(t *testing.T, a *rules.Assessment) {
				if !rules.RequiresPanel(a.Option(pOrd)) {
					t.Errorf("ordinary option of a third-party revocation suit does not require a panel")
				}
			},
		},
		{
			// The flag alone needs the panel too, and is no inference.
			name:   "third_party_revocation set on a loan cause: a panel",
			filing: with(civilBase(tb), circ(func(c *triagev1.Circumstances) { c.ThirdPartyRevocation = true })),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeInterp292PanelRequired)},
			silent: []string{rules.CodeInferThirdPartyRevocation},
		},
		{
			// Near miss: a creditor's revocation suit revokes a debtor's act,
			// not a judgment.
			name:   "债权人撤销权纠纷: no third-party revocation suit",
			filing: with(civilBase(tb), cause("债权人撤销权纠纷"), yuan(10000)),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeInferThirdPartyRevocation, rules.CodeInterp257ThirdPartyRevoke, rules.CodeInterp292PanelRequired},
		},
		{
			// Near miss in time: before the 2015 interpretation no rule named
			// the suit's bench (ordinary procedure sat as a panel anyway), and
			// only the court's finding under 若干规定 art. 1(5) closed
			// simplified procedure to it.
			name:   "第三人撤销之诉 filed 2015-02-03: no Interp. 292, 若干规定 art. 1(5)",
			filing: with(civilBase(tb), cause("第三人撤销之诉"), filedOn("2015-02-03")),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeProv1ThirdPartyRevocation)},
			silent: []string{rules.CodeInterp292PanelRequired, rules.CodeInterp257ThirdPartyRevoke},
		},
		// 民诉法解释第二百五十七条第五项, 民事诉讼法第四十二条第一项: a 公益诉讼
		// cause is a case of social public interest whether or not the flag is
		// set. Until 2026-12-03 such a filing at a basic court was offered
		// (and recommended) simplified procedure.
		{
			name:   "环境污染民事公益诉讼 by its cause: no simplified, a panel, review",
			filing: with(civilBase(tb), cause("环境污染民事公益诉讼"), yuan(10000)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			review: ptr(true),
			fires: []string{at(locInfer, rules.CodeInferPublicInterest), at(locSimp, rules.CodeInterp257PublicInterest),
				at(locOrd, rules.CodeCPL42PanelRequired), at(locReview, rules.CodeReviewPublicInterest)},
		},
		{
			// Near miss: a contentious cause of the same special part.
			name:   "失踪人债务支付纠纷: no public interest, no special procedure",
			filing: with(civilBase(tb), cause("失踪人债务支付纠纷"), yuan(10000)),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeInferPublicInterest, rules.CodeInterp257PublicInterest, rules.CodeReviewNonContentious,
				rules.CodeNonContentiousProcedure},
		},
		// 若干规定第一条第四项: no simplified procedure for a case that "法律规定
		// 应当适用特别程序、审判监督程序、督促程序、公示催告程序和企业法人破产还债
		// 程序"; 民事诉讼法第十五章、第十七章、第十八章 give such cases their own
		// procedure. Until 2026-12-03 a payment order was recommended simplified
		// procedure with its three months.
		{
			name:   "申请支付令: a non-contentious case, no simplified, review",
			filing: with(civilBase(tb), cause("申请支付令"), yuan(10000)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			review: ptr(true),
			fires: []string{at(locSimp, rules.CodeNonContentiousProcedure), at(locSC, rules.CodeNonContentiousProcedure),
				at(locReview, rules.CodeReviewNonContentious)},
		},
		{
			name:   "申请宣告自然人失踪: special procedure, no simplified",
			filing: with(civilBase(tb), cause("申请宣告自然人失踪"), fen(0)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeNonContentiousProcedure), at(locReview, rules.CodeReviewNonContentious)},
		},
		{
			// Near miss: a missing person's debt, of the same 部分, is paid in money.
			name:      "失踪人债务支付纠纷: small claims mandatory",
			filing:    with(civilBase(tb), cause("失踪人债务支付纠纷"), yuan(10000)),
			avail:     av(pSC, avA),
			mandatory: ptr(true),
			silent:    []string{rules.CodeCPL165NotMoneyPayment},
		},
		{
			// A rescission of a personal relation keeps its own bar only.
			name:   "解除收养关系纠纷: personal status, not also non-monetary",
			filing: with(civilBase(tb), cause("解除收养关系纠纷"), yuan(10000)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL166PersonalStatus)},
			silent: []string{rules.CodeInferNonMonetary},
		},
		{
			// Near miss: the loan itself is a money-payment case.
			name:      "借款合同纠纷: small claims mandatory",
			filing:    with(civilBase(tb), cause("借款合同纠纷"), yuan(10000)),
			avail:     av(pSC, avA),
			mandatory: ptr(true),
			silent:    []string{rules.CodeInferNonMonetary, rules.CodeCPL165NotMoneyPayment},
		},
		{
			// A declaratory personal-status cause keeps its own bar only.
			name:   "确认亲子关系纠纷: personal status, not also non-monetary",
			filing: with(civilBase(tb), cause("确认亲子关系纠纷"), yuan(10000)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL166PersonalStatus)},
			silent: []string{rules.CodeInferNonMonetary},
		},
		{
			name:   "宁波海事法院, ¥30,000 under the 浙江 limit",
			filing: maritime,
			avail:  av(pSC, avA, pOrd, avA),
			fires:  []string{at(locInfer, rules.CodeInferMaritimeCourt)},
			silent: []string{at(locSC, rules.CodeCPL165CourtLevel)},
			extra: func(t *testing.T, a *rules.Assessment) {
				// Interp. 273: the base is the province where the maritime court sits.
				if a.Limit.GetProvinceCode() != "330000" || a.Limit.GetMandatoryLimitFen() != 54323_00 {
					t.Errorf("limit %v, want 浙江's 54,323", a.Limit)
				}
			},
		},
		{
			// Near miss: an ordinary intermediate court is still barred (CPL 165).
			name:   "杭州市中级人民法院 is no maritime court",
			filing: with(maritime, court("杭州市中级人民法院"), cause("民间借贷纠纷")),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL165CourtLevel)},
			silent: []string{rules.CodeInferMaritimeCourt},
		},
		{
			name:   "civil case of major social impact",
			filing: with(civilBase(tb), impact),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			review: ptr(true),
			fires: []string{at(locSC, rules.CodeCPL42SingleJudgeBarred), at(locSimp, rules.CodeCPL42SingleJudgeBarred),
				at(locOrd, rules.CodeCPL42PanelRequired), at(locReview, rules.CodeReviewMajorImpact)},
		},
		{
			// Near miss: without the circumstance all three stay open.
			name:   "same case without it",
			filing: civilBase(tb),
			avail:  av(pSC, avA, pSimp, avA, pOrd, avA),
			silent: []string{rules.CodeCPL42PanelRequired, rules.CodeCPL42SingleJudgeBarred},
		},
		{
			// 速裁程序 entered the law with the 2018 amendment, in force
			// 2018-10-26; before it only the 18 pilot cities had it
			// (pilot_test.go), and the base court (杭州) was one of them.
			name:   "fast-track filed the day before the 2018 amendment took effect",
			filing: with(crimBase(tb), courtIn("浙江省海盐县人民法院", "浙江省"), filedOn("2018-10-25")),
			avail:  av(pFT, avU, pSimp, avA, pOrd, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222NotInForce)},
		},
		{
			name:   "fast-track filed the day the 2018 amendment took effect",
			filing: with(crimBase(tb), courtIn("浙江省海盐县人民法院", "浙江省"), filedOn("2018-10-26")),
			avail:  av(pFT, avA, pSimp, avA, pOrd, avA),
			silent: []string{rules.CodeCrPL222NotInForce},
		},
	}
}
