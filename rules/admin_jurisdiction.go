package rules

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// 行政诉讼法第十五条 (2014 amendment, in force 2015-05-01): the intermediate
// court tries at first instance "（一）对国务院部门或者县级以上地方人民政府所作的
// 行政行为提起诉讼的案件；（二）海关处理的案件". Before it the 1989 text's art. 14
// gave it "（一）确认发明专利权的案件、海关处理的案件；（二）对国务院各部门或者省、
// 自治区、直辖市人民政府所作的具体行政行为提起诉讼的案件", and 最高人民法院关于行政
// 案件管辖若干问题的规定 (法释〔2008〕1号, in force 2008-02-01) art. 1(1) read its
// item 3 as "被告为县级以上人民政府的案件" (with a 不动产物权登记 by a county
// government that "可以除外"). A basic court holding such a case holds one
// that is not its own; art. 82 names no court level, so no procedure is
// closed, but a person must see it before the case is routed (statute rounds
// 24 and 25). 行诉法解释第一百三十四条第三款 takes the level of a case with the
// 复议机关 as co-defendant from the original agency, so in a complaint about a
// 复议 only the organ the text states made the act is read (originalOrgansIn,
// statute round 28); the parties, which do not tell the two apart, are not
// (before 2015 the 复议机关 was the defendant only when it changed the act;
// not told apart either: a miss only leaves a review out).

// governmentSuffix ends the name of a 地方人民政府.
const governmentSuffix = "人民政府"

// governmentShortSuffix ends a government's name written short (杭州市政府,
// 西湖区政府, 县政府), as complaints often write it (statute round 26).
const governmentShortSuffix = "政府"

// countyLevels are the runes a 县级以上 administrative area's name ends in
// (省, 自治区 and 区, 市, 自治州 and 州, 县, 旗, 盟): before 政府 they make
// the short name a 县级以上地方人民政府's; 乡 and 镇 are below the county.
const countyLevels = "省市区县州旗盟"

// countyOrAbove reports whether name is a 县级以上地方人民政府 by its name:
// it ends in 人民政府, and the level before it is not a 乡 or 镇 (乡、民族乡、镇
// 人民政府 are below the county, 地方各级人民代表大会和地方各级人民政府组织法);
// or 苏木 (sumuWord); or, written short, it ends in 政府 right after a
// county-or-above level
// (countyLevels: 杭州市政府, 西湖区政府, 县政府; not 三墩镇政府).
func countyOrAbove(name string) bool {
	name = strings.TrimSpace(name)
	if !strings.HasSuffix(name, governmentSuffix) {
		r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(name, governmentShortSuffix))
		return strings.HasSuffix(name, governmentShortSuffix) && strings.ContainsRune(countyLevels, r)
	}
	before := strings.TrimSuffix(name, governmentSuffix)
	r, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && r != '乡' && r != '镇' && !strings.HasSuffix(before, sumuWord)
}

// sumuWord ends the name of a 苏木 (and 民族苏木), Inner Mongolia's 乡-level
// area: a 苏木人民政府 is below the county like a 乡人民政府, and its case is
// the basic court's (statute round 33: until then the 木 before 人民政府 read
// it as a county-or-above government, which closed simplified procedure).
const sumuWord = "苏木"

// defendantMark opens the defendant's name in a complaint (被告：…, 被告…).
const defendantMark = "被告"

// governmentDefendantIn returns the first 县级以上地方人民政府 the text names
// as the defendant right after 被告 (被告杭州市西湖区人民政府, 被告：…), ""
// when none; 被告人 (a criminal defendant) is not the mark.
func governmentDefendantIn(text string) string {
	for _, name := range intermediateDefendantsIn(text) {
		if strings.HasSuffix(name, governmentSuffix) {
			return name
		}
	}
	return ""
}

// intermediateDefendantsIn returns, in the order written, every defendant
// the text names right after 被告 (not 被告人) whose case the intermediate
// court may try at first instance (defendantKindOf): a 县级以上地方人民政府, a
// 国务院部门 or a 海关. It reads text from outside and must not panic on any
// string (FuzzIntermediateDefendantsIn).
func intermediateDefendantsIn(text string) []string {
	var out []string
	for rest := text; ; {
		i := strings.Index(rest, defendantMark)
		if i < 0 {
			return out
		}
		after := strings.TrimLeft(rest[i+len(defendantMark):], "：: ")
		rest = rest[i+len(defendantMark):]
		if strings.HasPrefix(after, "人") {
			// 被告人 opens a criminal defendant, unless a ministry whose
			// name begins with 人 follows 被告 (被告人社部, 被告人力资源和社会
			// 保障部; statute round 26).
			if name := departmentAt(after); name != "" {
				out = append(out, name)
			}
			continue
		}
		// The kind is checked again: defendantKindOf trims the name, so
		// a name of spaces before 海关 is no customs office.
		if name := defendantAt(after); name != "" && defendantKindOf(name) != kindNone {
			out = append(out, name)
		}
		out = append(out, listedDefendantsAt(after)...)
		out = append(out, joinedDefendantsAt(after)...)
	}
}

