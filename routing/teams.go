// Package routing assigns decided cases to trial teams (docs/architecture.md, Routing):
// "随机分案为主、指定分案为辅". Triage picks the procedure; routing narrows the
// court's teams to those eligible for the case and draws one of them at
// random, weighted by free capacity, from a recorded seed, so that anyone can
// re-run the draw from the record and get the same team. A designated
// assignment (指定分案) is the logged exception and is made by the server, not
// here.
//
// The teams are data, not code: a JSON file with a version, embedded as the
// default (default_teams.json, a realistic basic court) and replaceable per
// court with LoadFile. A file is validated as a whole when it is loaded, so a
// bad edit never half-replaces a good one.
//
// The package knows nothing of gRPC or storage; it takes and returns plain
// Go and proto values.
package routing

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/boundedfile"
	"github.com/fenjian/fenjian/rules"
)

//go:embed default_teams.json
var defaultTeams []byte

// Bounds on a teams file. They keep a hand-edited file sane and the sum of
// capacities far from overflowing the draw's weights.
const (
	MaxTeams       = 1000
	MaxTeamIDLen   = 64
	MaxNameChars   = 100
	MaxCauses      = 1000
	MaxCauseChars  = 200
	MaxCapacity    = 100000 // cases per month; no team comes near it
	maxNoteChars   = 1000
	maxCourtChars  = 200
	teamIDAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_"
)

// File is the teams file as written.
type File struct {
	// Version names this edition of the file, e.g. "2026-01-01".
	Version string `json:"version"`
	// Court is the court the teams belong to, for people reading the file.
	Court string `json:"court,omitempty"`
	// Teams in the order eligible teams are listed and drawn from.
	Teams []TeamEntry `json:"teams"`
}

// TeamEntry is one team as written in the file.
type TeamEntry struct {
	// ID is stable: assignments and team feeds refer to it. Lower-case ASCII
	// letters, digits, '-' and '_', at most 64.
	ID string `json:"id"`
	// Name is the team's name, e.g. "民事速裁团队".
	Name string `json:"name"`
	// Note describes the team for people reading the file.
	Note string `json:"note,omitempty"`
	// CaseKinds are enum names, e.g. "CASE_KIND_CIVIL".
	CaseKinds []string `json:"case_kinds"`
	// Procedures are enum names, e.g. "PROCEDURE_SMALL_CLAIMS"; the team
	// takes each listed procedure of each listed case kind that has it.
	Procedures []string `json:"procedures"`
	// Causes, when given, restrict the team to these 案由/罪名 and make it a
	// specialist (see Teams.EligibleFor).
	Causes []string `json:"causes,omitempty"`
	// FastTrack marks a 速裁团队: it never gets a case that needs review.
	FastTrack bool `json:"fast_track,omitempty"`
	// Juvenile marks a 未成年人案件审判组织 (少年法庭, 刑诉法解释第五百四十九条、
	// 第五百五十条): it takes the criminal cases of minor defendants and no
	// others, and while a file has one, those cases go to no other team
	// (see Teams.EligibleCase). Only on a criminal team without causes.
	Juvenile bool `json:"juvenile,omitempty"`
	// Capacity is how many new cases a month the team can take; the draw is
	// weighted by what is left of it.
	Capacity int64 `json:"capacity"`
}

// Team is a validated team. Its slices are shared with the Teams it came
// from and must not be modified.
type Team struct {
	ID         string
	Name       string
	Note       string
	CaseKinds  []triagev1.CaseKind
	Procedures []triagev1.Procedure
	Causes     []string
	FastTrack  bool
	Juvenile   bool
	Capacity   int64

	stems []string // Causes without 案/纠纷/罪, for matching
}

// Takes reports whether the team takes cases of kind k under procedure p.
func (t Team) Takes(k triagev1.CaseKind, p triagev1.Procedure) bool {
	return slices.Contains(t.CaseKinds, k) && slices.Contains(t.Procedures, p) && lawful(k, p)
}

// Specialist reports whether the team is a specialist: it lists causes, or
// it is a fast-track team (a 速裁团队 specialises in simple cases).
func (t Team) Specialist() bool { return len(t.Causes) > 0 || t.FastTrack }

