package rules_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestCatalogueBackOff checks how written causes resolve to catalogue nodes
// and what an unseen leaf inherits from its family.
func TestCatalogueBackOff(t *testing.T) {
	e := defaultEngine(t)
	for _, tc := range []struct {
		kind    triagev1.CaseKind
		written string
		name    string
		match   rules.CauseMatch
		cat     rules.Category
		level   int
		family  string
		path    string // "/"-joined, checked when set
	}{
		// Exact, with and without the suffixes clerks vary.
		{civilKind, "劳动合同纠纷", "劳动合同纠纷", rules.MatchExact, rules.CategoryMixed, 3, "劳动争议", "劳动争议、人事争议/劳动争议/劳动合同纠纷"},
		{civilKind, "民间借贷", "民间借贷纠纷", rules.MatchExact, rules.CategoryMoneyPayment, 4, "合同纠纷", "合同、准合同纠纷/合同纠纷/借款合同纠纷/民间借贷纠纷"},
		{civilKind, "侵权责任纠纷", "侵权责任纠纷", rules.MatchExact, rules.CategoryMoneyPayment, 2, "侵权责任纠纷", "侵权责任纠纷/侵权责任纠纷"},
		{civilKind, "继承纠纷", "继承纠纷", rules.MatchExact, rules.CategoryPropertyConfirmation, 2, "继承纠纷", ""},
		{civilKind, "不当得利纠纷", "不当得利纠纷", rules.MatchExact, rules.CategoryMoneyPayment, 3, "不当得利纠纷", ""},
		{civilKind, "合同纠纷", "合同纠纷", rules.MatchExact, rules.CategoryMoneyPayment, 2, "合同纠纷", ""},
		{civilKind, "物权纠纷", "物权纠纷", rules.MatchExact, rules.CategoryMixed, 1, "物权纠纷", ""},
		// A leaf the rules file never listed inherits its family's category.
		{civilKind, "赡养纠纷", "赡养纠纷", rules.MatchExact, rules.CategoryPersonalStatus, 3, "婚姻家庭纠纷", ""},
		{civilKind, "变更赡养关系纠纷", "变更赡养关系纠纷", rules.MatchExact, rules.CategoryPersonalStatus, 4, "婚姻家庭纠纷", ""},
		{civilKind, "公路货物运输合同纠纷", "公路货物运输合同纠纷", rules.MatchExact, rules.CategoryMoneyPayment, 4, "合同纠纷", ""},
		{civilKind, "高空抛物、坠物损害责任纠纷", "高空抛物、坠物损害责任纠纷", rules.MatchExact, rules.CategoryMixed, 4, "侵权责任纠纷", ""},
		{civilKind, "所有权确认纠纷", "所有权确认纠纷", rules.MatchExact, rules.CategoryPropertyConfirmation, 4, "物权保护纠纷", ""},
		{civilKind, "担保物权确认纠纷", "担保物权确认纠纷", rules.MatchExact, rules.CategoryPropertyConfirmation, 4, "物权保护纠纷", ""},
		// Old names of the 2008/2011 catalogues.
		{civilKind, "劳动争议", "劳动争议", rules.MatchExact, rules.CategoryMoneyPayment, 2, "劳动争议", ""},
		{civilKind, "居间合同纠纷", "中介合同纠纷", rules.MatchAlias, rules.CategoryMoneyPayment, 3, "合同纠纷", ""},
		{civilKind, "网络购物合同纠纷", "信息网络买卖合同纠纷", rules.MatchAlias, rules.CategoryMoneyPayment, 4, "合同纠纷", ""},
		{civilKind, "雇员受害赔偿纠纷", "提供劳务者受害责任纠纷", rules.MatchAlias, rules.CategoryMoneyPayment, 3, "侵权责任纠纷", ""},
		{civilKind, "人身损害赔偿纠纷", "生命权、身体权、健康权纠纷", rules.MatchAlias, rules.CategoryMoneyPayment, 3, "人格权纠纷", ""},
		// Remarks in brackets are the court's, not the catalogue's.
		{civilKind, "著作权权属、侵权纠纷（侵犯音乐电视作品著作权）", "著作权权属、侵权纠纷", rules.MatchExact, rules.CategoryMixed, 3, "知识产权权属、侵权纠纷", ""},
		// The longest contained name wins, on a tie the later one.
		{civilKind, "离婚后财产分割纠纷", "离婚后财产纠纷", rules.MatchContained, rules.CategoryPropertyConfirmation, 3, "婚姻家庭纠纷", ""},
		{civilKind, "农村土地转包合同纠纷", "合同纠纷", rules.MatchContained, rules.CategoryMoneyPayment, 2, "合同纠纷", ""},
		{civilKind, "车位买卖合同纠纷", "买卖合同纠纷", rules.MatchContained, rules.CategoryMoneyPayment, 3, "合同纠纷", ""},
		{civilKind, "宠物美容服务合同纠纷", "美容服务合同纠纷", rules.MatchContained, rules.CategoryMoneyPayment, 4, "合同纠纷", ""},
		// Known endings send an unseen cause to its family.
		{civilKind, "电梯坠落责任纠纷", "侵权责任纠纷", rules.MatchFamily, rules.CategoryMoneyPayment, 2, "侵权责任纠纷", ""},
		{civilKind, "加班费劳动争议", "劳动争议", rules.MatchContained, rules.CategoryMoneyPayment, 2, "劳动争议", ""},
		{adminKind, "土地行政管理（土地）", "行政行为", rules.MatchFamily, rules.CategoryUnknown, 1, "行政行为", ""},
		// Administrative: act types and their kinds, old act types.
		{adminKind, "行政登记（房屋登记）", "行政登记", rules.MatchExact, rules.CategoryUnknown, 2, "行政登记", ""},
		{adminKind, "罚款", "罚款", rules.MatchExact, rules.CategoryUnknown, 3, "行政处罚", "行政行为/行政处罚/罚款"},
		{adminKind, "治安管理行政处罚", "行政处罚", rules.MatchContained, rules.CategoryUnknown, 2, "行政处罚", ""},
		{adminKind, "工伤认定", "工伤保险资格或者待遇认定", rules.MatchAlias, rules.CategoryUnknown, 3, "行政确认", ""},
		{adminKind, "行政撤销（房屋行政撤销）", "行政撤销", rules.MatchExact, rules.CategoryUnknown, 2, "行政撤销", ""},
		// Criminal: charges under chapters and sections, old names, one of a
		// compound charge, several charges.
		{crimKind, "盗窃罪", "盗窃罪", rules.MatchExact, rules.CategoryUnknown, 2, "侵犯财产罪", "侵犯财产罪/盗窃罪"},
		{crimKind, "非法吸收公众存款罪", "非法吸收公众存款罪", rules.MatchExact, rules.CategoryUnknown, 3, "破坏金融管理秩序罪", "破坏社会主义市场经济秩序罪/破坏金融管理秩序罪/非法吸收公众存款罪"},
		{crimKind, "贩卖毒品罪", "走私、贩卖、运输、制造毒品罪", rules.MatchAlias, rules.CategoryUnknown, 3, "走私、贩卖、运输、制造毒品罪", ""},
		{crimKind, "掩饰隐瞒犯罪所得罪", "掩饰、隐瞒犯罪所得、犯罪所得收益罪", rules.MatchAlias, rules.CategoryUnknown, 3, "妨害司法罪", ""},
		{crimKind, "生产、销售假药罪", "生产、销售、提供假药罪", rules.MatchAlias, rules.CategoryUnknown, 3, "生产、销售伪劣商品罪", ""},
		{crimKind, "盗窃罪、诈骗罪", "盗窃罪", rules.MatchFirstCharge, rules.CategoryUnknown, 2, "侵犯财产罪", ""},
		{crimKind, "电信网络诈骗罪", "诈骗罪", rules.MatchContained, rules.CategoryUnknown, 2, "侵犯财产罪", ""},
	} {
		c := e.LookupCause(tc.kind, tc.written)
		if c.Name != tc.name || c.Match != tc.match || c.Category != tc.cat || c.Level != tc.level || c.Family != tc.family || !c.Known || len(c.Path) != c.Level {
			t.Errorf("LookupCause(%v, %q) = %s %v %v level %d family %s known %v path %v, want %s %v %v level %d family %s",
				tc.kind, tc.written, c.Name, c.Match, c.Category, c.Level, c.Family, c.Known, c.Path, tc.name, tc.match, tc.cat, tc.level, tc.family)
			continue
		}
		if tc.path != "" && strings.Join(c.Path, "/") != tc.path {
			t.Errorf("LookupCause(%v, %q).Path = %v, want %s", tc.kind, tc.written, c.Path, tc.path)
		}
		if c.Path[len(c.Path)-1] != c.Name {
			t.Errorf("LookupCause(%v, %q): path %v does not end at %s", tc.kind, tc.written, c.Path, c.Name)
		}
	}
}