// departmentBefore returns the 国务院部门 named whole at the start of rest
// whatever follows (the caller checks what does: 和商务部共同作出), "" when
// none.
func departmentBefore(rest string) string {
	name := strings.TrimPrefix(rest, stateTitle)
	for _, d := range stateCouncilNames {
		if strings.HasPrefix(name, d) {
			return rest[:len(rest)-len(name)+len(d)]
		}
	}
	return ""
}

// defendantConjunctions join two defendants in a complaint (被告A和B共同作出…).
var defendantConjunctions = [...]string{"以及", "和", "及", "与"}

// jointActStarts may follow the second of two joined defendants when both
// are sued (和杭州市人民政府共同作出, 及…于2023年…作出, 与…联合作出, or the
// clause's end); any other word (与杭州市人民政府签订的协议, …的文件) makes
// the second a counterparty or an author, not a defendant.
var jointActStarts = [...]string{"共同", "联合", "作出", "于", "，", ",", "。", "；", ";", "（", "(", "、"}

// authorityWords before a conjunction make the words a document's source
// (被告依据杭州市人民政府和浙江省人民政府的文件), not a defendant's name.
var authorityWords = [...]string{"依据", "根据", "按照", "依照", "参照"}

// joinedDefendantsAt returns the co-defendants of an intermediate kind a
// complaint joins to the first with 和, 及, 与 or 以及 (被告杭州市西湖区市场监督
// 管理局和杭州市人民政府共同作出…), in one clause. Statute round 35: only
// a list's 、 was read (round 34), so a 县级以上地方人民政府 or a 国务院部门
// sued beside a bureau with 和 kept simplified procedure open at a basic
// court (行政诉讼法第十五条第一项). The words before the conjunction must be
// an organ's name (organEnds, at most listedDefendantsMax runes, no clause
// break, title or authorityWords), and a jointActStarts word must follow the
// second name; a conjunction inside a name (住房和城乡建设局) is passed over.
func joinedDefendantsAt(after string) []string {
	clause := after
	if j := strings.IndexAny(clause, clauseBreaks); j >= 0 {
		clause = clause[:j+utf8.RuneLen([]rune(clause[j:])[0])]
	}
	var out []string
	for _, conj := range defendantConjunctions {
		for off := 0; ; {
			j := strings.Index(clause[off:], conj)
			if j < 0 {
				break
			}
			at := off + j
			off = at + len(conj)
			prev := clause[:at]
			if utf8.RuneCountInString(prev) > listedDefendantsMax || strings.ContainsAny(prev, "《》“”\"") ||
				containsAny(prev, authorityWords[:]) ||
				!slices.ContainsFunc(organEnds[:], func(e string) bool { return strings.HasSuffix(prev, e) }) {
				continue
			}
			rest := after[off:]
			name := defendantAt(rest)
			if name == "" {
				name = departmentBefore(rest)
			}
			if name == "" || defendantKindOf(name) == kindNone || slices.Contains(out, name) {
				continue
			}
			if tail := rest[len(name):]; tail == "" || slices.ContainsFunc(jointActStarts[:], func(w string) bool { return strings.HasPrefix(tail, w) }) {
				out = append(out, name)
			}
		}
	}
	return out
}

// organEnds end the name of an administrative organ (杭州市西湖区市场监督管理
// 局, 城市管理委员会, 人民政府办公室): a defendant named before 、 must end in
// one for the names after it to be read as co-defendants.
var organEnds = [...]string{"局", "政府", "委员会", "委", "办公室", "办公厅", "海关", "部", "厅", "署", "处", "所", "队", "中心", "站", "办事处"}

// listedDefendantsMax bounds, in runes, a defendant's name before 、.
const listedDefendantsMax = 24

// listedDefendantsAt returns the co-defendants of an intermediate kind a
// complaint lists after the first with 、 (被告杭州市西湖区市场监督管理局、杭州
// 市人民政府共同作出…), in one clause, "" when none. Statute round 34: only
// the name right after 被告 was read, so a 县级以上地方人民政府 or a 国务院
// 部门 sued second kept simplified procedure open at a basic court (行政诉讼法
// 第十五条第一项: the case is the intermediate court's whoever else is
// sued). Each name before a 、 must be an organ's (organEnds, at most
// listedDefendantsMax runes, no clause break), so 被告依据《通知》、杭州市
// 人民政府的批复 names no second defendant.
func listedDefendantsAt(after string) []string {
	var out []string
	for rest := after; ; {
		j := strings.Index(rest, "、")
		if j < 0 {
			return out
		}
		prev := rest[:j]
		if utf8.RuneCountInString(prev) > listedDefendantsMax || strings.ContainsAny(prev, clauseBreaks+"《》“”\"") ||
			!slices.ContainsFunc(organEnds[:], func(e string) bool { return strings.HasSuffix(prev, e) }) {
			return out
		}
		rest = rest[j+len("、"):]
		if name := defendantAt(rest); name != "" && defendantKindOf(name) != kindNone {
			out = append(out, name)
		}
	}
}