// TakesCause reports whether the team takes a filing of this written cause:
// always when it lists none; otherwise when the cause, without a trailing
// 案, 纠纷 or 罪, contains one of the team's causes so trimmed. This is the
// matching idea of rules' cause catalogue (exact, without 纠纷, or
// contained), so "民间借贷" and "民间借贷纠纷案" match "民间借贷纠纷", and
// "离婚后财产纠纷" matches a family team's "离婚纠纷".
func (t Team) TakesCause(cause string) bool {
	if len(t.stems) == 0 {
		return true
	}
	s := rules.CauseStem(cause)
	if s == "" {
		return false
	}
	for _, st := range t.stems {
		if strings.Contains(s, st) {
			return true
		}
	}
	return false
}

// Teams is a validated teams file. It is immutable and safe for concurrent use.
type Teams struct {
	version  string
	court    string
	teams    []Team
	byID     map[string]int
	juvenile bool // some team is Juvenile
}

// HasJuvenile reports whether the court has a juvenile team (a
// 未成年人案件审判组织): then a criminal case of a minor defendant goes to
// juvenile teams only (EligibleCase), and without one it is routed as any
// other with NoJuvenileTeamNote.
func (ts *Teams) HasJuvenile() bool { return ts.juvenile }

// Version identifies the teams: the file's version and a hash of its bytes,
// so two different files never share a version in the assignment record.
func (ts *Teams) Version() string { return ts.version }

// Court is the court named in the file.
func (ts *Teams) Court() string { return ts.court }

// All returns every team in file order.
func (ts *Teams) All() []Team { return append([]Team(nil), ts.teams...) }

// Team returns the team with the id.
func (ts *Teams) Team(id string) (Team, bool) {
	i, ok := ts.byID[id]
	if !ok {
		return Team{}, false
	}
	return ts.teams[i], true
}

// Eligible returns the teams a decided case may be drawn among, for the
// decision's case kind and recommended procedure, the filing's cause and
// minor defendants, and the decision's review flag; see EligibleCase. The
// case kind is the decision's, or the filing's when the decision has none.
// f may be nil (no cause, no parties).
func (ts *Teams) Eligible(d *triagev1.Decision, f *triagev1.Filing) []Team {
	k := CaseKindOf(d, f)
	return ts.EligibleCase(k, d.GetRecommended(), f.GetCause(), OffFastTrack(d, d.GetRecommended()), JuvenileCase(k, f))
}

// CaseKindOf is the decision's case kind, or the filing's when the decision
// has none.
func CaseKindOf(d *triagev1.Decision, f *triagev1.Filing) triagev1.CaseKind {
	if k := d.GetCaseKind(); k != triagev1.CaseKind_CASE_KIND_UNSPECIFIED {
		return k
	}
	return f.GetCaseKind()
}

// JuvenileCase reports whether a filing of case kind k is a case 刑诉法解释
// 第五百五十条第一款 gives to the 未成年人案件审判组织: a criminal case with a
// defendant marked minor. The flag is the only fact fenjian has; it takes it
// to mean what the article asks (under 18 at the offence charged, and under
// 20 when the court accepted the case), so a defendant of 18 or 19 at 立案
// who was a minor at the offence is marked minor by the filing clerk, and
// one who was 20 by then is not (docs/operations.md, Juvenile teams).
// Civil and administrative cases involving minors (少年家事) are not
// routed by it.
func JuvenileCase(k triagev1.CaseKind, f *triagev1.Filing) bool {
	if k != triagev1.CaseKind_CASE_KIND_CRIMINAL {
		return false
	}
	for _, p := range f.GetParties() {
		if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT && p.GetMinor() {
			return true
		}
	}
	return false
}

// AdultCoDefendant reports whether f names a defendant who is a person not
// marked minor. Beside a minor defendant (JuvenileCase) that is a 共同犯罪
// of a minor and an adult tried together, whose trial organisation the
// president decides (刑诉法解释第五百五十条第三款): such a case is drawn among
// juvenile teams like any juvenile case, but a designation to another team
// is lawful (the president's decision). An organisation defendant (单位犯罪)
// is no adult co-defendant.
func AdultCoDefendant(f *triagev1.Filing) bool {
	for _, p := range f.GetParties() {
		if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT && !p.GetMinor() && p.GetKind() != triagev1.PartyKind_PARTY_KIND_ORGANIZATION {
			return true
		}
	}
	return false
}

