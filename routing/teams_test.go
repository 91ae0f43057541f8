package routing_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
)

const (
	civil    = triagev1.CaseKind_CASE_KIND_CIVIL
	admin    = triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE
	criminal = triagev1.CaseKind_CASE_KIND_CRIMINAL

	pSC   = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	pSimp = triagev1.Procedure_PROCEDURE_SIMPLIFIED
	pOrd  = triagev1.Procedure_PROCEDURE_ORDINARY
	pFT   = triagev1.Procedure_PROCEDURE_FAST_TRACK
)

// lawful lists every (case kind, procedure) the law has.
var lawful = []struct {
	k triagev1.CaseKind
	p triagev1.Procedure
}{
	{civil, pSC}, {civil, pSimp}, {civil, pOrd},
	{admin, pSimp}, {admin, pOrd},
	{criminal, pFT}, {criminal, pSimp}, {criminal, pOrd},
}

func defaultTeams(tb testing.TB) *routing.Teams {
	tb.Helper()
	ts, err := routing.Default()
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return ts
}

func ids(ts []routing.Team) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.ID
	}
	return out
}

func TestDefault(t *testing.T) {
	ts := defaultTeams(t)
	if v := ts.Version(); !strings.HasPrefix(v, "2026-01-01+") || len(v) != len("2026-01-01+")+8 {
		t.Errorf("version %q, want the file version and an 8-hex hash", v)
	}
	if ts.Court() == "" {
		t.Error("no court")
	}
	// A realistic basic court: fast-track teams for civil and criminal
	// cases, a family team, general civil teams, criminal and administrative.
	for _, id := range []string{"civil-fast-finance", "civil-fast-general", "family", "civil-trial-1", "civil-trial-2", "criminal-fast", "criminal-trial", "administrative"} {
		if _, ok := ts.Team(id); !ok {
			t.Errorf("default teams lack %s", id)
		}
	}
	if tm, _ := ts.Team("criminal-fast"); !tm.FastTrack || tm.Capacity <= 0 {
		t.Errorf("criminal-fast = %+v", tm)
	}
	if _, ok := ts.Team("nope"); ok {
		t.Error("unknown team found")
	}
	if !slices.Equal(routing.DefaultFile(), routing.DefaultFile()) || len(routing.DefaultFile()) == 0 {
		t.Error("DefaultFile")
	}
	// Mutating the copy from All does not reach the teams.
	all := ts.All()
	all[0].ID = "changed"
	if ts.All()[0].ID == "changed" {
		t.Error("All returned the internal slice")
	}
}

func TestVersionFollowsBytes(t *testing.T) {
	a, err := routing.Load(routing.DefaultFile())
	if err != nil {
		t.Fatal(err)
	}
	b, err := routing.Load(append(routing.DefaultFile(), '\n'))
	if err != nil {
		t.Fatal(err)
	}
	if a.Version() == b.Version() {
		t.Error("two different files share a version")
	}
}