// defendantAt returns the name at the start of after (the text right after
// 被告) when it is one defendantKindOf reads, "" otherwise.
func defendantAt(after string) string {
	if name := governmentAt(after); name != "" {
		return name
	}
	if name := departmentAt(after); name != "" {
		return name
	}
	if j := strings.Index(after, customsSuffix); j > 0 && utf8.RuneCountInString(after[:j]) <= 16 &&
		!strings.ContainsAny(after[:j], clauseBreaks+"作对的") && nameEndsAt(after[j+len(customsSuffix):]) {
		return after[:j+len(customsSuffix)]
	}
	return ""
}

// notPlaceName are runes of a verb or preposition that a place name before
// a short 政府 does not hold (被告未执行区政府批复, 被告拒不履行市政府的决定):
// with one the words before 政府 are no name. A place name holding one is
// missed, which only leaves a review out.
const notPlaceName = "未不拒没向按依据要请申将给被经在是"

// governmentAt returns the government's name at the start of after, in
// full (杭州市西湖区人民政府) or short (西湖区政府), "" when none: within 16
// runes, in one clause, not continued into a department (人民政府办公厅).
func governmentAt(after string) string {
	j := strings.Index(after, governmentShortSuffix)
	// A title's marks or a list's 、 before 政府 make the words no one
	// name (被告依据《通知》、杭州市人民政府的批复; statute round 34): a
	// government listed after another defendant is listedDefendantsAt's.
	if j < 0 || utf8.RuneCountInString(after[:j]) > 16 || strings.ContainsAny(after[:j], clauseBreaks+"作对的《》、“”") {
		return ""
	}
	name := after[:j+len(governmentShortSuffix)]
	if !strings.HasSuffix(name, governmentSuffix) && strings.ContainsAny(name, notPlaceName) {
		return ""
	}
	if !countyOrAbove(name) || departmentAfter(after[len(name):]) {
		return ""
	}
	return name
}

// departmentAt returns the 国务院部门 named at the start of after, whole
// (stateCouncilNames), with 中华人民共和国 or not, "" when none.
func departmentAt(after string) string {
	name := strings.TrimPrefix(after, stateTitle)
	for _, d := range stateCouncilNames {
		if strings.HasPrefix(name, d) && nameEndsAt(name[len(d):]) {
			return after[:len(after)-len(name)+len(d)]
		}
	}
	return ""
}

// nameEnds are the runes that may follow a defendant's name in a complaint
// (被告商务部作出的, 被告杭州海关于…, 被告：交通运输部。): a verb or a
// preposition of what the defendant did, a conjunction, punctuation. Any
// other rune continues the name into another body (国家税务总局杭州市…税务局,
// 杭州海关缉私分局), which is not read.
const nameEnds = "作于对的在向所未不拒没及和与等、，,。；;：:（(）) \n\t　"

// nameEndsAt reports whether rest, the text right after a name, ends it.
func nameEndsAt(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || strings.ContainsRune(nameEnds, r)
}

// departmentRunes begin what continues a government's name into one of its
// departments (人民政府办公室, 办公厅, 信访局, 法制办, 征收办, 派出机构).
const departmentRunes = "办厅室局委所部处信法征派"

// departmentAfter reports whether rest, the text right after 人民政府,
// continues the name into a department.
func departmentAfter(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(departmentRunes, r)
}

// stateTitle may open a national body's name (中华人民共和国商务部,
// 中华人民共和国杭州海关).
const stateTitle = "中华人民共和国"

// customsSuffix ends the name of a 海关 (杭州海关, 钱塘海关).
const customsSuffix = "海关"