// NoJuvenileTeamNote is the reason recorded on the random assignment of a
// juvenile case (JuvenileCase) by a court whose teams file has no juvenile
// team: the case was drawn as any other, and the team lead reads why.
const NoJuvenileTeamNote = "刑诉法解释第五百五十条第一款：被告人实施被指控的犯罪时不满十八周岁、人民法院立案时不满二十周岁的案件，由未成年人案件审判组织审理。" +
	"本院分案团队中没有未成年人案件审判组织（团队文件未标注 juvenile），本案按一般规则随机分案；请确认审判组织，必要时指定分案。"

// JuvenileCoDefendantNote is the reason recorded on the random assignment
// of a juvenile case that also has an adult defendant (AdultCoDefendant),
// drawn among the juvenile teams.
const JuvenileCoDefendantNote = "刑诉法解释第五百五十条第三款：共同犯罪案件有未成年被告人的，是否由未成年人案件审判组织审理，由院长根据实际情况决定。" +
	"本案已在未成年人案件审判组织中随机分案；院长另有决定的，指定分案。"

// EligibleFor returns the teams an adult case may be drawn among:
// EligibleCase for a case without a minor defendant.
func (ts *Teams) EligibleFor(k triagev1.CaseKind, p triagev1.Procedure, cause string, offFastTrack bool) []Team {
	return ts.EligibleCase(k, p, cause, offFastTrack, false)
}

// OffFastTrack reports whether a decided case must stay off fast-track teams
// under procedure p: it needs review (四类案件 and every other signal), or the
// law requires a panel for it under p, which a 速裁团队's single judges cannot
// form — for every case of its kind under p (rules.PanelByLaw: criminal and
// administrative ordinary procedure, civil ordinary above the basic court)
// or for this case's facts (rules.RequiresPanel). A teams file may list
// ordinary procedure for a fast-track team (CPL 40 ¶2 lets a basic court's
// judge try a civil ordinary case alone); the law decides which of those
// cases it may hold.
func OffFastTrack(d *triagev1.Decision, p triagev1.Procedure) bool {
	if d.GetNeedsReview() || rules.PanelByLaw(d, p) {
		return true
	}
	for _, o := range d.GetOptions() {
		if o.GetProcedure() == p {
			return rules.RequiresPanel(o)
		}
	}
	return false
}

// EligibleCase returns, in file order, the teams that take case kind k under
// procedure p and the cause (teams listing causes), leaving out fast-track
// teams when offFastTrack (see OffFastTrack): a 速裁团队 never gets a case with a
// review signal (四类案件 and every other; docs/statutes.md, Review signals)
// or one the law reserves for a panel.
//
// Among those, specialists win: if any eligible team lists causes or is a
// fast-track team, only those are returned, and the teams without a cause
// list that are not fast-track (the 普通审判团队) take the rest. Without this
// a general team, which must exist for every procedure (see Load), would
// share every divorce with the family team and every simple loan case with
// the 速裁团队, and 繁简分流 would be undone by the draw.
//
// The juvenile teams are apart: a case of a minor defendant (juvenile, see
// JuvenileCase) goes to them alone when the file has any (刑诉法解释第五百五十
// 条第一款: 由未成年人案件审判组织审理), never to another team, a 速裁团队
// included; and no other case goes to them, so adult cases never use up the
// capacity the court set aside for minors. Without a juvenile team in the
// file a juvenile case is routed as any other (the caller records
// NoJuvenileTeamNote).
//
// A file that passed Load always yields at least one team for a lawful
// (k, p), and for a juvenile case under a procedure a minor may have
// (simplified, ordinary); an empty result means k or p is not lawful, or a
// juvenile case under fast-track procedure, which CrPL 223 ② bars.
func (ts *Teams) EligibleCase(k triagev1.CaseKind, p triagev1.Procedure, cause string, offFastTrack, juvenile bool) []Team {
	toJuvenile := juvenile && ts.juvenile
	var specialists, generalists []Team
	for _, t := range ts.teams {
		if t.Juvenile != toJuvenile || !t.Takes(k, p) || !t.TakesCause(cause) || (offFastTrack && t.FastTrack) {
			continue
		}
		if t.Specialist() {
			specialists = append(specialists, t)
		} else {
			generalists = append(generalists, t)
		}
	}
	if len(specialists) > 0 {
		return specialists
	}
	return generalists
}