// TestCatalogueUnknown checks what resolves to nothing: no name, no path,
// and Known false, so the engine asks for a human look.
func TestCatalogueUnknown(t *testing.T) {
	e := defaultEngine(t)
	for _, tc := range []struct {
		kind    triagev1.CaseKind
		written string
	}{
		{civilKind, ""},
		{civilKind, "   "},
		{civilKind, "纠纷"},
		{civilKind, "（备注）"},
		{civilKind, "某某新类型权益纠纷"},
		{crimKind, "罪事实清楚罪"},
		{crimKind, "贩卖罪"},
		{adminKind, "离婚纠纷"},
		{triagev1.CaseKind_CASE_KIND_UNSPECIFIED, "离婚纠纷"},
	} {
		c := e.LookupCause(tc.kind, tc.written)
		if c.Known || c.Name != "" || c.Path != nil || c.Level != 0 || c.Family != "" || c.Match != rules.MatchNone {
			t.Errorf("LookupCause(%v, %q) = %+v, want unknown", tc.kind, tc.written, c)
		}
	}
}

// TestRulesCausesKeepTheirCategory is the regression check of the move to
// the official catalogues: every cause the rules file lists resolves to the
// same category and flags it had when the file was the whole catalogue.
func TestRulesCausesKeepTheirCategory(t *testing.T) {
	var f rules.File
	if err := json.Unmarshal(rules.DefaultFile(), &f); err != nil {
		t.Fatal(err)
	}
	e := defaultEngine(t)
	kinds := map[string]triagev1.CaseKind{"civil": civilKind, "administrative": adminKind, "criminal": crimKind}
	for _, ce := range f.Causes {
		c := e.LookupCause(kinds[ce.Kind], ce.Name)
		want := rules.CategoryUnknown
		if ce.Category != "" {
			want = categoryByName(t, ce.Category)
		}
		if !c.Known || c.Category != want || c.GroupProne != ce.GroupProne || c.Sensitive != ce.Sensitive {
			t.Errorf("%s %s resolves to %+v, want category %v group %v sensitive %v", ce.Kind, ce.Name, c, want, ce.GroupProne, ce.Sensitive)
		}
	}
}

