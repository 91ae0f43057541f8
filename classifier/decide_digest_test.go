package classifier

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/triage"
)

// The decide digest pins the whole decision (options, probabilities,
// reasons with their messages, inferences) of a few thousand filings, so
// that work on the speed of the rules' text readers, the fold or the
// features cannot change what any filing is decided as (issue 13). Run
// with -update only after an intended decision change (a rules version
// bump, a new model), and review what moved with FENJIAN_DECIDE_DUMP: set
// to a directory, the test writes there one line of protojson per filing
// and set, before and after a change, for diff.

// decideSet is a named list of filings whose decisions are digested
// together.
type decideSet struct {
	name    string
	filings []*triagev1.Filing
}

// decideSets are the filings the digest pins: 3,000 generated filings
// (seed 24), the same texts written the ways clerks also write them
// (traditional characters, full-width digits and punctuation, spaces of
// every kind: the fold's slow paths), the features golden's filings, and
// the rules' fuzz seeds as civil, criminal and administrative texts. The
// real filings (realDecideSet) are not pinned: CI has no copy.
func decideSets(t *testing.T) []decideSet {
	t.Helper()
	var gen, variants []*triagev1.Filing
	for i, lf := range generate(t, 3000, 24) {
		gen = append(gen, lf.GetFiling())
		if i%5 == 0 {
			variants = append(variants, writtenVariant(lf.GetFiling(), i))
		}
	}
	var seeds []*triagev1.Filing
	for i, text := range fuzzSeedTexts {
		for _, kind := range []triagev1.CaseKind{triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL, triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE} {
			f := seedFiling(kind, text)
			f.Id = fmt.Sprintf("seed-%d-%d", i, kind)
			seeds = append(seeds, f)
		}
	}
	for _, raw := range fuzzSeedFilings {
		f := &triagev1.Filing{}
		if err := protojson.Unmarshal([]byte(raw), f); err != nil {
			t.Fatalf("seed filing %s: %v", raw, err)
		}
		seeds = append(seeds, f)
	}
	return []decideSet{
		{"generated", gen},
		{"variants", variants},
		{"golden", goldenFilings(t)},
		{"seeds", seeds},
	}
}

// seedFiling is a valid filing of kind around a text from a fuzz seed, with
// parties whose names the civil readers read too.
func seedFiling(kind triagev1.CaseKind, text string) *triagev1.Filing {
	f := &triagev1.Filing{
		CaseKind: kind, Court: "杭州市上城区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "浙江省", FiledOn: "2024-03-05",
		Text: text, Circumstances: &triagev1.Circumstances{},
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "张三等15人"},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION, Name: "香港某某有限公司"},
		},
	}
	switch kind {
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		f.Cause, f.ClaimAmountFen = "民间借贷纠纷", 3_000_000
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		f.Cause = "盗窃罪"
		f.Parties[1] = &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "王某"}
		f.Circumstances = &triagev1.Circumstances{AdmitsChargedFacts: true, AcceptsSentencingRecommendation: true, RecommendedSentenceMonths: 10}
	default:
		f.Cause = "行政处罚"
	}
	return f
}

// fuzzSeedTexts are the seeds of the rules' text fuzz tests (FuzzReadClaims,
// FuzzReadTextSentence, FuzzReadTextBirthMinor, FuzzFoldCause, FuzzCharges,
// FuzzNumeralYuan, FuzzEvaluate), copied: a test package cannot import
// another's.
var fuzzSeedTexts = []string{
	"诉讼请求：1.判令被告偿还借款30000元；2.返还车辆。事实与理由：被告下落不明，请求公告送达。",
	"原告张三等15人诉被告", "張三等十二人", "返还", "返还,", "9999999999999999999万元", "1,000,000.5元", "等百人", "\xff元",
	"事实与理由诉讼请求", "香港(", "(香港)某公司",
	"", "建议", "建议判处有期徒刑二年六个月至三年六个月", "缓刑", "三至", "一千零一十", "被告人王某系聋哑人", "附带民事诉讼", "建议判处有期徒刑三年以上",
	"被告人", "被告人王某，2005年3月1日出生。于2022年6月10日", "被告人王某，男，２００５年３月１日出生", "被告人王某，2005年2月30日出生", "于2022年1月1日", "被告人9999年99月99日出生",
	"离婚纠纷", "離婚糾紛", "民间借贷纠纷、离婚纠纷", "婚姻家庭纠纷-离婚纠纷", "e\u200b\u0301", "¨",
	"企业名称（商号）合同纠纷", "、；", ">>", "(", "纠纷(", "\xff", "盗窃罪、诈骗罪",
	"盗窃罪", "间谍、合同诈骗罪", "危险驾驶罪（数罪并罚）", "被告人张三犯危险驾驶罪一案。",
	"组织参与国（境）外赌博罪", "盗窃罪（", "）罪、", "罪罪罪", "军人", "涉嫌", "被告人犯", "等等罪", "\u00a0盗窃罪",
	strings.Repeat("罪、", 80), strings.Repeat("（", 70),
	"五千", "壹拾贰万叁仟", "3万5千", "九千九百九十九万亿亿", "99999999999999", "十十十十", "亿亿亿", "0",
	"群体性", "a\u0000b", "诉讼请求：\r\n\t1.\u001b[2J", "理由\u2069\x7f",
	"原告李四诉称：被告系美国籍，国籍为日本，非外籍，李英国籍贯湖南。证人系外籍。被告下落不明，不申请鉴定，需要进行司法鉴定，对鉴定意见有异议。本案系公益诉讼。",
	"诉讼请求：１．判令被告返还欠款５０，０００元及利息；２．判令被告支付违约金壹万贰仟元整；３．赔偿2万美元。",
}

