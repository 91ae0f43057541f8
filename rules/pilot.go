package rules

import (
	"slices"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// The fast-track pilot (速裁程序试点) before the 2018 amendment. The law as it
// was, with the sources (docs/statutes.md, "Criminal: the fast-track pilot"):
//
//   - 全国人民代表大会常务委员会关于授权最高人民法院、最高人民检察院在部分地区开展
//     刑事案件速裁程序试点工作的决定 (adopted 2014-06-27 by the 9th session of the
//     12th NPCSC, in force on publication): 18 cities; cases where the facts are
//     clear, the evidence sufficient, the defendant admits the crime and the
//     parties do not dispute the law, of 危险驾驶、交通肇事、盗窃、诈骗、抢夺、
//     伤害、寻衅滋事 "等" of a minor nature, likely sentence 一年以下有期徒刑、
//     拘役、管制 or a fine alone; two years from the issue of the 试点办法.
//   - 关于在部分地区开展刑事案件速裁程序试点工作的办法 (SPC, SPP, MPS, MOJ, issued
//     2014-08-26 by the account in 人民司法·应用; "2014年8月" elsewhere).
//   - 全国人民代表大会常务委员会关于授权…开展刑事案件认罪认罚从宽制度试点工作的决定
//     (adopted 2016-09-03 by the 22nd session of the 12th NPCSC): the same 18
//     cities; the fast-track pilot continued under the new 试点办法.
//   - 关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法 (SPC, SPP, MPS, MSS,
//     MOJ, 法〔2016〕386号 by two secondary accounts, "2016年11月"; public
//     accounts date its issue 2016-11-16, no primary text with the day was
//     found — statute round 38; its article 16 opens fast-track for a likely sentence
//     of 三年有期徒刑以下 with 认罪认罚 and consent), until the 2018 amendment
//     took effect on 2018-10-26.
//
// Where a detail could not be confirmed from a primary text, the reading
// that opens fast-track on fewer days and for fewer cases is taken, and said:
// the first phase runs from the issue date found (2014-08-26) to 2016-08-22
// (two years from 2014-08-22, the earlier issue date also reported), the
// second from 2016-11-30 (the last day of the month the second 试点办法 is
// known to have been issued in; 2016-11-16, the day public accounts give,
// would open fast-track on fourteen more days, which a reading not confirmed
// by a text may not do) to the amendment; between the phases the
// pilot had no 试点办法 in force and fast-track stays closed. In the first
// phase the offences are the 试点办法's eleven (its article 1 filled the
// decision's "等"): 危险驾驶、交通肇事、盗窃、抢夺、寻衅滋事、非法拘禁 and the
// classes 诈骗、伤害、毒品犯罪、行贿犯罪、在公共场所实施的扰乱公共秩序犯罪 — as
// 山东省高级人民法院 stated them at its press conference of 2015-08-28
// (新华网山东频道) and as commentary on the two texts compares them (the
// 试点办法 "增加了非法拘禁、毒品犯罪、行贿犯罪、扰乱公共秩序4种"). Read: "伤害"
// as 故意伤害罪; 诈骗 as a charge named …诈骗罪; 毒品犯罪 as the charges of
// 刑法 chapter 6 section 7 (the catalogue's 走私、贩卖、运输、制造毒品罪 node);
// 行贿犯罪 as a charge named …行贿罪. A public-order crime counts only "在公共
// 场所实施", which a filing does not state, so it is not established.
var (
	pilot2014From = time.Date(2014, 8, 26, 0, 0, 0, 0, time.UTC)
	pilot2014To   = time.Date(2016, 8, 22, 0, 0, 0, 0, time.UTC) // exclusive
	pilot2016From = time.Date(2016, 11, 30, 0, 0, 0, 0, time.UTC)
)

// pilotPhase is the pilot in force at a court on a date.
type pilotPhase int

const (
	pilotNone pilotPhase = iota
	pilot2014            // 速裁程序试点: one year, listed offences
	pilotGap             // between the two 试点办法: nothing in force
	pilot2016            // 认罪认罚从宽试点: three years
)

// pilotCity is a city of a pilot that NPCSC decisions delegated to the
// courts of named cities: the 18 cities of both criminal fast-track
// decisions (crim) and the 20 of the civil 繁简分流 decision (civil,
// civilpilot.go), with the county-level divisions (县、县级市, and those that
// became districts during 2014–2021, under both names) whose basic courts
// may be named without the city: "福建省长乐市人民法院" is under 福州.
// Districts (区) are only recognised with the city's name ("青岛市黄岛区"):
// district names repeat across China (鼓楼区 is in 福州, 南京, 徐州 and
// 开封). A municipality is a pilot city whole: a filing whose province is
// one of them is in it, whatever its court's name says or leaves out
// ("松江区人民法院" with province 上海市; a basic court of a municipality is
// its district's or county's, and all of them were in both pilots).
//
// Source: the administrative divisions of 2014–2021 as the Ministry of Civil
// Affairs published them (行政区划, changes approved 2011–2021: 望城 2011,
// 胶南→黄岛 2012, 溧水/高淳 2013, 从化/增城/富阳/高陵 2014, 普兰店 2015,
// 章丘/户县→鄠邑/辽中/奉化/晋宁/郫县→郫都 2016, 长乐/即墨/临安/宁乡 2017,
// 济阳 2018, 新津 2020, 偃师/孟津 2021), compiled for fenjian on 2026-12-03
// (the criminal cities) and 2026-12-04 (the civil cities); checked against
// the court names of the real development filings, not against an official
// court list.
type pilotCity struct {
	city, province string
	counties       []string
	// crim, civil: the pilots the city was in.
	crim, civil bool
	// civilCourts are the civil pilot's special basic-level courts of the
	// city whose names carry the city without 市 (the internet courts).
	civilCourts []string
}

var pilotCities = [...]pilotCity{
	{city: "北京", province: "北京市", crim: true, civil: true, civilCourts: []string{"北京互联网法院"}},
	{city: "天津", province: "天津市", crim: true},
	{city: "上海", province: "上海市", crim: true, civil: true},
	{city: "重庆", province: "重庆市", crim: true},
	{city: "沈阳", province: "辽宁省", counties: []string{"新民市", "辽中县", "康平县", "法库县"}, crim: true},
	{city: "大连", province: "辽宁省", counties: []string{"瓦房店市", "普兰店市", "庄河市", "长海县"}, crim: true},
	{city: "南京", province: "江苏省", counties: []string{"溧水县", "高淳县"}, crim: true, civil: true},
	{city: "苏州", province: "江苏省", counties: []string{"常熟市", "张家港市", "昆山市", "太仓市"}, civil: true},
	{city: "杭州", province: "浙江省", counties: []string{"建德市", "桐庐县", "淳安县", "临安市", "富阳市"}, crim: true, civil: true, civilCourts: []string{"杭州互联网法院"}},
	{city: "宁波", province: "浙江省", counties: []string{"余姚市", "慈溪市", "宁海县", "象山县", "奉化市"}, civil: true},
	{city: "合肥", province: "安徽省", counties: []string{"巢湖市", "长丰县", "肥东县", "肥西县", "庐江县"}, civil: true},
	{city: "福州", province: "福建省", counties: []string{"长乐市", "福清市", "闽侯县", "连江县", "罗源县", "闽清县", "永泰县", "平潭县", "平潭综合实验区"}, crim: true, civil: true},
	{city: "厦门", province: "福建省", crim: true, civil: true},
	{city: "济南", province: "山东省", counties: []string{"章丘市", "平阴县", "济阳县", "商河县"}, crim: true, civil: true},
	{city: "青岛", province: "山东省", counties: []string{"胶州市", "即墨市", "平度市", "莱西市", "胶南市"}, crim: true},
	{city: "郑州", province: "河南省", counties: []string{"巩义市", "荥阳市", "新密市", "新郑市", "登封市", "中牟县"}, crim: true, civil: true},
	{city: "洛阳", province: "河南省", counties: []string{"偃师市", "孟津县", "新安县", "栾川县", "嵩县", "汝阳县", "宜阳县", "洛宁县", "伊川县"}, civil: true},
	{city: "武汉", province: "湖北省", crim: true, civil: true},
	{city: "长沙", province: "湖南省", counties: []string{"长沙县", "望城县", "宁乡县", "宁乡市", "浏阳市"}, crim: true},
	{city: "广州", province: "广东省", counties: []string{"从化市", "增城市"}, crim: true, civil: true, civilCourts: []string{"广州互联网法院"}},
	{city: "深圳", province: "广东省", crim: true, civil: true},
	{city: "成都", province: "四川省", counties: []string{"都江堰市", "彭州市", "邛崃市", "崇州市", "简阳市", "金堂县", "大邑县", "蒲江县", "新津县"}, civil: true},
	{city: "贵阳", province: "贵州省", counties: []string{"清镇市", "开阳县", "息烽县", "修文县"}, civil: true},
	{city: "昆明", province: "云南省", counties: []string{"安宁市", "富民县", "宜良县", "石林彝族自治县", "嵩明县", "禄劝彝族苗族自治县", "寻甸回族彝族自治县"}, civil: true},
	{city: "西安", province: "陕西省", counties: []string{"蓝田县", "周至县", "户县", "高陵县"}, crim: true, civil: true},
	{city: "银川", province: "宁夏回族自治区", counties: []string{"灵武市", "永宁县", "贺兰县"}, civil: true},
}

// PilotCityOf returns the criminal fast-track pilot's city whose basic
// courts the court's name places it in ("" when none): the city's name
// followed by 市 anywhere in the court's name, or one of its counties; or
// the municipality the province names. A province that names another
// province than the city's rules the match out.
func PilotCityOf(court, province string) string {
	return pilotCityOf(court, province, false)
}

// pilotCityOf is PilotCityOf over the cities of the criminal pilot, or of
// the civil one (civil), whose special courts it then also knows by name.
func pilotCityOf(court, province string, civil bool) string {
	prov, provKnown := LookupProvince(province)
	for i := range pilotCities {
		c := &pilotCities[i]
		if !civil && !c.crim || civil && !c.civil || provKnown && prov.Name != c.province {
			continue
		}
		if provKnown && isCityShi(prov.Name, c.city) && !namesAnotherProvince(court, prov) {
			// A municipality: the province is the city, unless the
			// court's name says it is elsewhere (contradictory input
			// establishes nothing).
			return c.city
		}
		if containsCityShi(court, c.city) {
			return c.city
		}
		if containsAny(court, c.counties) || civil && containsAny(court, c.civilCourts) {
			return c.city
		}
	}
	return ""
}

// The helpers below say what concatenating a city's name with 市 and
// comparing would, without the concatenation: a court's province is looked
// for on every Decide, and the concatenations were three allocations and
// ~15,000 instructions of one (issue 13, callgrind 2026-12-05).

// isCityShi reports whether name is city followed by 市 (name == city+"市").
func isCityShi(name, city string) bool {
	return len(name) == len(city)+len("市") && strings.HasPrefix(name, city) && strings.HasSuffix(name, "市")
}

// containsCityShi reports whether s holds city followed by 市
// (strings.Contains(s, city+"市")).
func containsCityShi(s, city string) bool {
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], city)
		if i < 0 {
			return false
		}
		if strings.HasPrefix(s[from+i+len(city):], "市") {
			return true
		}
		from += i + 1
	}
	return false
}