// TestCauseFlagsInherit: a node no rules entry names takes its family's
// flags; a node an entry names has exactly the entry's.
func TestCauseFlagsInherit(t *testing.T) {
	e := defaultEngine(t)
	for _, tc := range []struct {
		kind        triagev1.CaseKind
		written     string
		group, sens bool
	}{
		{civilKind, "工伤保险待遇纠纷", true, false},  // 劳动争议 is group-prone
		{civilKind, "劳务派遣合同纠纷", false, false}, // under 劳动合同纠纷, which the rules file lists without
		{civilKind, "劳动合同纠纷", false, false},
		{crimKind, "资敌罪", false, true}, // 危害国家安全罪 in the catalogue
		{crimKind, "盗窃罪", false, false},
	} {
		c := e.LookupCause(tc.kind, tc.written)
		if c.GroupProne != tc.group || c.Sensitive != tc.sens {
			t.Errorf("%s: group %v sensitive %v, want %v %v", tc.written, c.GroupProne, c.Sensitive, tc.group, tc.sens)
		}
	}
}

func categoryByName(t *testing.T, name string) rules.Category {
	for c := rules.CategoryUnknown; c <= rules.CategoryMixed; c++ {
		if c.String() == name {
			return c
		}
	}
	t.Fatalf("no category %q", name)
	return rules.CategoryUnknown
}