// fuzzSeedFilings are FuzzEvaluate's JSON seeds.
var fuzzSeedFilings = []string{
	`{"id":"x","case_kind":"CASE_KIND_CIVIL","court_level":"COURT_LEVEL_BASIC","province":"辽宁省","filed_on":"2023-07-15","claim_amount_fen":"4700001","circumstances":{"parties_agree_small_claims":true}}`,
	`{"id":"y","case_kind":"CASE_KIND_CRIMINAL","court_level":"COURT_LEVEL_BASIC","circumstances":{"recommended_sentence_months":37}}`,
	`{"id":"z","case_kind":"CASE_KIND_CIVIL","court_level":"COURT_LEVEL_BASIC","text":"ab","parties":[{"role":"PARTY_ROLE_PLAINTIFF","name":"张三"},{"role":"PARTY_ROLE_DEFENDANT","name":"李四"}]}`,
	`{}`,
}

// variantTraditional writes some simplified characters the traditional way
// (a few of the fold's traditionalPairs and characters it leaves alone).
var variantTraditional = strings.NewReplacer(
	"离", "離", "纠", "糾", "纷", "紛", "还", "還", "请", "請", "诉", "訴", "讼", "訟", "赔", "賠", "偿", "償",
	"鉴", "鑒", "定", "定", "额", "額", "币", "幣", "万", "萬", "国", "國", "籍", "籍", "与", "與", "发", "發",
)

// variantWidth writes ASCII digits, commas, colons and brackets full-width.
var variantWidth = strings.NewReplacer(
	"0", "０", "1", "１", "2", "２", "3", "３", "5", "５", "8", "８", ",", "，", ":", "：", "(", "（", ")", "）", ".", "．",
)

// writtenVariant is f with its text and party names written as the i-th of
// four other ways: traditional characters, full-width forms, spaces of
// every kind between characters, all three.
func writtenVariant(f *triagev1.Filing, i int) *triagev1.Filing {
	g := proto.CloneOf(f)
	g.Id = fmt.Sprintf("%s#v%d", g.GetId(), i%4)
	w := func(s string) string {
		switch i % 4 {
		case 0:
			return variantTraditional.Replace(s)
		case 1:
			return variantWidth.Replace(s)
		case 2:
			return spaced(s, i)
		default:
			return spaced(variantWidth.Replace(variantTraditional.Replace(s)), i)
		}
	}
	g.Text = w(g.GetText())
	for _, p := range g.GetParties() {
		p.Name = w(p.GetName())
	}
	return g
}

// spaced puts a space of one kind or another (ASCII, ideographic,
// no-break, zero-width) after every seventh rune.
func spaced(s string, seed int) string {
	spaces := []string{" ", "\u3000", "\u00a0", "\u200b", "\ufeff"}
	var b strings.Builder
	n := 0
	for _, r := range s {
		b.WriteRune(r)
		if n++; n%7 == 0 {
			b.WriteString(spaces[(n/7+seed)%len(spaces)])
		}
	}
	return b.String()
}

// realDecideSet is the shared real filings (not pinned: for
// FENJIAN_DECIDE_DUMP), nil when they are not found.
func realDecideSet(t *testing.T) []*triagev1.Filing {
	t.Helper()
	dir := os.Getenv("FENJIAN_REAL_DIR")
	if dir == "" {
		dir = "/work/shared/real"
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	var out []*triagev1.Filing
	for _, p := range paths {
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		rd := dataset.NewReader(fh)
		for {
			lf, err := rd.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			out = append(out, lf.GetFiling())
		}
		fh.Close()
	}
	return out
}

// decisionLine is a filing's decision as compact protojson, or its error.
func decisionLine(t *testing.T, e *triage.Engine, f *triagev1.Filing) []byte {
	d, err := e.Decide(context.Background(), f)
	if err != nil {
		return []byte("error: " + err.Error())
	}
	b, err := protojson.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	// protojson varies its spacing from build to build: compact it.
	var c bytes.Buffer
	if err := json.Compact(&c, b); err != nil {
		t.Fatal(err)
	}
	return c.Bytes()
}

// TestDecideDigest decides every filing of decideSets with the default
// rules and model and compares, per set, the count and a SHA-256 over the
// decisions with testdata/decide_digest.golden.
func TestDecideDigest(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// A fixed "today": three seed filings have no filed_on and are decided
	// on the engine's clock, so with the wall clock the digest changed at
	// every midnight in Beijing (found when it failed at 00:10 CST).
	today := time.Date(2026, 12, 5, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))
	e := triage.New(testRules(t).WithClock(func() time.Time { return today }), m)
	sets := decideSets(t)
	dump := os.Getenv("FENJIAN_DECIDE_DUMP")
	if dump != "" {
		sets = append(sets, decideSet{"real", realDecideSet(t)})
	}
	var got bytes.Buffer
	for _, s := range sets {
		h := sha256.New()
		var out *bufio.Writer
		if dump != "" {
			fh, err := os.Create(filepath.Join(dump, s.name+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			out = bufio.NewWriter(fh)
			defer out.Flush()
		}
		for _, f := range s.filings {
			line := decisionLine(t, e, f)
			h.Write(line)
			h.Write([]byte{'\n'})
			if out != nil {
				fmt.Fprintf(out, "%s\t%s\n", f.GetId(), line)
			}
		}
		if s.name != "real" {
			fmt.Fprintf(&got, "%s %d %s\n", s.name, len(s.filings), hex.EncodeToString(h.Sum(nil)))
		}
	}
	path := filepath.Join("testdata", "decide_digest.golden")
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("decisions differ from %s (set FENJIAN_DECIDE_DUMP=dir before and after the change to see which):\ngot:\n%swant:\n%s", path, got.Bytes(), want)
	}
}