// namesAnotherProvince reports whether the court's name names a province
// other than p by its full name ("江苏省昆山市人民法院" with p 上海市).
func namesAnotherProvince(court string, p Province) bool {
	for _, q := range &provinces {
		if q.Name != p.Name && strings.Contains(court, q.Name) {
			return true
		}
	}
	return false
}

// criminalPilotPhase is the pilot phase of a criminal filing: a basic
// court's (by level and name, not a maritime court: basicCourtOf,
// maritimeCourt) in a pilot city on the filing date. criminal() and the
// fast-track time limit (pilotFastTrackPeriod) read the same.
func criminalPilotPhase(f *triagev1.Filing, on time.Time) pilotPhase {
	if basic, _ := basicCourtOf(f); !basic || maritimeCourt(f) {
		return pilotNone
	}
	return pilotOn(PilotCityOf(f.GetCourt(), f.GetProvince()), on)
}

// pilotOn is the pilot phase for a basic court in city on a filing date.
func pilotOn(city string, on time.Time) pilotPhase {
	switch {
	case city == "" || on.Before(pilot2014From) || !on.Before(crpl2018InForce):
		return pilotNone
	case on.Before(pilot2014To):
		return pilot2014
	case on.Before(pilot2016From):
		return pilotGap
	default:
		return pilot2016
	}
}

