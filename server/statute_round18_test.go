package server

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestStatuteRound18 sends round-18 filings through a real server on
// loopback (rules/audit_round18_test.go has the full tables): specialised
// courts. 知识产权法院, 金融法院, 海事法院 and an intermediate court's IP tribunal
// are above the basic court whatever level the filing states, so small
// claims, simplified procedure and fast-track are closed (民事诉讼法第一百六十
// 条、第一百六十五条, 刑事诉讼法第二百一十四条、第二百二十二条); an internet court,
// a railway transport court and a 林区基层法院 are basic courts and keep them;
// 行政诉讼法第八十二条 names no level.
func TestStatuteRound18(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	open, closed := triagev1.Availability_AVAILABILITY_AVAILABLE, triagev1.Availability_AVAILABILITY_UNAVAILABLE
	at := func(court, province string) func(f *triagev1.Filing) {
		return func(f *triagev1.Filing) { f.Court, f.Province = court, province }
	}
	civil, crim, adm := statuteBuilders()
	type want = map[triagev1.Procedure]triagev1.Availability
	cases := []struct {
		name   string
		filing *triagev1.Filing
		want   want
	}{
		{"civil 北京知识产权法院 stated basic", civil("r18-1", at("北京知识产权法院", "北京市")), want{smallClaims: closed, simplified: closed, ordinary: open}},
		{"civil 海南自由贸易港知识产权法院 stated basic", civil("r18-2", at("海南自由贸易港知识产权法院", "海南省")), want{smallClaims: closed, simplified: closed}},
		{"civil 上海金融法院 stated basic", civil("r18-3", at("上海金融法院", "上海市")), want{smallClaims: closed, simplified: closed}},
		{"civil 成渝金融法院 stated basic", civil("r18-4", at("成渝金融法院", "重庆市")), want{smallClaims: closed, simplified: closed}},
		{"civil 南京知识产权法庭 stated basic (an intermediate court's tribunal)", civil("r18-5", at("南京知识产权法庭", "江苏省")), want{smallClaims: closed, simplified: closed, ordinary: open}},
		{"civil near miss: 杭州市滨江区人民法院知识产权法庭 (a basic court's)", civil("r18-6", at("杭州市滨江区人民法院知识产权法庭", "浙江省")), want{smallClaims: open, simplified: open}},
		{"civil 杭州互联网法院: a basic court", civil("r18-7", at("杭州互联网法院", "浙江省")), want{smallClaims: open, simplified: open}},
		{"civil 北京铁路运输中级法院 stated basic", civil("r18-8", at("北京铁路运输中级法院", "北京市")), want{smallClaims: closed, simplified: closed}},
		{"criminal 海南自由贸易港知识产权法院 stated basic", crim("r18-9", func(f *triagev1.Filing) {
			f.Court, f.Province, f.Cause = "海南自由贸易港知识产权法院", "海南省", "假冒注册商标罪"
		}), want{fastTrack: closed, simplified: closed, ordinary: open}},
		{"criminal 宁波海事法院 stated basic", crim("r18-10", func(f *triagev1.Filing) {
			f.Court, f.Province, f.Cause = "宁波海事法院", "浙江省", "交通肇事罪"
		}), want{fastTrack: closed, simplified: closed}},
		{"criminal 杭州知识产权法庭 stated basic", crim("r18-11", func(f *triagev1.Filing) {
			f.Court, f.Province, f.Cause = "杭州知识产权法庭", "浙江省", "假冒注册商标罪"
		}), want{fastTrack: closed, simplified: closed}},
		{"criminal near miss: 卓尼林区基层法院", crim("r18-12", at("卓尼林区基层法院", "甘肃省")), want{fastTrack: open, simplified: open}},
		{"administrative 北京知识产权法院 disclosure: ALL 82 names no level", adm("r18-13", func(f *triagev1.Filing) {
			f.Court, f.Province, f.CourtLevel = "北京知识产权法院", "北京市", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE
			f.Circumstances = &triagev1.Circumstances{InformationDisclosure: true}
		}), want{simplified: open}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkOpenProcedures(t, triageOK(t, ctx, h.client, c.filing), c.want) })
	}
}

// TestStatuteRound18IPTribunal: an intermediate court's cross-regional IP
// tribunal named alone (南京知识产权法庭) tries a civil ordinary case by a
// panel (民事诉讼法第四十条第二款 gives the single judge to basic courts), so the
// case is neither drawn to nor designated to a 速裁团队, and a single judge →
// panel ruling is refused. Until rules 2026-12-04.12 the filing stating basic
// was read as a basic court's: drawn to civil-fast, designated there, its
// panel ruling recorded.
func TestStatuteRound18IPTribunal(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: writeTeams(t, panelTeams())})
	ctx := testContext(t)
	// Public notice closes small claims and simplified procedure (民诉法解释
	// 第一百四十条): ordinary is the one procedure left at either court.
	noticed := func(id, court, province string) *triagev1.Filing {
		f := loanFiling(id)
		f.Court, f.Province, f.Cause = court, province, "侵害发明专利权纠纷"
		f.Circumstances = &triagev1.Circumstances{PublicNoticeService: true}
		return f
	}
	ip := triageOK(t, ctx, h.client, noticed("r18-t1", "南京知识产权法庭", "江苏省"))
	basic := triageOK(t, ctx, h.client, noticed("r18-t2", "杭州市滨江区人民法院知识产权法庭", "浙江省"))
	checkPanelCourt(t, h, ip, basic)
}