// stateCouncilDepartments are the 国务院部门 (1989 text: 国务院各部门) a
// complaint names as defendants, without 中华人民共和国: the 组成部门, the 直属
// 特设机构 and 直属机构, and the 国家局 under a ministry, as the State Council's
// organisation lists of 1998, 2003, 2008, 2013, 2018 and 2023 named them, so
// that a filing of any date is read by the names then in use. A name is read
// only whole (not 国家税务总局杭州市西湖区税务局, a local bureau).
var stateCouncilDepartments = [...]string{
	// 组成部门 (2023) and 审计署, 中国人民银行.
	"外交部", "国防部", "国家发展和改革委员会", "教育部", "科学技术部", "工业和信息化部", "国家民族事务委员会", "公安部", "国家安全部",
	"民政部", "司法部", "财政部", "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部",
	"农业农村部", "商务部", "文化和旅游部", "国家卫生健康委员会", "退役军人事务部", "应急管理部", "中国人民银行", "审计署",
	// 直属特设机构, 直属机构 (2023).
	"国务院国有资产监督管理委员会", "海关总署", "国家税务总局", "国家市场监督管理总局", "国家金融监督管理总局", "中国证券监督管理委员会",
	"国家广播电视总局", "国家体育总局", "国家信访局", "国家统计局", "国家知识产权局", "国家国际发展合作署", "国家医疗保障局",
	"国家机关事务管理局",
	// 国家局 (2023).
	"国家粮食和物资储备局", "国家能源局", "国家数据局", "国家国防科技工业局", "国家烟草专卖局", "国家移民管理局", "国家林业和草原局",
	"国家铁路局", "中国民用航空局", "国家邮政局", "国家文物局", "国家中医药管理局", "国家疾病预防控制局", "国家矿山安全监察局",
	"国家外汇管理局", "国家药品监督管理局", "国家消防救援局",
	// Names of 1998–2018 since merged or renamed.
	"国家发展计划委员会", "国家计划委员会", "国家经济贸易委员会", "国土资源部", "环境保护部", "国家环境保护总局", "建设部", "铁道部",
	"交通部", "农业部", "文化部", "国家旅游局", "卫生部", "国家卫生和计划生育委员会", "国家人口和计划生育委员会", "人事部",
	"劳动和社会保障部", "劳动部", "监察部", "信息产业部", "国家工商行政管理总局", "国家质量监督检验检疫总局",
	"国家食品药品监督管理总局", "国家食品药品监督管理局", "国家安全生产监督管理总局", "国家新闻出版广电总局", "国家新闻出版总署",
	"国家广播电影电视总局", "国家版权局", "中国银行业监督管理委员会", "中国保险监督管理委员会", "中国银行保险监督管理委员会",
	"国家海洋局", "国家测绘地理信息局", "国家测绘局", "国家林业局", "国家粮食局", "国家外国专家局", "国家宗教事务局",
	"国家电力监管委员会", "中国民用航空总局",
	// Statute round 34: the boards that decide in their own name on a
	// department's patent and trade-mark grants and invalidations (专利法第
	// 四十一条、第四十五条; 商标法第三十四条 ff.), named with their department
	// or alone. Their cases are the department's (法释〔2014〕12号第五条 calls
	// them 国务院部门作出的…授权确权裁定或者决定), never a basic court's; until
	// then 国家知识产权局专利复审委员会 read as a longer name of another body and
	// kept simplified procedure open.
	"专利复审委员会", "国家知识产权局专利复审委员会", "中华人民共和国国家知识产权局专利复审委员会",
	"商标评审委员会", "国家工商行政管理总局商标评审委员会", "国家知识产权局商标评审委员会",
	// Statute round 35: the patent board's name since the 2019 reform
	// (国家知识产权局专利局复审和无效审理部); its decisions issue in the
	// department's name, so a complaint naming it sues the department.
	"国家知识产权局专利局复审和无效审理部", "专利局复审和无效审理部", "复审和无效审理部",
}

// stateCouncilShortNames are the 国务院部门 as complaints write them short
// (statute round 26): the forms the State Council's and the departments'
// own notices use (国家发展改革委, 人力资源社会保障部, 市场监管总局), and the
// common ones (发改委 aside). A short name a local body bears as well (发改委,
// 国资委, 药监局, 医保局, 外汇局, 卫健委) is listed only with 国家 or 国务院
// before it: 杭州市发改委 is no 国务院部门.
var stateCouncilShortNames = [...]string{
	"国家发展改革委", "国家发改委", "工信部", "国家民委", "人力资源社会保障部", "人社部", "住房城乡建设部", "住建部", "文化和旅游部",
	"文旅部", "国家卫生健康委", "国家卫健委", "人民银行", "国务院国资委", "市场监管总局",
	"国家市场监管总局", "税务总局", "金融监管总局", "国家金融监管总局", "证监会", "中国证监会", "广电总局", "国家广电总局",
	"体育总局", "国家体育总局", "国家医保局", "国管局", "国家粮食和储备局", "国家国防科工局", "国家烟草局",
	"国家移民局", "国家林草局", "民航局", "中国民航局", "国家中医药局", "国家疾控局", "国家矿山安监局", "国家外汇局", "国家药监局",
	// Short names of 1998–2018.
	"国家计委", "国家经贸委", "国土部", "环保部", "国家环保总局", "国家卫生计生委", "国家卫计委", "国家计生委",
	"国家工商总局", "工商总局", "国家质检总局", "质检总局", "国家食药监总局", "食药监总局", "国家安监总局", "安监总局",
	"新闻出版广电总局", "国家新闻出版广电总局", "银监会", "中国银监会", "保监会", "中国保监会", "银保监会", "中国银保监会",
	"国家电监会", "国家测绘地信局",
}

// stateCouncilNames are the 国务院部门's names, full and short.
var stateCouncilNames = slices.Concat(stateCouncilDepartments[:], stateCouncilShortNames[:])

// defendantKind is what makes a defendant's case the intermediate court's
// at first instance, by the defendant's name.
type defendantKind int