// minimalFile is a valid file with one general team per case kind.
func minimalFile() routing.File {
	return routing.File{
		Version: "t1",
		Teams: []routing.TeamEntry{
			{ID: "civil", Name: "民事审判团队", CaseKinds: []string{"CASE_KIND_CIVIL"}, Procedures: []string{"PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"}, Capacity: 50},
			{ID: "admin", Name: "行政审判团队", CaseKinds: []string{"CASE_KIND_ADMINISTRATIVE"}, Procedures: []string{"PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"}, Capacity: 20},
			{ID: "criminal", Name: "刑事审判团队", CaseKinds: []string{"CASE_KIND_CRIMINAL"}, Procedures: []string{"PROCEDURE_FAST_TRACK", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"}, Capacity: 40},
		},
	}
}

func TestLoad(t *testing.T) {
	for _, tc := range []struct {
		name string
		mut  func(f *routing.File)
		raw  string // used instead of the marshalled file when set
		want string // substring of the error; "" = loads
	}{
		{name: "minimal file", mut: func(*routing.File) {}},
		{name: "no version", mut: func(f *routing.File) { f.Version = " " }, want: "version is empty"},
		{name: "version with a newline", mut: func(f *routing.File) { f.Version = "a\nb" }, want: "U+000A"},
		{name: "version of 65 characters", mut: func(f *routing.File) { f.Version = strings.Repeat("版", 65) }, want: "65 characters long, more than 64"},
		{name: "version of 64 characters", mut: func(f *routing.File) { f.Version = strings.Repeat("版", 64) }},
		{name: "no teams", mut: func(f *routing.File) { f.Teams = nil }, want: "no teams"},
		{name: "duplicate id", mut: func(f *routing.File) { f.Teams[1].ID = "civil" }, want: `id "civil" is also teams[0]'s`},
		{name: "id with a space", mut: func(f *routing.File) { f.Teams[0].ID = "civil team" }, want: "teams[0] (civil team): id must be"},
		{name: "upper-case id", mut: func(f *routing.File) { f.Teams[0].ID = "Civil" }, want: "id must be"},
		{name: "empty id", mut: func(f *routing.File) { f.Teams[0].ID = "" }, want: "id must be"},
		{name: "id of 65 characters", mut: func(f *routing.File) { f.Teams[0].ID = strings.Repeat("a", 65) }, want: "id must be"},
		{name: "id of 64 characters", mut: func(f *routing.File) { f.Teams[0].ID = strings.Repeat("a", 64) }},
		{name: "no name", mut: func(f *routing.File) { f.Teams[0].Name = "" }, want: "name must be"},
		{name: "zero capacity", mut: func(f *routing.File) { f.Teams[0].Capacity = 0 }, want: "capacity 0"},
		{name: "negative capacity", mut: func(f *routing.File) { f.Teams[0].Capacity = -3 }, want: "capacity -3"},
		{name: "capacity over the bound", mut: func(f *routing.File) { f.Teams[0].Capacity = routing.MaxCapacity + 1 }, want: "capacity"},
		{name: "capacity at the bound", mut: func(f *routing.File) { f.Teams[0].Capacity = routing.MaxCapacity }},
		{name: "unknown case kind", mut: func(f *routing.File) { f.Teams[0].CaseKinds = []string{"CASE_KIND_FAMILY"} }, want: "case_kinds"},
		{name: "case kind not as an enum name", mut: func(f *routing.File) { f.Teams[0].CaseKinds = []string{"civil"} }, want: "case_kinds"},
		{name: "unspecified case kind", mut: func(f *routing.File) { f.Teams[0].CaseKinds = []string{"CASE_KIND_UNSPECIFIED"} }, want: "case_kinds"},
		{name: "no case kinds", mut: func(f *routing.File) { f.Teams[0].CaseKinds = nil }, want: "case_kinds is empty"},
		{name: "case kind twice", mut: func(f *routing.File) { f.Teams[0].CaseKinds = []string{"CASE_KIND_CIVIL", "CASE_KIND_CIVIL"} }, want: "listed twice"},
		{name: "unknown procedure", mut: func(f *routing.File) { f.Teams[0].Procedures = []string{"PROCEDURE_SUMMARY"} }, want: "procedures"},
		{name: "unspecified procedure", mut: func(f *routing.File) { f.Teams[0].Procedures = []string{"PROCEDURE_UNSPECIFIED"} }, want: "procedures"},
		{name: "no procedures", mut: func(f *routing.File) { f.Teams[0].Procedures = nil }, want: "procedures is empty"},
		{name: "procedure twice", mut: func(f *routing.File) { f.Teams[1].Procedures = []string{"PROCEDURE_ORDINARY", "PROCEDURE_ORDINARY"} }, want: "listed twice"},
		{name: "small claims for a criminal team", mut: func(f *routing.File) { f.Teams[2].Procedures = append(f.Teams[2].Procedures, "PROCEDURE_SMALL_CLAIMS") }, want: "not a procedure of any of the team's case kinds"},
		{name: "fast-track for a civil team", mut: func(f *routing.File) { f.Teams[0].Procedures = append(f.Teams[0].Procedures, "PROCEDURE_FAST_TRACK") }, want: "not a procedure of any"},
		{
			// Near miss: a team of two kinds may list a procedure only one has.
			name: "fast-track for a civil and criminal team",
			mut: func(f *routing.File) {
				f.Teams[0].CaseKinds = append(f.Teams[0].CaseKinds, "CASE_KIND_CRIMINAL")
				f.Teams[0].Procedures = append(f.Teams[0].Procedures, "PROCEDURE_FAST_TRACK")
			},
		},
		{name: "cause that is only 纠纷", mut: func(f *routing.File) { f.Teams = append(f.Teams, specialist("x", "纠纷")) }, want: "causes[0] is empty"},
		{name: "cause listed twice", mut: func(f *routing.File) { f.Teams = append(f.Teams, specialist("x", "离婚纠纷", "离婚")) }, want: "listed twice"},
		{name: "specialist team", mut: func(f *routing.File) { f.Teams = append(f.Teams, specialist("x", "离婚纠纷", "继承纠纷")) }},
		{name: "gap: no administrative team", mut: func(f *routing.File) { f.Teams = f.Teams[:1:1]; f.Teams = append(f.Teams, minimalFile().Teams[2]) }, want: "no team takes CASE_KIND_ADMINISTRATIVE under PROCEDURE_SIMPLIFIED"},
		{name: "gap: administrative ordinary only", mut: func(f *routing.File) { f.Teams[1].Procedures = []string{"PROCEDURE_ORDINARY"} }, want: "no team takes CASE_KIND_ADMINISTRATIVE under PROCEDURE_SIMPLIFIED"},
		{name: "gap: the only criminal team is fast-track", mut: func(f *routing.File) { f.Teams[2].FastTrack = true }, want: "no team takes CASE_KIND_CRIMINAL under PROCEDURE_FAST_TRACK"},
		{name: "gap: the only civil team lists causes", mut: func(f *routing.File) { f.Teams[0].Causes = []string{"民间借贷纠纷"} }, want: "no team takes CASE_KIND_CIVIL under PROCEDURE_SMALL_CLAIMS"},
		{name: "unknown field", raw: `{"version":"v","teams":[],"capacitty":1}`, want: "unknown field"},
		{name: "trailing data", raw: `{"version":"v","teams":[]} {}`, want: "trailing data"},
		{name: "not JSON", raw: `version: v`, want: "parse teams"},
		{name: "capacity as a string", raw: `{"version":"v","teams":[{"id":"a","name":"n","case_kinds":["CASE_KIND_CIVIL"],"procedures":["PROCEDURE_ORDINARY"],"capacity":"5"}]}`, want: "parse teams"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := []byte(tc.raw)
			if tc.raw == "" {
				f := minimalFile()
				tc.mut(&f)
				var err error
				if b, err = json.Marshal(f); err != nil {
					t.Fatal(err)
				}
			}
			ts, err := routing.Load(b)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("Load: %v", err)
			case tc.want == "" && ts.Version() == "":
				t.Fatal("loaded without a version")
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("Load error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func specialist(id string, causes ...string) routing.TeamEntry {
	return routing.TeamEntry{ID: id, Name: "专业团队", CaseKinds: []string{"CASE_KIND_CIVIL"}, Procedures: []string{"PROCEDURE_SIMPLIFIED"}, Causes: causes, Capacity: 10}
}

func TestLoadFile(t *testing.T) {
	ts, err := routing.LoadFile(filepath.Join("testdata", "teams_minimal.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(ts.All()); !slices.Equal(got, []string{"civil", "admin", "criminal"}) {
		t.Errorf("teams %v", got)
	}
	// The file's name is in the error, and the gap is named.
	_, err = routing.LoadFile(filepath.Join("testdata", "teams_gap.json"))
	if err == nil || !strings.Contains(err.Error(), "teams_gap.json") || !strings.Contains(err.Error(), "CASE_KIND_CRIMINAL under PROCEDURE_FAST_TRACK") {
		t.Errorf("gap file: %v", err)
	}
	if _, err := routing.LoadFile(filepath.Join(t.TempDir(), "missing.json")); err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("missing file: %v", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

func TestEligible(t *testing.T) {
	ts := defaultTeams(t)
	generalCivil := []string{"civil-trial-1", "civil-trial-2", "civil-trial-3"}
	for _, tc := range []struct {
		name   string
		k      triagev1.CaseKind
		p      triagev1.Procedure
		cause  string
		review bool
		want   []string
	}{
		{"small-claims loan goes to the 速裁团队", civil, pSC, "民间借贷纠纷", false, []string{"civil-fast-general"}},
		{"the same under review skips it", civil, pSC, "民间借贷纠纷", true, generalCivil},
		{"cause written without 纠纷", civil, pSC, "民间借贷", false, []string{"civil-fast-general"}},
		{"cause written with 案 and spaces", civil, pSimp, " 民间借贷纠纷案 ", false, []string{"civil-fast-general"}},
		{"credit card, simplified", civil, pSimp, "信用卡纠纷", false, []string{"civil-fast-finance"}},
		{"financial loan contains 借款合同", civil, pSC, "金融借款合同纠纷", false, []string{"civil-fast-finance"}},
		{"ordinary loan case: the 速裁团队 takes no ordinary cases", civil, pOrd, "民间借贷纠纷", false, generalCivil},
		{"divorce goes to the family team", civil, pSimp, "离婚纠纷", false, []string{"family"}},
		{"divorce under review still does (not fast-track)", civil, pOrd, "离婚纠纷", true, []string{"family"}},
		{"离婚后财产 contains 离婚", civil, pOrd, "离婚后财产纠纷", false, []string{"family"}},
		{"maintenance, small claims", civil, pSC, "赡养费纠纷", false, []string{"family"}},
		{"construction, ordinary: commercial team", civil, pOrd, "建设工程施工合同纠纷", false, []string{"commercial"}},
		{"insurance cause contains 保险", civil, pSimp, "财产保险合同纠纷", false, []string{"commercial"}},
		{"decoration, small claims: commercial takes none", civil, pSC, "装饰装修合同纠纷", false, generalCivil},
		{"unlisted cause", civil, pSimp, "相邻关系纠纷", false, generalCivil},
		{"no cause", civil, pOrd, "", false, generalCivil},
		{"criminal fast-track", criminal, pFT, "危险驾驶罪", false, []string{"criminal-fast"}},
		{"criminal fast-track under review", criminal, pFT, "危险驾驶罪", true, []string{"criminal-trial"}},
		{"criminal simplified", criminal, pSimp, "盗窃罪", false, []string{"criminal-fast"}},
		{"criminal ordinary", criminal, pOrd, "故意伤害罪", false, []string{"criminal-trial"}},
		{"administrative simplified", admin, pSimp, "政府信息公开", false, []string{"administrative"}},
		{"administrative ordinary under review", admin, pOrd, "行政处罚", true, []string{"administrative"}},
		{"civil fast-track is no procedure", civil, pFT, "民间借贷纠纷", false, nil},
		{"administrative small claims is no procedure", admin, pSC, "", false, nil},
		{"unspecified kind", triagev1.CaseKind_CASE_KIND_UNSPECIFIED, pOrd, "", false, nil},
		{"unspecified procedure", civil, triagev1.Procedure_PROCEDURE_UNSPECIFIED, "", false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(ts.EligibleFor(tc.k, tc.p, tc.cause, tc.review))
			if !slices.Equal(got, tc.want) {
				t.Errorf("eligible %v, want %v", got, tc.want)
			}
		})
	}
}

func TestEligibleFromDecision(t *testing.T) {
	ts := defaultTeams(t)
	f := &triagev1.Filing{CaseKind: civil, Cause: "民间借贷纠纷"}
	d := &triagev1.Decision{CaseKind: civil, Recommended: pSC}
	if got := ids(ts.Eligible(d, f)); !slices.Equal(got, []string{"civil-fast-general"}) {
		t.Errorf("eligible %v", got)
	}
	d.NeedsReview = true
	if got := ids(ts.Eligible(d, f)); slices.Contains(got, "civil-fast-general") || len(got) == 0 {
		t.Errorf("under review: %v", got)
	}
	// A remanded criminal case recommended simplified needs no review, but
	// CrPL 239 requires a newly formed panel: never the 速裁团队 (its judges sit
	// alone). Near miss: the same case without the panel condition.
	remanded := &triagev1.Decision{CaseKind: criminal, Recommended: pSimp, Options: []*triagev1.ProcedureOption{
		{Procedure: pSimp, Available: true, Reasons: []*triagev1.Reason{{Code: rules.CodeCrPL239NewPanel}}}}}
	if got := ids(ts.Eligible(remanded, &triagev1.Filing{CaseKind: criminal})); slices.Contains(got, "criminal-fast") || len(got) == 0 {
		t.Errorf("panel required (刑事诉讼法第二百三十九条): %v", got)
	}
	remanded.Options[0].Reasons = []*triagev1.Reason{{Code: rules.CodeCrPL214Eligible}}
	if got := ids(ts.Eligible(remanded, &triagev1.Filing{CaseKind: criminal})); !slices.Contains(got, "criminal-fast") {
		t.Errorf("no panel condition: %v, want the 速裁团队 among them", got)
	}
	// A decision without a case kind falls back to the filing's.
	if got := ids(ts.Eligible(&triagev1.Decision{Recommended: pFT}, &triagev1.Filing{CaseKind: criminal})); !slices.Equal(got, []string{"criminal-fast"}) {
		t.Errorf("kind from the filing: %v", got)
	}
	// No filing: no cause, so only teams without a cause list.
	if got := ids(ts.Eligible(&triagev1.Decision{CaseKind: civil, Recommended: pSC}, nil)); !slices.Equal(got, []string{"civil-trial-1", "civil-trial-2", "civil-trial-3"}) {
		t.Errorf("no filing: %v", got)
	}
}

// TestEveryLawfulCaseHasATeam: whatever the cause and review flag, a file
// that loads gives every lawful (kind, procedure) a team, never a fast-track
// team under review, and only teams that take the case.
func TestEveryLawfulCaseHasATeam(t *testing.T) {
	for _, name := range []string{"default", "minimal"} {
		ts := defaultTeams(t)
		if name == "minimal" {
			var err error
			if ts, err = routing.LoadFile(filepath.Join("testdata", "teams_minimal.json")); err != nil {
				t.Fatal(err)
			}
		}
		for _, l := range lawful {
			for _, cause := range []string{"", "民间借贷纠纷", "离婚纠纷", "信用卡纠纷", "危险驾驶罪", "某某新型纠纷"} {
				for _, review := range []bool{false, true} {
					got := ts.EligibleFor(l.k, l.p, cause, review)
					if len(got) == 0 {
						t.Errorf("%s: no team for %v %v %q review=%v", name, l.k, l.p, cause, review)
					}
					for _, tm := range got {
						if review && tm.FastTrack {
							t.Errorf("%s: fast-track team %s under review", name, tm.ID)
						}
						if !tm.Takes(l.k, l.p) || !tm.TakesCause(cause) {
							t.Errorf("%s: team %s does not take %v %v %q", name, tm.ID, l.k, l.p, cause)
						}
					}
				}
			}
		}
	}
}

// TestPanelByLawStaysOffFastTrack: a teams file may list ordinary procedure
// for a 速裁团队 (CPL 40 ¶2 lets a basic court's judge try a civil ordinary
// case alone), but a case the law tries by a panel under that procedure,
// for its kind or for its facts, never goes to one. Each case is decided by
// the embedded rules; each refusal has a near miss one fact away.
func TestPanelByLawStaysOffFastTrack(t *testing.T) {
	all := func(id string, kind string, fast bool, causes []string, procs ...string) routing.TeamEntry {
		return routing.TeamEntry{ID: id, Name: id, CaseKinds: []string{kind}, Procedures: procs, Causes: causes, FastTrack: fast, Capacity: 10}
	}
	ts, err := routing.Load(mustJSON(t, routing.File{Version: "panel-1", Teams: []routing.TeamEntry{
		all("civil-fast", "CASE_KIND_CIVIL", true, nil, "PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		all("civil", "CASE_KIND_CIVIL", false, nil, "PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		all("admin-fast", "CASE_KIND_ADMINISTRATIVE", true, nil, "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		all("admin", "CASE_KIND_ADMINISTRATIVE", false, nil, "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		all("criminal-fast", "CASE_KIND_CRIMINAL", true, nil, "PROCEDURE_FAST_TRACK", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		all("criminal", "CASE_KIND_CRIMINAL", false, nil, "PROCEDURE_FAST_TRACK", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
	}}))
	if err != nil {
		t.Fatal(err)
	}
	e, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	base := func(k triagev1.CaseKind, cause string) *triagev1.Filing {
		f := &triagev1.Filing{
			Id: "f-1", CaseKind: k, Court: "杭州市上城区人民法院", CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC,
			Province: "浙江省", FiledOn: "2024-03-05", Cause: cause, ClaimAmountFen: 1_000_000,
			Parties: []*triagev1.Party{
				{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
				{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION},
			},
			Circumstances: &triagev1.Circumstances{},
		}
		if k == criminal {
			f.Parties = f.Parties[1:]
			f.Parties[0].Kind = triagev1.PartyKind_PARTY_KIND_PERSON
			f.Circumstances = &triagev1.Circumstances{GuiltyPlea: true, ConsentsFastTrack: true, RecommendedSentenceMonths: 4}
		}
		return f
	}
	decide := func(f *triagev1.Filing, p triagev1.Procedure) *triagev1.Decision {
		t.Helper()
		a, err := e.Evaluate(f)
		if err != nil {
			t.Fatalf("evaluate %s: %v", f.GetCause(), err)
		}
		if o := a.Option(p); !o.GetAvailable() {
			t.Fatalf("fixture %s: %v not available: %v", f.GetCause(), p, o.GetReasons())
		}
		return &triagev1.Decision{CaseKind: f.GetCaseKind(), Recommended: p, Options: a.Options, NeedsReview: a.NeedsReview()}
	}
	maritime := base(criminal, "危险驾驶罪")
	maritime.Court = "宁波海事法院" // stated basic: INFER_CRIMINAL_MARITIME_COURT
	adminSuit := base(admin, "行政公益诉讼")
	adminInfo := base(admin, "政府信息公开")
	adminInfo.Circumstances.InformationDisclosure = true
	intermediate := base(civil, "案外人执行异议之诉")
	intermediate.Court, intermediate.CourtLevel = "杭州市中级人民法院", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE
	for _, tc := range []struct {
		name string
		d    *triagev1.Decision
		fast string // the fast-track team of the kind
		want bool   // whether it is eligible
	}{
		// 刑事诉讼法第一百八十三条: ordinary procedure is a panel.
		{"criminal ordinary at a maritime court (CrPL 183)", decide(maritime, pOrd), "criminal-fast", false},
		{"criminal ordinary at a basic court (CrPL 183)", decide(base(criminal, "危险驾驶罪"), pOrd), "criminal-fast", false},
		{"near miss: criminal simplified at a basic court", decide(base(criminal, "危险驾驶罪"), pSimp), "criminal-fast", true},
		// 行政诉讼法第六十八条; 人民陪审员法第十六条第二项: a seven-member panel.
		{"行政公益诉讼, ordinary (ALL 68, 人民陪审员法 16(2))", decide(adminSuit, pOrd), "admin-fast", false},
		{"administrative information disclosure, ordinary (ALL 68)", decide(adminInfo, pOrd), "admin-fast", false},
		{"near miss: administrative information disclosure, simplified (ALL 83)", decide(adminInfo, pSimp), "admin-fast", true},
		// 民事诉讼法第四十条: a single judge in ordinary procedure only at a basic court.
		{"执行异议之诉 at an intermediate court, ordinary (CPL 40)", decide(intermediate, pOrd), "civil-fast", false},
		{"near miss: 执行异议之诉 at a basic court, ordinary (CPL 40 ¶2)", decide(base(civil, "案外人执行异议之诉"), pOrd), "civil-fast", true},
		// 民诉法解释第二百九十二条: a third-party revocation suit is a panel.
		{"第三人撤销之诉 at a basic court, ordinary (Interp. 292)", decide(base(civil, "第三人撤销之诉"), pOrd), "civil-fast", false},
		// 民事诉讼法第四十二条第一项: a public-interest suit is a panel (and under review).
		{"环境污染民事公益诉讼, ordinary (CPL 42(1))", decide(base(civil, "环境污染民事公益诉讼"), pOrd), "civil-fast", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(ts.EligibleFor(tc.d.GetCaseKind(), tc.d.GetRecommended(), "", routing.OffFastTrack(tc.d, tc.d.GetRecommended())))
			if slices.Contains(got, tc.fast) != tc.want {
				t.Errorf("eligible %v; %s eligible = %v, want %v (reasons %v)", got, tc.fast, !tc.want, tc.want, tc.d.GetOptions())
			}
			if len(got) == 0 {
				t.Error("no team at all")
			}
		})
	}
}

func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
