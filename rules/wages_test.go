package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

func TestDerivedWageLimits(t *testing.T) { runTable(t, derivedWageCases(t)) }

// derivedWageCases pins figures derived from wage statistics read from a
// published source (not read from default_rules.json, so a wrong edit of the
// data file fails here): the filing date decides which year's wage applies
// (from 1 July of the year after it), the amount just under and just over
// the figure decides the option. Each row's comment names the statistic and
// where it was read; the rules file's `source` says the same. The figures
// the rows pin are the exact shares the engine decides by since rules
// 2026-12-04.31 (statute round 24: "百分之三十/五十以下"); the comments'
// "→" figures are the rounded ones the rules file writes.
func derivedWageCases(tb testing.TB) []tcase {
	base := civilBase(tb)
	on := func(prov, day string, amount int64) *triagev1.Filing {
		return with(base, province(prov), filedOn(day), fen(amount))
	}
	under := func(article string, percent int32, from string, mandatoryFen, agreementFen int64) tcase {
		code := rules.CodeCPL165Mandatory
		if percent == 30 {
			code = rules.CodeCPL162Mandatory
		}
		return tcase{
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			fires:  []string{at(locSC, code)},
			silent: []string{rules.CodeLimitDerivedOutdated, rules.CodeLimitUnknown},
			extra:  limitShows(article, percent, true, from, mandatoryFen, agreementFen),
		}
	}
	over := func(article string, percent int32, from string, mandatoryFen, agreementFen int64) tcase {
		code := rules.CodeCPL165OverMandatory
		if percent == 30 {
			code = rules.CodeCPL162OverLimit
		}
		return tcase{
			avail: av(pSC, avU), review: ptr(false),
			fires:  []string{at(locSC, code)},
			silent: []string{rules.CodeLimitDerivedOutdated, rules.CodeLimitUnknown},
			extra:  limitShows(article, percent, true, from, mandatoryFen, agreementFen),
		}
	}
	named := func(c tcase, name string, f *triagev1.Filing) tcase {
		c.name, c.filing = name, f
		return c
	}
	cases := []tcase{
		// 福建 2023: ¥108,520 (福建省统计局, 2023年福建省城镇单位就业人员年平均工资情况, read in
		// 海峡导报 via 台海网 2024-06-24); 2022 = 108,520 − 4,717 = ¥103,803 from the same
		// release. 50% of 2022 = 51,901.50 → 51,902 (2× 207,606) from 2023-07-01;
		// 50% of 2023 = 54,260 (2× 217,040) from 2024-07-01.
		named(under(art165, 50, "2023-07-01", 51901_50, 207606_00),
			"福建 2023-07-01: ¥51,901.50 is at the 2022-wage figure", on("福建省", "2023-07-01", 51901_50)),
		named(over(art165, 50, "2023-07-01", 51901_50, 207606_00),
			"福建 2023-07-01: one fen over the 2022-wage figure", on("福建省", "2023-07-01", 51901_51)),
		// The day before, the 2021 wage (¥98,071 → 49,036) still applies and is
		// not yet outdated: ¥50,000 is over it, without review.
		named(over(art165, 50, "2022-07-01", 49035_50, 196142_00),
			"福建 2023-06-30: ¥50,000 is over the 2021-wage figure", on("福建省", "2023-06-30", 50000_00)),
		named(under(art165, 50, "2024-07-01", 54260_00, 217040_00),
			"福建 2024-07-01: ¥54,260 is at the 2023-wage figure", on("福建省", "2024-07-01", 54260_00)),
		named(over(art165, 50, "2024-07-01", 54260_00, 217040_00),
			"福建 2024-07-01: one fen over the 2023-wage figure", on("福建省", "2024-07-01", 54260_01)),
		// 山东 2023: ¥107,131 (山东省统计局 2024-05-31, "城镇非私营单位从业人员年平均工资",
		// read at m12333.cn/policy/mezcb.html); 50% = 53,565.50 → 53,566, 2× 214,262
		// from 2024-07-01.
		named(under(art165, 50, "2024-07-01", 53565_50, 214262_00),
			"山东 2024-07-01: ¥53,565.50 is at the 2023-wage figure", on("山东省", "2024-07-01", 53565_50)),
		named(over(art165, 50, "2024-07-01", 53565_50, 214262_00),
			"山东 2024-07-01: one fen over the 2023-wage figure", on("山东省", "2024-07-01", 53565_51)),
		{
			// 山东's 2022 wage is not entered: on 2024-06-30 the 2021 figure
			// (¥94,768 → 47,384) is outdated, so a claim over it is reviewed.
			name: "山东 2024-06-30: over the outdated 2021-wage figure, reviewed", filing: on("山东省", "2024-06-30", 50000_00),
			avail: av(pSC, avU), review: ptr(true),
			fires: []string{at(locSC, rules.CodeCPL165OverMandatory), at(locReview, rules.CodeLimitDerivedOutdated)},
			extra: limitShows(art165, 50, true, "2022-07-01", 47384_00, 189536_00),
		},
		// 天津 2024: ¥142,437 and 河南 2024: ¥86,199 (each province's statistics bureau,
		// 城镇非私营单位就业人员年平均工资, releases of June 2025; read in two unrelated
		// public repository files quoting the releases, see the rules file's source).
		// 50% = 71,218.50 → 71,219 (2× 284,874) and 43,099.50 → 43,100 (2× 172,398)
		// from 2025-07-01. The day before, each province's 2023 figure applies
		// (天津 69,004 below; 河南 ¥84,156 → 42,078), not yet outdated.
		named(under(art165, 50, "2025-07-01", 71218_50, 284874_00),
			"天津 2025-07-01: ¥71,218.50 is at the 2024-wage figure", on("天津市", "2025-07-01", 71218_50)),
		named(over(art165, 50, "2025-07-01", 71218_50, 284874_00),
			"天津 2025-07-01: one fen over the 2024-wage figure", on("天津市", "2025-07-01", 71218_51)),
		named(under(art165, 50, "2025-07-01", 43099_50, 172398_00),
			"河南 2025-07-01: ¥43,099.50 is at the 2024-wage figure", on("河南省", "2025-07-01", 43099_50)),
		named(over(art165, 50, "2025-07-01", 43099_50, 172398_00),
			"河南 2025-07-01: one fen over the 2024-wage figure", on("河南省", "2025-07-01", 43099_51)),
		named(over(art165, 50, "2024-07-01", 42078_00, 168312_00),
			"河南 2025-06-30: ¥43,100 is over the 2023-wage figure", on("河南省", "2025-06-30", 43100_00)),
		// 陕西 2018: the release reported the non-private wage as ¥10,478 below
		// the national ¥82,461 (陕西科技报 2019-07-16, m.yybnet.net) = ¥71,983;
		// 30% = 21,594.90 → 21,595 from 2019-07-01. The same report quotes the
		// national figure as ¥82,461 (NBS, 2019-05-14), the one the difference was
		// taken from; NBS's later ¥82,413 (2019's ¥90,501 less its ¥8,088 increase)
		// is a revision published in 2020 and would give ¥71,935 → 21,581, not it.
		named(under(art162of2017, 30, "2019-07-01", 21594_90, 0),
			"陕西 2019-07-01: ¥21,594.90 is at the 2018-wage figure", on("陕西省", "2019-07-01", 21594_90)),
		named(over(art162of2017, 30, "2019-07-01", 21594_90, 0),
			"陕西 2019-07-01: one fen over the 2018-wage figure", on("陕西省", "2019-07-01", 21594_91)),
		// 广东 2018: ¥88,636 (广东省统计局, "城镇非私营单位就业人员年平均工资88636元，同比
		// 名义增长11.9%", read in a WeChat reprint at freewechat.com); the figure entered
		// from memory agreed. 30% = 26,590.80 → 26,591 from 2019-07-01; the day
		// before, the 2017 figure (¥79,183 → 23,755) applies.
		named(under(art162of2017, 30, "2019-07-01", 26590_80, 0),
			"广东 2019-07-01: ¥26,590.80 is at the 2018-wage figure", on("广东省", "2019-07-01", 26590_80)),
		named(over(art162of2017, 30, "2019-07-01", 26590_80, 0),
			"广东 2019-07-01: one fen over the 2018-wage figure", on("广东省", "2019-07-01", 26590_81)),
		named(over(art162of2017, 30, "2018-07-01", 23754_90, 0),
			"广东 2019-06-30: ¥26,591 is over the 2017-wage figure", on("广东省", "2019-06-30", 26591_00)),
		// 安徽 2016: ¥59,102 (安徽省统计局, "与2015年的55139元相比，增加了3963元", read in a
		// reprint at 78911.com.cn, 2018-06-06); the figure entered from memory agreed.
		// 30% = 17,730.60 → 17,731 from 2017-07-01, the day the 2017 amendment took
		// effect; the day before, the 2015 figure (¥55,139 → 16,542) applies under
		// the 2012 text.
		named(under(art162of2017, 30, "2017-07-01", 17730_60, 0),
			"安徽 2017-07-01: ¥17,730.60 is at the 2016-wage figure", on("安徽省", "2017-07-01", 17730_60)),
		named(over(art162of2017, 30, "2017-07-01", 17730_60, 0),
			"安徽 2017-07-01: one fen over the 2016-wage figure", on("安徽省", "2017-07-01", 17730_61)),
		named(over(art162of2012, 30, "2016-07-01", 16541_70, 0),
			"安徽 2017-06-30: ¥17,731 is over the 2015-wage figure", on("安徽省", "2017-06-30", 17731_00)),
		// 安徽 2017: ¥65,150 (安徽省统计局's 2018 release: 2018's ¥74,378 "an increase of
		// 9,228 yuan compared with 65,150 yuan in 2017", read in an English report at
		// hefeiconnect.com; single source); the figure entered from memory agreed.
		// 30% = 19,545 from 2018-07-01; the day before, the 2016 figure (¥59,102 →
		// 17,731) applies.
		named(under(art162of2017, 30, "2018-07-01", 19545_00, 0),
			"安徽 2018-07-01: ¥19,545 is at the 2017-wage figure", on("安徽省", "2018-07-01", 19545_00)),
		named(over(art162of2017, 30, "2018-07-01", 19545_00, 0),
			"安徽 2018-07-01: one fen over the 2017-wage figure", on("安徽省", "2018-07-01", 19545_01)),
		named(over(art162of2017, 30, "2017-07-01", 17730_60, 0),
			"安徽 2018-06-30: ¥19,545 is over the 2016-wage figure", on("安徽省", "2018-06-30", 19545_00)),
		// 四川 2013: ¥47,965 = 2014's ¥52,555 less its stated increase of ¥4,590
		// (四川省统计局's announcement on 2014 wages, 2015-05-28, read in a reprint at
		// m.pouringspot.com; single source); the figure entered from memory agreed.
		// 30% = 14,389.50 → 14,390 from 2014-07-01; the day before, the 2012 figure
		// (¥42,339 → 12,702) applies.
		named(under(art162of2012, 30, "2014-07-01", 14389_50, 0),
			"四川 2014-07-01: ¥14,389.50 is at the 2013-wage figure", on("四川省", "2014-07-01", 14389_50)),
		named(over(art162of2012, 30, "2014-07-01", 14389_50, 0),
			"四川 2014-07-01: one fen over the 2013-wage figure", on("四川省", "2014-07-01", 14389_51)),
		named(over(art162of2012, 30, "2013-07-01", 12701_70, 0),
			"四川 2014-06-30: ¥14,390 is over the 2012-wage figure", on("四川省", "2014-06-30", 14390_00)),
		// 浙江 2013: ¥56,571 (浙江省统计局's 2014 release: 2014's ¥61,572 "与2013年的56571元
		// 相比，增加了5001元", read in a reprint at xjdkctz.com); 30% = 16,971.30 →
		// 16,971 from 2014-07-01; the day before, the 2012 figure (¥50,197 → 15,059)
		// applies.
		named(under(art162of2012, 30, "2014-07-01", 16971_30, 0),
			"浙江 2014-07-01: ¥16,971.30 is at the 2013-wage figure", on("浙江省", "2014-07-01", 16971_30)),
		named(over(art162of2012, 30, "2014-07-01", 16971_30, 0),
			"浙江 2014-07-01: one fen over the 2013-wage figure", on("浙江省", "2014-07-01", 16971_31)),
		named(over(art162of2012, 30, "2013-07-01", 15059_10, 0),
			"浙江 2014-06-30: ¥16,971 is over the 2012-wage figure", on("浙江省", "2014-06-30", 16971_00)),
		// 浙江 2016: ¥73,326 (浙江省统计局《2016年浙江省全社会单位就业人员年平均工资统计公报》,
		// "全省非私营单位就业人员年平均工资为73326元", read at yjbys.com 2017-06-02);
		// 30% = 21,997.80 → 21,998 from 2017-07-01; the day before, the 2015 figure
		// (¥66,668 → 20,000) applies under the 2012 text.
		named(under(art162of2017, 30, "2017-07-01", 21997_80, 0),
			"浙江 2017-07-01: ¥21,997.80 is at the 2016-wage figure", on("浙江省", "2017-07-01", 21997_80)),
		named(over(art162of2017, 30, "2017-07-01", 21997_80, 0),
			"浙江 2017-07-01: one fen over the 2016-wage figure", on("浙江省", "2017-07-01", 21997_81)),
		named(over(art162of2012, 30, "2016-07-01", 20000_40, 0),
			"浙江 2017-06-30: ¥21,998 is over the 2015-wage figure", on("浙江省", "2017-06-30", 21998_00)),
		// 浙江 2011, 2012, 2017 and 2018: ¥45,162, ¥50,197, ¥80,750 and ¥88,883, read
		// in knoema's series of 浙江's average wage of employed persons in urban units
		// (2010–2021, ru.knoema.com …/Zhejiang/Average-wage-of-Employed-Persons), whose
		// seven other figures from 2013 on agree with those read elsewhere; single
		// source. The figures entered from memory agreed. 30% of 2011 = 13,548.60 →
		// 13,549 from 2013-01-01; of 2012 = 15,059.10 → 15,059 from 2013-07-01; of
		// 2017 = 24,225 from 2018-07-01 (the day before, the 2016 figure, 21,998);
		// of 2018 = 26,664.90 → 26,665 from 2019-07-01 (the day before, 24,225).
		named(under(art162of2012, 30, "2013-01-01", 13548_60, 0),
			"浙江 2013-01-01: ¥13,548.60 is at the 2011-wage figure", on("浙江省", "2013-01-01", 13548_60)),
		named(over(art162of2012, 30, "2013-01-01", 13548_60, 0),
			"浙江 2013-06-30: one fen over the 2011-wage figure", on("浙江省", "2013-06-30", 13548_61)),
		named(under(art162of2012, 30, "2013-07-01", 15059_10, 0),
			"浙江 2013-07-01: ¥15,059.10 is at the 2012-wage figure", on("浙江省", "2013-07-01", 15059_10)),
		named(over(art162of2012, 30, "2013-07-01", 15059_10, 0),
			"浙江 2013-07-01: one fen over the 2012-wage figure", on("浙江省", "2013-07-01", 15059_11)),
		named(under(art162of2017, 30, "2018-07-01", 24225_00, 0),
			"浙江 2018-07-01: ¥24,225 is at the 2017-wage figure", on("浙江省", "2018-07-01", 24225_00)),
		named(over(art162of2017, 30, "2018-07-01", 24225_00, 0),
			"浙江 2018-07-01: one fen over the 2017-wage figure", on("浙江省", "2018-07-01", 24225_01)),
		named(over(art162of2017, 30, "2017-07-01", 21997_80, 0),
			"浙江 2018-06-30: ¥24,225 is over the 2016-wage figure", on("浙江省", "2018-06-30", 24225_00)),
		named(under(art162of2017, 30, "2019-07-01", 26664_90, 0),
			"浙江 2019-07-01: ¥26,664.90 is at the 2018-wage figure", on("浙江省", "2019-07-01", 26664_90)),
		named(over(art162of2017, 30, "2019-07-01", 26664_90, 0),
			"浙江 2019-07-01: one fen over the 2018-wage figure", on("浙江省", "2019-07-01", 26664_91)),
		named(over(art162of2017, 30, "2018-07-01", 24225_00, 0),
			"浙江 2019-06-30: ¥26,665 is over the 2017-wage figure", on("浙江省", "2019-06-30", 26665_00)),
		// 江苏 2017: ¥78,267 (江苏省统计局's 2017 figure, "2017年，江苏省城镇非私营单位就业人员
		// 年平均工资为78267元，与2016年相比名义增长9.4%", 中商情报网 2018-05-28, read in the
		// summary a public repository's crawler test stores; single source); the
		// figure entered from memory agreed. 30% = 23,480.10 → 23,480 from
		// 2018-07-01; the day before, the 2016 figure (¥71,574, from memory →
		// 21,472) applies.
		named(under(art162of2017, 30, "2018-07-01", 23480_10, 0),
			"江苏 2018-07-01: ¥23,480.10 is at the 2017-wage figure", on("江苏省", "2018-07-01", 23480_10)),
		named(over(art162of2017, 30, "2018-07-01", 23480_10, 0),
			"江苏 2018-07-01: one fen over the 2017-wage figure", on("江苏省", "2018-07-01", 23480_11)),
		named(over(art162of2017, 30, "2017-07-01", 21472_20, 0),
			"江苏 2018-06-30: ¥23,480 is over the 2016-wage figure", on("江苏省", "2018-06-30", 23480_00)),
		// 山东 2017: ¥68,081 (knoema's 山东 profile page, "Average Wage (yuan):68081
		// (2017)", jp.knoema.com/atlas/中国/Shandong; single source, its statistic
		// not named on the page); the figure entered from memory agreed. 30% =
		// 20,424.30 → 20,424 from 2018-07-01 (山东's 2018 wage is not entered, so it
		// stays in force until 2020-06-30); the day before, the 2016 figure
		// (¥62,539, from memory → 18,761.70 → 18,762) applies.
		named(under(art162of2017, 30, "2018-07-01", 20424_30, 0),
			"山东 2018-07-01: ¥20,424.30 is at the 2017-wage figure", on("山东省", "2018-07-01", 20424_30)),
		named(over(art162of2017, 30, "2018-07-01", 20424_30, 0),
			"山东 2018-07-01: one fen over the 2017-wage figure", on("山东省", "2018-07-01", 20424_31)),
		named(over(art162of2017, 30, "2017-07-01", 18761_70, 0),
			"山东 2018-06-30: ¥20,424 is over the 2016-wage figure", on("山东省", "2018-06-30", 20424_00)),
		// 海南 2013: ¥44,971 (海南省统计局's 2014 release: 2014's ¥49,882 "与2013年的44971元
		// 相比，增加了4911元", 海口晚报 2015-06-04, read in a reprint at fuxibeer.com);
		// 30% = 13,491.30 → 13,491 from 2014-07-01; the day before, the 2012 figure
		// (¥39,485 → 11,845.50 → 11,846) applies.
		named(under(art162of2012, 30, "2014-07-01", 13491_30, 0),
			"海南 2014-07-01: ¥13,491.30 is at the 2013-wage figure", on("海南省", "2014-07-01", 13491_30)),
		named(over(art162of2012, 30, "2014-07-01", 13491_30, 0),
			"海南 2014-07-01: one fen over the 2013-wage figure", on("海南省", "2014-07-01", 13491_31)),
		named(over(art162of2012, 30, "2013-07-01", 11845_50, 0),
			"海南 2014-06-30: ¥13,491 is over the 2012-wage figure", on("海南省", "2014-06-30", 13491_00)),
		// 江苏 2011 and 2012: ¥45,487 and ¥50,639 (江苏省统计局《2012年江苏省城镇非私营单位、
		// 私营单位就业人员年平均工资统计公报》, "与2011年的45487元相比", 扬子晚报 2013-06-04,
		// read at mayiw.com). 30% of 2011 = 13,646.10 → 13,646 from 2013-01-01, the
		// procedure's first day; 30% of 2012 = 15,191.70 → 15,192 from 2013-07-01.
		named(under(art162of2012, 30, "2013-01-01", 13646_10, 0),
			"江苏 2013-01-01: ¥13,646.10 is at the 2011-wage figure", on("江苏省", "2013-01-01", 13646_10)),
		named(over(art162of2012, 30, "2013-01-01", 13646_10, 0),
			"江苏 2013-06-30: one fen over the 2011-wage figure", on("江苏省", "2013-06-30", 13646_11)),
		named(under(art162of2012, 30, "2013-07-01", 15191_70, 0),
			"江苏 2013-07-01: ¥15,191.70 is at the 2012-wage figure", on("江苏省", "2013-07-01", 15191_70)),
		named(over(art162of2012, 30, "2013-07-01", 15191_70, 0),
			"江苏 2013-07-01: one fen over the 2012-wage figure", on("江苏省", "2013-07-01", 15191_71)),
		// 广东 2012: ¥50,278 (广东省统计局 2014-05-31: 2013's ¥53,318 "与2012年的50278元相比",
		// 羊城晚报 2014-06-03, read at taiwan.cn); 30% = 15,083.40 → 15,083 from
		// 2013-07-01.
		named(under(art162of2012, 30, "2013-07-01", 15083_40, 0),
			"广东 2013-07-01: ¥15,083.40 is at the 2012-wage figure", on("广东省", "2013-07-01", 15083_40)),
		named(over(art162of2012, 30, "2013-07-01", 15083_40, 0),
			"广东 2013-07-01: one fen over the 2012-wage figure", on("广东省", "2013-07-01", 15083_41)),
		// 河北 2011 and 2012: ¥35,309 and ¥38,658 (河北省统计局's 2012 release, "与2011年的
		// 35309元相比", 环渤海财经网 2013-05-24, read at hbhcj.cn). 30% of 2011 =
		// 10,592.70 → 10,593 from 2013-01-01; 30% of 2012 = 11,597.40 → 11,597 from
		// 2013-07-01.
		named(under(art162of2012, 30, "2013-01-01", 10592_70, 0),
			"河北 2013-01-01: ¥10,592.70 is at the 2011-wage figure", on("河北省", "2013-01-01", 10592_70)),
		named(over(art162of2012, 30, "2013-01-01", 10592_70, 0),
			"河北 2013-06-30: one fen over the 2011-wage figure", on("河北省", "2013-06-30", 10592_71)),
		named(under(art162of2012, 30, "2013-07-01", 11597_40, 0),
			"河北 2013-07-01: ¥11,597.40 is at the 2012-wage figure", on("河北省", "2013-07-01", 11597_40)),
		named(over(art162of2012, 30, "2013-07-01", 11597_40, 0),
			"河北 2013-07-01: one fen over the 2012-wage figure", on("河北省", "2013-07-01", 11597_41)),
		// 四川 2012: ¥42,339 (四川省统计局: "城镇非私营单位就业人员平均工资为42339元，增长13.4%",
		// read in a reprint at redcliffestyle.com); 30% = 12,701.70 → 12,702 from
		// 2013-07-01.
		named(under(art162of2012, 30, "2013-07-01", 12701_70, 0),
			"四川 2013-07-01: ¥12,701.70 is at the 2012-wage figure", on("四川省", "2013-07-01", 12701_70)),
		named(over(art162of2012, 30, "2013-07-01", 12701_70, 0),
			"四川 2013-07-01: one fen over the 2012-wage figure", on("四川省", "2013-07-01", 12701_71)),
		// 江西 2013 and 2014: 江西省统计局's 2014 release gives ¥46,218, ¥3,745 above 2013
		// (so 2013 = ¥42,473) and ¥10,121 below the national ¥56,339 (NBS's 2014
		// figure, which dates the page: its reprint at wljyyjy.com omits the year).
		// 30% of 2013 = 12,741.90 → 12,742 from 2014-07-01; 30% of 2014 = 13,865.40
		// → 13,865 from 2015-07-01.
		named(under(art162of2012, 30, "2014-07-01", 12741_90, 0),
			"江西 2014-07-01: ¥12,741.90 is at the 2013-wage figure", on("江西省", "2014-07-01", 12741_90)),
		named(over(art162of2012, 30, "2014-07-01", 12741_90, 0),
			"江西 2015-06-30: one fen over the 2013-wage figure", on("江西省", "2015-06-30", 12741_91)),
		named(under(art162of2012, 30, "2015-07-01", 13865_40, 0),
			"江西 2015-07-01: ¥13,865.40 is at the 2014-wage figure", on("江西省", "2015-07-01", 13865_40)),
		named(over(art162of2012, 30, "2015-07-01", 13865_40, 0),
			"江西 2015-07-01: one fen over the 2014-wage figure", on("江西省", "2015-07-01", 13865_41)),
		// 广西 2018: 2019's ¥76,479 was ¥5,873 above it (广西统计局, reprinted at
		// beingfitandhealthyrocks.com) = ¥70,606; 30% = 21,181.80 → 21,182 from
		// 2019-07-01. The day before, the 2017 figure (19,146) applies.
		named(under(art162of2017, 30, "2019-07-01", 21181_80, 0),
			"广西 2019-07-01: ¥21,181.80 is at the 2018-wage figure", on("广西壮族自治区", "2019-07-01", 21181_80)),
		named(over(art162of2017, 30, "2018-07-01", 19146_30, 0),
			"广西 2019-06-30: ¥21,182 is over the 2017-wage figure", on("广西壮族自治区", "2019-06-30", 21182_00)),
		// 湖南 2018: ¥70,221 (湖南省统计局 2020-05-25: 2019's ¥74,316 "与2018年的70221元相比
		// 增加4095元", read at m.gxscse.com); 30% = 21,066.30 → 21,066 from 2019-07-01.
		named(under(art162of2017, 30, "2019-07-01", 21066_30, 0),
			"湖南 2019-07-01: ¥21,066.30 is at the 2018-wage figure", on("湖南省", "2019-07-01", 21066_30)),
		named(over(art162of2017, 30, "2019-07-01", 21066_30, 0),
			"湖南 2019-07-01: one fen over the 2018-wage figure", on("湖南省", "2019-07-01", 21066_31)),
		// 云南 2024: ¥110,206, ¥3,437 above 2023's ¥106,769 (云南省统计局 2025-06, read in a
		// 网易号 reprint at digipub.cc); 50% = 55,103, 2× 220,412 from 2025-07-01. The day
		// before, the 2023 figure (53,385) applies, still current.
		named(under(art165, 50, "2025-07-01", 55103_00, 220412_00),
			"云南 2025-07-01: ¥55,103 is at the 2024-wage figure", on("云南省", "2025-07-01", 55103_00)),
		named(over(art165, 50, "2024-07-01", 53384_50, 213538_00),
			"云南 2025-06-30: ¥55,103 is over the 2023-wage figure", on("云南省", "2025-06-30", 55103_00)),
		// 新疆 2023: ¥112,305 (《中国统计年鉴2024》, read in the monvtuan.com list of the
		// 31 provinces, 11.2305万, and in the repository table citing the yearbook; a
		// yearbook report gives 新疆's rise from 10.18万 to 11.23万, 10.36%, which is
		// why it exceeds the 9% bound over 2021). 50% = 56,152.50 → 56,153, 2× 224,610
		// from 2024-07-01.
		named(under(art165, 50, "2024-07-01", 56152_50, 224610_00),
			"新疆 2024-07-01: ¥56,152.50 is at the 2023-wage figure", on("新疆维吾尔自治区", "2024-07-01", 56152_50)),
		named(over(art165, 50, "2024-07-01", 56152_50, 224610_00),
			"新疆 2024-07-01: one fen over the 2023-wage figure", on("新疆维吾尔自治区", "2024-07-01", 56152_51)),
		{
			// 新疆's 2022 wage is not entered: on 2024-06-30 the 2021 figure
			// (¥94,281 → 47,141) is outdated, so a claim over it is reviewed.
			name: "新疆 2024-06-30: over the outdated 2021-wage figure, reviewed", filing: on("新疆维吾尔自治区", "2024-06-30", 56153_00),
			avail: av(pSC, avU), review: ptr(true),
			fires: []string{at(locSC, rules.CodeCPL165OverMandatory), at(locReview, rules.CodeLimitDerivedOutdated)},
			extra: limitShows(art165, 50, true, "2022-07-01", 47140_50, 188562_00),
		},
		// 海南 2024: ¥117,433 (海南省统计局《海南省2024年城镇单位就业人员年平均工资情况》,
		// read only in a repository calculator's table that cites the release; a single
		// source, 2.5% over 2023, within the bounds). 50% = 58,716.50 → 58,717, 2× 234,866
		// from 2025-07-01. The day before, the 2023 figure (¥114,572 → 57,286) applies,
		// not yet outdated: ¥58,717 is over it, without review.
		named(under(art165, 50, "2025-07-01", 58716_50, 234866_00),
			"海南 2025-07-01: ¥58,716.50 is at the 2024-wage figure", on("海南省", "2025-07-01", 58716_50)),
		named(over(art165, 50, "2025-07-01", 58716_50, 234866_00),
			"海南 2025-07-01: one fen over the 2024-wage figure", on("海南省", "2025-07-01", 58716_51)),
		named(over(art165, 50, "2024-07-01", 57286_00, 229144_00),
			"海南 2025-06-30: ¥58,717 is over the 2023-wage figure", on("海南省", "2025-06-30", 58717_00)),
	}
	// 2023 wages, in force from 2024-07-01 (the statistic of 《中国统计年鉴2024》):
	// each read in a list of the 31 provinces' 2023 figures (monvtuan.com, in
	// 万元 to four decimals) and in a repository table citing the yearbook,
	// which agree with each other and with every 2023 figure entered before;
	// 江西's in a Q&A page (fudaoke.com) and the same table. 50% is rounded
	// half up (138,007 → 69,003.50 → 69,004), the 2× figure is exact.
	for _, w := range []struct {
		name, prov                 string
		mandatoryFen, agreementFen int64
	}{
		{"北京 ¥218,312", "北京市", 109156_00, 436624_00},
		{"天津 ¥138,007", "天津市", 69003_50, 276014_00},
		{"西藏 ¥165,004", "西藏自治区", 82502_00, 330008_00},
		{"四川 ¥110,160", "四川省", 55080_00, 220320_00},
		{"宁夏 ¥117,681", "宁夏回族自治区", 58840_50, 235362_00},
		{"湖北 ¥109,227", "湖北省", 54613_50, 218454_00},
		{"陕西 ¥106,969", "陕西省", 53484_50, 213938_00},
		{"青海 ¥121,457", "青海省", 60728_50, 242914_00},
		{"江西 ¥92,794", "江西省", 46397_00, 185588_00},
	} {
		cases = append(cases,
			named(under(art165, 50, "2024-07-01", w.mandatoryFen, w.agreementFen),
				w.name+" (2023) from 2024-07-01: at the figure", on(w.prov, "2024-07-01", w.mandatoryFen)),
			named(over(art165, 50, "2024-07-01", w.mandatoryFen, w.agreementFen),
				w.name+" (2023) from 2024-07-01: one fen over", on(w.prov, "2024-07-01", w.mandatoryFen+1)))
	}
	// The same table's 2023 figures where the list's stored copy stops short and
	// no second source was found (a single source, flagged in the rules file).
	for _, w := range []struct {
		name, prov                 string
		mandatoryFen, agreementFen int64
	}{
		{"山西 ¥95,025", "山西省", 47512_50, 190050_00},
		{"吉林 ¥94,937", "吉林省", 47468_50, 189874_00},
		{"河南 ¥84,156", "河南省", 42078_00, 168312_00},
		{"广西 ¥96,184", "广西壮族自治区", 48092_00, 192368_00},
		{"贵州 ¥102,010", "贵州省", 51005_00, 204020_00},
		{"甘肃 ¥99,124", "甘肃省", 49562_00, 198248_00},
	} {
		cases = append(cases,
			named(under(art165, 50, "2024-07-01", w.mandatoryFen, w.agreementFen),
				w.name+" (2023) from 2024-07-01: at the figure", on(w.prov, "2024-07-01", w.mandatoryFen)),
			named(over(art165, 50, "2024-07-01", w.mandatoryFen, w.agreementFen),
				w.name+" (2023) from 2024-07-01: one fen over", on(w.prov, "2024-07-01", w.mandatoryFen+1)))
	}
	return append(cases,
		// The day before, 江西's 2022 figure (¥87,972 → 43,986) applies, not
		// yet outdated: ¥46,397 is over it, without review.
		named(over(art165, 50, "2023-07-01", 43986_00, 175944_00),
			"江西 2024-06-30: ¥46,397 is over the 2022-wage figure", on("江西省", "2024-06-30", 46397_00)),
		// 天津's 2023 figure stays in force, not outdated, until its 2024
		// figure takes over on 2025-07-01.
		named(under(art165, 50, "2024-07-01", 69003_50, 276014_00),
			"天津 2025-06-30: ¥69,003.50 is still at the 2023-wage figure", on("天津市", "2025-06-30", 69003_50)),
		// 北京 2024: ¥224,608 (北京市统计局's figure, read in two unrelated
		// repository files that give different 全口径 wages but the same
		// non-private ¥224,608 and private ¥106,905); 50% = 112,304, 2× 449,216
		// from 2025-07-01. The day before, the 2023 figure (109,156) applies.
		named(under(art165, 50, "2025-07-01", 112304_00, 449216_00),
			"北京 2025-07-01: ¥112,304 is at the 2024-wage figure", on("北京市", "2025-07-01", 112304_00)),
		named(over(art165, 50, "2025-07-01", 112304_00, 449216_00),
			"北京 2025-07-01: one fen over the 2024-wage figure", on("北京市", "2025-07-01", 112304_01)),
		named(over(art165, 50, "2024-07-01", 109156_00, 436624_00),
			"北京 2025-06-30: ¥112,304 is over the 2023-wage figure", on("北京市", "2025-06-30", 112304_00)),
		// 吉林 and 广西 2014: ¥46,516 and ¥45,424 (南方财富网's 2015-06-25 table of the
		// provinces' 2014 releases, whose other figures agree with those entered);
		// the figures entered from memory agreed. From 2015-07-01 30% = 13,954.80 →
		// 13,955 and 13,627.20 → 13,627; the day before, the 2013 figures (¥42,846 →
		// 12,853.80 → 12,854 and ¥41,391 → 12,417.30 → 12,417) apply.
		named(under(art162of2012, 30, "2015-07-01", 13954_80, 0),
			"吉林 2015-07-01: ¥13,954.80 is at the 2014-wage figure", on("吉林省", "2015-07-01", 13954_80)),
		named(over(art162of2012, 30, "2015-07-01", 13954_80, 0),
			"吉林 2015-07-01: one fen over the 2014-wage figure", on("吉林省", "2015-07-01", 13954_81)),
		named(over(art162of2012, 30, "2014-07-01", 12853_80, 0),
			"吉林 2015-06-30: ¥13,955 is over the 2013-wage figure", on("吉林省", "2015-06-30", 13955_00)),
		named(under(art162of2012, 30, "2015-07-01", 13627_20, 0),
			"广西 2015-07-01: ¥13,627.20 is at the 2014-wage figure", on("广西壮族自治区", "2015-07-01", 13627_20)),
		named(over(art162of2012, 30, "2015-07-01", 13627_20, 0),
			"广西 2015-07-01: one fen over the 2014-wage figure", on("广西壮族自治区", "2015-07-01", 13627_21)),
		named(over(art162of2012, 30, "2014-07-01", 12417_30, 0),
			"广西 2015-06-30: ¥13,627 is over the 2013-wage figure", on("广西壮族自治区", "2015-06-30", 13627_00)),
		// 上海 2018: ¥140,270 (the cities' releases compared in a press report that
		// gives 北京's ¥145,766 as entered); 30% = 42,081 from 2019-07-01. Without
		// it the 2017 figure (¥129,795 → 38,938.50 → 38,939) was outdated from that
		// day and claims above it were reviewed; now it applies only until the
		// day before.
		named(under(art162of2017, 30, "2019-07-01", 42081_00, 0),
			"上海 2019-07-01: ¥42,081 is at the 2018-wage figure", on("上海市", "2019-07-01", 42081_00)),
		named(over(art162of2017, 30, "2019-07-01", 42081_00, 0),
			"上海 2019-07-01: one fen over the 2018-wage figure", on("上海市", "2019-07-01", 42081_01)),
		named(over(art162of2017, 30, "2018-07-01", 38938_50, 0),
			"上海 2019-06-30: ¥42,081 is over the 2017-wage figure", on("上海市", "2019-06-30", 42081_00)),
		// 黑龙江 2018: ¥60,780 (中新经纬 2019-07-07, the lowest non-private wage of the
		// 27 provinces then published); 30% = 18,234 from 2019-07-01. The day
		// before, the 2017 figure (¥56,067 → 16,820.10 → 16,820) applies.
		named(under(art162of2017, 30, "2019-07-01", 18234_00, 0),
			"黑龙江 2019-07-01: ¥18,234 is at the 2018-wage figure", on("黑龙江省", "2019-07-01", 18234_00)),
		named(over(art162of2017, 30, "2019-07-01", 18234_00, 0),
			"黑龙江 2019-07-01: one fen over the 2018-wage figure", on("黑龙江省", "2019-07-01", 18234_01)),
		named(over(art162of2017, 30, "2018-07-01", 16820_10, 0),
			"黑龙江 2019-06-30: ¥18,234 is over the 2017-wage figure", on("黑龙江省", "2019-06-30", 18234_00)),
		// 天津 2013: ¥65,368, not the ¥67,773 entered from memory (天津市高级人民法院's
		// 损害赔偿数额参考标准, 津高法〔2014〕76号, "城镇从业人员平均工资65368元", the same
		// figure in the 交管局's 2014 standard); 30% = 19,610.40 → 19,610 from
		// 2014-07-01 (20,332 before the correction). The day before, the 2012 figure
		// (¥61,514, 津高法〔2013〕75号 → 18,454.20 → 18,454) applies.
		named(under(art162of2012, 30, "2014-07-01", 19610_40, 0),
			"天津 2014-07-01: ¥19,610.40 is at the corrected 2013-wage figure", on("天津市", "2014-07-01", 19610_40)),
		named(over(art162of2012, 30, "2014-07-01", 19610_40, 0),
			"天津 2014-07-01: one fen over the corrected 2013-wage figure", on("天津市", "2014-07-01", 19610_41)),
		named(over(art162of2012, 30, "2013-07-01", 18454_20, 0),
			"天津 2014-06-30: ¥19,610 is over the 2012-wage figure", on("天津市", "2014-06-30", 19610_00)),
		// 天津 2018 and 2020 wages (¥100,731 and ¥114,682, read in the high court's
		// notices 津高法〔2019〕190号 and 〔2021〕214号) no longer decide a 30%-era
		// filing: from 2018-06-18 the court's own figures (30% of the 职工 wage)
		// apply, and the derived 2018-07-01 … 2021-07-01 entries were removed.
		// ¥30,219 (once the derived figure from 2019-07-01) is over the court's
		// ¥21,135.60 then, and on 2021-12-31 the 2021 notice still applies.
		tcase{
			name: "天津 2019-07-01: ¥30,219 is over the court's 2019 notice, not a derived figure", filing: on("天津市", "2019-07-01", 30219_00),
			avail: av(pSC, avU), review: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: []string{rules.CodeLimitDerivedOutdated, rules.CodeCPL162Mandatory},
			extra:  limitShows(art162of2017, 30, false, "2019-06-28", 21135_60, 0),
		},
		tcase{
			name: "天津 2021-12-31: the 2021 notice's ¥24,397.20 still applies", filing: on("天津市", "2021-12-31", 24397_20),
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			fires: []string{at(locSC, rules.CodeCPL162Mandatory)},
			extra: limitShows(art162of2017, 30, false, "2021-08-31", 24397_20, 0),
		},
		// The 50% era starts anew: no 天津 notice of it was found, so the 2020
		// non-private wage gives 50% = 57,341 (2× 229,364) from 2022-01-01
		// (docs/small-claims-limits.md: probably above the court's figure).
		named(under(art165, 50, "2022-01-01", 57341_00, 229364_00),
			"天津 2022-01-01: ¥57,341 is at the 2020-wage figure", on("天津市", "2022-01-01", 57341_00)),
		named(over(art165, 50, "2022-01-01", 57341_00, 229364_00),
			"天津 2022-01-01: one fen over the 2020-wage figure", on("天津市", "2022-01-01", 57341_01)),
		// 2013-07-01: the derived 2012-wage figure (¥61,514 → 18,454) takes over
		// from 津高法〔2013〕75号 with the same figure, shown as derived; the
		// 2017-07-01 one (¥86,305 → 25,892) applies until 2018-06-17.
		named(under(art162of2012, 30, "2013-07-01", 18454_20, 0),
			"天津 2013-07-01: ¥18,454.20 is at the 2012-wage figure, derived", on("天津市", "2013-07-01", 18454_20)),
		named(under(art162of2017, 30, "2017-07-01", 25891_50, 0),
			"天津 2018-06-17: ¥25,891.50 is at the 2016-wage figure, derived", on("天津市", "2018-06-17", 25891_50)),
		// 重庆 2013: ¥50,006, not the ¥50,158 entered from memory (重庆市统计局
		// 2014-05-28, "2013年重庆市城镇非私营单位就业人员年平均工资50006元", quoted by the
		// 2014 traffic-accident standard; 2014's ¥55,588 is 11.2% above it); 30% =
		// 15,001.80 → 15,002 from 2014-07-01 (15,047 before the correction). The
		// day before, the 2012 figure (¥44,498 → 13,349.40 → 13,349) applies.
		named(under(art162of2012, 30, "2014-07-01", 15001_80, 0),
			"重庆 2014-07-01: ¥15,001.80 is at the corrected 2013-wage figure", on("重庆市", "2014-07-01", 15001_80)),
		named(over(art162of2012, 30, "2014-07-01", 15001_80, 0),
			"重庆 2014-07-01: one fen over the corrected 2013-wage figure", on("重庆市", "2014-07-01", 15001_81)),
		named(over(art162of2012, 30, "2013-07-01", 13349_40, 0),
			"重庆 2014-06-30: ¥15,002 is over the 2012-wage figure", on("重庆市", "2014-06-30", 15002_00)),
		// 广东 2015: ¥65,788 (广东省统计局's 2016 release, "广东发布" 2017-06-09: 2016's
		// ¥72,326 "比2015年多6538元", read in a reprint at inanshan.sznews.com); the
		// figure entered from memory agreed. 30% = 19,736.40 → 19,736 from
		// 2016-07-01; the day before, the 2014 figure (¥59,481 → 17,844) applies.
		named(under(art162of2012, 30, "2016-07-01", 19736_40, 0),
			"广东 2016-07-01: ¥19,736.40 is at the 2015-wage figure", on("广东省", "2016-07-01", 19736_40)),
		named(over(art162of2012, 30, "2016-07-01", 19736_40, 0),
			"广东 2016-07-01: one fen over the 2015-wage figure", on("广东省", "2016-07-01", 19736_41)),
		named(over(art162of2012, 30, "2015-07-01", 17844_30, 0),
			"广东 2016-06-30: ¥19,736 is over the 2014-wage figure", on("广东省", "2016-06-30", 19736_00)),
		// 福建 2016: ¥61,973 (福建省统计局, read only in a public repository's SQL seed
		// of 福建's 2005–2024 wages, whose row cites the bureau's 2016 release; single
		// source); the figure entered from memory agreed. 30% = 18,591.90 → 18,592
		// from 2017-07-01, the day the 2017 amendment took effect; the day before,
		// the 2015 figure (¥57,628, from memory → 17,288) applies under the 2012 text.
		named(under(art162of2017, 30, "2017-07-01", 18591_90, 0),
			"福建 2017-07-01: ¥18,591.90 is at the 2016-wage figure", on("福建省", "2017-07-01", 18591_90)),
		named(over(art162of2017, 30, "2017-07-01", 18591_90, 0),
			"福建 2017-07-01: one fen over the 2016-wage figure", on("福建省", "2017-07-01", 18591_91)),
		named(over(art162of2012, 30, "2016-07-01", 17288_40, 0),
			"福建 2017-06-30: ¥18,592 is over the 2015-wage figure", on("福建省", "2017-06-30", 18592_00)),
		// 吉林 2020: ¥77,995 = 2021's ¥83,028 less the ¥5,033 increase 吉林省统计局's
		// 2021 release states (read in a reprint at esly.wang; single source). It was
		// not entered before: from 2021-07-01 the 2019 figure (¥73,813 → 22,143.90)
		// was outdated and claims above it were reviewed, and from 2022-01-01 the 50%
		// figure rested on the 2019 wage (36,906.50, 2× 147,626). Now 30% = 23,398.50
		// from 2021-07-01 and 50% = 38,997.50 (2× 155,990) from 2022-01-01, decided by
		// the exact share (statute round 24); the day before 2021-07-01 the 2019
		// figure still applies.
		named(under(art162of2017, 30, "2021-07-01", 23398_50, 0),
			"吉林 2021-07-01: ¥23,398.50 is at the 2020-wage figure", on("吉林省", "2021-07-01", 23398_50)),
		named(over(art162of2017, 30, "2021-07-01", 23398_50, 0),
			"吉林 2021-12-31: one fen over the 2020-wage figure, not reviewed", on("吉林省", "2021-12-31", 23398_51)),
		named(over(art162of2017, 30, "2020-07-01", 22143_90, 0),
			"吉林 2021-06-30: ¥23,398.50 is over the 2019-wage figure", on("吉林省", "2021-06-30", 23398_50)),
		named(under(art165, 50, "2022-01-01", 38997_50, 155990_00),
			"吉林 2022-01-01: ¥38,997.50 is at the 2020-wage figure", on("吉林省", "2022-01-01", 38997_50)),
		named(over(art165, 50, "2022-01-01", 38997_50, 155990_00),
			"吉林 2022-06-30: one fen over the 2020-wage figure, not reviewed", on("吉林省", "2022-06-30", 38997_51)),
		// 江西 2020: ¥78,182 (江西省统计局's 2020 analysis, "比上年增长6.0%" over 2019's
		// ¥73,725, read in a reprint at gxscse.com whose private-unit ¥48,864 is the
		// bureau's figure in another reprint; single source). Same gap as 吉林's before:
		// 30% = 23,454.60 from 2021-07-01, 50% = 39,091 (2× 156,364) from 2022-01-01,
		// replacing the outdated 2019 figure (22,117.50; 36,862.50 and 147,450).
		named(under(art162of2017, 30, "2021-07-01", 23454_60, 0),
			"江西 2021-07-01: ¥23,454.60 is at the 2020-wage figure", on("江西省", "2021-07-01", 23454_60)),
		named(over(art162of2017, 30, "2021-07-01", 23454_60, 0),
			"江西 2021-12-31: one fen over the 2020-wage figure, not reviewed", on("江西省", "2021-12-31", 23454_61)),
		named(over(art162of2017, 30, "2020-07-01", 22117_50, 0),
			"江西 2021-06-30: ¥23,454.60 is over the 2019-wage figure", on("江西省", "2021-06-30", 23454_60)),
		named(under(art165, 50, "2022-01-01", 39091_00, 156364_00),
			"江西 2022-01-01: ¥39,091 is at the 2020-wage figure", on("江西省", "2022-01-01", 39091_00)),
		named(over(art165, 50, "2022-01-01", 39091_00, 156364_00),
			"江西 2022-06-30: one fen over the 2020-wage figure, not reviewed", on("江西省", "2022-06-30", 39091_01)),
	)
}