const (
	kindNone                   defendantKind = iota
	kindLocalGovernment                      // 县级以上地方人民政府 below the province
	kindProvincialGovernment                 // 省、自治区、直辖市人民政府
	kindStateCouncilDepartment               // 国务院部门
	kindCustoms                              // 海关
)

// defendantKindOf reads a defendant's name (a party's, or one
// intermediateDefendantsIn read).
func defendantKindOf(name string) defendantKind {
	name = strings.TrimSpace(name)
	national := strings.TrimPrefix(name, stateTitle)
	switch {
	case countyOrAbove(name):
		for _, p := range &provinces {
			if name == p.Name+governmentSuffix || name == p.Name+governmentShortSuffix {
				return kindProvincialGovernment
			}
		}
		return kindLocalGovernment
	case slices.Contains(stateCouncilNames, national):
		return kindStateCouncilDepartment
	case strings.HasSuffix(national, customsSuffix) && national != customsSuffix:
		return kindCustoms
	}
	return kindNone
}

// adminJurisdiction2008InForce is when 法释〔2008〕1号 took effect: its art.
// 1(1) put a 县级以上人民政府 defendant in the 1989 text's art. 14(3).
var adminJurisdiction2008InForce = time.Date(2008, 2, 1, 0, 0, 0, 0, time.UTC)

// adminInterp2000InForce is when 最高人民法院关于执行《中华人民共和国行政诉讼
// 法》若干问题的解释 (法释〔2000〕8号) took effect: its art. 8(1) read the 1989
// text's art. 14(3) as "被告为县级以上人民政府，且基层人民法院不适宜审理的
// 案件" (statute round 33; until then a 县级以上人民政府 before 2008-02-01 was
// not reviewed).
var adminInterp2000InForce = time.Date(2000, 3, 10, 0, 0, 0, 0, time.UTC)

// Articles of REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT by the defendant's
// kind and the filing date (statute round 33: until then every such review
// cited 第十四条第一项、第二项 and 法释〔2008〕1号, whatever the kind or the
// date, though that provision reads 第十四条第三项 and was not in force before
// 2008-02-01).
const (
	all1989CustomsArticle    = "行政诉讼法（1989年）第十四条第一项"
	all1989NationalArticle   = "行政诉讼法（1989年）第十四条第二项"
	all1989Government2008    = "行政诉讼法（1989年）第十四条第三项；最高人民法院关于行政案件管辖若干问题的规定（法释〔2008〕1号）第一条第一项"
	all1989Government2000    = "行政诉讼法（1989年）第十四条第三项；最高人民法院关于执行《中华人民共和国行政诉讼法》若干问题的解释（法释〔2000〕8号）第八条第一项"
	all1989Government2000Msg = "立案日在2000年3月10日至2008年1月31日之间，被告是县级以上人民政府（省级人民政府除外）：法释〔2000〕8号第八条第一项规定，被告为县级以上人民政府，且基层人民法院不适宜审理的案件，属于行政诉讼法第十四条第三项规定的本辖区内重大、复杂的案件，由中级人民法院管辖；是否不适宜由基层人民法院审理，需人工核对管辖。"
)

// all1989Reason is REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT for a defendant
// of kind k filed on filed, with the article of its kind and date.
func all1989Reason(k defendantKind, filed time.Time, words string) *triagev1.Reason {
	r := reasonWithWords(CodeReviewAdmin1989Intermediate, words)
	switch {
	case k == kindCustoms:
		r.Article = all1989CustomsArticle
	case k != kindLocalGovernment:
		r.Article = all1989NationalArticle
	case !filed.Before(adminJurisdiction2008InForce):
		r.Article = all1989Government2008
	default:
		r.Article = all1989Government2000
		r.Message = all1989Government2000Msg + "所读文字：“" + words + "”。"
	}
	return r
}

// intermediateCode is the review a defendant of kind k gets at a basic
// court on the filing date, "" when the law then in force did not give the
// case to the intermediate court.
func intermediateCode(k defendantKind, filed time.Time) string {
	switch {
	case k == kindNone:
		return ""
	case !filed.Before(adminLaw2014InForce) && k == kindCustoms:
		return CodeReviewAdmin15Customs
	case !filed.Before(adminLaw2014InForce):
		return CodeReviewAdmin15GovernmentDefendant
	case k == kindLocalGovernment && filed.Before(adminInterp2000InForce):
		// The 1989 text named 省级 governments only; from 2000-03-10 法释
		// 〔2000〕8号 art. 8(1) read a 县级以上人民政府 the basic court is not
		// fit to try into art. 14(3), from 2008-02-01 法释〔2008〕1号 art.
		// 1(1) every one.
		return ""
	}
	return CodeReviewAdmin1989Intermediate
}