// TestRulesFileAddsCause checks that a court's own cause the catalogues lack
// is filed under the node it backs off to, and that an entry naming a
// catalogue node overrides the node's family below it.
func TestRulesFileAddsCause(t *testing.T) {
	e, err := rules.Load([]byte(`{"version":"t","causes":[
		{"name":"校园贷纠纷","kind":"civil","category":"money_payment","group_prone":true},
		{"name":"宠物寄养服务合同纠纷","kind":"civil","category":"mixed"},
		{"name":"婚姻家庭纠纷","kind":"civil","category":"mixed"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if c := e.LookupCause(civilKind, "校园贷纠纷"); !c.Known || c.Level != 1 || !c.GroupProne || c.Category != rules.CategoryMoneyPayment {
		t.Errorf("校园贷纠纷 = %+v, want a top-level known cause", c)
	}
	c := e.LookupCause(civilKind, "宠物寄养服务合同纠纷")
	if got := strings.Join(c.Path, "/"); got != "合同、准合同纠纷/合同纠纷/服务合同纠纷/宠物寄养服务合同纠纷" || c.Category != rules.CategoryMixed || c.Family != "合同纠纷" {
		t.Errorf("宠物寄养服务合同纠纷 = %+v, want under 服务合同纠纷", c)
	}
	// The override reaches a child that sets no category of its own…
	if c := e.LookupCause(civilKind, "确认亲子关系纠纷"); c.Category != rules.CategoryPersonalStatus {
		t.Errorf("确认亲子关系纠纷 = %v, want personal_status from 亲子关系纠纷", c.Category)
	}
	// …but not one whose catalogue entry sets its own.
	if c := e.LookupCause(civilKind, "离婚纠纷"); c.Category != rules.CategoryPersonalStatus {
		t.Errorf("离婚纠纷 = %v, want personal_status", c.Category)
	}
}

// TestEmbeddedCatalogues checks the shipped files' shape: every kind, the
// levels the documents have, and the counts they claim.
func TestEmbeddedCatalogues(t *testing.T) {
	for _, tc := range []struct {
		kind       string
		minByLevel []int // nodes at levels 1..n, at least
		maxDepth   int
	}{
		// 11 parts, 54 second-level causes of 2020 (59 in the 2025 edition),
		// 473 third-level (514), 391 fourth-level (471 with one legacy cause).
		{"civil", []int{11, 54, 473, 391}, 4},
		{"administrative", []int{1, 22, 100}, 3},
		// 10 chapters of the special part; with the sections of chapters 3
		// and 6, 483 charges.
		{"criminal", []int{10, 200, 200}, 3},
	} {
		b, err := rules.EmbeddedCatalogue(tc.kind)
		if err != nil {
			t.Fatal(err)
		}
		c, err := rules.ParseCatalogue(b)
		if err != nil {
			t.Fatalf("%s: %v", tc.kind, err)
		}
		if c.Kind != tc.kind || len(c.Sources) == 0 {
			t.Errorf("%s: kind %q, %d sources", tc.kind, c.Kind, len(c.Sources))
		}
		counts := catalogueCounts(c.Nodes, 1, nil)
		if len(counts) != tc.maxDepth {
			t.Errorf("%s: %d levels, want %d", tc.kind, len(counts), tc.maxDepth)
		}
		for i, n := range tc.minByLevel {
			if i < len(counts) && counts[i] < n {
				t.Errorf("%s: %d nodes at level %d, want at least %d", tc.kind, counts[i], i+1, n)
			}
		}
		t.Logf("%s: nodes per level %v", tc.kind, counts)
	}
	b, _ := rules.EmbeddedCatalogue("criminal")
	c, _ := rules.ParseCatalogue(b)
	if n := countCharges(c.Nodes); n < 480 {
		t.Errorf("%d charges, want the 483 of the 确定罪名 provisions", n)
	}
	if _, err := rules.EmbeddedCatalogue("military"); err == nil {
		t.Error("EmbeddedCatalogue(military) succeeded")
	}
}

func catalogueCounts(nodes []rules.CatalogueNode, level int, counts []int) []int {
	for _, n := range nodes {
		if len(counts) < level {
			counts = append(counts, 0)
		}
		counts[level-1]++
		counts = catalogueCounts(n.Children, level+1, counts)
	}
	return counts
}

// countCharges counts the crimes: leaves, and a section's charge that
// repeats its section's name.
func countCharges(nodes []rules.CatalogueNode) int {
	n := 0
	for _, c := range nodes {
		if len(c.Children) == 0 {
			n++
			continue
		}
		n += countCharges(c.Children)
	}
	return n
}

// TestParseCatalogueRefusesBrokenFiles checks that a broken catalogue is
// refused whole, with the offending node named.
func TestParseCatalogueRefusesBrokenFiles(t *testing.T) {
	const head = `{"catalogue":"c","kind":"civil","sources":["s"],`
	for _, tc := range []struct {
		name string
		file string
		want []string
	}{
		{"not json", `{`, []string{"parse catalogue"}},
		{"trailing data", head + `"nodes":[{"name":"甲纠纷"}]} {}`, []string{"trailing"}},
		{"unknown field", head + `"nodes":[{"name":"甲纠纷","colour":"red"}]}`, []string{"colour"}},
		{"no name", `{"kind":"civil","sources":["s"],"nodes":[{"name":"甲"}]}`, []string{"catalogue name is empty"}},
		{"bad kind", `{"catalogue":"c","kind":"military","sources":["s"],"nodes":[{"name":"甲"}]}`, []string{"military"}},
		{"no sources", `{"catalogue":"c","kind":"civil","nodes":[{"name":"甲"}]}`, []string{"no sources"}},
		{"empty source", `{"catalogue":"c","kind":"civil","sources":[" "],"nodes":[{"name":"甲"}]}`, []string{"sources[0]"}},
		{"no nodes", head + `"nodes":[]}`, []string{"no nodes"}},
		{"empty name", head + `"nodes":[{"name":"纠纷"}]}`, []string{"name is empty"}},
		{"bad category", head + `"nodes":[{"name":"甲纠纷","category":"money"}]}`, []string{"甲纠纷", "money"}},
		{"category off civil", `{"catalogue":"c","kind":"criminal","sources":["s"],"nodes":[{"name":"甲罪","category":"mixed"}]}`, []string{"civil causes only"}},
		{"duplicate", head + `"nodes":[{"name":"甲纠纷"},{"name":"乙纠纷","children":[{"name":"甲"}]}]}`, []string{"乙纠纷/甲", "already 甲纠纷"}},
		{"alias taken", head + `"nodes":[{"name":"甲纠纷"},{"name":"乙纠纷","aliases":["甲"]}]}`, []string{"already"}},
		{"empty alias", head + `"nodes":[{"name":"甲纠纷","aliases":[""]}]}`, []string{"alias 0"}},
		{"too deep", head + `"nodes":[{"name":"一","children":[{"name":"二","children":[{"name":"三","children":[{"name":"四","children":[{"name":"五"}]}]}]}]}]}`, []string{"deeper than 4"}},
		{"bad legacy", head + `"nodes":[{"name":"甲纠纷","legacy":"old"}]}`, []string{"legacy"}},
		{"suffix to nowhere", head + `"suffix_families":[{"suffix":"责任纠纷","node":"侵权责任纠纷"}],"nodes":[{"name":"甲纠纷"}]}`, []string{"suffix_families[0]", "侵权责任纠纷"}},
		{"empty suffix", head + `"suffix_families":[{"suffix":"纠纷","node":"甲纠纷"}],"nodes":[{"name":"甲纠纷"}]}`, []string{"suffix is empty"}},
	} {
		c, err := rules.ParseCatalogue([]byte(tc.file))
		if err == nil || c != nil {
			t.Errorf("%s: ParseCatalogue = %v, %v; want an error", tc.name, c, err)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", tc.name, err, w)
			}
		}
	}
	// A child may repeat its parent's name (不当得利纠纷 under 不当得利纠纷).
	if _, err := rules.ParseCatalogue([]byte(head + `"nodes":[{"name":"甲纠纷","children":[{"name":"甲纠纷"}]}]}`)); err != nil {
		t.Errorf("child named like its parent: %v", err)
	}
}

func FuzzParseCatalogue(f *testing.F) {
	// The smallest shipped catalogue, and small ones with every field; the
	// civil and criminal files are large enough to slow the fuzzer to a
	// crawl and add no shape the others lack.
	b, err := rules.EmbeddedCatalogue("administrative")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"catalogue":"c","kind":"civil","edition":"e","effective_from":"2026-01-01","levels":["一","二"],"sources":["s"],` +
		`"suffix_families":[{"suffix":"责任纠纷","node":"侵权责任纠纷"}],` +
		`"nodes":[{"name":"侵权责任纠纷","category":"money_payment","children":[{"name":"侵权责任纠纷","aliases":["侵权纠纷"],"group_prone":true,` +
		`"children":[{"name":"高空抛物、坠物损害责任纠纷","category":"mixed","sensitive":true,"legacy":"2011"}]}]}]}`))
	f.Add([]byte(`{"catalogue":"c","kind":"civil","sources":["s"],"nodes":[{"name":"甲纠纷","children":[{"name":"甲纠纷"}]}]}`))
	f.Add([]byte(`{"catalogue":"c","kind":"criminal","sources":["s"],"suffix_families":[{"suffix":"乙罪","node":"甲罪"}],"nodes":[{"name":"甲罪","aliases":["甲、乙罪"]}]}`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := rules.ParseCatalogue(b)
		if err != nil {
			if c != nil {
				t.Fatal("ParseCatalogue returned a catalogue with an error")
			}
			return
		}
		if len(c.Sources) == 0 || len(c.Nodes) == 0 {
			t.Fatalf("accepted a catalogue without sources or nodes: %+v", c)
		}
		// What was accepted must survive a round trip unchanged.
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := rules.ParseCatalogue(out)
		if err != nil {
			t.Fatalf("re-parse of an accepted catalogue: %v", err)
		}
		if len(c2.Nodes) != len(c.Nodes) {
			t.Fatal("round trip changed the catalogue")
		}
	})
}

