package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestGovernmentDefendantIn: the complaint reader of 行政诉讼法第十五条第一项
// alone (statute round 24).
func TestGovernmentDefendantIn(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"", ""},
		{"被告杭州市人民政府", "杭州市人民政府"},
		{"被告：浙江省人民政府。", "浙江省人民政府"},
		{"被告: 淳安县人民政府", "淳安县人民政府"},
		{"被告三墩镇人民政府", ""},
		{"被告西湖区人民政府办公室", ""},
		{"被告西湖区人民政府征收办作出的决定", ""},
		{"被告西湖区人民政府作出的决定", "西湖区人民政府"},
		{"被告人王某到区人民政府上访", ""},
		{"被告作出的处罚决定经区人民政府批准", ""},
		{"被告杭州市公安局西湖分局", ""},
		{"被告杭州市公安局。另案被告杭州市人民政府", "杭州市人民政府"},
	} {
		if got := governmentDefendantIn(c.text); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzGovernmentDefendantIn: any text reads without a panic; a name read is
// words of the text ending in 人民政府; a government named after 被告 in a
// sentence appended to any text is read.
func FuzzGovernmentDefendantIn(f *testing.F) {
	for _, s := range []string{"", "被告", "被告人", "被告：", "人民政府", "被告乡人民政府", "被告\xff人民政府"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got := governmentDefendantIn(text); got != "" && (!strings.Contains(text, got) || !strings.HasSuffix(got, governmentSuffix)) {
			t.Fatalf("%q: read %q", text, got)
		}
		if governmentDefendantIn(text+"。被告杭州市人民政府。") == "" {
			t.Fatalf("%q + a government defendant: nothing read", text)
		}
	})
}

// TestIntermediateDefendantsIn: the complaint reader of 行政诉讼法第十五条第一
// 项、第二项 and the 1989 text's art. 14 alone (statute round 25), with the
// kind each name is read as.
func TestIntermediateDefendantsIn(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
		kind defendantKind
	}{
		{"", nil, kindNone},
		{"被告中华人民共和国商务部作出的决定", []string{"中华人民共和国商务部"}, kindStateCouncilDepartment},
		{"被告：国家知识产权局。", []string{"国家知识产权局"}, kindStateCouncilDepartment},
		{"被告国家税务总局杭州市西湖区税务局", nil, kindNone},
		{"被告国家知识产权局专利局杭州代办处", nil, kindNone},
		{"被告杭州海关于2023年作出处罚", []string{"杭州海关"}, kindCustoms},
		{"被告中华人民共和国钱塘海关", []string{"中华人民共和国钱塘海关"}, kindCustoms},
		{"被告杭州海关缉私分局", nil, kindNone},
		{"被告海关总署", []string{"海关总署"}, kindStateCouncilDepartment},
		{"被告浙江省人民政府", []string{"浙江省人民政府"}, kindProvincialGovernment},
		{"被告广西壮族自治区人民政府作出的决定", []string{"广西壮族自治区人民政府"}, kindProvincialGovernment},
		{"被告杭州市人民政府", []string{"杭州市人民政府"}, kindLocalGovernment},
		{"被告人王某向公安部举报", nil, kindNone},
		{"被告杭州市公安局；被告商务部", []string{"商务部"}, kindStateCouncilDepartment},
		{"被告作出的决定经商务部批准", nil, kindNone},
	} {
		got := intermediateDefendantsIn(c.text)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
			continue
		}
		if len(got) > 0 && defendantKindOf(got[0]) != c.kind {
			t.Errorf("%q: %q is kind %d, want %d", c.text, got[0], defendantKindOf(got[0]), c.kind)
		}
	}
}

// FuzzIntermediateDefendantsIn: any text reads without a panic; every name
// read is words of the text and of a kind the review reads; a ministry and a
// customs office named after 被告 in sentences appended to any text are read.
func FuzzIntermediateDefendantsIn(f *testing.F) {
	for _, s := range []string{"", "被告", "被告人", "被告：", "海关", "被告海关", "被告中华人民共和国", "被告商务部局", "被告\xff海关", "被告国家税务总局杭州"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, name := range intermediateDefendantsIn(text) {
			if !strings.Contains(text, name) || defendantKindOf(name) == kindNone {
				t.Fatalf("%q: read %q (kind %d)", text, name, defendantKindOf(name))
			}
		}
		got := intermediateDefendantsIn(text + "。被告中华人民共和国商务部。被告杭州海关。")
		if len(got) < 2 || got[len(got)-2] != "中华人民共和国商务部" || got[len(got)-1] != "杭州海关" {
			t.Fatalf("%q + a ministry and customs: read %q", text, got)
		}
	})
}