// adminIntermediateReview adds the review of the first defendant (named
// after 被告 in the text, then the defendant parties) whose case the law of
// the filing date gives to the intermediate court, to an administrative
// filing at a basic court: REVIEW_ALL15_GOVERNMENT_DEFENDANT (a 国务院部门
// or a 县级以上地方人民政府) or REVIEW_ALL15_CUSTOMS_DEFENDANT (a 海关) from
// 2015-05-01, REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT before. In a 复议
// case (reconsiderationDefendants) it may add REVIEW_ALL26_RECONSIDERATION_
// DEFENDANT instead. It returns the code added, "" when none.
func adminIntermediateReview(f *triagev1.Filing, a *Assessment) string {
	if f.GetCourtLevel() != triagev1.CourtLevel_COURT_LEVEL_BASIC {
		return ""
	}
	var parties []string
	for _, p := range f.GetParties() {
		if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
			parties = append(parties, strings.TrimSpace(p.GetName()))
		}
	}
	text := f.GetText()
	patent := ""
	if a.FiledOn.Before(adminLaw2014InForce) {
		patent = inventionPatentIn(text)
	}
	var names, unsure []string
	if strings.Contains(text, reconsiderationWord) {
		names, unsure = reconsiderationDefendants(text, parties)
	} else {
		names = append(intermediateDefendantsIn(text), parties...)
	}
	for _, name := range names {
		k := defendantKindOf(name)
		switch code := intermediateCode(k, a.FiledOn); code {
		case "":
		case CodeReviewAdmin1989Intermediate:
			r := all1989Reason(k, a.FiledOn, name)
			if patent != "" {
				r = inventionPatentReason(name + "；" + patent)
			}
			a.ReviewReasons = append(a.ReviewReasons, r)
			return code
		default:
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(code, name))
			return code
		}
	}
	for _, name := range unsure {
		if intermediateCode(defendantKindOf(name), a.FiledOn) != "" {
			r := reasonWithWords(CodeReviewAdminReconsiderationDefendant, name)
			r.Article = reconsiderationArticle(a.FiledOn)
			a.ReviewReasons = append(a.ReviewReasons, r)
			return CodeReviewAdminReconsiderationDefendant
		}
	}
	if patent != "" {
		a.ReviewReasons = append(a.ReviewReasons, inventionPatentReason(patent))
		return CodeReviewAdmin1989Intermediate
	}
	return ""
}

// 行政诉讼法（1989年）第十四条第一项 gave the intermediate court "确认发明专利
// 权的案件" (statute round 34; read from public copies, the 1989 text is not
// in /work/shared/law): a case about whether an invention patent is granted,
// valid or whose it is, whoever the defendant. Until then only the
// defendant's name was read, so a complaint about a 发明专利 whose
// defendant's name was not read (专利复审委员会 alone, or none) got no review.
// 实用新型 and 外观设计 patents are not 发明专利 (专利法第二条) and are not
// read. The 2014 amendment dropped the item (行政诉讼法第十五条, from
// 2015-05-01): such a case's defendant decides it then.
const inventionPatentWord = "发明专利"

// inventionPatentActs are what makes a complaint about a 发明专利 one about
// its grant, validity or ownership (确认发明专利权): a refusal or a grant of
// the application, an invalidation, a 复审, a claim to confirm the right.
var inventionPatentActs = [...]string{"无效", "驳回", "确认", "授予", "授权", "复审", "专利权归"}

// inventionPatentIn returns the sentence of text that states a case about
// an invention patent's grant, validity or ownership (发明专利 and one of
// inventionPatentActs in one sentence), at most 60 runes of it; "" when none.
func inventionPatentIn(text string) string {
	for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。；;\n", r) }) {
		if strings.Contains(sent, inventionPatentWord) && containsAny(sent, inventionPatentActs[:]) {
			rs := []rune(sent)
			return string(rs[:min(len(rs), 60)])
		}
	}
	return ""
}

// all1989PatentArticle is item 1's, with the case named.
const all1989PatentArticle = "行政诉讼法（1989年）第十四条第一项"

// all1989PatentMsg is the review's message for a 发明专利 case.
const all1989PatentMsg = "立案日在2015年5月1日前，起诉状文字载明本案涉及发明专利权的授予、效力或者归属，而本案在基层人民法院立案：依当时的行政诉讼法第十四条第一项，确认发明专利权的案件由中级人民法院管辖。需人工核对管辖。"

// inventionPatentReason is REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT for a
// 确认发明专利权的案件, quoting words.
func inventionPatentReason(words string) *triagev1.Reason {
	return &triagev1.Reason{Code: CodeReviewAdmin1989Intermediate, Article: all1989PatentArticle,
		Message: all1989PatentMsg + "所读文字：“" + words + "”。"}
}

// reconsiderationOutcome is what a complaint says the 复议机关 did.
type reconsiderationOutcome int

const (
	reconsiderationUnstated   reconsiderationOutcome = iota // none, or words of more than one
	reconsiderationMaintained                               // 维持, 驳回复议申请 (行诉法解释第一百三十三条)
	reconsiderationChanged                                  // 变更, 改变, 撤销, 确认无效 the original act
	reconsiderationNoDecision                               // 未作出复议决定, 不予受理
)