// realDir finds the shared real filings: FENJIAN_REAL_DIR, else shared/real
// beside the repository (../shared/real from the repository root, which a
// worktree may not have), else /work/shared/real.
func realDir(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("FENJIAN_REAL_DIR"), filepath.Join("..", "..", "shared", "real"), "/work/shared/real"}
	for _, d := range candidates {
		if d == "" {
			continue
		}
		if m, _ := filepath.Glob(filepath.Join(d, "*.jsonl")); len(m) > 0 {
			return d
		}
	}
	t.Skip("real filings not found (set FENJIAN_REAL_DIR or place them at ../shared/real): skipping the real-data cause check")
	return ""
}

// minRealResolved is the share of real filings whose cause must resolve to a
// catalogue node. Measured 2026-12: 284 of 290 (97.9%); the six misses are
// extraction errors in the source ("罪事实清楚罪", "贩卖罪") that a human
// must look at, which is what CAUSE_UNKNOWN asks for.
const minRealResolved = 0.95

// TestRealCausesResolve reads the real first-instance filings and reports
// which share of their causes resolves to a known node.
func TestRealCausesResolve(t *testing.T) {
	dir := realDir(t)
	e := defaultEngine(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	slices.Sort(files)
	total, known := 0, 0
	byMatch := map[rules.CauseMatch]int{}
	var misses []string
	for _, path := range files {
		fh, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var rec struct {
				Filing struct {
					CaseKind string `json:"case_kind"`
					Cause    string `json:"cause"`
				} `json:"filing"`
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			k := triagev1.CaseKind(triagev1.CaseKind_value[rec.Filing.CaseKind])
			c := e.LookupCause(k, rec.Filing.Cause)
			total++
			byMatch[c.Match]++
			if c.Known {
				known++
			} else {
				misses = append(misses, rec.Filing.Cause)
			}
		}
		if err := errors.Join(sc.Err(), fh.Close()); err != nil {
			t.Fatal(err)
		}
	}
	if total == 0 {
		t.Skip("no real filings")
	}
	share := float64(known) / float64(total)
	t.Logf("real causes resolved: %d of %d (%.1f%%); by match %v; unresolved %q", known, total, 100*share, byMatch, misses)
	if share < minRealResolved {
		t.Errorf("only %.1f%% of real causes resolve, want at least %.0f%%", 100*share, 100*minRealResolved)
	}
}

func BenchmarkLookupCause(b *testing.B) {
	e := defaultEngine(b)
	for _, bc := range []struct {
		name    string
		kind    triagev1.CaseKind
		written string
	}{
		{"exact", civilKind, "民间借贷纠纷"},
		{"alias", crimKind, "贩卖毒品罪"},
		{"contained", civilKind, "离婚后财产分割纠纷"},
		{"family", civilKind, "电梯坠落责任纠纷"},
		{"unknown", civilKind, "某某新类型权益纠纷"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if c := e.LookupCause(bc.kind, bc.written); bc.name != "unknown" && !c.Known {
					b.Fatal("not resolved")
				}
			}
		})
	}
}