// pilot2014Offences are the charges of the 2014 试点办法's list that a
// charge's name shows (see above): the six named charges, and the classes
// 诈骗 (…诈骗罪), 伤害 (故意伤害罪) and 行贿犯罪 (…行贿罪).
var pilot2014Offences = [...]string{"危险驾驶罪", "交通肇事罪", "盗窃罪", "抢夺罪", "寻衅滋事罪", "非法拘禁罪", "诈骗罪", "故意伤害罪", "行贿罪"}

// pilot2014DrugSection is the catalogue node of 刑法 chapter 6 section 7,
// the 试点办法's 毒品犯罪.
const pilot2014DrugSection = "走私、贩卖、运输、制造毒品罪"

// pilot2014Offence reports whether a charge, as written and as the catalogue
// placed it, is of the first phase's list.
func pilot2014Offence(written string, c Cause) bool {
	for _, o := range pilot2014Offences {
		if strings.Contains(written, o) || strings.Contains(c.Name, o) {
			return true
		}
	}
	// The section's node, not its first child of the same name: the
	// section holds every drug charge (非法持有毒品罪, 容留他人吸毒罪, …).
	return len(c.Path) > 1 && slices.Contains(c.Path[:len(c.Path)-1], pilot2014DrugSection)
}

// pilot2014AllListed reports whether every charge a cause names is of the
// first phase's list: the decision admits 危险驾驶、交通肇事、盗窃…等情节较轻
// 的案件, and a case that also charges an offence off the list is not one
// of them. A part that names no charge, or 等, is not established to be on
// the list.
func pilot2014AllListed(written string, ch Charges) bool {
	if len(ch.Named) == 0 || len(ch.Unresolved) > 0 {
		return false
	}
	if len(ch.Named) == 1 {
		return pilot2014Offence(written, ch.Named[0])
	}
	for _, c := range ch.Named {
		if !pilot2014Offence(c.Name, c) {
			return false
		}
	}
	return true
}

