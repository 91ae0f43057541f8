package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestMovedDueDateCitesPeriodRule checks that a due date moved off a rest
// day says so in the time limit's words and cites the period rule of the
// text in force on the filing date: without it a judge counting 3 months
// from 2017-10-20 reads 2018-01-22 as a miscount. A date not moved, and a
// defendant in custody (whose period is not moved), carry no such words.
func TestMovedDueDateCitesPeriodRule(t *testing.T) {
	e := defaultEngine(t)
	detained := circ(func(c *triagev1.Circumstances) { c.DefendantDetained = true })
	for _, tc := range []struct {
		name string
		f    *triagev1.Filing
		p    triagev1.Procedure
		// want is the note the extension ends with; "" means no note.
		want string
	}{
		{"civil 2017 (CPL 2012/2017 art. 82 ¶3)", with(civilBase(t), filedOn("2017-10-20")), pSimp,
			"期间届满的最后一日（2018年1月20日）是节假日，以节假日后的第一日（2018年1月22日）为期间届满的日期（民事诉讼法（2012年、2017年修正）第八十二条第三款）。"},
		{"civil 2022 (CPL 2021 art. 85 ¶3, 法定休假日)", with(civilBase(t), filedOn("2022-03-05")), pSimp,
			"期间届满的最后一日（2022年6月5日）是法定休假日，以法定休假日后的第一日（2022年6月6日）为期间届满的日期（民事诉讼法（2021年修正）第八十五条第三款）。"},
		{"civil 2024 (CPL 2023 art. 85 ¶3)", with(civilBase(t), filedOn("2024-03-05")), pSC,
			"期间届满的最后一日（2024年5月5日）是法定休假日，以法定休假日后的第一日（2024年5月6日）为期间届满的日期（民事诉讼法第八十五条第三款）。"},
		{"civil not moved", with(civilBase(t), filedOn("2017-04-10")), pSimp, ""},
		{"criminal 2018-07 (CrPL 2012 art. 103 ¶4)", with(crimBase(t), filedOn("2018-07-23")), pSimp,
			"期间的最后一日（2018年8月12日）为节假日，以节假日后的第一日（2018年8月13日）为期满日期（刑事诉讼法（2012年修正）第一百零三条第四款）。立案信息未载明被告人在押；被告人在押的，应当至期满之日为止，不得因节假日而延长。"},
		{"criminal 2019 (CrPL 105 ¶4)", with(crimBase(t), filedOn("2019-08-22")), pFT,
			"期间的最后一日（2019年9月1日）为节假日，以节假日后的第一日（2019年9月2日）为期满日期（刑事诉讼法第一百零五条第四款）。立案信息未载明被告人在押；被告人在押的，应当至期满之日为止，不得因节假日而延长。"},
		{"criminal 2024 (CrPL 105 ¶4, not the three kinds' list)", with(crimBase(t), filedOn("2023-12-31")), pSimp,
			"期间的最后一日（2024年1月20日）为节假日，以节假日后的第一日（2024年1月22日）为期满日期（刑事诉讼法第一百零五条第四款）。立案信息未载明被告人在押；被告人在押的，应当至期满之日为止，不得因节假日而延长。"},
		{"criminal in custody, not moved", with(crimBase(t), filedOn("2018-07-23"), detained), pSimp, ""},
		{"administrative 2016 (ALL 101, CPL art. 82 ¶3)", with(adminBase(t), filedOn("2016-06-30")), pSimp,
			"期间届满的最后一日（2016年8月14日）是节假日，以节假日后的第一日（2016年8月15日）为期间届满的日期（行政诉讼法第一百零一条；民事诉讼法（2012年、2017年修正）第八十二条第三款）。"},
		{"administrative 2018 (行诉法解释 48 ¶3)", with(adminBase(t), filedOn("2018-06-30")), pOrd,
			"期间届满的最后一日（2018年12月30日）是节假日，以节假日后的第一日（2019年1月2日）为期间届满的日期（行诉法解释第四十八条第三款）。"},
		{"administrative 2014 (ALL 1989: no period article)", with(adminBase(t), filedOn("2014-07-05")), pOrd,
			"期间届满的最后一日（2014年10月5日）是节假日，以节假日后的第一日（2014年10月8日）为期间届满的日期（立案日施行的行政诉讼法（1989年）没有期间条款，依最高人民法院司法解释参照民事诉讼法（2012年、2017年修正）第八十二条第三款；本系统未核实各解释的施行日期）。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := e.Evaluate(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			tl := a.Option(tc.p).GetTimeLimit()
			ext := tl.GetExtension()
			moved := tl.GetUnadjustedDueOn() != ""
			switch {
			case tc.want == "" && (moved || strings.Contains(ext, "节假日后的第一日")):
				t.Errorf("%s: due %s (from %s), extension %q: want no move and no note", procLoc(tc.p), tl.GetDueOn(), tl.GetUnadjustedDueOn(), ext)
			case tc.want != "" && (!moved || !strings.HasSuffix(ext, tc.want)):
				t.Errorf("%s: due %s (from %s), extension\n%q\nwant it to end with\n%q", procLoc(tc.p), tl.GetDueOn(), tl.GetUnadjustedDueOn(), ext, tc.want)
			}
		})
	}
}