// Default returns the teams embedded in the binary.
func Default() (*Teams, error) { return Load(defaultTeams) }

// DefaultFile returns the embedded teams file, as a starting point for a
// court's own.
func DefaultFile() []byte { return bytes.Clone(defaultTeams) }

// MaxFileBytes bounds a teams file read from disk (the embedded one is
// about 5 KB): -teams naming /dev/zero or a large file by mistake must stop
// the start with an error, not exhaust memory.
const MaxFileBytes = 4 << 20

// LoadFile reads and validates a teams file.
func LoadFile(path string) (*Teams, error) {
	ts, _, err := ReadFile(path)
	return ts, err
}

// ReadFile is LoadFile that also returns the bytes read (nil when they
// could not be read): a reload compares them with the file serving.
func ReadFile(path string) (*Teams, []byte, error) {
	b, err := boundedfile.Read(path, MaxFileBytes)
	if err != nil {
		return nil, nil, fmt.Errorf("read teams %s: %w", path, err)
	}
	ts, err := Load(b)
	if err != nil {
		return nil, b, fmt.Errorf("teams %s: %w", path, err)
	}
	return ts, b, nil
}

// Load parses and validates a teams file: unique ids, known case kinds and
// procedures by enum name, capacities in (0, MaxCapacity], and every
// procedure the law gives a case kind covered by a team that takes any cause
// and cases under review (no cause list, not fast_track), so that no lawful
// decision is left without an eligible team. Every problem names the team.
func Load(b []byte) (*Teams, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse teams: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("parse teams: trailing data after the teams object")
	}
	if err := rules.ValidateVersion("teams", f.Version); err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(f.Court) > maxCourtChars {
		return nil, fmt.Errorf("teams: court is longer than %d characters", maxCourtChars)
	}
	switch {
	case len(f.Teams) == 0:
		return nil, errors.New("teams: no teams")
	case len(f.Teams) > MaxTeams:
		return nil, fmt.Errorf("teams: %d teams; at most %d", len(f.Teams), MaxTeams)
	}
	ts := &Teams{court: f.Court, byID: make(map[string]int, len(f.Teams))}
	for i, e := range f.Teams {
		t, err := validateTeam(e)
		if err != nil {
			return nil, fmt.Errorf("teams: teams[%d] (%s): %w", i, e.ID, err)
		}
		if j, dup := ts.byID[t.ID]; dup {
			return nil, fmt.Errorf("teams: teams[%d]: id %q is also teams[%d]'s", i, t.ID, j)
		}
		ts.byID[t.ID] = i
		ts.teams = append(ts.teams, t)
		ts.juvenile = ts.juvenile || t.Juvenile
	}
	if err := ts.checkCoverage(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	ts.version = f.Version + "+" + hex.EncodeToString(sum[:4])
	return ts, nil
}

// ValidTeamID reports whether id is a team id a teams file may have: 1 to
// MaxTeamIDLen lower-case ASCII letters, digits, '-' and '_'.
func ValidTeamID(id string) bool {
	return id != "" && len(id) <= MaxTeamIDLen && strings.Trim(id, teamIDAlphabet) == ""
}