// pilotWithinOneYear reads the 2014 decision's cap: 一年以下有期徒刑、拘役、管制
// or a fine alone. A suspended term counts by its term (unknown: not
// established); an exemption from punishment is not on the decision's list
// and is read as outside it (conservative). A recommendation the text states
// over one year (Sentence.withText: a range's upper end, 数罪并罚's sum, a
// term beside a field of 拘役 or of fewer months, or beside a charge's
// ceiling) passes the cap whatever the field or the charge says: until
// rules 2026-12-04.32 only the field was read here, and such a case was
// offered the pilot's fast-track (statute round 24).
func pilotWithinOneYear(s Sentence) bool {
	if s.OverOneYear {
		return false
	}
	if s.FromCharge {
		return s.WithinOneYear
	}
	switch s.Kind {
	case triagev1.SentenceKind_SENTENCE_KIND_FIXED_TERM, triagev1.SentenceKind_SENTENCE_KIND_SUSPENDED:
		return s.Months > 0 && s.Months <= fastTrackLongSentence
	case triagev1.SentenceKind_SENTENCE_KIND_CRIMINAL_DETENTION, triagev1.SentenceKind_SENTENCE_KIND_PUBLIC_SURVEILLANCE,
		triagev1.SentenceKind_SENTENCE_KIND_FINE_ONLY:
		return true
	}
	return false
}

