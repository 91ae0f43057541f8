package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

func TestChineseCount(t *testing.T) {
	for s, want := range map[string]int{
		"15": 15, "十": 10, "十二": 12, "二十": 20, "二十五": 25, "两": 2, "一百零五": 105, "一百": 100, "三百二十": 320,
		"": 0, "十x": 0, "abc": 0,
	} {
		if got := chineseCount(s); got != want {
			t.Errorf("chineseCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestPersonsNamed(t *testing.T) {
	for name, want := range map[string]int{
		"张三等15人": 15, "李某等十二人": 12, "王某等二十名": 20, "张三": 1, "张三、李四、王五": 3,
		"温州市某某贸易有限公司": 1, "某某建设、安装工程有限公司": 1, "张三等": 1,
	} {
		if got := personsNamed(name); got != want {
			t.Errorf("personsNamed(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestStatedUnnegated(t *testing.T) {
	for text, want := range map[string]bool{
		"被告下落不明": true, "被告并非下落不明": false, "被告不是下落不明，而是拒不还款": false,
		"被告并非下落不明；第三人下落不明": true, "": false,
	} {
		if got := statedUnnegated(text, "下落不明"); got != want {
			t.Errorf("statedUnnegated(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestReadClaims(t *testing.T) {
	for _, tc := range []struct {
		text string
		want ClaimsReading
	}{
		{"诉讼请求：1.判令被告偿还借款30000元及利息；2.诉讼费由被告承担。事实与理由：被告借款500000元。", ClaimsReading{MaxFen: 3_000_000}},
		{"诉讼请求：判令被告返还车辆一台并赔偿5000元。", ClaimsReading{NonMoney: true, MaxFen: 500_000}},
		{"诉讼请求：判令被告支付货款88,926.00元、违约金1.5万元。", ClaimsReading{MaxFen: 8_892_600}},
		{"诉讼请求：判令被告支付货款5000美元。", ClaimsReading{MaxFen: 0, ForeignCurrency: true}},
		{"原告诉称：被告借款20000元未还，故诉至法院，要求被告还款5000元。", ClaimsReading{MaxFen: 500_000}},
		{"原告诉称：原告曾要求解除合同。", ClaimsReading{NonMoney: true}},
		{"原告诉称：被告于2023年解除合同。", ClaimsReading{}},
		{"诉讼请求：判令被告返还原告借款5000元；被继承人的债务由被告清偿。", ClaimsReading{MaxFen: 500_000}},
		// Generated filings at merge: facts after 理由如下 are no claims; a
		// marker inside a sentence heads nothing; 起诉请求 reads as unmarked.
		{"诉讼请求：1.判令被告支付租金5000元；2.诉讼费由被告负担，理由如下：被告在微信中确认了欠款金额。", ClaimsReading{MaxFen: 500_000}},
		{"原告诉称：被告支付5000元，原告已在诉讼请求中予以扣除。被告在微信中确认了欠款金额。请求判令被告支付租金8000元。", ClaimsReading{MaxFen: 800_000}},
		{"原告向本院起诉请求：\n（1）判令被告归还借款4300元。\n（2）诉讼费由被告承担。原告依约交付借款，被告确认了欠款金额。", ClaimsReading{MaxFen: 430_000}},
		{"【诉讼请求】解除合同。", ClaimsReading{NonMoney: true}},
		{"", ClaimsReading{}},
	} {
		if diff := cmp.Diff(tc.want, readClaims(tc.text)); diff != "" {
			t.Errorf("readClaims(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

// FuzzReadClaims: the readers of a filing's text and party names take any
// string without panicking, read a text and its folded form alike, and
// never find a negative sum.
func FuzzReadClaims(f *testing.F) {
	for _, s := range []string{
		"诉讼请求：1.判令被告偿还借款30000元；2.返还车辆。事实与理由：被告下落不明，请求公告送达。",
		"原告张三等15人诉被告", "張三等十二人", "返还", "返还,", "9999999999999999999万元", "1,000,000.5元", "等百人", "\xff元",
		"事实与理由诉讼请求", "香港(", "(香港)某公司",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cr := readClaims(s)
		if cr.MaxFen < 0 {
			t.Fatalf("readClaims(%q).MaxFen = %d", s, cr.MaxFen)
		}
		if again := readClaims(foldCause(s)); again != cr {
			t.Fatalf("readClaims(%q) = %+v, of its folded form %+v", s, cr, again)
		}
		fl := &triagev1.Filing{Text: s, Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Name: s},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Name: strings.ToUpper(s)},
		}}
		if r := civilReadingOf(fl, foldCause(s)); r.plaintiffs < 0 || r.defendants < 0 {
			t.Fatalf("civilReadingOf(%q) = %+v", s, r)
		}
	})
}