// reconsiderationWordsOf are the words of each outcome, read in a sentence
// that says 复议 and asks nothing of the court (reconsiderationRequestWords): 撤销 in "请求
// 撤销被告作出的复议决定" is the plaintiff's claim, not the decision's.
// "确认…违法" is not read: a 复议机关 finding the act unlawful for its
// procedure only does not change it (行诉法解释第二十二条), so such a
// complaint stays unstated and is reviewed.
var reconsiderationWordsOf = [...]struct {
	outcome reconsiderationOutcome
	words   []string
}{
	{reconsiderationMaintained, []string{"维持", "驳回复议申请", "驳回行政复议申请", "驳回复议请求", "驳回行政复议请求", "驳回了复议申请", "驳回了原告的复议申请", "驳回原告的复议申请", "驳回原告的行政复议申请"}},
	{reconsiderationChanged, []string{"变更", "改变", "撤销", "确认无效", "确认原行政行为无效"}},
	{reconsiderationNoDecision, []string{"未作出复议决定", "未作出行政复议决定", "逾期未作出", "逾期不作出", "未在法定期限内作出", "不予受理", "未予受理", "不予答复", "未予答复", "不符合受理条件"}},
}

// reconsiderationRequestWords open the plaintiff's claims (请求判令：,
// 诉讼请求：): what follows them in a sentence is not what the 复议机关 did.
var reconsiderationRequestWords = [...]string{"请求", "要求", "诉请", "判令", "诉至", "请判"}

// maintainedDecision states a 维持 in a sentence that does not say 复议
// (向被告申请行政复议。被告作出维持决定。).
var maintainedDecision = [...]string{"维持决定", "予以维持", "决定维持"}

// reconsiderationOutcomeIn reads what the complaint says the 复议机关 did:
// the one outcome whose words some sentence holds in its reading scope,
// unstated when none or more than one (statute round 33). A sentence's
// scope runs from the start of the clause of its first 复议 to its first
// request word (reconsiderationRequestWords): words before it are the
// original act's (不服…作出的不予受理决定，向被告申请复议; 不服被告撤销其执
// 照的决定，申请复议), words after it the plaintiff's claims. A change word
// is read only after a 复议 and with no 复议 after it in its clause:
// "撤销被告…作出的《行政复议决定书》" is a claim, "作出复议决定，变更…" and
// "复议决定撤销原处罚决定" are changes. A sentence without 复议 counts only
// a 维持 decision (maintainedDecision).
func reconsiderationOutcomeIn(text string) reconsiderationOutcome {
	seen := map[reconsiderationOutcome]bool{}
	for _, sentence := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。；;\n！？!?", r) }) {
		if k := indexAny(sentence, reconsiderationRequestWords[:]); k >= 0 {
			sentence = sentence[:k]
		}
		i := strings.Index(sentence, reconsiderationWord)
		if i < 0 {
			if containsAny(sentence, maintainedDecision[:]) {
				seen[reconsiderationMaintained] = true
			}
			continue
		}
		scope := sentence[clauseStart(sentence[:i]):]
		for _, o := range &reconsiderationWordsOf {
			if o.outcome == reconsiderationChanged {
				if changeStated(scope, o.words) {
					seen[o.outcome] = true
				}
				continue
			}
			if containsAny(scope, o.words) {
				seen[o.outcome] = true
			}
		}
	}
	if seen[reconsiderationNoDecision] && seen[reconsiderationMaintained] {
		// 以复议申请不符合受理条件为由驳回 is no 维持 (行诉法解释第一百三十三条).
		delete(seen, reconsiderationMaintained)
	}
	if len(seen) != 1 {
		return reconsiderationUnstated
	}
	for o := range seen {
		return o
	}
	return reconsiderationUnstated
}

// changeStated reports whether scope states a change by the 复议机关: one
// of words after a 复议, with no 复议 after it in its clause (a claim to set
// the 复议决定 aside names it after the verb).
func changeStated(scope string, words []string) bool {
	first := strings.Index(scope, reconsiderationWord)
	for _, w := range words {
		for rest, off := scope, 0; ; {
			k := strings.Index(rest, w)
			if k < 0 {
				break
			}
			at := off + k
			after := scope[at+len(w):]
			if at > first && !strings.Contains(clauseAfter(after), reconsiderationWord) {
				return true
			}
			rest, off = rest[k+len(w):], at+len(w)
		}
	}
	return false
}