func validateTeam(e TeamEntry) (Team, error) {
	t := Team{ID: e.ID, Name: strings.TrimSpace(e.Name), Note: e.Note, FastTrack: e.FastTrack, Juvenile: e.Juvenile, Capacity: e.Capacity}
	if !ValidTeamID(e.ID) {
		return Team{}, fmt.Errorf("id must be 1–%d characters of a–z, 0–9, '-' and '_'", MaxTeamIDLen)
	}
	if t.Name == "" || notText(t.Name) || utf8.RuneCountInString(t.Name) > MaxNameChars {
		return Team{}, fmt.Errorf("name must be 1–%d characters of valid UTF-8 text", MaxNameChars)
	}
	if !utf8.ValidString(e.Note) || utf8.RuneCountInString(e.Note) > maxNoteChars {
		return Team{}, fmt.Errorf("note must be valid UTF-8 of at most %d characters", maxNoteChars)
	}
	if e.Capacity <= 0 || e.Capacity > MaxCapacity {
		return Team{}, fmt.Errorf("capacity %d: must be between 1 and %d cases a month", e.Capacity, MaxCapacity)
	}
	var err error
	if t.CaseKinds, err = parseCaseKinds(e.CaseKinds); err != nil {
		return Team{}, err
	}
	if t.Procedures, err = parseProcedures(e.Procedures, t.CaseKinds); err != nil {
		return Team{}, err
	}
	if t.Causes, t.stems, err = parseCauses(e.Causes); err != nil {
		return Team{}, err
	}
	// A juvenile team is the 未成年人案件审判组织 of criminal cases (刑诉法解释
	// 第五百五十条第一款), which takes every charge of a minor defendant; the
	// civil cases of minors (少年家事) are not routed by the flag, so on
	// another case kind, or limited to causes, it would mislead.
	if t.Juvenile {
		if !slices.Equal(t.CaseKinds, []triagev1.CaseKind{triagev1.CaseKind_CASE_KIND_CRIMINAL}) {
			return Team{}, errors.New("juvenile: a juvenile team takes criminal cases of minor defendants only: case_kinds must be [\"CASE_KIND_CRIMINAL\"]")
		}
		if len(t.Causes) > 0 {
			return Team{}, errors.New("juvenile: a juvenile team takes every charge of a minor defendant (刑诉法解释第五百五十条第一款): remove causes")
		}
	}
	return t, nil
}

// parseCaseKinds reads a team's case_kinds: at least one, each a case kind
// other than unspecified, none twice.
func parseCaseKinds(names []string) ([]triagev1.CaseKind, error) {
	if len(names) == 0 {
		return nil, errors.New("case_kinds is empty")
	}
	var kinds []triagev1.CaseKind
	for _, s := range names {
		v, ok := triagev1.CaseKind_value[s]
		k := triagev1.CaseKind(v)
		if !ok || k == triagev1.CaseKind_CASE_KIND_UNSPECIFIED {
			return nil, fmt.Errorf("case_kinds: %q is not CASE_KIND_CIVIL, CASE_KIND_ADMINISTRATIVE or CASE_KIND_CRIMINAL", clip(s))
		}
		if slices.Contains(kinds, k) {
			return nil, fmt.Errorf("case_kinds: %s listed twice", s)
		}
		kinds = append(kinds, k)
	}
	return kinds, nil
}

// parseProcedures reads a team's procedures: at least one, each a procedure
// other than unspecified that the law gives one of the team's case kinds,
// none twice.
func parseProcedures(names []string, kinds []triagev1.CaseKind) ([]triagev1.Procedure, error) {
	if len(names) == 0 {
		return nil, errors.New("procedures is empty")
	}
	var procs []triagev1.Procedure
	for _, s := range names {
		v, ok := triagev1.Procedure_value[s]
		p := triagev1.Procedure(v)
		if !ok || p == triagev1.Procedure_PROCEDURE_UNSPECIFIED {
			return nil, fmt.Errorf("procedures: %q is not PROCEDURE_SMALL_CLAIMS, PROCEDURE_SIMPLIFIED, PROCEDURE_ORDINARY or PROCEDURE_FAST_TRACK", clip(s))
		}
		if slices.Contains(procs, p) {
			return nil, fmt.Errorf("procedures: %s listed twice", s)
		}
		// A procedure none of the team's case kinds has is a mistake in the
		// file (small claims for a criminal team), not something to ignore.
		lawfulForOne := false
		for _, k := range kinds {
			lawfulForOne = lawfulForOne || lawful(k, p)
		}
		if !lawfulForOne {
			return nil, fmt.Errorf("procedures: %s is not a procedure of any of the team's case kinds", s)
		}
		procs = append(procs, p)
	}
	return procs, nil
}

