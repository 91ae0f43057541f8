package rules

import (
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// period is a statutory trial time limit.
type period struct {
	months, days int32
	article      string
	extension    string
}

// timeLimit returns the statutory time limit (审理期限) of procedure p for the
// filing, with its due date counted from the filing date. The day of filing is
// not counted (CPL 85 ¶2, CrPL 105 ¶2), so N days from 03-05 end on 03-05+N and
// N months from 01-31 end on the last day of the target month. The due date
// is not moved off holidays (CPL 85 ¶3) and does not exclude suspended periods
// such as public notice or appraisal: the court's case system stays the
// authority on the running clock.
func timeLimit(f *triagev1.Filing, a *Assessment, p triagev1.Procedure) *triagev1.TimeLimit {
	// The kind decides as much as the term: 拘役 or a fine is no 有期徒刑 at
	// all, life or death more than any term (CrPL 220, 225).
	sentence := SentenceOf(f.GetCircumstances())
	var pr period
	switch f.GetCaseKind() {
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		switch p {
		case triagev1.Procedure_PROCEDURE_SMALL_CLAIMS:
			pr = period{months: 2, article: "民事诉讼法第一百六十八条", extension: "有特殊情况需要延长的，经本院院长批准，可以延长一个月。"}
		case triagev1.Procedure_PROCEDURE_SIMPLIFIED:
			pr = period{months: 3, article: "民事诉讼法第一百六十四条", extension: "有特殊情况需要延长的，经本院院长批准，可以延长一个月；累计不得超过四个月（民诉法解释第二百五十八条）。转为普通程序的，审理期限自立案之日计算。"}
		case triagev1.Procedure_PROCEDURE_ORDINARY:
			if a.Facts.Foreign {
				return &triagev1.TimeLimit{Procedure: p, Article: "民事诉讼法第二百八十七条", NoStatutoryLimit: true,
					Extension: "涉外民事案件的审理期间不受民事诉讼法第一百五十二条的限制。"}
			}
			pr = period{months: 6, article: "民事诉讼法第一百五十二条", extension: "有特殊情况需要延长的，经本院院长批准，可以延长六个月；还需要延长的，报请上级人民法院批准。"}
		}
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		switch p {
		case triagev1.Procedure_PROCEDURE_SIMPLIFIED:
			pr = period{days: 45, article: "行政诉讼法第八十三条", extension: "发现案件不宜适用简易程序的，裁定转为普通程序（行政诉讼法第八十四条）。"}
		case triagev1.Procedure_PROCEDURE_ORDINARY:
			pr = period{months: 6, article: "行政诉讼法第八十一条", extension: "有特殊情况需要延长的，由高级人民法院批准；高级人民法院审理第一审案件需要延长的，由最高人民法院批准。"}
		}
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		switch p {
		case triagev1.Procedure_PROCEDURE_FAST_TRACK:
			pr = period{days: 10, article: "刑事诉讼法第二百二十五条", extension: "对可能判处的有期徒刑超过一年的，可以延长至十五日。"}
			if sentence.OverOneYear {
				pr.extension = "本案量刑建议超过一年有期徒刑，可以延长至十五日。"
			}
		case triagev1.Procedure_PROCEDURE_SIMPLIFIED:
			pr = period{days: 20, article: "刑事诉讼法第二百二十条", extension: "对可能判处的有期徒刑超过三年的，可以延长至一个半月。"}
			if sentence.OverThreeYears {
				pr.extension = "本案量刑建议超过三年有期徒刑，可以延长至一个半月。"
			}
		case triagev1.Procedure_PROCEDURE_ORDINARY:
			pr = period{months: 2, article: "刑事诉讼法第二百零八条", extension: "受理后二个月以内宣判，至迟不得超过三个月；符合该条规定情形的，经上一级人民法院批准可以延长三个月。"}
		}
	}
	return &triagev1.TimeLimit{
		Procedure: p,
		Months:    pr.months,
		Days:      pr.days,
		DueOn:     DueDate(a.FiledOn, int(pr.months), int(pr.days)).Format(time.DateOnly),
		Article:   pr.article,
		Extension: pr.extension,
	}
}

// DueDate adds a period of months and days to a start date: months first,
// clamped to the end of a shorter month (01-31 + 1 month = 02-28/29), then days.
func DueDate(start time.Time, months, days int) time.Time {
	y, m, d := start.Date()
	target := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(target.Year(), target.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
	target = target.AddDate(0, 0, min(d, last)-1)
	return target.AddDate(0, 0, days)
}