// FuzzShortDefendantNames (statute round 26): a government and a ministry
// written short after 被告 in sentences appended to any text are read, and
// so is 被告人社部.
func FuzzShortDefendantNames(f *testing.F) {
	for _, s := range []string{"", "被告", "被告人", "政府", "被告区政府", "被告镇政府", "被告未", "被告人社", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := intermediateDefendantsIn(text + "。被告西湖区政府。被告市场监管总局。被告人社部。")
		if n := len(got); n < 3 || got[n-3] != "西湖区政府" || got[n-2] != "市场监管总局" || got[n-1] != "人社部" {
			t.Fatalf("%q + short names: read %q", text, got)
		}
	})
}

// FuzzOriginalOrgansIn (statute round 28): every organ read is a defendant
// intermediateDefendantsIn reads; a government stated after any text as
// having made the act is read, and one stated as the 复议机关 only is not.
func FuzzOriginalOrgansIn(f *testing.F) {
	for _, s := range []string{"", "被告", "作出", "复议", "被告杭州市人民政府", "向", "，", "被告\xff人民政府作出", "被告杭州市人民政府作出，"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		all := intermediateDefendantsIn(text)
		for _, name := range originalOrgansIn(text) {
			if !slices.Contains(all, name) {
				t.Fatalf("%q: read %q, not a defendant read (%q)", text, name, all)
			}
		}
		const made, reviewer = "杭州市西湖区人民政府", "浙江省人民政府"
		got := originalOrgansIn(text + "。被告" + made + "作出征收决定。")
		if !slices.Contains(got, made) {
			t.Fatalf("%q + the original organ: read %q", text, got)
		}
		if strings.Contains(text, reviewer) {
			return
		}
		if got := originalOrgansIn(text + "。被告" + reviewer + "作出复议决定维持。"); slices.Contains(got, reviewer) {
			t.Fatalf("%q + the 复议机关: read %q", text, got)
		}
	})
}

// TestJoinedDefendantsAt: co-defendants joined by 和, 及, 与 (statute round
// 35), on their own.
func TestJoinedDefendantsAt(t *testing.T) {
	for _, c := range []struct {
		after string
		want  []string
	}{
		{"杭州市西湖区市场监督管理局和杭州市人民政府共同作出强制拆除决定。", []string{"杭州市人民政府"}},
		{"杭州市西湖区城市管理局及杭州市西湖区人民政府于2023年5月1日作出", []string{"杭州市西湖区人民政府"}},
		{"杭州市商务局和商务部共同作出处理决定。", []string{"商务部"}},
		{"杭州市住房和城乡建设局和杭州市人民政府共同作出", []string{"杭州市人民政府"}},
		{"杭州市西湖区市场监督管理局与杭州市人民政府签订的协议", nil},
		{"杭州市西湖区城市管理局依据杭州市人民政府和浙江省人民政府的文件作出处罚", nil},
		{"杭州市西湖区市场监督管理局和杭州市西湖区城市管理局共同作出", nil},
		{"杭州市西湖区市场监督管理局。杭州市人民政府和商务部共同作出", nil},
		{"和", nil},
		{"", nil},
	} {
		if got := joinedDefendantsAt(c.after); !slices.Equal(got, c.want) {
			t.Errorf("joinedDefendantsAt(%q) = %q, want %q", c.after, got, c.want)
		}
	}
}

// TestCitizenOfIn: a foreign defendant stated as a state's citizen
// (statute round 35), on its own.
func TestCitizenOfIn(t *testing.T) {
	for _, c := range []struct{ sent, want string }{
		{"被告人JOHN SMITH，男，美国公民。", "美国公民"},
		{"被告人金某，男，系韩国人。", "韩国人"},
		{"被告人王某，男，中国公民。", ""},
		{"被告人王某，男，中华人民共和国公民。", ""},
		{"被告人王某系全国人大代表", ""},
		{"被告人王某不是美国公民", ""},
		{"", ""},
	} {
		if got := citizenOfIn(c.sent); got != c.want {
			t.Errorf("citizenOfIn(%q) = %q, want %q", c.sent, got, c.want)
		}
	}
}