// reconsiderationDefendants splits a 复议 case's defendants of an
// intermediate kind into those whose level decides the case (decide) and
// those a person must look at (unsure):
//   - the text states the organ made the original act (originalOrgansIn):
//     it decides (行政诉讼法第二十六条第二款; 行诉法解释第一百三十四条第三款,
//     before 2018-02-08 法释〔2015〕9号第八条; the 1989 text's art. 25 ¶2);
//   - the 复议机关 changed the act or made no decision: the 复议机关 is the
//     defendant (第二十六条第二款、第三款) and its level decides: a defendant
//     the text names in a sentence about the 复议 (namedWithReconsideration)
//     decides, any other is unsure;
//   - it maintained the act: the 复议机关 is a co-defendant whose level
//     does not decide; a defendant party the text does not name may be the
//     original organ, and is unsure;
//   - the text does not say (or says more than one): every other
//     defendant of an intermediate kind is unsure (statute round 33: until
//     then a 复议 complaint's parties and its 复议机关 were not read).
func reconsiderationDefendants(text string, parties []string) (decide, unsure []string) {
	decide = originalOrgansIn(text)
	var others []string
	for _, name := range append(intermediateDefendantsIn(text), parties...) {
		if !slices.Contains(decide, name) && !slices.Contains(others, name) {
			others = append(others, name)
		}
	}
	switch reconsiderationOutcomeIn(text) {
	case reconsiderationChanged, reconsiderationNoDecision:
		for _, name := range others {
			if namedWithReconsideration(text, name) {
				decide = append(decide, name)
			} else {
				unsure = append(unsure, name)
			}
		}
		return decide, unsure
	case reconsiderationMaintained:
		for _, name := range others {
			if !strings.Contains(text, name) {
				unsure = append(unsure, name)
			}
		}
		return decide, unsure
	}
	return decide, others
}

// namedWithReconsideration reports whether the text names name in a
// sentence that says 复议 (向被告X申请行政复议，被告逾期未作出复议决定;
// 撤销被告X作出的《行政复议决定书》): the defendant the 复议 is about. A
// defendant named only in the header or in a claim about another act may
// have been joined in error (the original organ alone is the defendant of
// a suit against the original act, 第二十六条第三款), and is reviewed.
func namedWithReconsideration(text, name string) bool {
	for sent := range sentencesOf(text) {
		if strings.Contains(sent, name) && strings.Contains(sent, reconsiderationWord) {
			return true
		}
	}
	return false
}

// reconsiderationArticle is REVIEW_ALL26_RECONSIDERATION_DEFENDANT's
// article on the filing date: the 1989 text's art. 25 ¶2 before 2015-05-01
// (the 复议机关 was the defendant only when it changed the act), then art. 26
// ¶2–¶3 with the interpretation then in force.
func reconsiderationArticle(filed time.Time) string {
	switch {
	case filed.Before(adminLaw2014InForce):
		return "行政诉讼法（1989年）第二十五条第二款"
	case filed.Before(adminInterp2018InForce):
		return "行政诉讼法第二十六条第二款、第三款；最高人民法院关于适用《中华人民共和国行政诉讼法》若干问题的解释（法释〔2015〕9号）第八条"
	}
	return reviewArticleOf(CodeReviewAdminReconsiderationDefendant)
}

// reviewArticleOf is code's table article.
func reviewArticleOf(code string) string { return reason(code).GetArticle() }

// reconsiderationWord marks a complaint about an act that went through 行政
// 复议, whose 复议机关 may be a co-defendant (行政诉讼法第二十六条第二款).
const reconsiderationWord = "复议"

// originalActWord is the verb of the act a defendant made (作出).
const originalActWord = "作出"

// originalOrgansIn returns the defendants named after 被告 (as
// intermediateDefendantsIn reads them) that the text states made the
// original act: in some clause the name opens or follows, 作出 comes after
// the name, and neither that clause nor the words before the name in it say
// 复议 or 维持 or 向 (向被告…申请复议, 被告…作出复议决定维持: the 复议机关,
// which does not decide the level, 行诉法解释第一百三十四条第三款). A
// complaint that says no more is not read: a miss only leaves a review out.
// It reads text from outside and must not panic on any string
// (FuzzOriginalOrgansIn).
func originalOrgansIn(text string) []string {
	var out []string
	for _, name := range intermediateDefendantsIn(text) {
		for rest, off := text, 0; ; {
			i := strings.Index(rest, name)
			if i < 0 {
				break
			}
			at := off + i
			if madeOriginalAct(clauseBefore(text[:at]), clauseAfter(text[at+len(name):])) {
				out = append(out, name)
				break
			}
			rest, off = rest[i+len(name):], at+len(name)
		}
	}
	return out
}

// madeOriginalAct reports whether a name between before and after (its
// clause's words) is stated as the organ that made the original act.
func madeOriginalAct(before, after string) bool {
	if !strings.Contains(after, originalActWord) {
		return false
	}
	for _, w := range [...]string{reconsiderationWord, "维持", "向"} {
		if strings.Contains(before, w) || strings.Contains(after, w) {
			return false
		}
	}
	return true
}

// clauseBefore is the end of s after its last clause break.
func clauseBefore(s string) string {
	if i := strings.LastIndexAny(s, clauseBreaks); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[i+n:]
	}
	return s
}

// clauseAfter is the start of s up to its first clause break.
func clauseAfter(s string) string {
	if i := strings.IndexAny(s, clauseBreaks); i >= 0 {
		return s[:i]
	}
	return s
}