// TestJudgeWords checks words a judge reads in reasons and time limits
// against what the filing says and the statute's own words (audit of the
// real filings, 2026-12-05): a message states as fact only what the filing
// states, the court is 基层人民法院, and an extension text gives the whole
// article.
func TestJudgeWords(t *testing.T) {
	e := defaultEngine(t)
	type check struct {
		code string // the reason whose message is read; "" reads the option's time limit
		p    triagev1.Procedure
		has  []string
		not  []string
	}
	noConsent := circ(func(c *triagev1.Circumstances) { c.ConsentsFastTrack = false })
	for _, tc := range []struct {
		name   string
		f      *triagev1.Filing
		checks []check
	}{
		{"administrative, no item of art. 82 marked", with(adminBase(t), filedOn("2018-06-30")), []check{
			{code: "ALL82_NOT_QUALIFIED", p: pSimp,
				has: []string{"立案信息未载明被诉行政行为是依法当场作出的", "也未载明当事人各方同意适用简易程序"},
				not: []string{"本案不属于", "当事人各方未同意"}},
		}},
		{"criminal 2019, consent not stated", with(crimBase(t), filedOn("2019-08-22"), noConsent), []check{
			{code: "CRPL222_NO_CONSENT", p: pFT, has: []string{"起诉材料未载明被告人同意适用速裁程序"}, not: []string{"被告人未同意"}},
			{code: "CRPL214_ELIGIBLE", p: pSimp,
				has: []string{"基层人民法院管辖", "起诉材料未载明被告人对适用简易程序有异议"},
				not: []string{"基层法院", "且对适用简易程序没有异议"}},
			{p: pOrd, has: []string{"因特殊情况还需要延长的，报请最高人民法院批准"}},
		}},
		{"criminal 2019, fast-track eligible", with(crimBase(t), filedOn("2019-08-22")), []check{
			{code: "CRPL222_ELIGIBLE", p: pFT, has: []string{"基层人民法院管辖"}, not: []string{"基层法院"}},
		}},
		{"criminal 2017 at a pilot court, consent not stated", with(crimBase(t), filedOn("2017-06-15"), noConsent), []check{
			{code: "PILOT_NO_CONSENT", p: pFT, has: []string{"起诉材料未载明被告人同意适用速裁程序"}, not: []string{"被告人未同意"}},
			{code: "CRPL2012_208_ELIGIBLE", p: pSimp,
				has: []string{"基层人民法院管辖", "起诉材料未载明被告人对适用简易程序有异议"},
				not: []string{"基层法院", "且对适用简易程序没有异议"}},
			{p: pOrd, has: []string{"因特殊情况还需要延长的，报请最高人民法院批准"}},
		}},
		{"criminal 2017 at a pilot court: the pilot's period", with(crimBase(t), filedOn("2017-06-15")), []check{
			{p: pFT, has: []string{"试点办法关于审理期限的条文，本系统未能核对原文；"}, not: []string{"条文本系统"}},
		}},
		{"criminal 2018 away from the pilots: no fast-track yet", with(crimBase(t), filedOn("2018-05-15"), court("常州市金坛区人民法院"), province("江苏省")), []check{
			{p: pFT, has: []string{"立案日尚未施行；受理法院立案时也不是处于试点期间的速裁程序试点法院"}, not: []string{"立案日也不在"}},
		}},
		{"civil 2017 in a 直辖市, small claims", with(civilBase(t), filedOn("2017-08-21"), court("上海市杨浦区人民法院"), province("上海市"), yuan(5000)), []check{
			{code: "CPL162_MANDATORY", p: pSC, has: []string{"本省、自治区、直辖市上年度就业人员年平均工资"}},
		}},
		{"civil 2017 at a maritime court", with(civilBase(t), filedOn("2017-08-21"), court("上海海事法院"), province("上海市"), yuan(5000)), []check{
			{code: "INTERP2015_273_MARITIME_SMALL_CLAIMS_OPTIONAL", p: pSC, has: []string{"海事法院所在的省、自治区、直辖市上年度就业人员年平均工资"}, not: []string{"本省年平均工资"}},
		}},
		{"civil 2017, personal status", with(civilBase(t), filedOn("2017-04-10"), cause("离婚纠纷"), fen(0)), []check{
			{code: "INTERP2015_275_PERSONAL_STATUS", p: pSC, not: []string{"此前立案的"}},
		}},
		{"civil 2018, money cause without amount", with(civilBase(t), filedOn("2018-01-03"), fen(0)), []check{
			{code: "CPL162_AMOUNT_NOT_STATED", p: pSC, has: []string{"案由通常属于金钱给付纠纷"}, not: []string{"案由属金钱给付纠纷"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := e.Evaluate(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tc.checks {
				o := a.Option(c.p)
				words, where := "", procLoc(c.p)+" time limit"
				if c.code == "" {
					words = o.GetTimeLimit().GetExtension()
				} else {
					where = at(procLoc(c.p), c.code)
					found := false
					for _, r := range append(o.GetReasons(), a.ReviewReasons...) {
						if r.GetCode() == c.code {
							words, found = r.GetMessage(), true
						}
					}
					if !found {
						t.Errorf("%s not given; reasons %v", where, reasonCodes(o.GetReasons()))
						continue
					}
				}
				for _, s := range c.has {
					if !strings.Contains(words, s) {
						t.Errorf("%s: %q lacks %q", where, words, s)
					}
				}
				for _, s := range c.not {
					if strings.Contains(words, s) {
						t.Errorf("%s: %q says %q", where, words, s)
					}
				}
			}
		})
	}
}