// pilotFastTrack decides fast-track at a pilot court during a phase of the
// pilot. The 试点办法's conditions are bars of their own; the exclusions of
// both 试点办法 (a minor or impaired defendant, major social impact, a
// co-defendant who disputes, no settlement with the victim, a defence of not
// guilty — the parties must not dispute the law) are one code, read as
// widely as CrPL 223 reads them today. As everywhere: a condition the filing
// does not establish is not met.
func pilotFastTrack(f *triagev1.Filing, phase pilotPhase, charges Charges, plea Plea, co CoDefendants, s Sentence, impaired, minor bool) (bars, conds []*triagev1.Reason) {
	c := f.GetCircumstances()
	// Each phase's bars cite that phase's decision and 办法 (statute rounds
	// 37 and 38): the 2014 pilot had ended when the 2016 one began.
	first := phase == pilot2014
	if !plea.Admits || !plea.Accepts {
		bars = append(bars, reason(pilotCode(first, CodePilot2014NoGuiltyPlea, CodePilotNoGuiltyPlea)))
	}
	if !c.GetConsentsFastTrack() {
		bars = append(bars, reason(pilotCode(first, CodePilot2014NoConsent, CodePilotNoConsent)))
	}
	switch phase {
	case pilot2014:
		if !pilot2014AllListed(f.GetCause(), charges) {
			bars = append(bars, reason(CodePilot2014Offence))
		}
		switch {
		case !s.Known, s.FromCharge && !s.WithinOneYear:
			// A charge whose maximum is over a year, with no
			// recommendation, does not tell whether the case is 一年以下.
			bars = append(bars, reason(CodePilot2014SentenceUnknown))
		case !pilotWithinOneYear(s):
			bars = append(bars, reason(CodePilot2014Over1Y))
		}
		conds = append(conds, reason(CodePilot2014Eligible))
	case pilot2016:
		switch {
		case !s.Known:
			bars = append(bars, reason(CodePilotSentenceUnknown))
		case !s.WithinThreeYears:
			bars = append(bars, reason(CodePilot2016Over3Y))
		}
		conds = append(conds, reason(CodePilot2016Eligible))
	}
	// The pilots' fast-track simplified CrPL 2012's procedure further for
	// cases that qualified for the simpler trial (the 2014 decision: "进一步
	// 简化刑事诉讼法规定的相关诉讼程序"); it was no procedure of the law beside
	// 简易程序, as CrPL 2018's 第三节 is. A defendant's objection to
	// simplified procedure (CrPL 2012 art. 208 ¶1(3)) or a co-defendant's
	// (art. 209(3)) therefore closes it too (statute round 29: it was left
	// open, where CrPL 2018 keeps fast-track open and reviews the conflict).
	if c.GetObjectsSimplified() || co.ObjectsSimplified {
		bars = append(bars, reason(pilotCode(first, CodePilot2014ObjectsSimplified, CodePilotObjectsSimplified)))
	}
	if impaired || minor || c.GetMajorSocialImpact() || co.BarsFastTrack() ||
		c.GetVictimSettlementMissing() || c.GetDefencePleadsNotGuilty() {
		bars = append(bars, reason(pilotCode(first, CodePilot2014Excluded, CodePilotExcluded)))
	}
	return bars, conds
}

// pilotCode is the code of a bar both phases share, as the phase's texts
// give it: the first phase's (the 2014 decision and 办法) when first, else
// the second's (the 2016 decision and 办法).
func pilotCode(first bool, code2014, code2016 string) string {
	if first {
		return code2014
	}
	return code2016
}

// pilot2016Decision is the day the NPCSC adopted the 2016 decision, which
// continued the fast-track pilot under a 办法 not issued until 2016-11.
var pilot2016Decision = time.Date(2016, 9, 3, 0, 0, 0, 0, time.UTC)

// pilotLapsedCode is the lapse between the phases as the texts of the filing
// date give it: before the 2016 decision only the 2014 decision's two years
// had run (statute round 39).
func pilotLapsedCode(on time.Time) string {
	return pilotCode(on.Before(pilot2016Decision), CodePilot2014Lapsed, CodePilotLapsed)
}

// pilot2014ExclusionWords are the first 试点办法's exclusions a filing's
// fields do not carry (PILOT_EXCLUDED reads those), as public accounts of
// its text give them (the text itself is not in /work/shared/law and was
// not found): a defendant "具有累犯、教唆未成年人犯罪等法定从重情节" (刑法第
// 六十五条, 第二十九条第一款), or one who "违反取保候审、监视居住规定，严重影响
// 刑事诉讼活动正常进行". The 2016 试点办法, as the same accounts give it, and
// CrPL 223 name neither, so only the first phase reads them (statute round
// 32).
var pilot2014ExclusionWords = [...]string{"累犯", "教唆未成年人", "违反取保候审", "违反监视居住"}

// pilot2014ExclusionIn returns the first exclusion word text states not
// negated in its clause (不构成累犯, 不属于累犯, 非累犯 are none), "" when
// none.
func pilot2014ExclusionIn(text string) string {
	for _, w := range pilot2014ExclusionWords {
		if statedInClause(text, w, 4) {
			return w
		}
	}
	return ""
}