// parseCauses reads a team's causes: at most MaxCauses, each valid text of
// at most MaxCauseChars characters with a non-empty stem, no stem twice. It
// returns the causes as written and their stems.
func parseCauses(causes []string) (written, stems []string, err error) {
	if len(causes) > MaxCauses {
		return nil, nil, fmt.Errorf("causes: %d; at most %d", len(causes), MaxCauses)
	}
	for j, c := range causes {
		st := rules.CauseStem(c)
		switch {
		case notText(c):
			return nil, nil, fmt.Errorf("causes[%d] is not valid text", j)
		case st == "":
			return nil, nil, fmt.Errorf("causes[%d] is empty", j)
		case utf8.RuneCountInString(c) > MaxCauseChars:
			return nil, nil, fmt.Errorf("causes[%d] is longer than %d characters", j, MaxCauseChars)
		}
		for _, prev := range stems {
			if prev == st {
				return nil, nil, fmt.Errorf("causes[%d] %q is listed twice", j, clip(c))
			}
		}
		written = append(written, c)
		stems = append(stems, st)
	}
	return written, stems, nil
}

// lawProcedures are the first-instance procedures the law gives each case
// kind: civil CPL 160–170, administrative 行政诉讼法 81–84, criminal CrPL
// 208–226.
var lawProcedures = []struct {
	kind  triagev1.CaseKind
	procs []triagev1.Procedure
}{
	{triagev1.CaseKind_CASE_KIND_CIVIL, []triagev1.Procedure{triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY}},
	{triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE, []triagev1.Procedure{triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY}},
	{triagev1.CaseKind_CASE_KIND_CRIMINAL, []triagev1.Procedure{triagev1.Procedure_PROCEDURE_FAST_TRACK, triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY}},
}

func lawful(k triagev1.CaseKind, p triagev1.Procedure) bool {
	for _, l := range lawProcedures {
		if l.kind == k {
			return slices.Contains(l.procs, p)
		}
	}
	return false
}

// juvenileProcedures are the procedures a minor defendant's case may have:
// fast-track procedure is barred (刑事诉讼法第二百二十三条第二项).
var juvenileProcedures = []triagev1.Procedure{triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY}

// checkCoverage makes sure every lawful (kind, procedure) has a team that
// takes any cause and cases under review, juvenile teams apart; and, when
// the file has a juvenile team, that juvenile teams do the same for the
// procedures a minor defendant may have, since his case then goes to no
// other team.
func (ts *Teams) checkCoverage() error {
	if ts.juvenile {
		for _, p := range juvenileProcedures {
			if !slices.ContainsFunc(ts.teams, func(t Team) bool {
				return t.Juvenile && !t.FastTrack && t.Takes(triagev1.CaseKind_CASE_KIND_CRIMINAL, p)
			}) {
				return fmt.Errorf("teams: no juvenile team takes CASE_KIND_CRIMINAL under %s for every case: a minor defendant's case goes to juvenile teams only, so list it on a juvenile team that is not fast_track", p)
			}
		}
	}
	for _, l := range lawProcedures {
		for _, p := range l.procs {
			covered := false
			for _, t := range ts.teams {
				if t.Takes(l.kind, p) && !t.Specialist() && !t.Juvenile {
					covered = true
					break
				}
			}
			if !covered {
				return fmt.Errorf("teams: no team takes %s under %s for every case: list them on a team without causes that is not fast_track, so that cases of unlisted causes and cases under review still have a team", l.kind, p)
			}
		}
	}
	return nil
}

// notText reports whether s is not single-line text as the API accepts it
// (rules.ValidateText: valid UTF-8 without control or bidi characters): the
// teams file's names and causes are shown to the same clerks.
func notText(s string) bool {
	return rules.ValidateText("", s, rules.SingleLine) != nil
}

// clip shortens file content echoed in an error.
func clip(s string) string {
	const n = 40
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
